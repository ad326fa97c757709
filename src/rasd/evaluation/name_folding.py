"""Folding names for the scoring's comparisons, by the rules of shared/eval/GUIDE.md.

The rules' data (the marks dropped, the Arabic letter variants, the filler words, the article
and the names of unidentified actors) is read once at import from
``rasd/data/evaluation/name_folding.yaml``; a file that does not have the expected form raises
:class:`ScoringError` naming it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from rasd.knowledge.files import DataSource, data_file, read_data


class ScoringError(ValueError):
    """The gold folder or the predictions cannot be scored (or the folding rules read)."""


@dataclass(frozen=True)
class FoldingRules:
    """The contents of a folding rules file (see ``data/evaluation/name_folding.yaml``)."""

    table: dict[int, str | None]  # for str.translate: marks dropped, letter variants folded
    filler_words: frozenset[str]
    article: str
    article_min_letters: int
    unidentified: tuple[str, ...]  # as written in the file, not yet folded


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_rules(data: Any) -> str | None:
    """What is wrong with a parsed folding rules file, or None."""
    if not isinstance(data, dict):
        return "not a mapping"
    marks, variants = data.get("dropped_marks"), data.get("letter_variants")
    if not isinstance(marks, list) or not all(
        isinstance(r, list) and len(r) == 2 and all(isinstance(c, int) for c in r) and r[0] <= r[1]
        for r in marks
    ):
        return "dropped_marks must be a list of [first, last] code points"
    if not isinstance(variants, dict) or not all(
        isinstance(k, str) and len(k) == 1 and isinstance(v, str) for k, v in variants.items()
    ):
        return "letter_variants must map single letters to letters"
    if not _strings(data.get("filler_words")) or not _strings(data.get("unidentified")):
        return "filler_words and unidentified must be lists of strings"
    if not isinstance(data.get("article"), str) or not data["article"]:
        return "article must be a word"
    minimum = data.get("article_min_letters")
    if not isinstance(minimum, int) or isinstance(minimum, bool):
        return "article_min_letters must be a whole number"
    return None


def read_folding_rules(source: DataSource) -> FoldingRules:
    """The folding rules of a file like ``data/evaluation/name_folding.yaml``."""
    data = read_data(source, ScoringError, "the name folding rules")
    why = _check_rules(data)
    if why:
        raise ScoringError(f"{source}: malformed name folding rules: {why}")
    return FoldingRules(
        table={
            **{code: None for low, high in data["dropped_marks"] for code in range(low, high + 1)},
            **{ord(variant): plain for variant, plain in data["letter_variants"].items()},
        },
        filler_words=frozenset(data["filler_words"]),
        article=data["article"],
        article_min_letters=data["article_min_letters"],
        unidentified=tuple(data["unidentified"]),
    )


_RULES = read_folding_rules(data_file("evaluation", "name_folding.yaml"))
_PERIOD_SUFFIX = re.compile(r"\(\s*\d{4}\s*-\s*\d{0,4}\s*\)")  # ACLED's "(2000-)", "(2000-2024)"
_PUNCTUATION = re.compile(r"[^\w\s]")
_ARABIC_FOLDING = _RULES.table
_FILLER_WORDS = _RULES.filler_words
_ARABIC_ARTICLE = _RULES.article
_ARTICLE_MIN_WORD = _RULES.article_min_letters  # the article is taken off words this long


def fold_name(value: object) -> str:
    """A name folded for comparison: case, NFKC, period suffix, Arabic variants, punctuation,
    the filler words the/of/al/el and the Arabic article on long words."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).lower()
    text = _PERIOD_SUFFIX.sub(" ", text).translate(_ARABIC_FOLDING)
    words = []
    for word in _PUNCTUATION.sub(" ", text).split():
        if word in _FILLER_WORDS:
            continue
        if word.startswith(_ARABIC_ARTICLE) and len(word) >= _ARTICLE_MIN_WORD:
            word = word[len(_ARABIC_ARTICLE) :]
        words.append(word)
    return " ".join(words)


_UNIDENTIFIED_NAMES = frozenset(fold_name(name) for name in _RULES.unidentified)


def is_unidentified(folded: str) -> bool:
    """A folded actor name that says the text does not identify the actor."""
    return folded in _UNIDENTIFIED_NAMES or folded.startswith("unidentified")


def name_of(value: object) -> object:
    """The name in a predicted actor: a string, an object with `name` (or `text`), or a list."""
    if isinstance(value, dict):
        return value.get("name") or value.get("text") or ""
    if isinstance(value, list):
        return name_of(value[0]) if value else ""
    return value or ""


def folded_set(value: object) -> frozenset[str] | None:
    """Acceptable gold values (a string or a list), folded; None when the value is unset."""
    if not value:
        return None
    return frozenset(fold_name(v) for v in ([value] if isinstance(value, str) else value))
