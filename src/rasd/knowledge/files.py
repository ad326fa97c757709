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
    """The parsed YAML of a file; raises yaml.YAMLError or OSError as PyYAML does."""
    return yaml.load(source.read_text(encoding="utf-8"), Loader=_Loader)


def read_data(source: DataSource, error: type[Exception], what: str) -> Any:
    """The parsed YAML of a data file; ``error`` naming the file and ``what`` it was to hold
    when it cannot be read or parsed."""
    try:
        return read_yaml(source)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise error(f"{source}: cannot read {what}: {exc}") from exc
