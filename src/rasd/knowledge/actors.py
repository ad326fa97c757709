"""The actor dictionary: the words the news uses for armed groups, states and civilians,
mapped to ACLED's canonical actor names.

The data is ``rasd/data/actors.yaml`` (the actors) and ``rasd/data/actor_words.yaml`` (the
words around them: what a nationality adjective qualifies, spelling variants), their
headers documenting the format, plus any ``$RASD_HOME/actors/*.yaml``.
:meth:`ActorDictionary.find` returns the actors named in a token list: by alias ("قسد",
"the SDF"), by a state's name used as an agent ("Israel"), or by a nationality adjective on
a weapon or a force ("قصف تركي", "Israeli drone strike").
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from rasd.knowledge.taxonomy import TAXONOMY, ActorKind
from rasd.model import Actor, Span
from rasd.text.matcher import PhraseMatch, PhraseMatcher, PhraseTables
from rasd.text.normalize import is_arabic
from rasd.text.tokens import Token, entry_key, token_keys, tokenize

COUNTRY = "{country}"  # placeholder in the names of generic classes
_FIELDS = {"id", "name", "country", "kind", "active", "aliases", "adjectives", "states"}
_REQUIRED = ("id", "name", "kind", "aliases")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # ACLED's "(2020-2022)", "(2022-)"

# What a data file may hold when it is a mapping (actor_words.yaml, a user's file).
_SECTIONS = ("actors", "adjective_heads", "adjective_modifiers", "spellings", "word_spellings")
_REACH = 4  # head and modifiers an adjective may stand beside
# An Arabic nisba adjective (تركي) in its feminine, dual and sound plural forms.
_NISBA_ENDINGS = ("", "ة", "ان", "ين", "ون", "تان", "تين")


@dataclass(frozen=True)
class ActorWords:
    """The words of ``actor_words.yaml``. Heads and modifiers are per language ("ar",
    "en"), stored as matching keys (folded, article off)."""

    heads: dict[str, frozenset[str]]  # what a nationality adjective qualifies
    modifiers: dict[str, frozenset[str]]  # what may stand between the two
    spellings: tuple[tuple[str, str], ...]  # variants inside words (أميركي/أمريكي)
    word_spellings: tuple[tuple[str, str], ...]  # variants of whole words (سوريا/سورية)

    def __or__(self, other: ActorWords) -> ActorWords:
        def union(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]):
            return {lang: a.get(lang, frozenset()) | b.get(lang, frozenset()) for lang in a | b}

        return ActorWords(
            heads=union(self.heads, other.heads),
            modifiers=union(self.modifiers, other.modifiers),
            spellings=tuple(dict.fromkeys(self.spellings + other.spellings)),
            word_spellings=tuple(dict.fromkeys(self.word_spellings + other.word_spellings)),
        )


_NO_WORDS = ActorWords({}, {}, (), ())


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the dictionary. Aliases, adjectives and states hold every spelling
    the matcher uses (the other أميركي/أمريكي spelling, the nisba forms)."""

    id: str
    name: str
    country: str | None
    kind: ActorKind
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    active: tuple[dt.date | None, dt.date | None] | None = None

    @property
    def generic(self) -> bool:
        return COUNTRY in self.name

    def days_outside(self, day: dt.date) -> int:
        """0 if the entry names an actor of that day, else the days to its period."""
        if self.active is None:
            return 0
        start, end = self.active
        if start and day < start:
            return (start - day).days
        if end and day > end:
            return (day - end).days
        return 0

    def name_for(self, country: str | None) -> str:
        """The name with ``{country}`` filled in; kept as a placeholder when the country
        is not known yet (the extractor fills it once the place is resolved)."""
        return self.name.replace(COUNTRY, country) if country else self.name


class Via(StrEnum):
    """How a text names an actor."""

    ALIAS = "alias"  # by one of its names: "قسد", "the SDF"
    STATE = "state"  # by a state's name used as an agent: "Israel"
    ADJECTIVE = "adjective"  # by a nationality adjective on a force or weapon: "قصف تركي"
    WORDS = "words"  # by words the dictionary does not know, in an actor's place


@dataclass
class ActorMention:
    span: Span
    entry: ActorEntry
    via: Via
    country: str | None = None  # the country a generic class was resolved with

    def to_actor(self, country: str | None = None) -> Actor:
        country = country or self.country
        return Actor(
            name=self.entry.name_for(country),
            text=self.span.text,
            id=self.entry.id,
            kind=self.entry.kind,
            country=self.entry.country or country,
            span=self.span,
        )


def unidentified(country: str | None, text: str, span: Span | None = None) -> Actor:
    """ACLED's actor for attackers the text does not name."""
    name = f"Unidentified Armed Group ({country or COUNTRY})"
    return Actor(name=name, text=text, kind=ActorKind.UNIDENTIFIED, country=country, span=span)


def plain_actor(text: str, span: Span | None = None) -> Actor:
    """An actor the dictionary does not know, named by its own words."""
    return Actor(name=" ".join(text.split()), text=text, span=span)


_Candidate = tuple[ActorEntry, Via]

# The names of the dictionary's tables in a document-wide phrase trie.
ACTOR_NAMES = "actor names"
ACTOR_ADJECTIVES = "actor adjectives"


class ActorDictionary:
    def __init__(self, entries: Iterable[ActorEntry], words: ActorWords | None = None) -> None:
        """``words`` defaults to the packaged ``actor_words.yaml``."""
        self.entries = tuple(entries)
        self.words = words if words is not None else _packaged_words()
        self._by_id = {e.id: e for e in self.entries}
        self._names: PhraseMatcher[list[_Candidate]] = PhraseMatcher()
        self._adjectives: PhraseMatcher[list[_Candidate]] = PhraseMatcher()
        names: dict[tuple[str, ...], list[_Candidate]] = {}
        adjectives: dict[tuple[str, ...], list[_Candidate]] = {}
        for entry in self.entries:
            for via, phrases, table, matcher in (
                (Via.ALIAS, entry.aliases, names, self._names),
                (Via.STATE, entry.states, names, self._names),
                (Via.ADJECTIVE, entry.adjectives, adjectives, self._adjectives),
            ):
                for phrase in phrases:
                    key = tuple(entry_key(t.norm) for t in tokenize(phrase))
                    if key not in table:
                        table[key] = []
                        matcher.add(phrase, table[key])
                    if all(e is not entry for e, _ in table[key]):
                        table[key].append((entry, via))

    @classmethod
    def load(cls, path: Path | None = None, extra: list[Path] | None = None) -> ActorDictionary:
        """The dictionary in ``path`` (default: the packaged one) and the packaged actor
        words merged with ``extra`` files (default: ``$RASD_HOME/actors/*.yaml``); an entry
        in a later file replaces the one with the same id, words add up. Raises ValueError
        naming the file (and the entry or section)."""
        if extra is None:
            home = os.environ.get("RASD_HOME")
            extra = sorted(Path(home, "actors").glob("*.yaml")) if home else []
        return _load((path or _DEFAULT, _WORDS, *extra))

    def by_id(self, id: str) -> ActorEntry:
        return self._by_id[id]

    def find(
        self, tokens: list[Token], published: dt.date | None = None, country: str | None = None
    ) -> list[ActorMention]:
        """The actors named in ``tokens``, longest match first, in text order.

        Where several entries share the words, the one of the publication date wins (or
        the nearest in time), then the one of ``country``, then the first in the file.
        Generic classes are resolved with ``country``: "Police Forces of Iraq" becomes the
        Iraqi police entry of that date.
        """
        return self.mentions(
            tokens, self._names.find(tokens), self._adjectives.find(tokens), published, country
        )

    def add_to(self, tables: PhraseTables) -> None:
        """Add the dictionary's names and adjectives to a document-wide phrase trie, as the
        tables ``ACTOR_NAMES`` and ``ACTOR_ADJECTIVES``."""
        for table, matcher in ((ACTOR_NAMES, self._names), (ACTOR_ADJECTIVES, self._adjectives)):
            for phrase, payload in matcher.phrases:
                tables.add(table, phrase, payload)

    def mentions(
        self,
        tokens: list[Token],
        names: list[PhraseMatch[list[_Candidate]]],
        adjectives: list[PhraseMatch[list[_Candidate]]],
        published: dt.date | None = None,
        country: str | None = None,
    ) -> list[ActorMention]:
        """The actor mentions that matches of the name and adjective tables make in
        ``tokens`` (see :meth:`find`)."""
        day = published.date() if isinstance(published, dt.datetime) else published
        mentions: list[ActorMention] = []
        taken: set[int] = set()
        for match in names:
            entry, via = self._choose(match.payload, day, country)
            bounds = match.first, match.last
            mentions.append(self._mention(tokens, *bounds, entry, via, day, country))
            taken.update(range(*bounds))
        for match in adjectives:
            if taken.intersection(range(match.first, match.last)):
                continue
            bounds = _adjective_phrase(tokens, match.first, match.last, taken, self.words)
            if bounds:
                entry, via = self._choose(match.payload, day, country)
                mentions.append(self._mention(tokens, *bounds, entry, via, day, country))
        return sorted(mentions, key=lambda m: m.span.start)

    def _mention(
        self,
        tokens: list[Token],
        first: int,
        last: int,
        entry: ActorEntry,
        via: Via,
        day: dt.date | None,
        country: str | None,
    ) -> ActorMention:
        if entry.generic and country:
            name = entry.name_for(country)
            own = [(e, via) for e in self.entries if _PERIOD.sub("", e.name) == name]
            if own:
                entry = self._choose(own, day, country)[0]
        resolved_with = country if entry.generic else None
        return ActorMention(_span(tokens, first, last), entry, via, resolved_with)

    @staticmethod
    def _choose(
        candidates: list[_Candidate], day: dt.date | None, country: str | None
    ) -> _Candidate:
        if day is not None and len(candidates) > 1:
            gaps = [entry.days_outside(day) for entry, _ in candidates]
            candidates = [c for c, gap in zip(candidates, gaps, strict=True) if gap == min(gaps)]
        if country is not None:
            candidates = [c for c in candidates if c[0].country in (country, None)] or candidates
        return candidates[0]


def _adjective_phrase(
    tokens: list[Token], first: int, last: int, taken: set[int], words: ActorWords
) -> tuple[int, int] | None:
    """The token range of head + modifiers + adjective (Arabic: head first; English:
    adjective first), or None when the adjective qualifies nothing military."""
    arabic = is_arabic(tokens[first].norm)
    lang = "ar" if arabic else "en"
    heads = words.heads.get(lang, frozenset())
    modifiers = words.modifiers.get(lang, frozenset())
    step = -1 if arabic else 1
    i = first - 1 if arabic else last
    head = None
    for _ in range(_REACH):
        if not 0 <= i < len(tokens) or i in taken:
            break
        keys = token_keys(tokens[i].norm)
        if keys & heads:
            head = i
        elif not keys & modifiers:
            break
        i += step
    if head is None:
        return None
    return (head, last) if arabic else (first, head + 1)


def _span(tokens: list[Token], first: int, last: int) -> Span:
    """The span of tokens[first:last]; the space between tokens is rebuilt as blanks."""
    text = tokens[first].text
    for prev, tok in zip(tokens[first : last - 1], tokens[first + 1 : last], strict=True):
        text += " " * (tok.start - prev.end) + tok.text
    return Span(tokens[first].start, tokens[last - 1].end, text)


# ---------------------------------------------------------------- loading

_DEFAULT = resources.files("rasd") / "data" / "actors.yaml"
_WORDS = resources.files("rasd") / "data" / "actor_words.yaml"

_Source = Path | Traversable


@cache
def _load(sources: tuple[_Source, ...]) -> ActorDictionary:
    # Words first, from every file: a user's spelling pair applies to the built-in aliases.
    files = [(source, *_read(source)) for source in sources]
    words = _NO_WORDS
    for _, _, file_words in files:
        words |= file_words
    merged: dict[str, ActorEntry] = {}
    for source, raws, _ in files:
        for entry in _entries(source, raws, words):
            merged[entry.id] = entry
    return ActorDictionary(merged.values(), words)


@cache
def _packaged_words() -> ActorWords:
    return _read(_WORDS)[1]


def _read(source: _Source) -> tuple[list[Any], ActorWords]:
    """A file's raw actor entries and its words. A file is a list of entries or a mapping
    of sections (``actors`` and the sections of actor_words.yaml)."""
    try:
        data = yaml.safe_load(source.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ValueError(f"{source}: cannot read actor dictionary: {exc}") from exc
    if data is None:
        return [], _NO_WORDS
    if isinstance(data, list):
        return data, _NO_WORDS
    if not isinstance(data, dict):
        raise ValueError(f"{source}: expected a list of actor entries or a mapping of sections")
    if unknown := set(data) - set(_SECTIONS):
        raise ValueError(f"{source}: unknown sections {sorted(unknown)}; one of {_SECTIONS}")
    raws = data.get("actors") or []
    if not isinstance(raws, list):
        raise ValueError(f"{source}: actors: expected a list of actor entries")
    try:
        words = ActorWords(
            heads=_word_keys(data.get("adjective_heads"), "adjective_heads"),
            modifiers=_word_keys(data.get("adjective_modifiers"), "adjective_modifiers"),
            spellings=_pairs(data.get("spellings"), "spellings"),
            word_spellings=_pairs(data.get("word_spellings"), "word_spellings"),
        )
    except ValueError as exc:
        raise ValueError(f"{source}: {exc}") from None
    return raws, words


def _entries(source: _Source, raws: list[Any], words: ActorWords) -> list[ActorEntry]:
    entries: list[ActorEntry] = []
    seen: set[str] = set()
    for number, raw in enumerate(raws, 1):
        label = raw.get("id") if isinstance(raw, dict) and raw.get("id") else f"#{number}"
        try:
            entry = _entry(raw, words)
            if entry.id in seen:
                raise ValueError("duplicate id")
        except ValueError as exc:
            raise ValueError(f"{source}: entry {label}: {exc}") from None
        seen.add(entry.id)
        entries.append(entry)
    return entries


def _word_keys(raw: Any, section: str) -> dict[str, frozenset[str]]:
    """{ar: [...], en: [...]} of single words -> the matching keys per language."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not set(raw) <= {"ar", "en"}:
        raise ValueError(f"{section} must be a mapping with keys ar and/or en")
    out: dict[str, frozenset[str]] = {}
    for lang, items in raw.items():
        keys: set[str] = set()
        for word in _flatten(items, f"{section}: {lang}"):
            tokens = tokenize(word)
            if len(tokens) != 1:
                raise ValueError(f"{section}: {lang}: {word!r} is not one word")
            if is_arabic(word) != (lang == "ar"):
                raise ValueError(f"{section}: {lang}: {word!r} is not in that language")
            keys.add(entry_key(tokens[0].norm))
        out[lang] = frozenset(keys)
    return out


def _pairs(raw: Any, section: str) -> tuple[tuple[str, str], ...]:
    """[[a, b], ...]: two different spellings each."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValueError(f"{section}: expected a list of [spelling, spelling] pairs")
    pairs: list[tuple[str, str]] = []
    for pair in raw:
        if (
            not isinstance(pair, list)
            or len(pair) != 2
            or not all(isinstance(s, str) and s.strip() for s in pair)
            or pair[0] == pair[1]
        ):
            raise ValueError(f"{section}: {pair!r} is not a pair of two spellings")
        pairs.append((pair[0].strip(), pair[1].strip()))
    return tuple(pairs)


def _entry(raw: Any, words: ActorWords) -> ActorEntry:
    if not isinstance(raw, dict):
        raise ValueError("not a mapping")
    if unknown := set(raw) - _FIELDS:
        raise ValueError(f"unknown fields {sorted(unknown)}")
    if missing := [f for f in _REQUIRED if not raw.get(f)]:
        raise ValueError(f"missing {', '.join(missing)}")
    if not isinstance(raw["id"], str) or not _ID.fullmatch(raw["id"]):
        raise ValueError(f"id {raw['id']!r} is not a slug (a-z, 0-9, -)")
    if raw["kind"] not in TAXONOMY.kinds:
        raise ValueError(f"unknown kind {raw['kind']!r}; one of {sorted(TAXONOMY.kinds)}")
    aliases = _phrases(raw["aliases"], "aliases", words)
    if not aliases:
        raise ValueError("no aliases")
    adjectives = _phrases(raw.get("adjectives"), "adjectives", words)
    return ActorEntry(
        id=raw["id"],
        name=str(raw["name"]),
        country=raw.get("country"),
        kind=ActorKind(raw["kind"]),
        aliases=aliases,
        adjectives=tuple(dict.fromkeys(form for a in adjectives for form in _nisba(a))),
        states=_phrases(raw.get("states"), "states", words),
        active=_period(raw.get("active")),
    )


def _phrases(raw: Any, field: str, words: ActorWords) -> tuple[str, ...]:
    """{ar: [...], en: [...]} with nested (anchored) lists flattened, every spelling added."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or set(raw) - {"ar", "en"}:
        raise ValueError(f"{field} must be a mapping with keys ar and/or en")
    out: dict[str, None] = {}
    for phrases in raw.values():
        for phrase in _flatten(phrases, field):
            if not tokenize(phrase):
                raise ValueError(f"{field}: {phrase!r} has no words")
            out.update(dict.fromkeys(_spellings(phrase, words)))
    return tuple(out)


def _flatten(items: Any, field: str) -> list[str]:
    if not isinstance(items, list):
        raise ValueError(f"{field}: expected a list, got {items!r}")
    out: list[str] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item, field))
        elif isinstance(item, str | int):
            out.append(str(item))
        else:
            raise ValueError(f"{field}: {item!r} is not a phrase")
    return out


def _spellings(phrase: str, words: ActorWords) -> list[str]:
    """The phrase in every combination of the spelling variants it contains."""
    forms = [phrase]
    for pairs, whole_word in ((words.spellings, False), (words.word_spellings, True)):
        for a, b in pairs:
            for old, new in ((a, b), (b, a)):
                if not any(old in form for form in forms):
                    continue
                pattern = re.escape(old)
                if whole_word:
                    pattern = rf"\b{pattern}\b"
                changed = [re.sub(pattern, lambda _, new=new: new, form) for form in forms]
                forms = list(dict.fromkeys(forms + changed))
    return forms


def _nisba(adjective: str) -> list[str]:
    if is_arabic(adjective) and adjective.endswith("ي") and " " not in adjective:
        return [adjective + ending for ending in _NISBA_ENDINGS]
    return [adjective]


def _period(raw: Any) -> tuple[dt.date | None, dt.date | None] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) != 2:
        raise ValueError(f"active must be [from, to], got {raw!r}")
    start, end = (_bound(value, first) for value, first in zip(raw, (True, False), strict=True))
    if start and end and start > end:
        raise ValueError(f"active period {raw!r} ends before it starts")
    return start, end


def _bound(value: Any, first: bool) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, int) and 1900 <= value <= 2100:
        return dt.date(value, 1, 1) if first else dt.date(value, 12, 31)
    raise ValueError(f"active bound {value!r} is not a year or a date")
