"""The mention stage: sentences of a document and what each one mentions.

Triggers, actors, places, dates, numbers, weapons and cue words are found once per document
by the dictionaries and the gazetteer and laid out sentence by sentence, with clause
boundaries, so that the event stage works on one sentence at a time.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field

from rasd.annotate.dates import find_dates
from rasd.annotate.geocode import PlaceContext, PlaceMention, find_places, resolve_places
from rasd.annotate.numbers import NumberMention, find_numbers
from rasd.knowledge.actors import ACTOR_ADJECTIVES, ACTOR_NAMES, ActorDictionary, ActorMention
from rasd.knowledge.gazetteer import Gazetteer
from rasd.knowledge.lexicon import CUE_NAMES, TRIGGERS, WEAPONS, Lexicon, Trigger, Weapon
from rasd.model import DateRange, Document
from rasd.text.matcher import PhraseMatch, PhraseTables
from rasd.text.sentences import split_sentences
from rasd.text.tokens import Token, tokenize


@dataclass
class Clause:
    """A stretch of a sentence between clause breaks ("while", "تزامن مع", ";")."""

    start: int
    end: int

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass
class SentenceMentions:
    index: int
    start: int
    end: int
    text: str  # the sentence's own text: text[0] is the document's character at ``start``
    is_title: bool
    tokens: list[Token]
    clauses: list[Clause]
    triggers: list[PhraseMatch[Trigger]] = field(default_factory=list)
    weapons: list[PhraseMatch[Weapon]] = field(default_factory=list)
    cues: dict[str, list[PhraseMatch[str]]] = field(default_factory=dict)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)

    def cue(self, name: str) -> list[PhraseMatch[str]]:
        return self.cues.get(name, [])

    def token_index(self, offset: int) -> int:
        """Index of the token at or after a character offset."""
        return bisect.bisect_right(self._ends, offset)

    def word_index(self, offset: int) -> int:
        """How many words (punctuation not counted) end at or before a character offset."""
        return bisect.bisect_right(self._word_ends, offset)

    def words_between(self, end: int, start: int) -> int:
        """Words strictly between a mention ending at ``end`` and one starting at ``start``."""
        return self.word_index(start) - self.word_index(end)

    def __post_init__(self) -> None:
        self._ends = [t.end for t in self.tokens]
        self._word_ends = [t.end for t in self.tokens if t.norm[0].isalnum()]

    @property
    def is_bullet(self) -> bool:
        """An item of a list: "- قصفت قوات النظام ..."."""
        return bool(self.tokens) and self.tokens[0].text in "-–•*·"

    @property
    def is_section(self) -> bool:
        """A sentence that opens with a short heading and a colon: "محافظة حلب: ..."."""
        head = self.text.split(":", 1)[0]
        return head != self.text and len(head.split()) <= 3

    def clause_of(self, offset: int) -> Clause:
        for clause in self.clauses:
            if clause.holds(offset):
                return clause
        return self.clauses[-1]


@dataclass
class Resources:
    """Dictionaries and gazetteer, loaded once and shared by every document."""

    gazetteer: Gazetteer
    actors: ActorDictionary
    lexicons: dict[str, Lexicon]
    _tables: dict[str, PhraseTables] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> Resources:
        return cls(
            gazetteer=Gazetteer.load(),
            actors=ActorDictionary.load(),
            lexicons={lang: Lexicon.load(lang) for lang in ("ar", "en")},
        )

    def lexicon_for(self, language: str) -> Lexicon:
        return self.lexicons.get(language, self.lexicons["ar"])

    def tables_for(self, language: str) -> PhraseTables:
        """Every phrase table a document of ``language`` is matched against, in one trie:
        the lexicon's triggers, weapons and cues, and the actor dictionary."""
        lexicon = self.lexicon_for(language)
        if lexicon.language not in self._tables:
            tables = PhraseTables()
            lexicon.add_to(tables)
            self.actors.add_to(tables)
            self._tables[lexicon.language] = tables
        return self._tables[lexicon.language]


def find_mentions(doc: Document, resources: Resources) -> list[SentenceMentions]:
    """Every sentence of the document with the mentions that fall inside it.

    The text is tokenised once; numbers, dates and place names are read from those tokens,
    and every phrase table is matched in one pass over them, sentence by sentence."""
    text = doc.text
    published = doc.published or dt.datetime.now(dt.UTC)
    tokens = tokenize(text)
    spans = split_sentences(text)
    starts = [t.start for t in tokens]
    ranges = [
        (bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end))
        for span in spans
    ]
    all_numbers = find_numbers(text, tokens=tokens)
    all_dates = [
        d
        for d in find_dates(text, published, tokens=tokens, numbers=all_numbers)
        if d.date_from <= published.date()
    ]
    places = find_places(text, resources.gazetteer, tokens=tokens)
    matches = resources.tables_for(doc.language).scan(tokens, ranges)
    by_start = _Positions(all_dates, all_numbers, places)
    sentences = []
    # the headline's stretch of text; a headline split in two ("A.. B") is headline twice
    title_start = text.find(doc.title.strip()) if doc.title and doc.title.strip() else -1
    title_start, title_end = (
        (title_start, title_start + len(doc.title.strip())) if title_start >= 0 else (-1, -1)
    )
    for index, (span, (lo, hi), found) in enumerate(zip(spans, ranges, matches)):
        sentence_tokens = tokens[lo:hi]
        sentence = SentenceMentions(
            index=index,
            start=span.start,
            end=span.end,
            text=span.text,
            is_title=title_start <= span.start and span.end <= title_end,
            tokens=sentence_tokens,
            clauses=[],
        )
        sentence.cues = {name: found.get(name, []) for name in CUE_NAMES}
        sentence.clauses = _clauses(sentence)
        actors = resources.actors.mentions(
            sentence_tokens,
            found.get(ACTOR_NAMES, []),
            found.get(ACTOR_ADJECTIVES, []),
            published=published.date(),
        )
        sentence.actors = [a for a in actors if not _named_as_place(sentence, a)]
        sentence.triggers = _outside(found.get(TRIGGERS, []), sentence.actors)
        sentence.weapons = found.get(WEAPONS, [])
        sentence.dates, sentence.numbers, sentence_places = by_start.within(span.start, span.end)
        # names inside an actor's name are not places: "al-Sham" in Hayat Tahrir al-Sham
        named = [a.span for a in sentence.actors if a.via in ("state", "alias")]
        sentence.places = [
            p
            for p in sentence_places
            if not any(n.start <= p.span.start < n.end for n in named)
            and not _is_dateline(sentence, p)
        ]
        sentences.append(sentence)
    countries = {m.entry.country for s in sentences for m in s.actors if m.entry.country}
    resolve_places(places, PlaceContext.from_text(text, resources.gazetteer, countries))
    return sentences


class _Positions:
    """Dates, numbers and places of a document, handed out by the stretch they start in."""

    def __init__(
        self, dates: list[DateRange], numbers: list[NumberMention], places: list[PlaceMention]
    ) -> None:
        self._lists = (dates, numbers, places)
        self._starts = (
            [d.span.start for d in dates],
            [n.span.start for n in numbers],
            [p.span.start for p in places],
        )

    def within(
        self, start: int, end: int
    ) -> tuple[list[DateRange], list[NumberMention], list[PlaceMention]]:
        dates, numbers, places = (
            items[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
            for items, starts in zip(self._lists, self._starts)
        )
        return dates, numbers, places


def _named_as_place(sentence: SentenceMentions, actor: ActorMention) -> bool:
    """ "في دمشق", "in Tehran": a capital or a state after a place preposition is where,
    not who."""
    if actor.via != "state":
        return False
    before = [t for t in sentence.tokens if t.end <= actor.span.start][-1:]
    return bool(before) and any(
        before[0].start >= c.start and before[0].end <= c.end for c in sentence.cue("location_prep")
    )


_DATELINE_ENDS = {"|", "-", "–", "—", "/"}


def _is_dateline(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "رام الله | ...", "BAGHDAD, Iraq —": where the report was filed, not an event place."""
    if not sentence.tokens or place.span.start != sentence.tokens[0].start:
        return False
    after = [t for t in sentence.tokens if t.start >= place.span.end][:1]
    if not after:
        return False
    return after[0].text in _DATELINE_ENDS or (place.span.text.isupper() and after[0].text == ",")


def _clauses(sentence: SentenceMentions) -> list[Clause]:
    cuts = sorted(m.start for m in sentence.cue("clause_break"))
    bounds = [sentence.start, *cuts, sentence.end]
    return [Clause(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] or [
        Clause(sentence.start, sentence.end)
    ]


def _outside(
    triggers: list[PhraseMatch[Trigger]], actors: list[ActorMention]
) -> list[PhraseMatch[Trigger]]:
    """Triggers that are not words inside an actor's name ("المقاومة", "Defense Forces")."""
    names = [a.span for a in actors if a.via != "adjective"]
    return [t for t in triggers if not any(n.start <= t.start and t.end <= n.end for n in names)]
