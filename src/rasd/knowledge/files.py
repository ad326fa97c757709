"""Reading rasd's data files: packaged ones under ``rasd/data`` and the user's own.

YAML is parsed with libyaml's C loader where PyYAML has it (several times faster than the
pure-Python one on the actor dictionary and the lexicons).
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

try:
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Loader = yaml.SafeLoader

DataSource = Path | Traversable


def data_file(*parts: str) -> Traversable:
    """A packaged data file: ``data_file("lexicon", "ar.yaml")``."""
    return files("rasd").joinpath("data", *parts)


def read_yaml(source: DataSource) -> Any:
    """The parsed YAML of a file; raises OSError as reading does, and yaml.YAMLError saying in
    one line where and why the file is not valid YAML (PyYAML's own message runs over four
    lines and names the string it was given, not the file)."""
    text = source.read_text(encoding="utf-8")
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise yaml.YAMLError(yaml_problem(exc)) from exc


def yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    """'line 3, column 9: did not find expected ',' or ']' (while parsing a flow sequence
    from line 2, column 13)': where and why a file is not valid YAML, in one line."""

    def at(mark: Any) -> str:
        return f"line {mark.line + 1}, column {mark.column + 1}"

    problem = exc.problem or exc.context or "not valid YAML"
    where = f"{at(exc.problem_mark)}: " if exc.problem_mark else ""
    context = (
        f" ({exc.context} from {at(exc.context_mark)})"
        if exc.problem and exc.context and exc.context_mark
        else ""
    )
    return f"{where}{problem}{context}"


def read_data(source: DataSource, error: type[Exception], what: str) -> Any:
    """The parsed YAML of a data file; ``error`` naming the file and ``what`` it was to hold
    when it cannot be read or parsed."""
    try:
        return read_yaml(source)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise error(f"{source}: cannot read {what}: {exc}") from exc
