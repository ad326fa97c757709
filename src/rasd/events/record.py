"""The output record: a finished candidate becomes an :class:`rasd.model.Event` with ACLED's
names for its actors, its location, toll, confidence and evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

from rasd.annotate.geocode import to_location
from rasd.events.candidate import Candidate
from rasd.events.sides import Mention, is_armed
from rasd.knowledge.actor_entries import COUNTRY, ActorEntry
from rasd.knowledge.actors import ActorDictionary, ActorMention, Via
from rasd.knowledge.files import data_file, read_data
from rasd.knowledge.gazetteer import Place
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import TAXONOMY, EventType, SubEventType
from rasd.model import Actor, Document, Event, Span


def to_event(
    cand: Candidate, doc: Document, actors: ActorDictionary, article_country: str | None = None
) -> Event:
    """The finished event. Words several actors share ("المقاومة الإسلامية") name the one of
    the event's country, else of the article's (``article_country``: Hezbollah's strike on
    a post in Israel, told by a Lebanese outlet)."""
    place, mention = cand.place_choice, cand.place
    assert place is not None and mention is not None, "only placed candidates are recorded"
    location = to_location(mention)
    date = cand.date
    of_day = (actors, doc.published.date() if doc.published else None, article_country)
    actor1 = _crowd_actor(cand, place, actors) or _actor(cand.actor1, place.country, *of_day)
    actor1 = actor1 or _sole_air_power(cand, place, actors, of_day[1])
    actor2 = _actor(cand.actor2, place.country, *of_day) or _arrested(cand, place, actors)
    actor2 = actor2 or _hurt_unnamed(cand, place, actors)
    actor1, actor2 = _countryless(actor1), _countryless(actor2)
    if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor2 = None  # one side named twice ("Turkish drones ... the Turkish base"): no target
    evidence = {k: v for k, v in cand.evidence.items() if v is not None}
    if actor2 is None:
        evidence.pop("actor2", None)
    return Event(
        event_type=cand.event_type,
        sub_event_type=cand.sub_event_type,
        plover=cand.plover,
        date_from=date.date_from if date else None,
        date_to=date.date_to if date else None,
        time_precision=date.precision if date else 3,
        actor1=actor1,
        actor2=actor2,
        claimed_by=_countryless(_actor(cand.claimed_by, place.country, *of_day)),
        denied_by=_countryless(_actor(cand.denied_by, place.country, *of_day)),
        location=location,
        fatalities=_deaths(cand) or 0,
        injuries=cand.injuries or 0,
        fatalities_known=_deaths(cand) is not None,
        weapons=cand.weapons,
        evidence=evidence,
        sources=[doc.doc_id],
        confidence=cand.confidence,
        notes=doc.text[_line_of(doc, cand.trigger_span)].strip()[
            : SETTINGS.events.notes_characters
        ],
    )


def _arrested(cand: Candidate, place: Place, actors: ActorDictionary) -> Actor | None:
    """ACLED codes the people arrested as civilians unless the text names their group."""
    if cand.sub_event_type != SubEventType.ARRESTS:
        return None
    return _implied(actors.by_id(TAXONOMY.arrested_actor), place.country)


def _sole_air_power(
    cand: Candidate, place: Place, actors: ActorDictionary, day: dt.date | None
) -> Actor | None:
    """An air strike no one is named for, where one air power strikes almost alone
    (data/events/air_power.yaml): that country's forces, implied, not named."""
    actor_id, struck = _air_powers()
    flier = struck.get(place.country or "")
    if cand.sub_event_type != SubEventType.AIR_STRIKE or flier is None:
        return None
    return _implied(actors.of_country(actors.by_id(actor_id), flier, day), flier)


@cache
def _air_powers() -> tuple[str, dict[str, str]]:
    data = read_data(data_file("events", "air_power.yaml"), ValueError, "the air powers")
    struck = data.get("struck") if isinstance(data, dict) else None
    if not isinstance(data.get("actor"), str) or not isinstance(struck, dict):
        raise ValueError("data/events/air_power.yaml: expected 'actor' and 'struck'")
    return data["actor"], {str(k): str(v) for k, v in struck.items()}


_HURTING = (EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS)


def _hurt_unnamed(cand: Candidate, place: Place, actors: ActorDictionary) -> Actor | None:
    """A strike or an attack that killed or wounded people it does not name, or that hit a
    home, a market or a camp: ACLED codes them as civilians (taxonomy: hurt_actor)."""
    hurt = (cand.fatalities or 0) + (cand.injuries or 0) + (cand.headline_toll or 0)
    if not (hurt or cand.civilian_target) or cand.event_type not in _HURTING:
        return None
    return _implied(actors.by_id(TAXONOMY.hurt_actor), place.country)


def _implied(entry: ActorEntry, country: str | None) -> Actor:
    """An actor the text implies without naming it: no words of its own."""
    return Actor(entry.name_for(country), "", entry.id, entry.kind, country)


def _countryless(actor: Actor | None) -> Actor | None:
    """A generic class of an event with no country (at sea): "Civilians (International)"."""
    if actor is None or COUNTRY not in actor.name:
        return actor
    return replace(actor, name=actor.name.replace(COUNTRY, TAXONOMY.no_country))


def _deaths(cand: Candidate) -> int | None:
    return cand.fatalities if cand.fatalities is not None else cand.headline_toll


def _actor(
    mention: Mention | None,
    country: str | None,
    actors: ActorDictionary,
    day: dt.date | None,
    article_country: str | None = None,
) -> Actor | None:
    """The mention as an event actor; a generic class ("the army") as the event country's
    own entry of the day."""
    if mention is None:
        return None
    if isinstance(mention, ActorMention) and mention.others:
        for where in (country, article_country):
            own = mention.in_country(where)
            if where and own is not mention.entry:
                return ActorMention(mention.span, own, mention.via).to_actor(country)
    if mention.entry is not None and mention.entry.generic and country:
        entry = actors.of_country(mention.entry, country, day)
        return ActorMention(mention.span, entry, mention.via, country).to_actor(country)
    return mention.to_actor(country)


def _crowd_actor(cand: Candidate, place: Place, actors: ActorDictionary) -> Actor | None:
    """Protesters (Iraq) for a protest, Rioters (Iraq) for a riot, unless an armed group
    leads the violence: ACLED names the crowd by the event's country, whoever called it."""
    crowd = TAXONOMY.crowd_actor.get(cand.event_type)
    if crowd is None or is_armed(cand.actor1) and cand.event_type == EventType.RIOTS:
        return None
    entry = actors.by_id(crowd)
    span = cand.actor1.span if cand.actor1 else cand.trigger_span
    return ActorMention(span, entry, Via.ALIAS).to_actor(place.country)


def _line_of(doc: Document, span: Span) -> slice:
    start = max(doc.text.rfind("\n", 0, span.start) + 1, 0)
    end = doc.text.find("\n", span.end)
    return slice(start, end if end != -1 else len(doc.text))
