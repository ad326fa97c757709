"""The mention stage: sentences of a document, what each one mentions, and the document's
context record.

The text is tokenised once. Triggers, cue words, weapons and actors are found in one walk
of the phrase trie over those tokens, place names by the gazetteer, numbers and dates by
their grammars where a number or date word stands; then all of it is laid out sentence by
sentence, with clause boundaries, so that the event stages work on one sentence at a time.
Places are resolved here, with the whole article as context.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter
from typing import Any, NamedTuple, Protocol, TypeVar

from rasd.annotate import positions
from rasd.annotate.clauses import Clause, clauses_of
from rasd.annotate.countries import main_country, spoken_countries
from rasd.annotate.dates import find_dates_against
from rasd.annotate.geocode import PlaceContext, dateline, place_told_off, resolve_places
from rasd.annotate.named_actors import named_as_place, partitives
from rasd.annotate.numbers import NumberMention, find_numbers
from rasd.annotate.places import find_places, in_a_name, read_relations
from rasd.annotate.unlisted import place_unlisted, unlisted_places
from rasd.knowledge.actors import ACTOR_ADJECTIVES, ACTOR_NAMES, ActorMention, Via
from rasd.knowledge.gazetteer import Place, PlaceMention
from rasd.knowledge.lexicon import (
    FIREARM,
    GAP_HEADS,
    GAP_TAILS,
    TRIGGERS,
    WEAPONS,
    Cue,
    Lexicon,
    Trigger,
    Weapon,
)
from rasd.knowledge.resources import Resources
from rasd.knowledge.settings import SETTINGS
from rasd.model import DateRange, Document, Span
from rasd.text.matcher import PhraseMatch
from rasd.text.sentences import split_sentences
from rasd.text.tokens import (
    PerForm,
    Token,
    norms_of,
    starts_of,
    tokenize,
)

_NONE: list[Any] = []  # what a sentence holds of a cue it does not have: never written to
# (Enum members are read once, here: in Python 3.11 each ``Via.X`` in a loop is a slow look-up)
_NAMED_VIA = (Via.STATE, Via.ALIAS, Via.ADJECTIVE)  # actors named by words a place may share
_Derived = TypeVar("_Derived")
_UNREAD = object()  # what the sentence has not yet had read from it


_END = itemgetter(1)  # Token.end
_IS_WORD = PerForm(lambda norm: norm[0].isalnum())  # not punctuation


class TokenOffsets(NamedTuple):
    """Where a document's tokens end, for finding a token or counting words between two
    offsets; shared by its sentences (``first_token``: the sentence's first token)."""

    token_ends: list[int]
    word_ends: list[int]  # the ends of words: punctuation not counted
    first_token: int = 0

    @classmethod
    def of(cls, tokens: list[Token]) -> TokenOffsets:
        ends = list(map(_END, tokens))
        return cls(ends, list(compress(ends, map(_IS_WORD.__getitem__, norms_of(tokens)))))

    def from_token(self, first: int) -> TokenOffsets:
        # tuple.__new__: not NamedTuple's own __new__, Python code slow to call when compiled
        return tuple.__new__(TokenOffsets, (self.token_ends, self.word_ends, first))


class Spanned(Protocol):
    """Anything with offsets into the text: a mention's span, a phrase match."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(eq=False, slots=True)
class SentenceMentions:
    index: int
    start: int
    end: int
    text: str  # the sentence's own text: text[0] is the document's character at ``start``
    is_title: bool
    tokens: list[Token]
    clauses: list[Clause]
    offsets: TokenOffsets
    triggers: list[PhraseMatch[Trigger]] = field(default_factory=list)
    weapons: list[PhraseMatch[Weapon]] = field(default_factory=list)
    # every phrase table's matches in the sentence, by table (each cue class is a table)
    matches: dict[Hashable, list[PhraseMatch[Any]]] = field(default_factory=dict)
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    dates: list[DateRange] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    # what the event stages read from the sentence alone, by the function that reads it
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, init=False, repr=False)

    # __init__ written out (and Clause's): dataclass's own runs interpreted even when compiled
    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        text: str,
        is_title: bool,
        tokens: list[Token],
        clauses: list[Clause],
        offsets: TokenOffsets,
    ) -> None:
        self.index, self.start, self.end, self.text = index, start, end, text
        self.is_title, self.tokens, self.clauses, self.offsets = is_title, tokens, clauses, offsets
        self.triggers, self.weapons, self.matches = [], [], {}
        self.actors, self.places, self.dates, self.numbers = [], [], [], []
        self._derived = {}

    def derived(self, read: Callable[[SentenceMentions], _Derived]) -> _Derived:
        """``read(self)``, read once: what an event stage reads from the whole sentence (not
        from a clause or a trigger) is the same for each of the sentence's candidates. The
        sentence's mentions are complete by then; what is returned is shared, never changed."""
        value = self._derived.get(read, _UNREAD)
        if value is _UNREAD:
            value = self._derived[read] = read(self)
        return value

    def cue(self, name: Cue) -> list[PhraseMatch[Cue]]:
        return self.matches.get(name, _NONE)

    def token_index(self, offset: int) -> int:
        """Index of the token at or after a character offset."""
        index = bisect.bisect_right(self.offsets.token_ends, offset) - self.offsets.first_token
        return min(max(index, 0), len(self.tokens))

    def words_between(self, end: int, start: int) -> int:
        """Words strictly between a mention ending at ``end`` and one starting at ``start``."""
        word_ends = self.offsets.word_ends
        return bisect.bisect_right(word_ends, start) - bisect.bisect_right(word_ends, end)

    def words_apart(self, a: Spanned, b: Spanned) -> int:
        """Words between two mentions, whichever comes first (0 when they overlap)."""
        if a.end <= b.start:
            return self.words_between(a.end, b.start)
        return self.words_between(b.end, a.start) if b.end <= a.start else 0

    @property
    def is_bullet(self) -> bool:
        """An item of a list: "- قصفت قوات النظام ..."."""
        return bool(self.tokens) and self.tokens[0].text in "-–•*·"

    @property
    def is_section(self) -> bool:
        """A sentence that opens with a short heading and a colon: "محافظة حلب: ..."."""
        head = self.text.split(":", 1)[0]
        return head != self.text and len(head.split()) <= SETTINGS.text.heading_words

    def clause_of(self, offset: int) -> Clause:
        for clause in self.clauses:
            if clause.holds(offset):
                return clause
        return self.clauses[-1]


@dataclass
class DocumentContext:
    """What is known of a document as a whole, once its mentions are read."""

    published: dt.datetime | None  # the time its dates were resolved against, if known
    title: tuple[int, int] | None  # the headline's stretch of the clean text
    dateline: Place | None  # where the report was filed, when its first line says
    country: str | None  # the country its places and actors name most often
    actor_countries: set[str]  # the countries of the actors it names
    # what speaks of each country: its distinct places named, its actors, the dateline
    spoken: Counter[str] = field(default_factory=Counter)
    # the sentences that name an explosive weapon (mortars, missiles, a drone ...)
    explosives: frozenset[int] = frozenset()
    # a feud (between clans, tribes, families) told with firearms named beside it
    armed_feud: bool = False

    @property
    def day(self) -> dt.date | None:
        """The publication day, if the publication time is known."""
        return self.published.date() if self.published else None


@dataclass
class Mentions:
    """A document's sentences with what each mentions, and its context."""

    sentences: list[SentenceMentions]
    context: DocumentContext


def find_mentions(doc: Document, resources: Resources) -> Mentions:
    """Every sentence of the document with the mentions that fall inside it.

    The text is tokenised once; numbers, dates and place names are read from those tokens,
    and every phrase table is matched in one pass over them, sentence by sentence."""
    text = doc.text
    published = doc.published
    tokens = tokenize(text)
    offsets = TokenOffsets.of(tokens)
    spans, ranges = _sentences(text, tokens)
    all_numbers = find_numbers(text, tokens=tokens)
    token_starts = starts_of(tokens)
    all_dates = [
        d
        for d in _dates(text, published, tokens, all_numbers)
        if (published is None or d.date_from <= published.date())
        and not (d.span and in_a_name(d.span, tokens, token_starts, resources.gazetteer))
    ]
    places = find_places(text, resources.gazetteer, tokens=tokens)
    unlisted = unlisted_places(text, tokens, places, resources.gazetteer)
    if unlisted:  # their relations, and those of the names after them, read again
        places = sorted(places + unlisted, key=lambda m: m.span.start)
        read_relations(tokens, places, resources.gazetteer)
    matches = resources.tables_for(doc.language).scan(tokens, ranges)
    by_start = positions.Positions(all_dates, all_numbers, places)
    title = _title_stretch(text, doc.title)
    sentences = []
    for index, (span, (lo, hi), found) in enumerate(zip(spans, ranges, matches)):
        sentence_tokens = tokens[lo:hi]
        sentence = SentenceMentions(
            index=index,
            start=span.start,
            end=span.end,
            text=span.text,
            # a headline split in two ("A.. B") is headline twice
            is_title=title is not None and title[0] <= span.start and span.end <= title[1],
            tokens=sentence_tokens,
            clauses=[],
            offsets=offsets.from_token(lo),
        )
        if GAP_HEADS in found and GAP_TAILS in found:
            _join_gapped(found, resources.lexicon_for(doc.language))
        sentence.matches = found
        if ACTOR_NAMES in found or ACTOR_ADJECTIVES in found:
            actors = resources.actors.mentions(
                sentence_tokens,
                found.get(ACTOR_NAMES, []),
                found.get(ACTOR_ADJECTIVES, []),
                published=published.date() if published else None,
            )
            actors = [a for a in actors if not named_as_place(sentence, a)]
            sentence.actors = partitives(sentence, actors)
        sentence.weapons = found.get(WEAPONS, [])
        if TRIGGERS in found:
            sentence.triggers = _outside(
                found[TRIGGERS], sentence.actors, sentence.weapons, sentence.cue(Cue.NOT_EVENT)
            )
        sentence.dates, sentence.numbers, sentence_places = by_start.within(span.start, span.end)
        # a dateline's city names where the report was filed, no state acting ("CAIRO (AP) —")
        first = _dateline_first(sentence_tokens)
        opening = sentence_tokens[first].start if sentence_tokens else None
        filed = [
            p.span.start
            for p in sentence_places
            if p.span.start == opening and _is_dateline(sentence, p)
        ]
        sentence.actors = [a for a in sentence.actors if a.span.start not in filed]
        # names inside an actor's name are not places: "al-Sham" in Hayat Tahrir al-Sham;
        # nor inside a weapon's: M'Sila in "القنابل المسيلة للدموع" (tear gas)
        named = [(a.span.start, a.span.end) for a in sentence.actors if a.via in _NAMED_VIA]
        named += [(w.start, w.end) for w in sentence.weapons if w.last - w.first > 1]  # phrases
        # a nationality adjective is no place without a cue word: "Somali soldiers" are not
        # in Ethiopia's Somali Region
        adjectives = {(m.start, m.end) for m in found.get(ACTOR_ADJECTIVES, [])}
        sentence.places = [
            p
            for p in sentence_places
            if not (named and any(a <= p.span.start < b for a, b in named))
            and p.span.start not in filed
            and not (p.cue is None and (p.span.start, p.span.end) in adjectives)
        ]
        sentence.clauses = clauses_of(sentence)
        sentences.append(sentence)
    countries = {m.entry.country for s in sentences for m in s.actors if m.entry.country}
    filed_at, dateline_end = dateline(text, resources.gazetteer)
    if dateline_end:  # "أربيل (كوردستان 24)-": the outlet's name counts no one
        for sentence in sentences[:1]:
            sentence.numbers = [n for n in sentence.numbers if n.span.start >= dateline_end]
    resolve_places(places, PlaceContext(text, countries, filed_at))
    place_told_off(places, resources.gazetteer)
    place_unlisted(places, text)
    context = DocumentContext(
        published,
        title,
        filed_at,
        main_country(sentences),
        countries,
        spoken_countries(sentences, countries, filed_at),
        frozenset(s.index for s in sentences if any(w.payload.explosive for w in s.weapons)),
        any(
            s.cue(Cue.FEUD) and any(w.payload.weapon == FIREARM for w in s.weapons)
            for s in sentences
        ),
    )
    return Mentions(sentences, context)


# Two publication times far apart: a date read the same against both does not depend on
# when the text was published ("15 كانون الثاني 2024", not "أمس").
_ANCHORS = (dt.datetime(2000, 1, 1, tzinfo=dt.UTC), dt.datetime(2100, 1, 1, tzinfo=dt.UTC))


def _dates(
    text: str, published: dt.datetime | None, tokens: list[Token], numbers: list[NumberMention]
) -> list[DateRange]:
    """The text's dates resolved against its publication time; without one, only the dates
    that need none (a date is never taken from the clock)."""
    if published is not None:
        return find_dates_against(text, (published,), tokens=tokens, numbers=numbers)[0]
    early, late = find_dates_against(text, _ANCHORS, tokens=tokens, numbers=numbers)
    return [d for d in early if d in late]


def _sentences(text: str, tokens: list[Token]) -> tuple[list[Span], list[tuple[int, int]]]:
    """The sentences of the text and the token range of each. A sentence longer than the
    longest one reads (settings: text.longest_sentence_tokens), such as a page with no
    punctuation, is read in pieces of that length, so that reading stays linear."""
    longest = SETTINGS.text.longest_sentence_tokens
    starts = starts_of(tokens)
    spans, ranges = [], []
    for span in split_sentences(text):
        lo, hi = bisect.bisect_left(starts, span.start), bisect.bisect_left(starts, span.end)
        if hi - lo <= longest:
            spans.append(span)
            ranges.append((lo, hi))
            continue
        for first in range(lo, hi, longest):
            last = min(first + longest, hi)
            start, end = tokens[first].start, tokens[last - 1].end
            spans.append(Span(start, end, text[start:end]))
            ranges.append((first, last))
    return spans, ranges


def _join_gapped(found: dict[Hashable, list[PhraseMatch[Any]]], lexicon: Lexicon) -> None:
    """Gapped triggers ("فتح مسلحون النار على"): a head, at most a few words, then the tail
    that completes it. The joined trigger stands at its head (the words after it are the
    subject) and replaces the triggers read inside it ("هجوماً" in "صدّ الجيش هجوماً")."""
    reach = SETTINGS.text.gap_words
    joined = []
    for head in found[GAP_HEADS]:
        for tail in found[GAP_TAILS]:
            if head.last <= tail.first <= head.last + reach:
                trigger = lexicon.gapped_trigger(head.payload, tail.payload)
                if trigger is not None:
                    joined.append((head, tail, trigger))
                    break
    if not joined:
        return
    inside = [(head.start, tail.end) for head, tail, _ in joined]
    kept = [t for t in found.get(TRIGGERS, []) if not any(a <= t.start < b for a, b in inside)]
    kept += [PhraseMatch(h.first, h.last, h.start, h.end, t) for h, _, t in joined]
    found[TRIGGERS] = sorted(kept, key=lambda m: (m.start, -m.end))


def _title_stretch(text: str, title: str | None) -> tuple[int, int] | None:
    headline = title.strip() if title else ""
    start = text.find(headline) if headline else -1
    return (start, start + len(headline)) if start >= 0 else None


_DATELINE_ENDS = {"|", "-", "–", "—", "/"}
_OUTLET_TOKENS = 8  # an outlet's name in brackets after a dateline place, at most


def _dateline_first(tokens: Sequence[Token]) -> int:
    """Where a dateline would begin: the first token, or the one after an opening bracket
    ("(Beirut) Hezbollah said ...")."""
    return 1 if len(tokens) > 1 and tokens[0].text == "(" else 0


def _is_dateline(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "رام الله | ...", "أربيل (وكالة)- ...", "BAGHDAD, Iraq —", "BAGHDAD: ...", or a line
    that is only a place name: where the report was filed, not an event place."""
    tokens = sentence.tokens
    if not tokens or place.span.start != tokens[_dateline_first(tokens)].start:
        return False
    k = sentence.token_index(place.span.end)  # the first token after the name
    if _dateline_first(tokens):  # "(Beirut) Hezbollah said ..."
        return k < len(tokens) and tokens[k].text == ")"
    after = tokens[k : k + 1]
    if not after:
        return True  # the line names the place and nothing else
    if after[0].text == "(":  # the outlet in brackets: "أربيل (كوردستان 24)-"
        closing = [t.text for t in sentence.tokens[k : k + _OUTLET_TOKENS]]
        if ")" in closing:
            after = sentence.tokens[k + closing.index(")") + 1 :][:1]
    if not after:
        return False
    # "BAGHDAD, Iraq —", "BAGHDAD: A roadside bomb ..." (an Arabic name before a colon heads
    # a section of a round-up: "محافظة إدلب: ...", where its items happened)
    return after[0].text in _DATELINE_ENDS or (
        place.span.text.isupper() and after[0].text in (",", ":")
    )


def _outside(
    triggers: list[PhraseMatch[Trigger]],
    actors: list[ActorMention],
    weapons: list[PhraseMatch[Weapon]],
    idioms: list[PhraseMatch[Cue]],
) -> list[PhraseMatch[Trigger]]:
    """Triggers that are not words inside an actor's name ("المقاومة", "Defense Forces"), a
    shorter part of the name of a weapon that does not explode ("tear gas grenades") nor of
    a phrase that tells no event ("السيطرة على الحريق": a fire put out)."""
    names = [a.span for a in actors if a.via != Via.ADJECTIVE]
    harmless = [w for w in weapons if not w.payload.explosive]
    return [
        t
        for t in triggers
        if not any(n.start <= t.start and t.end <= n.end for n in names)
        and not any(i.start < t.end and t.start < i.end for i in idioms)
        and not any(
            w.start <= t.start and t.end <= w.end and w.end - w.start > t.end - t.start
            for w in harmless
        )
    ]
