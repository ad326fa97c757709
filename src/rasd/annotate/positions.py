"""Where a document's dates, numbers and places stand: each sentence of the mention stage
(:mod:`rasd.annotate.mentions`) takes those that start inside it."""

from __future__ import annotations

import bisect

from rasd.annotate.numbers import NumberMention
from rasd.knowledge.places import PlaceMention
from rasd.model import DateRange, date_span


class Positions:
    """Dates, numbers and places of a document, handed out by the stretch they start in."""

    def __init__(
        self, dates: list[DateRange], numbers: list[NumberMention], places: list[PlaceMention]
    ) -> None:
        self._lists = (dates, numbers, places)
        self._starts = (
            [date_span(d).start for d in dates],
            [n.span.start for n in numbers],
            [p.span.start for p in places],
        )

    def within(
        self, start: int, end: int
    ) -> tuple[list[DateRange], list[NumberMention], list[PlaceMention]]:
        (dates, numbers, places), (at_date, at_number, at_place) = self._lists, self._starts
        left, right = bisect.bisect_left, bisect.bisect_left
        return (
            dates[left(at_date, start) : right(at_date, end)],
            numbers[left(at_number, start) : right(at_number, end)],
            places[left(at_place, start) : right(at_place, end)],
        )
