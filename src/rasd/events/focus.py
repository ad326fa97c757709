"""The focus of an article as it is read: the last date and the places it is about, which
sentences that name neither fall back on."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from rasd.annotate.geocode import PlaceMention
from rasd.annotate.mentions import SentenceMentions
from rasd.events.dating import is_date_line, since
from rasd.events.placing import event_places, homonym, most_specific, rank, unspoken
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.settings import SETTINGS
from rasd.model import DateRange

_REGION_RANK = SETTINGS.placing.specificity["admin2"]  # below this a place is a region


class Focus:
    """What the text so far has established: the last date and the places in focus."""

    def __init__(
        self,
        published: dt.date | None,
        country: str | None,
        spoken: Counter[str] | None = None,
    ) -> None:
        self.published = published
        self.country = country  # where most of the article's places are
        self.spoken = spoken or Counter()  # what speaks of each country (DocumentContext)
        self.date: DateRange | None = None
        self.place: PlaceMention | None = None  # the last specific place named
        self.region: PlaceMention | None = None  # the last governorate named
        self.lead: PlaceMention | None = None  # the first specific place of the article
        self.report_date: DateRange | None = None  # the day the article reports on

    def update(self, sentence: SentenceMentions) -> None:
        """Take in a sentence once its events are built (background moves nothing)."""
        if sentence.cue(Cue.BACKGROUND):
            return
        dates = [
            d
            for d in sentence.dates
            if d.precision <= 2 and not is_date_line(sentence, d) and not since(sentence, d)
        ]
        if dates:
            self.date = dates[-1]
            if self.report_date is None and dates[0].precision == 1:
                self.report_date = dates[0]
        # a homonym abroad set aside for the sentence's events is never the place in focus
        places = [
            p
            for p in event_places(sentence, sentence.places)
            if not homonym(p, self.country) and not unspoken(p, self)
        ]
        if not places:
            return
        best = most_specific(sentence, places)[0]
        if rank(best.place) >= _REGION_RANK:
            self.place = best
            self.lead = self.lead or best
        else:
            self.region = best
            self.place = None

    def fallback_date(self, sentence: SentenceMentions) -> DateRange | None:
        """A new item of a round-up ("محافظة إدلب: ...", "- ...") is dated by the report."""
        if sentence.is_bullet or sentence.is_section:
            return self.report_date or self.date
        return self.date

    def fallback_place(self, sentence: SentenceMentions) -> PlaceMention | None:
        if sentence.is_bullet:
            return self.region or self.lead
        return self.place or self.region or self.lead
