"""Killings: a killing word with its killers named beside it is an act even when no trigger
phrase spans both ("قتل مسلحون مجهولون ثلاثة مدنيين", "gunmen killed three soldiers"), or
after the word of the passive's agent ("قتل شاب على يد مسلحين", "killed by gunmen"); with a
weapon that strikes from afar after it, a strike ("قتلت مسيرة إسرائيلية راعياً"). A toll
risen to a total ("ارتفاع عدد الضحايا إلى") is no killing."""

from __future__ import annotations

from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.events.casualties import in_a_running_toll
from rasd.events.sides import UNARMED
from rasd.events.subjects import OBJECT_CLITICS, managing_subject
from rasd.knowledge.lexicon import Cue, Trigger, Voice
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import EventType, SubEventType
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import folded_words, is_arabic_word

_VERB_MODIFIERS = folded_words("verb_modifiers", "en")  # "security forces also killed"
_REACH = SETTINGS.events
_INDEFINITE = folded_words("indefinite_articles", "en")


def killing(sentence: SentenceMentions, clause: Clause) -> list[PhraseMatch[Trigger]]:
    """ "قتل مسلحون مجهولون ثلاثة مدنيين", "gunmen killed three soldiers": a killing word with
    the killers right after it (Arabic) or right before it with the killed after it (English),
    or after the agent word of a passive ("were killed by gunmen"), is an attack even when no
    trigger phrase spans both."""
    died = sentence.cue(Cue.DIED)
    for cue in sentence.cue(Cue.KILLED):
        if not clause.holds(cue.start) or in_a_running_toll(sentence, cue):
            continue
        passive = _killed_by(sentence, cue)
        if not passive and any(d.start <= cue.start < d.end for d in died):
            continue  # "استشهد جنديان": the soldiers died, they killed no one
        # "تمكن الجيش من قتل ثلاثة": the killing as a noun, its agent before it
        managed = _killed_after(sentence, cue) and managing_subject(sentence, cue) is not None
        passive = passive and not managed
        if managed or passive or _killers_named(sentence, cue):
            # "قتلت مسيرة إسرائيلية راعياً": the weapon that killed, right after the word, names
            # a strike from afar
            weapon = next(
                (
                    w.payload.sub_event_type
                    for w in sentence.weapons
                    if w.payload.sub_event_type
                    and w.start >= cue.end
                    and sentence.words_between(cue.end, w.start) == 0
                ),
                None,
            )
            event_type = EventType.EXPLOSIONS if weapon else EventType.VIOLENCE_AGAINST_CIVILIANS
            trigger = Trigger(
                cue.payload,
                event_type,
                weapon or SubEventType.ATTACK,
                "ASSAULT",
                Voice.NOUN if managed else Voice.PASSIVE if passive else Voice.ACTIVE,
            )
            return [PhraseMatch(cue.first, cue.last, cue.start, cue.end, trigger)]
    return []


def _killed_by(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """ "قتل شاب على يد مسلحين مجهولين", "two farmers were killed by unknown gunmen": the
    killers named right after the word of the passive's agent, which follows the killing
    word and the killed."""
    return any(
        c.start >= cue.end
        and sentence.words_between(cue.end, c.start) <= _REACH.killed_agent_reach
        and any(
            a.entry.kind not in UNARMED
            and a.span.start >= c.end
            and sentence.words_between(c.end, a.span.start) == 0
            for a in sentence.actors
        )
        for c in sentence.cue(Cue.PASSIVE_AGENT)
    )


def _killers_named(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    killers = [a for a in sentence.actors if a.entry.kind not in UNARMED]
    before = any(
        a.span.end <= cue.start
        and all(
            t.norm in _VERB_MODIFIERS for t in sentence.tokens if a.span.end <= t.start < cue.start
        )
        for a in killers
    )
    if is_arabic_word(sentence.tokens[cue.first].norm):
        # (not "جثة لعسكريين": bodies of soldiers, the name joined to "ل" owns the dead)
        after = any(
            a.span.start >= cue.end
            and sentence.words_between(cue.end, a.span.start) == 0
            and not sentence.tokens[sentence.token_index(a.span.start)].norm.startswith(
                OBJECT_CLITICS
            )
            for a in killers
        )
        # "إن جنود الاحتلال قتلوا شابين": the subject first, the killed right after the verb
        return after or (before and _killed_after(sentence, cue, reach=0))
    return _killed_after(sentence, cue) and before


def _killed_after(
    sentence: SentenceMentions,
    cue: PhraseMatch[Cue],
    reach: int = SETTINGS.events.killed_object_reach,
) -> bool:
    """ "killed three soldiers", "killed at least two", "killed a police officer", "killed a
    teacher": the killed follow the verb, an English indefinite article, a number (past its
    approximator) or a person named within ``reach`` words (so "soldiers killed in a blast"
    and "soldiers killed the day before" are no killing by soldiers)."""
    at = sentence.token_index(cue.end)
    if at < len(sentence.tokens) and sentence.tokens[at].norm in _INDEFINITE:
        return True  # "gunmen killed a teacher" (not "soldiers killed the day before")
    return any(
        n.span.start >= cue.end and sentence.words_between(cue.end, n.said_from) == 0
        for n in sentence.numbers
    ) or any(
        a.span.start >= cue.end and sentence.words_between(cue.end, a.span.start) <= reach
        for a in sentence.actors
    )
