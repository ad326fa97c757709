"""The focus of an article as it is read: the last date and the places it is about, which
sentences that name neither fall back on."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable

from rasd.annotate.geocode import PlaceMention
from rasd.annotate.mentions import SentenceMentions
from rasd.events.dating import is_date_line, since
from rasd.events.placing import homonym, most_specific, rank, sentence_event_places, unspoken
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.places import place_of
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import EventType
from rasd.model import DateRange, date_span

_REGION_RANK = SETTINGS.placing.specificity["admin2"]  # below this a place is a region


class Focus:
    """What the text so far has established: the last date and the places in focus.

    A sentence's place in focus (the most specific of its event places) is worked out only
    when a later sentence that names no place asks for it, most of them never are."""

    def __init__(
        self,
        published: dt.date | None,
        country: str | None,
        spoken: Counter[str] | None = None,
        explosives: frozenset[int] = frozenset(),
        armed_feud: bool = False,
    ) -> None:
        self.published = published
        self.country = country  # where most of the article's places are
        self.spoken = spoken or Counter()  # what speaks of each country (DocumentContext)
        self.explosives = explosives  # the sentences that name an explosive weapon
        self.armed_feud = armed_feud  # a feud the article tells with firearms named
        # the date the lines around give: a subheading's, from the paragraph below it; a
        # broken-down item's, from the line that opens the breakdown
        self.date_around: DateRange | None = None
        self.date: DateRange | None = None
        self.report_date: DateRange | None = None  # the day the article reports on
        self._placed: list[SentenceMentions] = []  # the sentences taken in that name places
        self._best: dict[int, PlaceMention | None] = {}  # index in _placed -> its place
        self.following: list[SentenceMentions] = []  # the sentences after the one being read

    def update(self, sentence: SentenceMentions) -> None:
        """Take in a sentence once its events are built (background moves nothing)."""
        if sentence.cue(Cue.BACKGROUND):
            return
        dates = [
            d
            for d in sentence.dates
            if d.precision <= 2
            and not is_date_line(sentence, d)
            and not since(sentence, d)
            and not _in_since_clause(sentence, d)
        ]
        if dates:
            self.date = dates[-1]
            if self.report_date is None and dates[0].precision == 1:
                self.report_date = dates[0]
        if sentence.places:
            self._placed.append(sentence)

    def fallback_date(self, sentence: SentenceMentions) -> DateRange | None:
        """The date the lines around give (a subheading's, a broken-down item's); else a new
        item of a round-up ("محافظة إدلب: ...", "- ...") is dated by the report; else the
        date in focus."""
        if self.date_around is not None:
            return self.date_around
        if sentence.is_bullet or sentence.is_section:
            return self.report_date or self.date
        return self.date

    def fallback_place(
        self, sentence: SentenceMentions, event_type: EventType
    ) -> PlaceMention | None:
        """The last place in focus, a town or a governorate; for an item of a list, the last
        governorate named, else the article's first town. Before any place is named, the
        place of the next sentence that names one, close after, if it tells no other kind of
        event by name ("... killing four soldiers. The ambush happened near Baidoa.")."""
        if sentence.is_bullet:
            return self._last(lambda p: not _specific(p)) or self._first(_specific)
        place = self._last(lambda p: True)
        # a headline's event is the body's; what has gone on "since" a day is no one event
        if (
            place is None
            and not sentence.is_title
            and not any(since(sentence, d) for d in sentence.dates)
        ):
            place = self._place_ahead(event_type)
        return place

    def _place_ahead(self, event_type: EventType) -> PlaceMention | None:
        for later in self.following:
            if later.cue(Cue.BACKGROUND):
                continue
            if any(
                t.payload.event_type != event_type and not t.payload.weak for t in later.triggers
            ):
                return None  # another event's place ("the attack" may name any)
            place = self._event_place(later)
            if place is not None:
                return place
        return None

    def _place_of(self, k: int) -> PlaceMention | None:
        if k not in self._best:
            self._best[k] = self._event_place(self._placed[k])
        return self._best[k]

    def _event_place(self, sentence: SentenceMentions) -> PlaceMention | None:
        """The most specific of a sentence's event places; a homonym abroad set aside for the
        sentence's events is never the place in focus."""
        places = [
            p
            for p in sentence_event_places(sentence)
            if not homonym(p, self.country) and not unspoken(p, self)
        ]
        return most_specific(sentence, places)[0] if places else None

    def _last(self, wanted: Callable[[PlaceMention], bool]) -> PlaceMention | None:
        return self._found(wanted, reversed(range(len(self._placed))))

    def _first(self, wanted: Callable[[PlaceMention], bool]) -> PlaceMention | None:
        return self._found(wanted, range(len(self._placed)))

    def _found(
        self, wanted: Callable[[PlaceMention], bool], order: Iterable[int]
    ) -> PlaceMention | None:
        """The place in focus of the first sentence, in ``order``, whose place is wanted."""
        for k in order:
            place = self._place_of(k)
            if place is not None and wanted(place):
                return place
        return None


def _specific(mention: PlaceMention) -> bool:
    """A town or smaller, not a region."""
    return rank(place_of(mention)) >= _REGION_RANK


def _in_since_clause(sentence: SentenceMentions, date: DateRange) -> bool:
    """ "since Hamas attacked Israel on October 7": a day in what "since" opens dates when
    something began, not the events the text goes on to tell."""
    start = date_span(date).start
    clause = sentence.clause_of(start)
    return any(c.end <= start and clause.holds(c.start) for c in sentence.cue(Cue.SINCE))
