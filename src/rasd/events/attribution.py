"""Attribution: who the article blames for the attacks it tells without an attacker.

"A shell hit the hospital ... The army accused the RSF of the attack": an attack whose own
sentence names no attacker, and that no earlier or later report of its kind names one for
(see :mod:`rasd.events.discourse`), is the one's the article accuses of an attack or who
claims one, in the nearest sentence that does. It runs after screening: an attacker named
elsewhere says nothing of whether the event is news.
"""

from __future__ import annotations

from rasd.annotate.mentions import SentenceMentions
from rasd.events.candidate import Candidate
from rasd.events.roles import accused, claimant
from rasd.events.sides import is_armed, same_actor
from rasd.knowledge.actors import ActorMention
from rasd.knowledge.taxonomy import EventType

# The kinds of event an accusation or a claim names the attacker of.
_ATTRIBUTED = (
    EventType.EXPLOSIONS,
    EventType.BATTLES,
    EventType.VIOLENCE_AGAINST_CIVILIANS,
)


def attribute_attackers(
    candidates: list[Candidate], sentences: list[SentenceMentions]
) -> list[Candidate]:
    """The events, those of an attack with no attacker given the nearest one blamed for or
    claiming an attack in the article."""
    unnamed = [c for c in candidates if c.actor1 is None and c.event_type in _ATTRIBUTED]
    if not unnamed:
        return candidates
    blamed: list[tuple[int, ActorMention]] = [
        (s.index, actor)
        for s in sentences
        for actor in (s.derived(accused), s.derived(claimant))
        if actor is not None and is_armed(actor)
    ]
    if not blamed:
        return candidates
    for cand in unnamed:
        attacker = min(blamed, key=lambda b: abs(b[0] - cand.sentence))[1]
        if not same_actor(attacker, cand.actor2):
            cand.actor1 = attacker
    return candidates
