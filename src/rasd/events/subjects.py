"""Who acts and who is acted on where Arabic word order hides it: who managed an act ("تمكن
الجيش من قتل ثلاثة"), the subject a clause after "that" puts before its verb ("أفاد بأن مسلحي
داعش هاجموا الشرطة"), the agent of a word that is a verb or a verbal noun alike ("قصف الجيش
قرية": the army shelled), and a name that "ب" joined to it makes a target ("بدورية للشرطة")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rasd.annotate.mentions import SentenceMentions
from rasd.events.sides import UNARMED, Mention
from rasd.events.victims import named_as_victim
from rasd.knowledge.actors import ActorMention, Via
from rasd.knowledge.gazetteer_files import data_path, read_cues
from rasd.knowledge.lexicon import Cue, Trigger, Voice
from rasd.knowledge.place_names import name_key
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import EventType
from rasd.model import date_span
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import AND_CLITICS, fold, folded_words, is_arabic
from rasd.text.tokens import token_keys

_REACH = SETTINGS.roles
_ABILITY_VERBS = folded_words("ability_verbs", "ar")
_ABILITY_LINKS = folded_words("ability_links", "ar")
_THAT = folded_words("complementizers", "ar")
_ANNOUNCING = folded_words("announcing_verbs", "ar")
_AGENTIVE = folded_words("agentive_killings", "ar")
OBJECT_CLITICS = tuple(folded_words("object_clitics", "ar"))  # "ل" joined to an owner
_NOMINATIVE_PLURAL = tuple(folded_words("nominative_plural_endings", "ar"))
PLACE_CUES = frozenset(read_cues(data_path("cues.tsv")))  # words of a place's kind: قرية
_BELONGING = folded_words("belonging_words", "ar")
_LOCATIVE_CLITICS = tuple(sorted(folded_words("locative_clitics", "ar"), key=len, reverse=True))


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


def object_follows(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قصف قوات النظام لبلدة كفرنبل", "استهداف الحوثيين للقوات الأمريكية": right after the
    actor, an object joined to its preposition (a place, an actor, a civilian target, or
    a place word before a place): the actor is the verbal noun's genitive agent."""
    i = sentence.token_index(actor.span.end)
    if i >= len(sentence.tokens) or not sentence.tokens[i].norm.startswith(OBJECT_CLITICS):
        return False
    first = sentence.tokens[i].start
    after = sentence.tokens[i + 1].start if i + 1 < len(sentence.tokens) else first
    named = [p.span.start for p in sentence.places] + [a.span.start for a in sentence.actors]
    return any(start in (first, after) for start in named) or any(
        c.start == first for c in sentence.cue(Cue.CIVILIAN_TARGET)
    )


def bare_object_follows(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قصف الجيش التركي قرية تل جمعة", "قصف عناصر داعش مواقع ...": right after the actor,
    with no preposition, the object of its verb or verbal noun (a place, a place's kind word,
    or a site or a target struck)."""
    i = sentence.token_index(actor.span.end)
    if i >= len(sentence.tokens):
        return False
    first = sentence.tokens[i].start
    if name_key(sentence.tokens[i].text) in PLACE_CUES:
        return True  # "قرية", "بلدة": a place named by its kind
    return any(p.span.start == first for p in sentence.places) or any(
        c.start == first
        for cue in (Cue.CIVILIAN_TARGET, Cue.MILITARY_TARGET)
        for c in sentence.cue(cue)
    )


def nominative_plural(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قصف الحوثيون المديرية": a plural in -ون after the word is its subject (the genitive
    would be -ين), so the word is the verb, not the verbal noun, and the actor did it."""
    if actor.via == Via.ADJECTIVE:
        return False
    first = sentence.tokens[sentence.token_index(actor.span.start)].norm
    return is_arabic(first) and first.endswith(_NOMINATIVE_PLURAL)


def after_a_joined_preposition(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "انفجرت عبوة بدورية للشرطة": a name written with "ب" joined to it (at, with, by) is
    where or with what the act was done, never its subject (not "بدر", whose name begins
    with the letter)."""
    if actor.entry is None or actor.via == Via.ADJECTIVE:
        return False
    word = sentence.tokens[sentence.token_index(actor.span.start)].norm
    aliases = [fold(a) for a in actor.entry.aliases]
    if any(a.startswith(word) or word.startswith(a.split(" ")[0]) for a in aliases):
        return False
    return any(
        word.startswith(c) and any(a.split(" ")[0] == word[len(c) :] for a in aliases)
        for c in _LOCATIVE_CLITICS
    )


def owner_by_lam(sentence: SentenceMentions, actor: Mention, others: Sequence[Mention]) -> bool:
    """ "قتل ثلاثة عناصر من قوات النظام بهجوم لتنظيم داعش": a name joined to "ل" right after
    the verbal noun, when the others the clause names are its dead, owns the act: its agent
    (after an agent, "ل" joins the object: "قصف قوات النظام لبلدة كفرنبل")."""
    word = sentence.tokens[sentence.token_index(actor.span.start)].norm
    if not word.startswith(OBJECT_CLITICS):
        return False
    rest = [o for o in others if o is not actor]
    return bool(rest) and all(named_as_victim(sentence, o) for o in rest)


def agent_of_another(
    sentence: SentenceMentions, head: PhraseMatch[Trigger], actor: Mention
) -> bool:
    """``actor`` is the adjective of another act word joined to the one before ("...
    لقوات النظام وغارات روسية")."""
    return (
        actor.via == Via.ADJECTIVE
        and _joined_by_and(sentence, actor)
        and any(
            t.start >= head.end and actor.span.start <= t.start and t.end <= actor.span.end
            for t in sentence.triggers
        )
    )


def behind_the_weapon(
    sentence: SentenceMentions, head: PhraseMatch[Trigger], actor: Mention
) -> bool:
    """ "استهدفت عبوة ناسفة دورية للجيش", "انفجرت عبوة ناسفة بدورية للجيش": the weapon is
    the verb's subject, and a name joined by "ل" to the thing it hit ("دورية") owns the
    target. A name right after the weapon, or after a word of belonging, is its user ("غارة
    لطيران النظام", "طائرة مسيرة تابعة للجيش"); one told in a clause about the weapon is too
    ("سيارة مفخخة يقودها انتحاري من داعش")."""
    at = sentence.token_index(actor.span.start)
    if not sentence.tokens[at].norm.startswith(OBJECT_CLITICS):
        return False
    arms = [(w.start, w.end) for w in sentence.weapons] + [
        (t.start, t.end) for t in sentence.triggers
    ]

    def hit_between(weapon: PhraseMatch[Trigger]) -> bool:
        return any(
            w.start >= weapon.end
            and w.norm not in _BELONGING
            and not any(start <= w.start < end for start, end in arms)
            for w in sentence.tokens[sentence.token_index(weapon.end) : at]
        )

    # the weapon: a noun of the act after the verb, or the verb's own subject when the two
    # are one phrase ("انفجرت عبوة")
    weapons = [
        t
        for t in sentence.triggers
        if t.payload.event_type == EventType.EXPLOSIONS
        and (t.payload.voice == Voice.NOUN or t is head)
        and (t is not head or sentence.words_between(head.start, head.end) > 0)
    ]
    return any(
        head.start <= t.start and t.end <= actor.span.start and hit_between(t) for t in weapons
    )


def first_of_a_pair(sentence: SentenceMentions, actors: Sequence[Mention], k: int) -> Mention:
    """ "شنت الولايات المتحدة وبريطانيا ضربات": of actors joined by "و", the first named
    leads the act (``actors[k]`` is the last of them, in the order told)."""
    while k > 0:
        if not _joined_by_and(sentence, actors[k]) or sentence.words_between(
            actors[k - 1].span.end, actors[k].span.start
        ):
            break
        k -= 1
    return actors[k]


def _joined_by_and(sentence: SentenceMentions, actor: Mention) -> bool:
    """Is the actor's first word written with "و" ("وبريطانيا")?"""
    return written_with_and(sentence, actor.span.start)


def written_with_and(sentence: SentenceMentions, start: int) -> bool:
    """Is the word at ``start`` written with "و" ("وغارات")?"""
    return sentence.tokens[sentence.token_index(start)].norm.startswith(AND_CLITICS)


def date_words_between(sentence: SentenceMentions, end: int, head: PhraseMatch[Trigger]) -> int:
    """ "وشنت قسد خلال الساعات الـ24 الماضية حملة دهم": in Arabic, the words of a date put
    between the subject and the verbal noun of its act are no distance (an English date
    before a participle ends the clause: "fired on protesters on Sunday, killing three")."""
    if not is_arabic(sentence.tokens[sentence.token_index(head.start)].norm):
        return 0
    spans = [date_span(d) for d in sentence.dates]
    return sum(sentence.words_between(d.start, d.end) for d in spans if end <= d.start < head.start)
