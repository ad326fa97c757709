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
from rasd.knowledge.actors import ActorDictionary, ActorMention
from rasd.knowledge.gazetteer import Gazetteer
from rasd.knowledge.lexicon import Lexicon, Trigger, Weapon
from rasd.model import DateRange, Document
from rasd.text.matcher import PhraseMatch
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

    @classmethod
    def load(cls) -> Resources:
        return cls(
            gazetteer=Gazetteer.load(),
            actors=ActorDictionary.load(),
            lexicons={lang: Lexicon.load(lang) for lang in ("ar", "en")},
        )

    def lexicon_for(self, language: str) -> Lexicon:
        return self.lexicons.get(language, self.lexicons["ar"])


def find_mentions(doc: Document, resources: Resources) -> list[SentenceMentions]:
    """Every sentence of the document with the mentions that fall inside it."""
    text = doc.text
    lexicon = resources.lexicon_for(doc.language)
    published = doc.published or dt.datetime.now(dt.UTC)
    all_dates = [d for d in find_dates(text, published) if d.date_from <= published.date()]
    all_numbers = find_numbers(text)
    places = find_places(text, resources.gazetteer)
    sentences = []
    # the headline's stretch of text; a headline split in two ("A.. B") is headline twice
    title_start = text.find(doc.title.strip()) if doc.title and doc.title.strip() else -1
    title_start, title_end = (
        (title_start, title_start + len(doc.title.strip())) if title_start >= 0 else (-1, -1)
    )
    for index, span in enumerate(split_sentences(text)):
        tokens = tokenize(text, span.start, span.end)
        sentence = SentenceMentions(
            index=index,
            start=span.start,
            end=span.end,
            text=span.text,
            is_title=title_start <= span.start and span.end <= title_end,
            tokens=tokens,
            clauses=[],
        )
        sentence.cues = {name: m.find(tokens) for name, m in lexicon.cues.items()}
        sentence.clauses = _clauses(sentence)
        sentence.actors = [
            a
            for a in resources.actors.find(tokens, published=published.date())
            if not _named_as_place(sentence, a)
        ]
        sentence.triggers = _outside(lexicon.triggers.find(tokens), sentence.actors)
        sentence.weapons = lexicon.weapons.find(tokens)
        sentence.dates = [d for d in all_dates if d.span and span.start <= d.span.start < span.end]
        sentence.numbers = [n for n in all_numbers if span.start <= n.span.start < span.end]
        # names inside an actor's name are not places: "al-Sham" in Hayat Tahrir al-Sham
        named = [a.span for a in sentence.actors if a.via in ("state", "alias")]
        sentence.places = [
            p
            for p in places
            if span.start <= p.span.start < span.end
            and not any(n.start <= p.span.start < n.end for n in named)
            and not _is_dateline(sentence, p)
        ]
        sentences.append(sentence)
    countries = {m.entry.country for s in sentences for m in s.actors if m.entry.country}
    resolve_places(places, PlaceContext.from_text(text, resources.gazetteer, countries))
    return sentences


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
