"""The text layer: normalisation for matching, tokens and sentences, all with offsets.

Matching happens on a folded form of the text (hamza and alef forms, ta marbuta, alef
maqsura, diacritics, tatweel, Arabic-Indic digits, case), but every token keeps the
character offsets of the clean text, so evidence always points at real characters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rasd.model import Span

_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]"
)
_FOLD = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        "ی": "ي",
        "ک": "ك",
        "٫": ".",
        "٬": ",",
        "،": ",",
        "؛": ";",
        "؟": "?",
        **{chr(0x660 + d): str(d) for d in range(10)},
        **{chr(0x6F0 + d): str(d) for d in range(10)},
        "’": "'",
        "‘": "'",
        "“": '"',
        "”": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
    }
)

ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def fold(text: str) -> str:
    """The matching form of a string: lower case, no diacritics or tatweel, one alef, ه for ة,
    ي for ى, ASCII digits. Not length-preserving; use :func:`tokenize` to keep offsets."""
    text = unicodedata.normalize("NFKC", text)
    return _DROP.sub("", text).translate(_FOLD).lower()


def is_arabic(text: str) -> bool:
    return bool(ARABIC_LETTER.search(text))


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str  # as in the clean text
    norm: str  # folded

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


# A word is a run of letters, digits, diacritics, tatweel and inner apostrophes/hyphens;
# punctuation is kept as one-character tokens so that phrases never match across it.
_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:['’][\w]+)*|[^\s\w]", re.UNICODE
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    end = len(text) if end is None else end
    out = []
    for m in _TOKEN.finditer(text, start, end):
        norm = fold(m.group())
        if norm:
            out.append(Token(m.start(), m.end(), m.group(), norm))
    return out


# ---------------------------------------------------------------- sentences

_SENTENCE_END = re.compile(r"(?<=[.!?؟!])[\"'”»)]*\s+|\n\s*\n|\n(?=\s*[-–•*·])|\n")
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "dr",
    "st",
    "u.s",
    "u.n",
    "gen",
    "col",
    "lt",
    "sgt",
    "no",
    "vs",
    "jan",
    "feb",
    "aug",
    "sept",
    "oct",
    "nov",
    "dec",
    "e.g",
    "i.e",
    "capt",
    "maj",
    "brig",
}


def split_sentences(text: str) -> list[Span]:
    """Sentences and stand-alone lines (headlines, bullet items) as spans of ``text``."""
    spans: list[Span] = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().strip() == "" and "\n" not in m.group():
            before = text[pos : m.start()].rstrip(".").split()
            if before and before[-1].lower().rstrip(".") in _ABBREVIATIONS:
                continue
            if before and len(before[-1]) == 1 and before[-1].isupper():
                continue  # an initial: "J. Smith"
        _add_sentence(text, pos, m.start(), spans)
        pos = m.end()
    _add_sentence(text, pos, len(text), spans)
    return spans


def _add_sentence(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


# ---------------------------------------------------------------- phrase matching

_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل")  # كـ ("like") is rare before names and turns كبيرة into بيرة


@lru_cache(maxsize=200_000)
def token_keys(norm: str) -> frozenset[str]:
    """Forms a folded token may stand for once Arabic clitics are taken off:
    وبالقصف -> {وبالقصف, بالقصف, القصف, قصف, ...}. Latin tokens lose a possessive 's."""
    keys = {norm}
    if not is_arabic(norm):
        if norm.endswith("'s"):
            keys.add(norm[:-2])
        return frozenset(keys)
    stems = {norm}
    if norm[0] in _CONJUNCTIONS and len(norm) > 3:
        stems.add(norm[1:])
    for stem in list(stems):
        if stem[0] in _PREPOSITIONS and len(stem) > 3:
            stems.add(stem[1:])
        if stem.startswith("لل") and len(stem) > 4:
            stems.add("ال" + stem[2:])
            stems.add(stem[2:])
    for stem in list(stems):
        if stem.startswith("ال") and len(stem) > 3:
            stems.add(stem[2:])
    return frozenset(keys | stems)


def entry_key(norm: str) -> str:
    """The key a dictionary word is stored under: folded, article taken off."""
    if is_arabic(norm) and norm.startswith("ال") and len(norm) > 3:
        return norm[2:]
    return norm


T = TypeVar("T")


@dataclass(frozen=True)
class PhraseMatch(Generic[T]):
    first: int  # index of the first token
    last: int  # index after the last token
    start: int  # character offsets in the clean text
    end: int
    payload: T


class PhraseMatcher(Generic[T]):
    """Finds dictionary phrases in token lists, Arabic clitics and article allowed.

    A phrase word ending in ``*`` matches any word that begins with it (after clitics are
    taken off): ``استهدف*`` matches استهدفت, واستهدفوا. Longest match wins; matches do not
    overlap.
    """

    def __init__(self) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        # phrases whose first word is a prefix ("قصف*"), by the stem's first two letters
        self._prefix: dict[str, list[tuple[tuple[str, ...], T]]] = {}
        self.size = 0

    def add(self, phrase: str, payload: T) -> None:
        words = tuple(
            entry_key(t.norm) if not t.norm.endswith("*") else t.norm
            for t in _phrase_tokens(phrase)
        )
        if not words:
            raise ValueError(f"empty phrase: {phrase!r}")
        self.size += 1
        if words[0].endswith("*"):
            stem = words[0][:-1]
            self._prefix.setdefault(stem[:2] if len(stem) >= 2 else "", []).append((words, payload))
        else:
            self._exact.setdefault(words[0], []).append((words, payload))

    def __len__(self) -> int:
        return self.size

    def find(self, tokens: list[Token]) -> list[PhraseMatch[T]]:
        keys = [token_keys(t.norm) for t in tokens]
        out: list[PhraseMatch[T]] = []
        i = 0
        while i < len(tokens):
            best = self._longest_at(tokens, keys, i)
            if best is None:
                i += 1
                continue
            out.append(best)
            i = best.last
        return out

    def _longest_at(
        self, tokens: list[Token], keys: list[frozenset[str]], i: int
    ) -> PhraseMatch[T] | None:
        best = None
        for match in self._candidates_at(tokens, keys, i):
            if best is None or match.last > best.last:
                best = match
        return best

    def _candidates_at(
        self, tokens: list[Token], keys: list[frozenset[str]], i: int
    ) -> Iterator[PhraseMatch[T]]:
        entries: list[tuple[tuple[str, ...], T]] = list(self._prefix.get("", ()))
        exact, first_twos = _lookup_order(tokens[i].norm)
        for key in exact:
            entries.extend(self._exact.get(key, ()))
        for first_two in first_twos:
            entries.extend(self._prefix.get(first_two, ()))
        for words, payload in entries:
            n = len(words)
            if i + n > len(tokens):
                continue
            if all(_word_matches(w, keys[i + k]) for k, w in enumerate(words)):
                yield PhraseMatch(i, i + n, tokens[i].start, tokens[i + n - 1].end, payload)


@lru_cache(maxsize=200_000)
def _lookup_order(norm: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A token's keys, and their first two letters, in a fixed order: the same match wins on
    every run, whatever the hash seed."""
    keys = sorted(token_keys(norm))
    return tuple(keys), tuple(sorted({key[:2] for key in keys}))


def _word_matches(word: str, keys: frozenset[str]) -> bool:
    if word.endswith("*"):
        stem = word[:-1]
        return any(k.startswith(stem) for k in keys)
    return word in keys


def _phrase_tokens(phrase: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), fold(m.group()))
        for m in _STAR_TOKEN.finditer(phrase)
        if fold(m.group())
    ]


_STAR_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+\*?(?:['’][\w]+)*|[^\s\w*]")
