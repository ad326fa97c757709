"""Subjects Arabic word order hides: who managed an act ("تمكن الجيش من قتل ثلاثة"), and the
subject a clause after "that" puts before its verb ("أفاد بأن مسلحي داعش هاجموا الشرطة")."""

from __future__ import annotations

from typing import Any

from rasd.annotate.mentions import SentenceMentions
from rasd.events.sides import UNARMED, Mention
from rasd.knowledge.actors import ActorMention
from rasd.knowledge.settings import SETTINGS
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import folded_words
from rasd.text.tokens import token_keys

_REACH = SETTINGS.roles
_ABILITY_VERBS = folded_words("ability_verbs", "ar")
_ABILITY_LINKS = folded_words("ability_links", "ar")
_THAT = folded_words("complementizers", "ar")
_ANNOUNCING = folded_words("announcing_verbs", "ar")
_AGENTIVE = folded_words("agentive_killings", "ar")


def managing_subject(sentence: SentenceMentions, act: PhraseMatch[Any]) -> ActorMention | None:
    """ "تمكن الجيش، صباح أمس، من القضاء على ثلاثة مسلحين", "إن الجيش تمكن من قتل ثلاثة":
    the subject of a verb of managing (right after it, or right before it) did the act its
    link word ("من", "في") leads to."""
    tokens, at = sentence.tokens, sentence.token_index(act.start)
    said = " ".join(t.norm for t in tokens[at : sentence.token_index(act.end)])
    if at > 0 and said in _AGENTIVE and tokens[at - 1].norm not in _ABILITY_LINKS:
        return _announcing_subject(sentence, at)
    if at == 0 or tokens[at - 1].norm not in _ABILITY_LINKS:
        return None
    verbs = [
        k
        for k in range(at - 1)
        if token_keys(tokens[k].norm) & _ABILITY_VERBS
        and not any(t.norm in _ABILITY_LINKS for t in tokens[k + 1 : at - 1])
    ]
    if not verbs:
        return None
    verb = verbs[-1]
    for actor in sentence.actors:
        if actor.entry.kind in UNARMED:
            continue
        first = sentence.token_index(actor.span.start)
        last = sentence.token_index(actor.span.end)
        if first == verb + 1 and actor.span.end <= act.start or last == verb:
            return actor
    return None


def _announcing_subject(sentence: SentenceMentions, at: int) -> ActorMention | None:
    """ "أعلن الجيش، اليوم، القضاء على تسعة إرهابيين": the subject of a verb of announcing
    right before an act only its doer speaks of did it (not "أعلن الجيش مقتل جنديين")."""
    tokens = sentence.tokens
    for actor in sentence.actors:
        first = sentence.token_index(actor.span.start)
        if (
            actor.entry.kind not in UNARMED
            and first > 0
            and token_keys(tokens[first - 1].norm) & _ANNOUNCING
            and sentence.words_between(actor.span.end, tokens[at].start) <= _REACH.announced_reach
        ):
            return actor
    return None


def subject_after_that(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "بأن عددا من مسلحي داعش", "وأن الجيش": a name a few words after "that" is the
    subject of the verb that follows it."""
    first = sentence.token_index(actor.span.start)
    reach = _REACH.that_reach
    opening = sentence.tokens[max(0, first - reach - 1) : first]
    return any(token_keys(t.norm) & _THAT for t in opening)
