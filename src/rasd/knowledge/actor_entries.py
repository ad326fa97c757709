"""Actor entries: the records of the actor dictionary and how its files are read.

An entry names an actor the way ACLED does, with its kind, country, active period and the
words the news uses for it (aliases, a state's names, nationality adjectives), every
spelling variant added from ``actor_words.yaml``. Reading a file checks every entry and
names the file and the entry of any mistake.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from rasd.knowledge.files import data_file, read_data
from rasd.knowledge.frozen import by_fields
from rasd.knowledge.language import language_profile
from rasd.knowledge.taxonomy import TAXONOMY, ActorKind
from rasd.text.normalize import is_arabic
from rasd.text.tokens import entry_key, tokenize

COUNTRY = "{country}"  # placeholder in the names of generic classes
_FIELDS = {
    "id",
    "name",
    "country",
    "kind",
    "active",
    "aliases",
    "adjectives",
    "states",
    "theatres",
    "stands_in",
    "strikes_from_afar",
}
_REQUIRED = ("id", "name", "kind", "aliases")
_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
# What a data file may hold when it is a mapping (actor_words.yaml, a user's file).
_SECTIONS = ("actors", "adjective_heads", "adjective_modifiers", "spellings", "word_spellings")
# An Arabic nisba adjective (تركي) in its feminine, dual and sound plural forms.
_NISBA = language_profile("ar").nisba

PACKAGED_ACTORS = data_file("actors.yaml")
PACKAGED_WORDS = data_file("actor_words.yaml")
ActorSource = Path | Traversable


@dataclass(frozen=True)
class ActorWords:
    """The words of ``actor_words.yaml``. Heads and modifiers are per language ("ar",
    "en"), stored as matching keys (folded, article off)."""

    heads: dict[str, frozenset[str]]  # what a nationality adjective qualifies
    modifiers: dict[str, frozenset[str]]  # what may stand between the two
    spellings: tuple[tuple[str, str], ...]  # variants inside words (أميركي/أمريكي)
    word_spellings: tuple[tuple[str, str], ...]  # variants of whole words (سوريا/سورية)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen

    def __or__(self, other: ActorWords) -> ActorWords:
        def union(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]):
            return {lang: a.get(lang, frozenset()) | b.get(lang, frozenset()) for lang in a | b}

        return ActorWords(
            heads=union(self.heads, other.heads),
            modifiers=union(self.modifiers, other.modifiers),
            spellings=tuple(dict.fromkeys(self.spellings + other.spellings)),
            word_spellings=tuple(dict.fromkeys(self.word_spellings + other.word_spellings)),
        )


NO_WORDS = ActorWords({}, {}, (), ())


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
    theatres: tuple[str, ...] = ()  # where it fights abroad: shared words name it there
    stands_in: tuple[str, ...] = ()  # where it is the force an unnamed "army" means
    # whether its unnamed "attacks" are strikes from afar, where not as its kind's are
    strikes_from_afar: bool | None = None

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen

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


def read_actor_file(source: ActorSource) -> tuple[list[Any], ActorWords]:
    """A file's raw actor entries and its words. A file is a list of entries or a mapping
    of sections (``actors`` and the sections of actor_words.yaml)."""
    data = read_data(source, ValueError, "actor dictionary")
    if data is None:
        return [], NO_WORDS
    if isinstance(data, list):
        return data, NO_WORDS
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


def actor_entries(source: ActorSource, raws: list[Any], words: ActorWords) -> list[ActorEntry]:
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
        theatres=_countries(raw.get("theatres"), "theatres"),
        stands_in=_countries(raw.get("stands_in"), "stands_in"),
        strikes_from_afar=_flag(raw.get("strikes_from_afar"), "strikes_from_afar"),
    )


def _flag(raw: Any, name: str) -> bool | None:
    if raw is not None and not isinstance(raw, bool):
        raise ValueError(f"{name} must be true or false")
    return raw


def _countries(raw: Any, field: str) -> tuple[str, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(c, str) for c in raw):
        raise ValueError(f"{field} must be a list of country names")
    return tuple(raw)


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
                changed = [re.sub(pattern, _literal(new), form) for form in forms]
                forms = list(dict.fromkeys(forms + changed))
    return forms


def _literal(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for ``re.sub`` that puts ``text`` in as it is (no escapes read)."""
    return lambda _: text


def _nisba(adjective: str) -> list[str]:
    if is_arabic(adjective) and adjective.endswith(_NISBA.ending) and " " not in adjective:
        return [adjective + ending for ending in _NISBA.inflections]
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
