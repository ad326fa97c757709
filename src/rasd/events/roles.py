"""Roles: who acted on whom in a clause, who claimed it and who denied it.

Actor1 and actor2 are read from the sentence's structure around the trigger: its voice (active,
passive, verbal noun, a quoted first person), passive markers ("تعرضت ... لهجوم"), agents
("نفذته", "by"), the two sides of "between", claims ("تبنى"), denials ("نفى"), reporters
("according to") and backers ("المدعومة من") set aside, victims named after casualty words,
and the language's word order.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.events.sides import (
    Mention,
    NamedActor,
    is_armed,
    is_civilian,
    is_crowd,
    is_state_force,
    same_actor,
)
from rasd.events.subjects import (
    PLACE_CUES,
    after_a_joined_preposition,
    agent_of_another,
    bare_object_follows,
    behind_the_weapon,
    date_words_between,
    first_of_a_pair,
    managing_subject,
    nominative_plural,
    object_follows,
    owner_by_lam,
    subject_after_that,
    written_with_and,
)
from rasd.events.victims import named_as_victim, ranks
from rasd.knowledge.actors import ActorMention, Via
from rasd.knowledge.lexicon import Cue, Trigger, Voice
from rasd.knowledge.place_names import name_key
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import TAXONOMY, ActorKind, EventType, SubEventType
from rasd.model import Span
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import QUOTES, fold, folded_words, is_arabic
from rasd.text.tokens import Token

_REACH = SETTINGS.roles
# Words that end a name taken as an agent without naming anyone ("by the", "by its").
_NOT_NAMES = folded_words("not_names", "en")
_GROUP_REFERENCES = folded_words("group_references", "ar")
_CROWD_TYPES = (EventType.PROTESTS, EventType.RIOTS)


class Roles(NamedTuple):
    """What a clause says about who did it: the event's actors, and who claimed or denied it."""

    actor1: Mention | None
    actor2: Mention | None
    claimed_by: ActorMention | None
    denied_by: ActorMention | None


def assign_roles(
    sentence: SentenceMentions,
    clause: Clause,
    head: PhraseMatch[Trigger],
    event_type: EventType,
    sub_event_type: str,
    english: bool,
) -> Roles:
    """Who acted, on whom, who claimed and who denied, read around the trigger ``head`` (the
    verb nearest the subject) by its voice, the cue words and the language's word order."""
    denier = sentence.derived(_denier)
    reporters = _reporters(sentence, head)
    excluded = reporters + sentence.derived(_not_actors)
    pool = [a for a in sentence.actors if clause.holds(a.span.start) and a not in excluded]
    before = [a for a in pool if a.span.end <= head.start and not named_as_victim(sentence, a)]
    # "بقصف لقوات النظام وغارات روسية": who did another act the clause names is no target
    after = [a for a in pool if a.span.end > head.start and not agent_of_another(sentence, head, a)]

    unnamed = [c for c in sentence.cue(Cue.HEDGE) if clause.holds(c.start)] + [
        t
        for t in sentence.triggers
        if clause.holds(t.start) and written_with_and(sentence, t.start)
    ]

    def gap(a: Mention) -> int:
        if a.span.end <= head.start:
            return sentence.words_between(a.span.end, head.start)
        # "هاجم من يشتبه في أنهم متشددون", 'هجوم عناصر من "داعش"': words that name no one
        # (a hedge, the members of, a quotation mark) are no distance, nor another act
        # joined to this one ("قصف مدفعي وغارات جوية لطيران النظام")
        hedged = sum(
            sentence.words_between(c.start, c.end)
            for c in unnamed
            if head.end <= c.start and c.end <= a.span.start
        )
        first, last = sentence.token_index(head.end), sentence.token_index(a.span.start)
        quotes = sum(t.text in QUOTES for t in sentence.tokens[first:last])
        return max(0, sentence.words_between(head.end, a.span.start) - hedged - quotes)

    managed = managing_subject(sentence, head)
    defence = head.payload.voice == Voice.DEFENCE
    agent = (None if defence else managed) or _agent(sentence, clause, pool, head)
    claimant = _next_to_cue(sentence, Cue.CLAIM, [a for a in sentence.actors if a not in excluded])
    voice = head.payload.voice
    if voice != Voice.PASSIVE and _passive_marker_before(sentence, clause, head):
        voice = Voice.PASSIVE
    actor1: Mention | None
    actor2: Mention | None
    # right after the word, no target word between ("الهجوم على قاعدة أمريكية": the target)
    follows = [
        a for a in after if gap(a) <= _REACH.next_to_verb and not _target_between(sentence, head, a)
    ]
    if sub_event_type == SubEventType.DISRUPTED:
        actor1 = _interceptor(sentence, pool) or (before[-1] if before else None)
        rest = [a for a in pool if a is not actor1 and a.entry and not a.entry.generic]
        actor2 = rest[0] if rest else None
    elif voice == Voice.PASSIVE:
        actor1 = agent or next(
            (a for a in after if a.via == Via.ADJECTIVE and gap(a) <= _REACH.next_to_verb), None
        )
        if actor1 is None and english and before:
            # "were killed in an RSF drone strike", "in RSF shelling": the name right before the
            # word of the act is its agent
            actor1 = before[-1] if gap(before[-1]) == 0 else None
        rest = [a for a in before + after if a is not actor1]
        actor2 = min(rest, key=gap) if rest else None
    elif voice == Voice.SPEAKER:
        # "قال الجيش: قصفنا مباني في يارون", '"We struck them," the army said': the speaker
        actor1 = reporters[0] if reporters else (before[-1] if before else None)
        rest = [a for a in after if a is not actor1]
        actor2 = rest[0] if rest else None
    elif voice == Voice.NOUN:
        # "قصف تركي", "قصف قوات النظام على ...": the agent; "استهداف القوات الأميركية": the target
        # (with the object after it, the genitive is the agent: "قصف مدفعية النظام منزلا",
        # as after the verb written alike: "قصف الجيش التركي قرية"); an English one names
        # its agent only by an adjective
        agentive = [
            a
            for a in follows
            if a.via == Via.ADJECTIVE
            or a.span.start < head.start  # "Turkish drones struck": the name runs into it
            or (
                not english
                and (
                    _target_follows(sentence, a)
                    or object_follows(sentence, a)
                    or nominative_plural(sentence, a)
                    or owner_by_lam(sentence, a, pool)
                    or bare_object_follows(sentence, a)
                )
            )
        ]
        actor1 = agent or (agentive[0] if agentive else None)
        # "أعلنت خلية الإعلام الأمني سقوط صاروخين": who tells of a fall of rockets is no firer
        falls = any(c.start <= head.start < c.end for c in sentence.cue(Cue.IMPACT))
        if actor1 is None and before and not falls:
            last = before[-1]
            if (
                gap(last) - date_words_between(sentence, last.span.end, head)
                <= _REACH.noun_agent_before
            ):
                actor1 = first_of_a_pair(sentence, before, len(before) - 1)
        rest = [a for a in after if a is not actor1]
        actor2 = rest[0] if rest else None
    else:
        # Arabic puts the subject right after the verb, English and headlines before it
        further = [
            a
            for a in after
            if gap(a) <= _REACH.subject_reach
            and not _target_between(sentence, head, a)
            and not behind_the_weapon(sentence, head, a)
        ]
        # a headline puts the subject first in Arabic too: "داعش يهاجم الشرطة", and so does
        # "that": "أفاد بأن عددا من مسلحي داعش هاجم الشرطة"
        subject_first = english or (
            bool(before)
            and gap(before[-1]) == 0
            and (sentence.is_title or subject_after_that(sentence, before[-1]))
        )
        if event_type not in _CROWD_TYPES:
            # civilians are not the subject: "اقتحمت القوات البلدة واعتقلت خمسة شبان"
            follows = [a for a in follows if not is_civilian(a)]
            further = [a for a in further if not is_civilian(a)]
        if voice == Voice.DEFENCE:  # "صد الجيش هجمات حوثية": the adjective names the attacker
            follows = [a for a in follows if a.via != Via.ADJECTIVE]
        order = [before[-1:], follows] if subject_first else [follows, before[-1:]]
        choices: Sequence[Mention | None] = order[0] or order[1] or further or [agent]
        actor1 = choices[0]
        rest = [a for a in after if a is not actor1]
        actor2 = rest[0] if rest else None
    if defence:
        # "صد الجيش هجوما لداعش": who repelled is the target, the attacker (named after the
        # attack word, or unknown) is actor1
        actor1, actor2 = (actor2 if actor2 is not None else agent), actor1
        if managed is not None:  # "تمكن الجيش من صد هجوم لمسلحين": who managed was attacked
            actor1, actor2 = (actor2 if actor2 is not managed else actor1), managed
    two_sided = event_type in (EventType.BATTLES, EventType.RIOTS)
    sides = named_sides(sentence, clause, pool) if two_sided else []
    if len(sides) == 2:
        actor1, actor2 = sides
    elif len(sides) == 1 and actor1 is None:
        actor1 = sides[0]  # "اشتباكات بين عشيرتين": one name for both sides
        actor2 = None if same_actor(actor1, actor2) else actor2
    if actor1 is None and claimant is not None:
        actor1 = claimant
    if is_civilian(actor1) and event_type not in _CROWD_TYPES:
        # civilians are the victims, not the attackers
        actor2 = actor2 or actor1
        actor1 = None
    if actor2 is None:  # the victims: named after a casualty word, or civilians
        victims = [
            a for a in pool if a is not actor1 and (named_as_victim(sentence, a) or is_civilian(a))
        ]
        actor2 = victims[0] if victims else None
    if same_actor(actor1, actor2):  # "Turkish drone ... the Turkish occupation's": one side
        others = [a for a in after if not same_actor(actor1, a)]
        actor2 = others[0] if others else None
    if event_type == EventType.PROTESTS:  # the crowd acts; the force that met it is the target
        force = [
            a
            for a in pool
            if is_armed(a) or (a.entry is not None and a.entry.kind == ActorKind.POLICE)
        ]
        actor2 = force[0] if force and sub_event_type != SubEventType.PEACEFUL_PROTEST else None
        if actor1 is not None and actor1 is actor2:  # "فرقت قوات الأمن متظاهرين"
            actor1 = next((a for a in pool if is_crowd(a)), None)
    if event_type == EventType.RIOTS and is_state_force(actor1):
        # "police clashed with demonstrators (youths)", "confrontations with the forces": the
        # crowd, named or not, riots, the force is the target (not civilians a force burnt
        # out: that is no riot of theirs)
        clash = head.payload.event_type != EventType.RIOTS
        if is_crowd(actor2) or (clash and (actor2 is None or is_civilian(actor2))):
            actor1, actor2 = actor2, actor1
    elif event_type == EventType.RIOTS and actor1 is None and is_crowd(actor2):
        # "15 demonstrators and 25 policemen were hurt in clashes": the hurt crowd rioted
        actor1, actor2 = actor2, next((a for a in pool if is_state_force(a)), None)
    if sub_event_type in TAXONOMY.untargeted:
        actor2 = None
    return Roles(actor1, actor2 if actor2 is not actor1 else None, claimant, denier)


def named_sides(
    sentence: SentenceMentions, clause: Clause, pool: list[ActorMention]
) -> list[ActorMention]:
    """ "اشتباكات بين قسد والفصائل", "clashes between the SDF and the SNA": the two sides;
    or the one name right after "between" that names both ("بين عشيرتين")."""
    for cue in sentence.cue(Cue.BETWEEN):
        if clause.holds(cue.start):
            after = [a for a in pool if a.span.start >= cue.end]
            after = [
                a
                for a in after
                if sentence.words_between(cue.end, a.span.start) <= _REACH.between_reach
            ]
            distinct = list({a.entry.id: a for a in reversed(after)}.values())[::-1]
            if len(distinct) >= 2:
                return distinct[:2]
            if len(distinct) == 1 and not sentence.words_between(cue.end, distinct[0].span.start):
                return distinct  # "بين عشيرتين", "between two clans": both sides in one name
    return []


def _passive_marker_before(
    sentence: SentenceMentions, clause: Clause, head: PhraseMatch[Trigger]
) -> bool:
    """ "تعرضت القاعدة لهجوم": the subject of a passive marker is the target."""
    for cue in sentence.cue(Cue.PASSIVE_MARKER):
        if clause.holds(cue.start) and cue.end <= head.start:
            between = [
                t
                for t in sentence.triggers
                if cue.end <= t.start < head.start and not t.payload.weak
            ]
            reach = _REACH.passive_marker_reach
            if not between and sentence.words_between(cue.end, head.start) <= reach:
                return True
    return False


def _target_follows(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قصف تركي على ...", "قصف الجيش أمس مواقع لداعش": a target word, or a site struck in
    Arabic (English owners precede their site), right after the actor: the actor struck it."""
    cues = sentence.cue(Cue.TARGET)
    if is_arabic(sentence.tokens[sentence.token_index(actor.span.start)].norm):
        cues = cues + sentence.cue(Cue.MILITARY_TARGET)
    return any(
        c.start >= actor.span.end
        and sentence.words_between(actor.span.end, c.start) <= _REACH.target_after_actor
        for c in cues
    )


def _target_between(sentence: SentenceMentions, head: PhraseMatch[Trigger], actor: Mention) -> bool:
    """A target word ("على") or a site struck whose owner is named ("قصفوا مواقع الجيش")
    stands between the verb and the actor, or "ب" is joined to it ("انفجرت عبوة بدورية
    للشرطة"): the actor is on the receiving end."""
    return (
        any(head.end <= c.start < actor.span.start for c in sentence.cue(Cue.TARGET))
        or owns_target(sentence, head.end, actor)
        or after_a_joined_preposition(sentence, actor)
    )


def _denier(sentence: SentenceMentions) -> ActorMention | None:
    """Who denies it ("نفى X", "X denied")."""
    return _next_to_cue(sentence, Cue.DENIAL, sentence.actors)


def _not_actors(sentence: SentenceMentions) -> list[ActorMention | None]:
    """Actors the sentence names, whatever its trigger, as no actor of its events: backers,
    the denier, a heading's (a reporter depends on where the trigger stands)."""
    return _backers(sentence) + [sentence.derived(_denier)] + _heading(sentence) + ranks(sentence)


def _reporters(sentence: SentenceMentions, head: PhraseMatch[Trigger]) -> list[ActorMention]:
    """Actors named as the source of the report, not as actors: "according to the army",
    and after the event, "..., the army said"."""
    out = []
    for actor in sentence.actors:
        if actor.via == Via.ADJECTIVE:
            continue
        for cue in sentence.cue(Cue.ATTRIBUTION):
            if (
                actor.span.start >= cue.end
                and sentence.words_between(cue.end, actor.span.start) <= _REACH.attribution_reach
            ):
                out.append(actor)
        for cue in sentence.cue(Cue.REPORT):
            if head.end <= actor.span.end <= cue.start:
                if sentence.words_between(actor.span.end, cue.start) == 0:
                    out.append(actor)
    return out


def _heading(sentence: SentenceMentions) -> list[ActorMention]:
    """ "مناطق نفوذ الإدارة الذاتية: ...": a round-up's heading names an area, not an actor."""
    if not sentence.is_section:
        return []
    end = sentence.start + sentence.text.index(":")
    return [a for a in sentence.actors if a.span.end <= end]


def _backers(sentence: SentenceMentions) -> list[ActorMention]:
    """States named as a group's backer ("ميليشيا مرتبطة بإيران", "Iran-backed")."""
    out = []
    reach = _REACH.affiliation_reach
    for cue in sentence.cue(Cue.AFFILIATION):
        for actor in sentence.actors:
            after = (
                actor.span.start >= cue.end
                and sentence.words_between(cue.end, actor.span.start) <= reach
            )
            before = (
                actor.span.end <= cue.start
                and sentence.words_between(actor.span.end, cue.start) <= reach
            )
            if after or before:
                out.append(actor)
    return out


def _agent(
    sentence: SentenceMentions, clause: Clause, pool: list[ActorMention], head: PhraseMatch[Any]
) -> Mention | None:
    """Who carried it out, after "نفذته", "من قبل", "by" told within a few words of it (not
    "the gas the soldiers fired" at the end of a long sentence): a known actor or the words
    there."""
    for cue in sentence.cue(Cue.PASSIVE_AGENT):
        if not clause.holds(cue.start) or sentence.words_apart(head, cue) > _REACH.agent_cue_reach:
            continue
        for actor in pool:
            if (
                actor.span.start >= cue.start
                and sentence.words_between(cue.end, actor.span.start) <= _REACH.agent_reach
                and not owns_target(sentence, cue.end, actor)
            ):  # "بغارة إسرائيلية": the agent may begin at the cue word itself
                return actor
        words = _words_after(sentence, cue.end, limit=_REACH.agent_words)
        if words and is_arabic(words.text) and _names_someone(sentence, words):
            return NamedActor(words)
    return None


def owns_target(sentence: SentenceMentions, after: int, actor: Mention) -> bool:
    """ "بقصف معسكرات داعش": a site or gear struck stands between, whose owner is named."""
    return any(
        after <= c.start and c.end <= actor.span.start for c in sentence.cue(Cue.MILITARY_TARGET)
    )


# the words that say a place follows ("بلدة", "قريتي", "مطار"): no agent's name begins there


def _words_after(sentence: SentenceMentions, offset: int, limit: int) -> Span | None:
    """Up to ``limit`` words after an offset, stopping at punctuation, cue words and dates."""
    stops = {
        c.start
        for name in (
            Cue.AFFILIATION,
            Cue.LOCATION_PREP,
            Cue.TARGET,
            Cue.DESTINATION,
            Cue.REPORT,
            Cue.MILITARY_TARGET,
            Cue.CIVILIAN_TARGET,
        )
        for c in sentence.cue(name)
    }
    stops |= {d.span.start for d in sentence.dates if d.span is not None}  # "ظهر السبت"
    taken: list[Token] = []
    for token in sentence.tokens[sentence.token_index(offset) :]:
        if not token.norm[0].isalnum() or token.start in stops or len(taken) == limit:
            break
        if (
            token.start in {p.span.start for p in sentence.places}
            or name_key(token.text) in PLACE_CUES
        ):
            break  # a place ("بقصف بلدتي عيترون ومارون"), not an agent
        taken.append(token)
    if not taken:
        return None
    text = sentence.text[taken[0].start - sentence.start : taken[-1].end - sentence.start]
    return Span(taken[0].start, taken[-1].end, text)


def _names_someone(sentence: SentenceMentions, words: Span) -> bool:
    """Words after "نفذته" that name a group, not a weapon ("طائرات مسيرة"), a number
    ("عشرات الطائرات") or a broken-off name. (After English "by" come weapons and things as
    often as groups, so only Arabic agents are taken as plain words.)"""
    inside = [w.start for w in sentence.weapons] + [n.span.start for n in sentence.numbers]
    if any(words.start <= offset < words.end for offset in inside):
        return False
    if any(t.start < words.end and words.start < t.end for t in sentence.triggers):
        return False  # "بقصف جوي": the rest of the attack word, no one's name
    said = words.text.split()
    if len(said) == 1 and fold(said[0]) in _GROUP_REFERENCES:
        return False  # "نفذته الحركة": the group named before, not a name
    return len(said[-1]) > 2 and fold(said[-1]) not in _NOT_NAMES


def _next_to_cue(
    sentence: SentenceMentions, cue_name: Cue, actors: list[ActorMention]
) -> ActorMention | None:
    """The actor who claims ("تبنت X", "X claimed responsibility") or denies."""
    for cue in sentence.cue(cue_name):
        for actor in actors:
            if (
                actor.span.start >= cue.end
                and sentence.words_between(cue.end, actor.span.start) <= _REACH.claim_after_reach
            ):
                return actor
        preceding = [a for a in actors if a.span.end <= cue.start]
        reach = _REACH.claim_before_reach
        if preceding and sentence.words_between(preceding[-1].span.end, cue.start) <= reach:
            return preceding[-1]
    return None


def accused(sentence: SentenceMentions) -> ActorMention | None:
    """Who is blamed for it: the object of an accusing verb, past the accuser in Arabic
    ("اتهم الجيش الدعم السريع بقصف ...") and before the act it is blamed for, or the subject
    of a passive ("الدعم السريع متهمة بالهجوم", "the RSF, accused of")."""
    for cue in sentence.cue(Cue.ACCUSATION):
        act = next((t.start for t in sentence.triggers if t.start >= cue.end), sentence.end)
        after = [
            a
            for a in sentence.actors
            if cue.end <= a.span.start < act
            and a.via != Via.ADJECTIVE
            and sentence.words_between(cue.end, a.span.start) <= _REACH.accused_reach
        ]
        if after:
            arabic = is_arabic(sentence.tokens[sentence.token_index(cue.start)].norm)
            return after[1] if arabic and len(after) > 1 else after[0]
        before = [a for a in sentence.actors if a.span.end <= cue.start]
        if before and sentence.words_between(before[-1].span.end, cue.start) == 0:
            return before[-1]
    return None


def claimant(sentence: SentenceMentions) -> ActorMention | None:
    """Who claims it ("تبنت X", "X claimed responsibility")."""
    return _next_to_cue(sentence, Cue.CLAIM, sentence.actors)


def _interceptor(sentence: SentenceMentions, actors: list[ActorMention]) -> ActorMention | None:
    for cue in sentence.cue(Cue.INTERCEPT):
        near = [a for a in actors if abs(a.span.start - cue.start) < _REACH.interceptor_characters]
        if near:
            return min(near, key=lambda a: abs(a.span.start - cue.start))
    return None
