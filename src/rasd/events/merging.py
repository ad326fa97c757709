"""Merging: candidates that are the same actor doing the same kind of thing at the same
place on the same day become one event, which keeps the most each report says."""

from __future__ import annotations

import datetime as dt

from rasd.events.candidate import Candidate
from rasd.events.placing import rank, same_place
from rasd.events.sides import is_named, same_actor, strength
from rasd.knowledge.places import within
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import EventType, SubEventType
from rasd.model import DateRange

_SPECIFICITY_CITY = SETTINGS.placing.specificity["city"]

# Of two reports of one protest, the one that says the crowd met force says more.
_PROTEST_SEVERITY = (
    SubEventType.PEACEFUL_PROTEST,
    SubEventType.PROTEST_WITH_INTERVENTION,
    SubEventType.EXCESSIVE_FORCE,
)


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with every report of one event merged into the first one told."""
    out: list[Candidate] = []
    by_type: dict[str, list[Candidate]] = {}
    for cand in candidates:
        kept_of_type = by_type.setdefault(cand.event_type, [])
        for kept in kept_of_type:
            if same_event(kept, cand):
                absorb(kept, cand)
                break
        else:
            out.append(cand)
            kept_of_type.append(cand)
    return out


def same_event(a: Candidate, b: Candidate) -> bool:
    """The same actor doing the same kind of thing at the same place on the same day (or on
    a day a few days before the day one report was told on: "أعلنت الحكومة، اليوم، مقتل ...")."""
    if a.event_type != b.event_type or a.place_choice is None or b.place_choice is None:
        return False
    if a.place is None or b.place is None:  # never: a place chosen is a place mentioned
        return False
    if a.sentence == b.sentence and a.place is not b.place:
        if a.clause == b.clause:
            return False  # the clause named these places one by one: one event each
        if a.place_explicit and b.place_explicit and a.place_choice.id != b.place_choice.id:
            return False  # "... بغارة على سرمين، واثنان بقصف على إدلب": each clause its own
    if a.sentence == b.sentence and a.clause != b.clause and not _same_named_actor(a, b):
        # a later clause naming no one doing the same kind of act ("..., while no party
        # claimed the bombing") tells it again; "X was hit by rockets, while Turkish shelling
        # hit Y", "..., while an air strike hit it": two events
        if b.actor1 or a.sub_event_type != b.sub_event_type:
            return False
    if not same_place(a.place, b.place, a.title_only or b.title_only):
        return False
    if _own_places_and_tolls(a, b):
        return False
    told_later = a.told_on != b.told_on and _told_after(a, b)
    if a.date and b.date and a.date_explicit and b.date_explicit and not told_later:
        # reports of one strike often differ by a day ("overnight", "today"): allow that
        # when the same named actor did it, or when one of them is the headline
        loose = _same_named_actor(a, b) or a.title_only or b.title_only
        slack = dt.timedelta(days=SETTINGS.merging.date_slack_days if loose else 0)
        if a.date.date_to + slack < b.date.date_from or b.date.date_to + slack < a.date.date_from:
            return False
    x, y = a.actor1, b.actor1
    if not is_named(x) or not is_named(y) or x.entry.id == y.entry.id:
        return True
    # a battle told from either side: "the army repelled an IS attack" and "IS attacked"
    return a.event_type == EventType.BATTLES and (
        same_actor(x, b.actor2) or same_actor(a.actor2, y)
    )


def _own_places_and_tolls(a: Candidate, b: Candidate) -> bool:
    """ "8 killed in a strike on a house in Nuseirat camp" and "6 killed in a strike on a
    house in Bureij camp": two towns, camps or sites named each by its own report, each with
    a toll of its own, are two events, however close they lie, unless one lies within the
    other (a hospital in the quarter where a strike's toll rose; a city and a place within
    it). A governorate's report may sum up the tolls of the places within it."""
    p, q = a.place_choice, b.place_choice
    if not (a.place_explicit and b.place_explicit) or p is None or q is None or p.id == q.id:
        return False
    if min(rank(p), rank(q)) < _SPECIFICITY_CITY or (p.kind != q.kind and within(p, q)):
        return False
    return bool(a.fatalities and b.fatalities)


def absorb(kept: Candidate, other: Candidate) -> None:
    """Fold ``other`` into ``kept``: the stronger actors, the narrower date (the act's own
    day over the day it was told on), the stronger or more severe trigger, the more specific
    place (the body's over a headline's), the higher toll, every weapon."""
    kept.anchored = kept.anchored or other.anchored
    kept.definite = kept.definite and other.definite  # told as known only if always so
    told_in_body = kept.title_only and not other.title_only  # the body says where, exactly
    kept.title_only = kept.title_only and other.title_only
    for role in ("actor1", "actor2", "claimed_by", "denied_by"):
        mine, theirs = getattr(kept, role), getattr(other, role)
        if theirs is not None and (mine is None or strength(theirs) > strength(mine)):
            setattr(kept, role, theirs)
            if role in other.evidence:
                kept.evidence[role] = other.evidence[role]
    if kept.told_on and not other.told_on and other.date_explicit:
        # "أعلنت الحكومة، اليوم، مقتل ثلاثة" and "سقطت القذائف مساء الأحد": the act's own day
        kept.date, kept.told_on = other.date, False
        if "date" in other.evidence:
            kept.evidence["date"] = other.evidence["date"]
    elif other.date_explicit and kept.date_explicit and kept.date and other.date:
        start = max(kept.date.date_from, other.date.date_from)
        end = min(kept.date.date_to, other.date.date_to)
        if start <= end:
            kept.date = DateRange(
                start, end, max(1, min(kept.date.precision, other.date.precision))
            )
    elif other.date_explicit and not kept.date_explicit:
        kept.date, kept.date_explicit = other.date, True
        if "date" in other.evidence:
            kept.evidence["date"] = other.evidence["date"]
    if (kept.weak and not other.weak) or _severity(other) > _severity(kept):
        kept.sub_event_type, kept.weak = other.sub_event_type, other.weak
        kept.evidence["trigger"] = other.evidence["trigger"]
    here, there = kept.place_choice, other.place_choice
    assert here is not None and there is not None  # only placed candidates are the same event
    if told_in_body or rank(there) > rank(here):
        kept.place, kept.place_choice = other.place, there
        location = other.evidence.get("location", kept.evidence.get("location"))
        if location is not None:  # (a placed candidate has its location's evidence)
            kept.evidence["location"] = location
    take_toll(kept, other)
    kept.weapons = sorted(set(kept.weapons) | set(other.weapons))
    kept.civilian_target = kept.civilian_target or other.civilian_target


def _told_after(a: Candidate, b: Candidate) -> bool:
    """Is the one dated by its telling told at most a few days after the other happened?"""
    told, act = (a, b) if a.told_on else (b, a)
    if told.date is None or act.date is None:
        return False
    days = (told.date.date_from - act.date.date_to).days
    return 0 <= days <= SETTINGS.merging.told_later_days


def take_toll(kept: Candidate, other: Candidate) -> None:
    """The higher of two reports' tolls (deaths, injuries, a headline's) is the event's."""
    for attr in ("fatalities", "injuries", "headline_toll"):
        values = [v for v in (getattr(kept, attr), getattr(other, attr)) if v is not None]
        if values:
            setattr(kept, attr, max(values))


def _severity(cand: Candidate) -> int:
    if cand.sub_event_type in _PROTEST_SEVERITY:
        return _PROTEST_SEVERITY.index(cand.sub_event_type)
    return 0


def named_apart(a: Candidate, b: Candidate) -> bool:
    """Do two reports name two different actors as actor1?"""
    return is_named(a.actor1) and is_named(b.actor1) and not _same_named_actor(a, b)


def _same_named_actor(a: Candidate, b: Candidate) -> bool:
    x, y = a.actor1, b.actor1
    return is_named(x) and is_named(y) and x.entry.id == y.entry.id
