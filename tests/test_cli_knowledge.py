"""A bad data file of the user's own ($RASD_HOME) stops the run with one error that names
the file, on one line, and exit code 2: it is no input's fault."""

import os
import subprocess
import sys

import pytest
import yaml

from rasd.knowledge.files import read_yaml

GOOD_EN = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"
UNCLOSED = "triggers:\n  - phrase: [shelled\n    event_type: Explosions/Remote violence\n"


@pytest.fixture
def bad_home(tmp_path):
    home = tmp_path / "home"
    (home / "lexicon").mkdir(parents=True)
    (home / "lexicon" / "en-local.yaml").write_text(UNCLOSED, encoding="utf-8")
    return home


def test_bad_lexicon_in_rasd_home_is_one_error_naming_it_and_exit_2(tmp_path, bad_home):
    inputs = []
    for name in ("first.txt", "second.txt"):
        inputs.append(tmp_path / name)
        inputs[-1].write_text(GOOD_EN, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", *map(str, inputs)],
        capture_output=True,
        text=True,
        env={**os.environ, "RASD_HOME": str(bad_home)},
        timeout=120,
    )
    assert proc.returncode == 2 and proc.stdout == ""
    [error] = proc.stderr.splitlines()
    assert error.startswith("rasd: error: ") and "en-local.yaml" in error
    assert "first.txt" not in error and "line 3, column 15" in error


def test_invalid_yaml_is_reported_in_one_line_with_its_place(bad_home):
    with pytest.raises(yaml.YAMLError) as caught:
        read_yaml(bad_home / "lexicon" / "en-local.yaml")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("line 3, column 15: ")
