"""Sides: what an actor mention is, whichever role it takes. Named by the dictionary or
only in words, armed or not, a state's forces, a crowd, civilians; how much it says; whether
its unnamed "attacks" are strikes from afar; whether two mentions name one actor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeGuard

from rasd.knowledge.actors import ActorEntry, ActorMention, Via, plain_actor
from rasd.knowledge.taxonomy import TAXONOMY, ActorKind
from rasd.model import Actor, Span


@dataclass(frozen=True)
class NamedActor:
    """An actor the dictionary does not know, in actor position ("نفذته ميليشيا عراقية")."""

    span: Span
    entry: None = None
    via: Via = Via.WORDS
    others: tuple[ActorEntry, ...] = ()  # no other actor the words may name

    def to_actor(self, country: str | None = None) -> Actor:
        return plain_actor(self.span.text, self.span)


Mention = ActorMention | NamedActor

# Kinds named as people something was done to, never as who did it: "قتل مدنيون" names the
# dead, "تمكن الأهالي من" no attackers.
UNARMED = (ActorKind.CIVILIANS, ActorKind.PROTESTERS)


def is_state_force(mention: Mention | None) -> bool:
    return (
        mention is not None
        and mention.entry is not None
        and TAXONOMY.kinds[mention.entry.kind].state
    )


def is_named(mention: Mention | None) -> TypeGuard[ActorMention]:
    """A named actor (:func:`strength` 2): an entry of the dictionary, not a generic class."""
    return mention is not None and mention.entry is not None and not mention.entry.generic


def is_armed(mention: Mention | None) -> bool:
    """A named armed actor, not a crowd, civilians or a generic class."""
    return (
        mention is not None
        and mention.entry is not None
        and not mention.entry.generic
        and TAXONOMY.kinds[mention.entry.kind].armed
    )


def strikes_from_afar(mention: Mention | None) -> bool:
    """Armies and air forces, and armed groups whose attacks across a front are rockets and
    missiles (the actor dictionary says so): their unnamed "attacks" stay explosions."""
    if mention is None or mention.entry is None:
        return False
    own = mention.entry.strikes_from_afar
    return own if own is not None else TAXONOMY.kinds[mention.entry.kind].strikes_from_afar


def same_actor(a: Mention | None, b: Mention | None) -> bool:
    return (
        a is not None
        and b is not None
        and a.entry is not None
        and b.entry is not None
        and a.entry.id == b.entry.id
    )


def is_crowd(mention: Mention | None) -> bool:
    """Protesters or rioters."""
    return (
        mention is not None
        and mention.entry is not None
        and (TAXONOMY.kinds[mention.entry.kind].crowd)
    )


def is_unarmed(mention: Mention | None) -> bool:
    """Civilians or protesters: people something is done to."""
    return mention is not None and mention.entry is not None and mention.entry.kind in UNARMED


def is_civilian(mention: Mention | None) -> bool:
    return (
        mention is not None
        and mention.entry is not None
        and mention.entry.kind == ActorKind.CIVILIANS
    )


def is_communal(mention: Mention | None) -> bool:
    """An identity militia: settlers, a clan's or a sect's armed men."""
    return (
        mention is not None
        and mention.entry is not None
        and mention.entry.kind == ActorKind.IDENTITY_MILITIA
    )


def strength(mention: Mention | None) -> int:
    """How much an actor mention says: 2 a named actor, 1 a generic class, 0 bare words."""
    if mention is None or mention.entry is None:
        return 0
    return 1 if mention.entry.generic else 2


def war_at_home(a: Mention | None, b: Mention | None, country: str | None) -> bool:
    """ "هاجم الحوثيون مواقع القوات الحكومية": two armed sides of the article's country (the
    Houthis and Yemen's army, Sudan's army and the RSF; a force named without a country is
    the article's) fight a war on the ground; an army's attack across a border ("هاجمت
    إسرائيل مواقع لحزب الله", Turkey's on the PKK in Iraq) comes from afar, and so do the
    attacks of an actor the dictionary says strikes across a border (Hezbollah)."""
    if country is None or not armed_side(a) or not armed_side(b) or a.entry.strikes_from_afar:
        return False
    return {_home(a, country), _home(b, country)} == {country}


def armed_side(mention: Mention | None) -> TypeGuard[ActorMention]:
    """An armed actor, named or not (gunmen, a militia, an army)."""
    return (
        isinstance(mention, ActorMention)
        and mention.entry is not None
        and TAXONOMY.kinds[mention.entry.kind].armed
    )


def _home(mention: ActorMention, country: str) -> str | None:
    """The country of the actor the words name in an article of ``country`` ("الجيش الوطني":
    Yemen's army there, Syria's SNA elsewhere); a force named without one is the article's."""
    return mention.in_country(country).country or mention.country or country
