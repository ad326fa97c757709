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
from pathlib import Path

from mypy_extensions import mypyc_attr

from rasd.knowledge.actor_entries import (
    COUNTRY,
    NO_WORDS,
    PACKAGED_ACTORS,
    PACKAGED_WORDS,
    ActorEntry,
    ActorSource,
    ActorWords,
    actor_entries,
    read_actor_file,
)
from rasd.knowledge.language import language_profile
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import ActorKind
from rasd.model import Actor, Span
from rasd.text.matcher import PhraseMatch, PhraseMatcher, PhraseTables
from rasd.text.normalize import fold, is_arabic
from rasd.text.tokens import CONJUNCTIONS, Token, entry_key, token_keys, tokenize

_REACH = SETTINGS.actors.adjective_reach  # head and modifiers an adjective may stand beside
_AND_THE = tuple(c + fold(language_profile("ar").clitics.article) for c in CONJUNCTIONS)  # وال
_PERIOD = re.compile(r"\s*\(\d{4}-(?:\d{4})?\)")  # ACLED's "(2020-2022)", "(2022-)"


class Via(StrEnum):
    """How a text names an actor."""

    ALIAS = "alias"  # by one of its names: "قسد", "the SDF"
    STATE = "state"  # by a state's name used as an agent: "Israel"
    ADJECTIVE = "adjective"  # by a nationality adjective on a force or weapon: "قصف تركي"
    WORDS = "words"  # by words the dictionary does not know, in an actor's place


@dataclass(eq=False)  # one mention is one place in the text: compared by identity
class ActorMention:
    span: Span
    entry: ActorEntry
    via: Via
    country: str | None = None  # the country a generic class was resolved with
    # the other actors of the day the same words name ("الجيش الوطني": Syria's SNA, Yemen's
    # army): the event's country chooses among them (events.record)
    others: tuple[ActorEntry, ...] = ()

    # __init__ written out: the one dataclass writes is Python code, which runs interpreted
    # even when mypyc compiles the class (once per actor named)
    def __init__(
        self,
        span: Span,
        entry: ActorEntry,
        via: Via,
        country: str | None = None,
        others: tuple[ActorEntry, ...] = (),
    ) -> None:
        self.span = span
        self.entry = entry
        self.via = via
        self.country = country
        self.others = others

    def in_country(self, country: str | None) -> ActorEntry:
        """The actor the words name in an event in ``country``: the one fighting there
        (its ``theatres``), else its own, else the first."""
        if country is None or not self.others:
            return self.entry
        fighting = next((e for e in (self.entry, *self.others) if country in e.theatres), None)
        if fighting is not None:
            return fighting
        if self.entry.country in (country, None):
            return self.entry
        return next((e for e in self.others if e.country == country), self.entry)

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


# Pickled into the compiled knowledge (rasd.knowledge.compiled). When mypyc compiles this
# module, only a "serializable" class unpickles without calling __init__ (which here takes
# arguments or reads files), and mypyc 2.4 runs such a class's __init__ when Python calls
# it only if it also allows interpreted subclasses. Pure Python ignores the decorator.
@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class ActorDictionary:
    def __init__(self, entries: Iterable[ActorEntry], words: ActorWords | None = None) -> None:
        """``words`` defaults to the packaged ``actor_words.yaml``."""
        self.entries = tuple(entries)
        self.words = words if words is not None else _packaged_words()
        self._by_id = {e.id: e for e in self.entries}
        self._by_plain_name: dict[str, list[ActorEntry]] = {}  # the name without its period
        for entry in self.entries:
            self._by_plain_name.setdefault(_PERIOD.sub("", entry.name), []).append(entry)
        for entry in self.entries:  # "troops" in the West Bank: Israel's, standing in
            for country in entry.stands_in:
                for generic in self.entries:
                    if generic.generic and generic.kind == entry.kind:
                        self._by_plain_name.setdefault(generic.name_for(country), []).append(entry)
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
        return _load((path or PACKAGED_ACTORS, PACKAGED_WORDS, *extra))

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
        # "الجيش والحوثيين": a conjunction makes the next word a second actor, not an
        # adjective of the first
        qualified = {m.first for m in adjectives if not tokens[m.first].norm.startswith(_AND_THE)}
        generic_before: dict[int, tuple[int, ActorEntry]] = {}  # adjective's first -> name
        for match in names:
            entry, via = self._choose(match.payload, day, country)
            if entry.generic and match.last in qualified:
                generic_before[match.last] = match.first, entry
                continue  # "جنود إسرائيليين": the adjective says whose soldiers
            bounds = match.first, match.last
            mention = self._mention(tokens, *bounds, entry, via, day, country)
            mention.others = self._others(match.payload, day, entry)
            mentions.append(mention)
            taken.update(range(*bounds))
        for match in adjectives:
            if taken.intersection(range(match.first, match.last)):
                continue
            around = _adjective_phrase(tokens, match.first, match.last, taken, self.words)
            entry, via = self._choose(match.payload, day, country)
            if around:
                mentions.append(self._mention(tokens, *around, entry, via, day, country))
            elif match.first in generic_before and entry.country:
                # "الشرطة السودانية": a generic class the nationality makes that country's
                first, generic = generic_before[match.first]
                own = self.of_country(generic, entry.country, day)
                resolved = entry.country if own.generic else None
                span = _span(tokens, first, match.last)
                mentions.append(ActorMention(span, own, Via.ALIAS, resolved))
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
            entry = self.of_country(entry, country, day)
        resolved_with = country if entry.generic else None
        return ActorMention(_span(tokens, first, last), entry, via, resolved_with)

    def of_country(self, entry: ActorEntry, country: str, day: dt.date | None) -> ActorEntry:
        """A generic class made that country's own entry of the day, where the dictionary
        has one: "Police Forces of {country}" in Iraq in 2023 is Iraq's police of 2023."""
        name = entry.name_for(country)
        own = [(e, Via.ALIAS) for e in self._by_plain_name.get(name, ())]
        return self._choose(own, day, country)[0] if own else entry

    @staticmethod
    def _others(
        candidates: list[_Candidate], day: dt.date | None, chosen: ActorEntry
    ) -> tuple[ActorEntry, ...]:
        """The entries besides ``chosen`` that the same words name on ``day``."""
        if len(candidates) < 2:
            return ()
        gaps = [entry.days_outside(day) for entry, _ in candidates] if day else None
        return tuple(
            entry
            for k, (entry, _) in enumerate(candidates)
            if entry is not chosen and (gaps is None or gaps[k] == min(gaps))
        )

    @staticmethod
    def _choose(
        candidates: list[_Candidate], day: dt.date | None, country: str | None
    ) -> _Candidate:
        if day is not None and len(candidates) > 1:
            gaps = [entry.days_outside(day) for entry, _ in candidates]
            candidates = [c for c, gap in zip(candidates, gaps, strict=True) if gap == min(gaps)]
        if country is not None:
            fighting = [c for c in candidates if country in c[0].theatres]
            candidates = (
                fighting or [c for c in candidates if c[0].country in (country, None)] or candidates
            )
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
    # tuple.__new__: a Span without NamedTuple's own __new__, a Python function, which
    # compiled code calls slowly (rasd.model.Span)
    return tuple.__new__(Span, (tokens[first].start, tokens[last - 1].end, text))


# ---------------------------------------------------------------- loading


@cache
def _load(sources: tuple[ActorSource, ...]) -> ActorDictionary:
    # Words first, from every file: a user's spelling pair applies to the built-in aliases.
    files = [(source, *read_actor_file(source)) for source in sources]
    words = NO_WORDS
    for _, _, file_words in files:
        words |= file_words
    merged: dict[str, ActorEntry] = {}
    for source, raws, _ in files:
        for entry in actor_entries(source, raws, words):
            merged[entry.id] = entry
    return ActorDictionary(merged.values(), words)


@cache
def _packaged_words() -> ActorWords:
    return read_actor_file(PACKAGED_WORDS)[1]
