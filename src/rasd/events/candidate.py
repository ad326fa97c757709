"""The candidate event: an event while it is being built, before it becomes an Event."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from operator import attrgetter

from rasd.annotate.geocode import PlaceMention
from rasd.events.sides import Mention
from rasd.knowledge.actors import ActorMention
from rasd.knowledge.gazetteer import Place
from rasd.knowledge.taxonomy import EventType
from rasd.model import DateRange, Span


@dataclass
class Candidate:
    """An event while it is being built; becomes an :class:`rasd.model.Event`."""

    trigger_span: Span
    sentence: int
    clause: int
    event_type: EventType
    sub_event_type: str
    plover: str
    weak: bool
    actor1: Mention | None = None
    actor2: Mention | None = None
    claimed_by: ActorMention | None = None
    denied_by: ActorMention | None = None
    date: DateRange | None = None
    date_explicit: bool = False
    told_on: bool = False  # its date is the day of its telling ("أعلنت، اليوم، مقتل ...")
    place: PlaceMention | None = None
    place_choice: Place | None = None
    place_explicit: bool = False
    anchored: bool = False  # its own sentence names its place or its date
    # A headline restates the body: until one body report has been merged into it, it merges
    # more loosely (a headline's "near Qamishli" is the body's village road).
    title_only: bool = False
    referred: bool = False  # told as background to something else: it adds, never makes one
    definite: bool = False  # told as known: "الاشتباكات", "the clashes", "التفجير"
    headline_toll: int | None = None  # deaths a headline gives, used when the body gives none
    fatalities: int | None = None
    injuries: int | None = None
    weapons: list[str] = field(default_factory=list)
    civilian_target: bool = False  # its clause names a home, a market, a camp ... struck
    evidence: dict[str, Span] = field(default_factory=dict)
    confidence: float = 0.5  # how likely it reports a new happening (events.screening)

    def __copy__(self) -> Candidate:
        """A shallow copy, field by field: copy.copy's generic way, by reduction, is slower,
        and a Candidate compiled by mypyc has no ``__dict__`` to copy."""
        return Candidate(*_FIELD_VALUES(self))

    def swap_actors(self) -> None:
        """Actor1 becomes actor2 and actor2 actor1, with their evidence."""
        self.actor1, self.actor2 = self.actor2, self.actor1
        spans = {role: self.evidence.pop(role, None) for role in ("actor1", "actor2")}
        for role, other in (("actor1", "actor2"), ("actor2", "actor1")):
            if (span := spans[other]) is not None:
                self.evidence[role] = span

    def at(self, mention: PlaceMention | None, explicit: bool) -> Candidate:
        """A copy of the candidate placed at ``mention`` (``explicit``: its own sentence
        names the place)."""
        cand = copy.copy(self)  # a shallow copy, as dataclasses.replace makes
        cand.evidence = dict(self.evidence)
        if mention is not None and mention.place is not None:
            cand.place, cand.place_choice, cand.place_explicit = mention, mention.place, explicit
            cand.evidence["location"] = mention.span
        cand.anchored = explicit or cand.date_explicit
        return cand


# every field's value, in the order of the constructor's arguments (all are init fields)
_FIELD_VALUES = attrgetter(*(f.name for f in fields(Candidate)))
