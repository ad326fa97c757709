"""The bench's data: the templates and slot fillers of one language, read from
data/bench/LANGUAGE.yaml (see the README.md beside them)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from typing import Any

import yaml

LANGUAGES = ("ar", "en")


@cache
def templates(language: str) -> dict[str, Any]:
    """The templates and slot fillers of one language (data/bench/LANGUAGE.yaml)."""
    if language not in LANGUAGES:
        raise ValueError(f"no bench templates for language {language!r}")
    path = files("rasd") / "data" / "bench" / f"{language}.yaml"
    return yaml.safe_load(path.read_text("utf-8"))
