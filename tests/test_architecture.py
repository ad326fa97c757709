"""The shape of the code: stages in order, knowledge in data files, modules of a readable
size."""

import ast
import re
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
