"""Help where a user looks for it: `rasd` alone, a command group alone, every option."""

import argparse

import pytest

from rasd.cli import main, parser


def test_rasd_alone_prints_the_help(capsys):
    assert main([]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("usage: rasd") and "extract" in out and "exit codes" in out
    assert err == ""


def test_gazetteer_alone_lists_its_actions(capsys):
    assert main(["gazetteer"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: rasd gazetteer")
    for action in ("info", "build", "import", "remove"):
        assert action in out


def _commands(p: argparse.ArgumentParser, prefix: str = "rasd"):
    yield prefix, p
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _commands(sub, f"{prefix} {name}")


@pytest.mark.parametrize(
    "sub", [pytest.param(sub, id=command) for command, sub in _commands(parser())]
)
def test_every_argument_has_help_text(sub):
    bare = [
        action.option_strings[0] if action.option_strings else action.metavar or action.dest
        for action in sub._actions
        if not action.help and not isinstance(action, argparse._SubParsersAction)
    ]
    assert bare == [], f"{sub.prog}: {bare}"


def test_extract_help_explains_the_formats(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    out = capsys.readouterr().out
    assert "ACLED" in out and "geojson" in out
