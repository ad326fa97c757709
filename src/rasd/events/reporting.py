"""Reporting: whether a trigger tells an event of its own.

Background the article recalls ("وكانت القوات قد قصفت", "in recent weeks"), what the news is
framed by ("ويأتي ذلك بعد ..."), threats, plans, negated reports, rumours and acts told in a
relative clause aside are :func:`hypothetical`: no event. An event the sentence refers back
to ("after the shelling", "to protest the raid") is :func:`referred_to`: it adds to the event
told elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence

from rasd.annotate.mentions import Clause, SentenceMentions, Spanned
from rasd.events.dating import day_told_after, in_comparison, since
from rasd.knowledge.lexicon import Cue, Trigger
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import SubEventType
from rasd.model import date_span
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import COMMAS, folded_words, is_arabic_word

_HYPOTHETICAL = tuple(
    (Cue(name), reach) for name, reach in SETTINGS.events.hypothetical_reach.items()
)
_REFERRED = tuple((Cue(name), reach) for name, reach in SETTINGS.events.referred_reach.items())
_PLUPERFECT_PARTICLES = folded_words("pluperfect_particles", "ar")
_RELATIVE_PRONOUNS = folded_words("relative_pronouns")
_PAST_ADJECTIVES = folded_words("past_adjectives")


def hypothetical(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """Background, a threat, a plan, a negated report or a rumour: no event of its own."""
    clause = sentence.clause_of(trigger.start)
    aside = _aside_of(sentence, trigger.start)
    for cue in sentence.cue(Cue.BACKGROUND):  # "in recent weeks ... dozens of attacks"
        if (
            clause.holds(cue.start)
            and _aside_of(sentence, cue.start) == aside  # not from a relative clause aside
            and sentence.words_apart(cue, trigger) <= SETTINGS.events.background_reach
            and not day_told_after(sentence, cue)
            and not in_comparison(sentence, cue)
            and not _going_on_since_a_day(sentence)
            and not _dated_before(sentence, clause, trigger, cue)
        ):
            return True
    for cue in sentence.cue(Cue.ANNIVERSARY):
        # "في الذكرى الثانية لمقتل سليماني بضربة جوية": what it recalls, told after it; and
        # an "attack" only named in its phrase ("وتزامن الهجومان مع الذكرى ..."), but not
        # what is done on the day ("تظاهر المئات في ذكرى الثورة", "في ذكرى الثورة، تظاهر")
        if (
            clause.holds(cue.start)
            and (cue.end <= trigger.start or trigger.payload.weak)
            and sentence.words_apart(cue, trigger) <= SETTINGS.events.background_reach
            and not _comma_between(sentence, cue, trigger)
        ):
            return True
    return (
        _cue_before(sentence, trigger, _HYPOTHETICAL)
        or _told_as_past(sentence, trigger)
        or _pluperfect(sentence, trigger)
        or _in_undated_aside(sentence, trigger)
        or _framing(sentence, clause)
        or _no_arrests_made(sentence, trigger)
    )


def _no_arrests_made(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """ "داهمت القوة المخيم ... وانسحبت دون تسجيل اعتقالات": a raid word, which tells an
    arrest only by inference, followed in its sentence by a negated word of arrest, made none
    (a plain "اعتقلت خمسة" stands, whatever "no other arrests" follows)."""
    if trigger.payload.sub_event_type != SubEventType.ARRESTS or not trigger.payload.weak:
        return False
    reach = SETTINGS.events.hypothetical_reach["negation"]
    negations = sentence.cue(Cue.NEGATION)
    return any(
        t.start > trigger.end
        and t.payload.sub_event_type == SubEventType.ARRESTS
        and any(
            n.end <= t.start and sentence.words_between(n.end, t.start) <= reach for n in negations
        )
        for t in sentence.triggers
    )


def _told_as_past(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """ "مقارنة بالتظاهرات السابقة", "the previous protests": the noun of an act with an
    adjective that makes it a past one (after it in Arabic, before it in English)."""
    tokens = sentence.tokens
    if is_arabic_word(tokens[trigger.first].norm):
        return trigger.last < len(tokens) and tokens[trigger.last].norm in _PAST_ADJECTIVES
    return trigger.first > 0 and tokens[trigger.first - 1].norm in _PAST_ADJECTIVES


def _comma_between(sentence: SentenceMentions, a: Spanned, b: Spanned) -> bool:
    start, end = min(a.end, b.end), max(a.start, b.start)
    return any(start <= t.start < end and t.text in COMMAS for t in sentence.tokens)


def _dated_before(
    sentence: SentenceMentions, clause: Clause, trigger: Spanned, cue: Spanned
) -> bool:
    """ "مواجهات اندلعت الاثنين الماضي ولا تزال مستمرة", "قصفت الطائرات البلدة أمس في ظل
    استمرار التصعيد منذ أشهر": a background word after the act, whose day its clause tells
    before the word, tells what goes on around dated news, not that the act is background."""
    return trigger.end <= cue.start and any(
        d.span is not None and clause.holds(d.span.start) and d.span.start < cue.start
        for d in sentence.dates
    )


def _going_on_since_a_day(sentence: SentenceMentions) -> bool:
    """ "القصف المتواصل على تل تمر منذ مساء السبت": what has gone on since a day told is
    dated from that day (:mod:`rasd.events.dating`), news, not background."""
    return any(since(sentence, d) for d in sentence.dates)


def _framing(sentence: SentenceMentions, clause: Clause) -> bool:
    """ "ويأتي ذلك بعد يومين من قصف ...", "The strike comes days after ...": a sentence that
    opens by saying what the news comes after, or amid, tells background, but for an event
    its clause dates ("... بعد مقتل شخصين أمس الجمعة في قصف")."""
    return any(
        sentence.words_between(sentence.start, c.start) <= SETTINGS.events.frame_opening_words
        for c in sentence.cue(Cue.FRAME)
    ) and not any(d.span and clause.holds(d.span.start) for d in sentence.dates)


def _in_undated_aside(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """ "The RSF, which has recently taken Bara, shelled El Obeid": an act told in a
    relative clause between commas, with no date of its own, is background to the news."""
    aside = _aside_of(sentence, trigger.start)
    return aside is not None and not any(
        d.span and aside[0] <= d.span.start < aside[1] for d in sentence.dates
    )


def _aside_of(sentence: SentenceMentions, offset: int) -> tuple[int, int] | None:
    """The relative clause between commas that holds an offset, if any."""
    return next((a for a in sentence.derived(_asides) if a[0] <= offset < a[1]), None)


def _asides(sentence: SentenceMentions) -> list[tuple[int, int]]:
    """Relative clauses between commas: from the comma before the pronoun to the next one."""
    tokens = sentence.tokens
    commas = [i for i, t in enumerate(tokens) if t.text in COMMAS]
    return [
        (tokens[i].start, tokens[j].start)
        for i, j in zip(commas, commas[1:])
        if tokens[i + 1].norm in _RELATIVE_PRONOUNS
    ]


def _pluperfect(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """ "وكانت قوات النظام قد قصفت البلدة", "وكانت مواجهات مماثلة قد خلفت", "had earlier
    struck": a past perfect recalls an earlier event (the auxiliary before the trigger in its
    clause, in Arabic with the particle near it)."""
    auxiliaries = sentence.cue(Cue.PLUPERFECT)
    clause = sentence.clause_of(trigger.start)
    if not auxiliaries or any(clause.holds(date_span(d).start) for d in sentence.dates):
        return False  # none, or a dated one is told as news of that day
    for aux in auxiliaries:
        if aux.end > trigger.start or not clause.holds(aux.start):
            continue
        if sentence.words_between(aux.end, trigger.start) > SETTINGS.events.background_reach:
            continue
        if not is_arabic_word(sentence.tokens[aux.first].norm):
            return True  # "had earlier struck": the English auxiliary says it all
        # the particle before the trigger, or after it when the act is the subject: "وكانت
        # مواجهات مماثلة قد خلفت عشرة قتلى"
        at = sentence.token_index(trigger.start)
        words = sentence.tokens[aux.last : at + SETTINGS.events.pluperfect_particle_reach + 1]
        if any(t.norm in _PLUPERFECT_PARTICLES and clause.holds(t.start) for t in words):
            return True
    return False


def referred_to(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """An event the sentence refers back to ("after the shelling", "to protest the raid"),
    unless the sentence's casualties come of it: "قتل شخص إثر استهداف مسيرة لسيارة". A claim
    ("claimed responsibility for an attack on ...") tells the act it claims: merged with an
    earlier report of it, or the report of it."""
    claims = sentence.cue(Cue.CLAIM)
    return _cue_before(sentence, trigger, _REFERRED, claims) and not _toll_of(sentence, trigger)


def _toll_of(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """A casualty word before an "after" word that stands right before the trigger: the dead
    and wounded of that very attack ("قتل ثلاثة إثر قصف", "أصيب اثنان بعد استهداف")."""
    clause = sentence.clause_of(trigger.start)
    afters = [
        c
        for c in sentence.cue(Cue.AFTER)
        if c.end <= trigger.start and sentence.words_between(c.end, trigger.start) == 0
    ]
    casualties = sentence.cue(Cue.KILLED) + sentence.cue(Cue.INJURED)
    return any(clause.holds(k.start) and k.end <= a.start for a in afters for k in casualties)


def _cue_before(
    sentence: SentenceMentions,
    trigger: PhraseMatch[Trigger],
    cues: tuple[tuple[Cue, int], ...],
    unless_within: Sequence[PhraseMatch[Cue]] = (),
) -> bool:
    """One of the cues stands before the trigger in its clause, at most ``reach`` words off
    (and not within one of the phrases ``unless_within``)."""
    clause = sentence.clause_of(trigger.start)
    for name, reach in cues:
        for cue in sentence.cue(name):
            if any(w.start < cue.end and cue.start < w.end for w in unless_within):
                continue
            if cue.end <= trigger.start and clause.holds(cue.start):
                if sentence.words_between(cue.end, trigger.start) <= reach:
                    return True
    return False
