"""The event taxonomy and the kinds of actor, read from ``rasd/data/taxonomy.yaml``.

The code refers to event types and actor kinds through the enums below; the data table holds
everything else about them (sub-event types, PLOVER types, ACLED's interaction codes, which
kinds are armed, strike from afar or are crowds). On load the table is checked against the
enums, so the two can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from rasd.knowledge.files import data_file, read_yaml
from rasd.knowledge.frozen import by_fields


class EventType(StrEnum):
    """ACLED's six event types."""

    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC = "Strategic developments"


class SubEventType(StrEnum):
    """The ACLED sub-event types the rules name (the data table lists them all)."""

    ARMED_CLASH = "Armed clash"
    AIR_STRIKE = "Air/drone strike"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    SUICIDE_BOMB = "Suicide bomb"
    GRENADE = "Grenade"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    DISRUPTED = "Disrupted weapons use"
    LOOTING = "Looting/property destruction"
    GOVERNMENT_REGAINS = "Government regains territory"
    NON_STATE_OVERTAKES = "Non-state actor overtakes territory"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"


class ActorKind(StrEnum):
    """The kinds of actor an entry of the actor dictionary can be."""

    STATE_FORCES = "state forces"
    POLICE = "police"
    REBEL_GROUP = "rebel group"
    POLITICAL_MILITIA = "political militia"
    IDENTITY_MILITIA = "identity militia"
    RIOTERS = "rioters"
    PROTESTERS = "protesters"
    CIVILIANS = "civilians"
    EXTERNAL_STATE = "external state"
    COALITION = "coalition"
    INTERNATIONAL = "international"
    UNIDENTIFIED = "unidentified"


class TaxonomyError(ValueError):
    """The taxonomy table does not follow its schema or disagrees with the code."""


@dataclass(frozen=True)
class KindTraits:
    """What the rules need to know of a kind of actor."""

    inter: int  # ACLED's interaction code
    armed: bool
    strikes_from_afar: bool
    crowd: bool
    state: bool  # a state's own forces: taking a town, they regain it

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen


@dataclass(frozen=True)
class Taxonomy:
    sub_event_types: dict[EventType, tuple[str, ...]]
    plover: dict[EventType, str]  # the PLOVER type of an event recoded to the type
    plover_types: frozenset[str]
    untargeted: frozenset[str]  # sub-event types with no actor2
    kinds: dict[ActorKind, KindTraits]
    crowd_actor: dict[EventType, str]  # actor id of the crowd of a protest or a riot
    arrested_actor: str  # actor id of people arrested whose group is not named
    hurt_actor: str  # actor id of people killed or wounded whom the text does not name
    no_country: str  # the country a generic class is named by when the event has none

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen

    def kind(self, name: str | None) -> KindTraits | None:
        return self.kinds.get(ActorKind(name)) if name in self.kinds else None


def _load() -> Taxonomy:
    source = data_file("taxonomy.yaml")
    data = read_yaml(source)
    try:
        return _taxonomy(data)
    except (TaxonomyError, KeyError, TypeError, ValueError, AttributeError) as err:
        raise TaxonomyError(f"{source}: {err}") from None


def _taxonomy(data: dict[str, Any]) -> Taxonomy:
    types = data["event_types"]
    if set(types) != set(EventType):
        raise TaxonomyError(f"event_types must be exactly {[t.value for t in EventType]}")
    plover_types = frozenset(data["plover_types"])
    subs = {EventType(name): tuple(entry["sub_event_types"]) for name, entry in types.items()}
    plover = {EventType(name): entry["plover"] for name, entry in types.items()}
    if not set(plover.values()) <= plover_types:
        raise TaxonomyError("an event type's plover is not one of plover_types")
    every_sub = {sub for names in subs.values() for sub in names}
    if missing := {s.value for s in SubEventType} - every_sub:
        raise TaxonomyError(f"sub-event types the code names are missing: {sorted(missing)}")
    untargeted = frozenset(data["untargeted_sub_event_types"])
    if not untargeted <= every_sub:
        raise TaxonomyError("untargeted_sub_event_types names an unknown sub-event type")
    kinds_raw = data["actor_kinds"]
    if set(kinds_raw) != set(ActorKind):
        raise TaxonomyError(f"actor_kinds must be exactly {[k.value for k in ActorKind]}")
    kinds = {ActorKind(name): KindTraits(**traits) for name, traits in kinds_raw.items()}
    crowds = {EventType(n): e["crowd_actor"] for n, e in types.items() if e.get("crowd_actor")}
    return Taxonomy(
        subs,
        plover,
        plover_types,
        untargeted,
        kinds,
        crowds,
        str(data["arrested_actor"]),
        str(data["hurt_actor"]),
        str(data["no_country"]),
    )


TAXONOMY = _load()
