"""The shape of the code: stages in order, knowledge in data files, modules of a readable
size."""

import ast
import dataclasses
import re
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.knowledge.settings import SettingsError, load_settings
from rasd.pipeline import STAGES, Analysis, Stage, _check_order

SOURCE = Path(__file__).resolve().parents[1] / "src" / "rasd"
# An Arabic letter (tatweel aside) that is not the end of a character range "x-y".
ARABIC_LETTER = re.compile("[\u0621-\u063a\u0641-\u064a]")
RANGE = re.compile(".-.", re.DOTALL)


def modules() -> list[Path]:
    return sorted(SOURCE.rglob("*.py"))


def string_literals(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_arabic_word_is_written_in_code():
    found = [
        f"{path.relative_to(SOURCE)}:{line}: {value[:40]!r}"
        for path in modules()
        for line, value in string_literals(path)
        if ARABIC_LETTER.search(RANGE.sub("", value))
    ]
    assert found == []


def test_no_module_is_over_500_lines():
    long = {
        str(path.relative_to(SOURCE)): n
        for path in modules()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}


def test_the_command_line_starts_without_the_store_the_server_or_the_network():
    # `rasd extract` starts in a fraction of a second: SQLAlchemy, FastAPI, feedparser,
    # urllib.request (ssl), pyarrow and Dask are imported by the commands that need them
    heavy = ("sqlalchemy", "fastapi", "uvicorn", "feedparser", "urllib.request", "pyarrow", "dask")
    code = f"import rasd.cli, sys; print([m for m in {heavy!r} if m in sys.modules])"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_every_stage_reads_only_what_an_earlier_stage_wrote():
    assert [stage.name for stage in STAGES] == [
        "mentions",
        "candidates",
        "discourse",
        "screening",
        "attribution",
        "record",
    ]
    _check_order(STAGES)


def test_a_stage_that_reads_what_nobody_wrote_is_refused():
    early = Stage("record", lambda analysis, resources: None, ("candidates",), ("events",))
    with pytest.raises(TypeError, match="requires"):
        _check_order((early,))


def test_a_stage_must_name_fields_of_the_analysis():
    odd = Stage("odd", lambda analysis, resources: None, ("document",), ("verdict",))
    with pytest.raises(TypeError, match="no such field"):
        _check_order((odd,))
    assert "events" in Analysis.__dataclass_fields__


def test_a_missing_setting_is_named():
    with pytest.raises(SettingsError, match="missing setting"):
        load_settings({"text": {}})


def test_a_setting_of_the_wrong_type_is_named():
    good = load_settings()
    raw = {
        section: dict(vars(getattr(good, section)))
        for section in ("text", "ingest", "actors", "dates", "events", "placing", "merging")
        + ("roles", "casualties", "geocode")
    }
    raw["placing"]["same_place_km"] = "twelve"
    with pytest.raises(SettingsError, match="same_place_km"):
        load_settings(raw)


def _records_with_init_written_out() -> list[object]:
    from rasd.annotate.mentions import Clause, SentenceMentions, TokenOffsets
    from rasd.knowledge.actor_entries import ActorEntry
    from rasd.knowledge.actors import ActorMention, Via
    from rasd.knowledge.places import PlaceMention
    from rasd.knowledge.taxonomy import ActorKind
    from rasd.model import Span

    span = Span(0, 4, "Homs")
    entry = ActorEntry("x", "X", None, ActorKind.REBEL_GROUP, ("X",))
    return [
        Clause(0, 4),
        SentenceMentions(0, 0, 4, "Homs", False, [], [Clause(0, 4)], TokenOffsets([], [])),
        PlaceMention(span, []),
        ActorMention(span, entry, Via.ALIAS),
    ]


def test_a_record_whose_init_is_written_out_sets_every_field():
    # The mention records write out their __init__ (a dataclass's own runs interpreted when
    # compiled): a field added to one must be set there too.
    for record in _records_with_init_written_out():
        own = vars(record) if hasattr(record, "__dict__") else None  # compiled: no __dict__
        unset = [
            f.name
            for f in dataclasses.fields(record)
            if (f.name not in own if own is not None else not hasattr(record, f.name))
        ]
        assert unset == [], type(record).__name__
