"""Sentences and stand-alone lines (headlines, bullet items) as spans of the clean text."""

from __future__ import annotations

import re

from rasd.knowledge.language import LANGUAGES, language_profile
from rasd.model import Span

# A sentence ends at a stop (with the quotes or brackets that close after it) followed by
# white space or, with no space, by an Arabic word (scraped pages lose the space), at a
# blank line, before a bullet and at a line end. The match begins with the stop itself (the
# sentence keeps it) and is written as one character class, stops and line end, then what
# follows the one or the other, so that the engine tries a match only at those characters.
_STOPS = ".!?\u061f"
_SENTENCE_END = re.compile(
    r"[.!?\u061f\n](?:(?<=\n)(?:\s*\n|(?=\s*[-\u2013\u2022*\u00b7])|)|[\"'\u201d\u00bb)]*\s+"
    r"|(?<=[.!?\u061f])(?=[\u0621-\u064a]))"  # "للدموع.وشهدت": a stop an Arabic word follows
)
# A line that ends with a sentence: a stop, and the quotes or brackets that close after it.
_ENDS_WITH_STOP = re.compile(r"[.!?\u061f][\"'\u201d\u00bb)]*$")
# Abbreviations whose stop ends no sentence ("U.S. forces", "Gen. Smith"), from the profiles.
_ABBREVIATIONS = frozenset(
    word.lower() for code in LANGUAGES for word in language_profile(code).words("abbreviations")
)


def split_sentences(text: str) -> list[Span]:
    """Sentences and stand-alone lines (headlines, bullet items) as spans of ``text``."""
    spans: list[Span] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        end = m.start() + 1 if text[m.start()] in _STOPS else m.start()
        gap = text[end : m.end()]
        if gap.strip() == "" and "\n" not in gap:
            before = text[pos:end].rstrip(".").rsplit(None, 1)  # [-1]: the last word
            if before and before[-1].lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if before and len(before[-1]) == 1 and before[-1].isupper():
                continue  # an initial: "J. Smith"
        _add_sentence(text, pos, end, spans)
        pos = m.end()
    _add_sentence(text, pos, len(text), spans)
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        # tuple.__new__: a Span without NamedTuple's own __new__, a Python function, which
        # compiled code calls slowly (rasd.model.Span)
        spans.append(tuple.__new__(Span, (start, end, text[start:end])))


def ends_sentence(line: str) -> bool:
    """Does a line end with a sentence (a stop, maybe a closing quote after it), rather than
    break off like a headline or a link?"""
    return _ENDS_WITH_STOP.search(line.rstrip()) is not None
