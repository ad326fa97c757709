"""Type precedence: which events the triggers of one clause announce.

The triggers of a clause are grouped by the event type they announce; then the named
policies below, applied in the order of :data:`TYPE_POLICIES`, decide between types that
compete for the same happening.
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.events.roles import named_sides
from rasd.events.sides import Mention, is_civilian, is_crowd
from rasd.knowledge.lexicon import FIREARM, Cue, Trigger, Weapon
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import TAXONOMY, EventType, SubEventType
from rasd.text.matcher import PhraseMatch

Triggers = list[PhraseMatch[Trigger]]
ByType = dict[EventType, Triggers]

# One violent act per clause, and one crowd act: the earlier type in a list wins.
VIOLENT_PRECEDENCE = (
    EventType.BATTLES,
    EventType.EXPLOSIONS,
    EventType.VIOLENCE_AGAINST_CIVILIANS,
    EventType.RIOTS,
)
CROWD_PRECEDENCE = (EventType.RIOTS, EventType.PROTESTS)
# Munitions that come through the air, which defences intercept.
_FROM_THE_AIR = (SubEventType.AIR_STRIKE, SubEventType.SHELLING)


def announced_type(trigger: PhraseMatch[Trigger], sentence: SentenceMentions) -> EventType:
    """The type a trigger announces in its sentence: an interception where munitions landed
    is the attack; an attack whose munitions were all stopped is an interception."""
    payload = trigger.payload
    if payload.sub_event_type == SubEventType.DISRUPTED and impact(sentence):
        return EventType.EXPLOSIONS
    if payload.event_type == EventType.EXPLOSIONS and intercepted(sentence, trigger.start):
        return EventType.STRATEGIC
    if payload.event_type == EventType.BATTLES and _repelled_from_the_air(sentence, trigger):
        return EventType.STRATEGIC
    return payload.event_type


def _repelled_from_the_air(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """ "تصدت الدفاعات الأرضية لهجوم بطائرات مسيرة": an attack by drones or missiles that
    defences (named apart from the verb that repels) stopped is an interception, not a
    battle."""
    clause = sentence.clause_of(trigger.start)
    defences = [
        c
        for c in interceptions(sentence)
        if clause.holds(c.start) and (c.start < trigger.start or c.end > trigger.end)
    ]
    return (
        bool(defences)
        and intercepted(sentence, trigger.start)
        and any(
            clause.holds(w.start) and w.payload.sub_event_type in _FROM_THE_AIR
            for w in sentence.weapons
        )
    )


def intercepted(sentence: SentenceMentions, at: int) -> bool:
    """Munitions stopped by air defences, none said to have landed: told in the clause at
    ``at``, or in another that names no munitions of its own ("..., فيما تصدت لها الدفاعات
    الجوية"; not "..., فيما أعلن الجيش اعتراض ثلاث مسيرات": other drones)."""
    clause = sentence.clause_of(at)
    return not impact(sentence) and any(
        clause.holds(c.start) or not _names_munitions(sentence, sentence.clause_of(c.start))
        for c in interceptions(sentence)
    )


def interceptions(sentence: SentenceMentions) -> list[PhraseMatch[Cue]]:
    """The sentence's words of interception, but for air defences struck: "استهدف منصة دفاع
    جوي" names a target after a word for a military site, no interception."""
    sites = sentence.cue(Cue.MILITARY_TARGET)
    return [
        c
        for c in sentence.cue(Cue.INTERCEPT)
        if not any(m.end <= c.start and sentence.words_between(m.end, c.start) == 0 for m in sites)
    ]


def _names_munitions(sentence: SentenceMentions, clause: Clause) -> bool:
    return any(clause.holds(w.start) for w in sentence.weapons)


def impact(sentence: SentenceMentions) -> bool:
    """Some munitions landed ("سقط صاروخ"), not merely "no damage was reported"."""
    return sentence.derived(_landed)


def _landed(sentence: SentenceMentions) -> bool:
    reach = SETTINGS.events.impact_negation_reach
    return any(
        not any(
            n.end <= c.start and sentence.words_between(n.end, c.start) <= reach
            for n in sentence.cue(Cue.NEGATION) + sentence.cue(Cue.NO_CASUALTIES)
        )
        for c in sentence.cue(Cue.IMPACT)
    )


def group_by_type(
    sentence: SentenceMentions, clause: Clause, triggers: Triggers
) -> list[tuple[EventType, Triggers]]:
    """The triggers of one clause, grouped by the event they announce, in the order the
    types first appear, each group in text order."""
    by_type: ByType = {}
    for trigger in triggers:
        by_type.setdefault(announced_type(trigger, sentence), []).append(trigger)
    for _, policy in TYPE_POLICIES:
        policy(by_type, sentence, clause)
    return [(kind, sorted(group, key=lambda t: t.start)) for kind, group in by_type.items()]


def one_act_per_clause(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """One violent act per clause and one crowd act: a type named by a strong word beats one
    named only by weak words ("هجوم ... برصاص" is a shooting), but a riot beats a protest
    whatever its words ("خرج المتظاهرون وحطموا واجهات المحال": the crowd confirms the
    smashing, weak alone); then an explosion wins where
    the clause names an explosive weapon ("اشتباكات ... وقذائف الهاون": letting the battle
    win there cost the blind real-page sets more than it gained on check); then the
    precedence lists decide. The losers' triggers join the winner's."""
    for order in (VIOLENT_PRECEDENCE, CROWD_PRECEDENCE):
        present = [t for t in order if t in by_type]
        if len(present) < 2:
            continue  # no types to decide between
        arms = [w.payload for w in sentence.weapons if clause.holds(w.start)]
        explosive = any(w.explosive for w in arms) and not _fought_with_guns_and_launchers(arms)
        crowd = order == CROWD_PRECEDENCE  # a protest's crowd confirms its weak riot words
        present.sort(
            key=lambda t: (
                not crowd and all(x.payload.weak for x in by_type[t]),
                not (explosive and t == EventType.EXPLOSIONS),
            )
        )
        for loser in present[1:]:
            by_type[present[0]].extend(by_type.pop(loser))


def _fought_with_guns_and_launchers(arms: list[Weapon]) -> bool:
    """ "بالقذائف الصاروخية والأسلحة الرشاشة": guns and launched rockets or shells, and no
    bomb, are the weapons of a fight on the ground (a car bomb opening an attack still makes
    it an explosion)."""
    explosives = [w for w in arms if w.explosive]
    return any(w.weapon == FIREARM for w in arms) and all(
        w.sub_event_type == SubEventType.SHELLING for w in explosives
    )


def clash_with_civilians_is_a_riot(
    by_type: ByType, sentence: SentenceMentions, clause: Clause
) -> None:
    """ "مواجهات بين شبان وقوات الاحتلال", "youths clashed with troops": a clash one side of
    which is unarmed people (youths, residents, protesters) facing state forces is a riot, as
    ACLED codes it, and the tear gas fired at them is part of it. The unarmed must be a side
    (named after "between", or right by the clash word), not its victims, or a crowd
    anywhere in the clause ("demonstrators and policemen were hurt in clashes"); the raid
    they met joins the riot. Gunmen in the clause, or a battle word other than a clash
    word ("اشتباكات مسلحة", "armed clashes"), keep the battle."""
    battles = by_type.get(EventType.BATTLES)
    if not battles or EventType.RIOTS in by_type:
        return
    clashes = [c for c in sentence.cue(Cue.CLASH) if clause.holds(c.start)]
    parties = [a for a in sentence.actors if clause.holds(a.span.start)]
    kinds = [TAXONOMY.kinds[a.entry.kind] for a in parties if a.entry is not None]
    if (
        not clashes
        or not any(k.state for k in kinds)
        or any(k.armed and not k.state for k in kinds)
    ):
        return
    sides = named_sides(sentence, clause, parties) or [
        a for a in parties if any(_beside(sentence, a, c) for c in clashes)
    ]
    crowd = any(is_civilian(a) or is_crowd(a) for a in sides) or any(map(is_crowd, parties))
    if not (crowd or _confronting_crowd(sentence, clause)):
        return
    if all(
        t.payload.event_type == EventType.RIOTS
        or any(c.start <= t.start and t.end <= c.end for c in clashes)  # not "armed clashes"
        or t.payload.weak  # "اقتحمت القوات المخيم واندلعت مواجهات"
        for t in battles
    ):  # a battle word other than a clash word keeps the battle (stones thrown join a clash)
        riot = by_type.pop(EventType.BATTLES) + by_type.pop(EventType.PROTESTS, [])
        by_type[EventType.RIOTS] = riot


def _confronting_crowd(sentence: SentenceMentions, clause: Clause) -> bool:
    """ "اندلعت مواجهات مع قوات الاحتلال في مخيم جنين": confrontations with a state force and
    no armed side named, where such confrontations are unarmed crowds' (``settings:
    events.crowd_confrontation_countries``: the West Bank's stone-throwing youths)."""
    if not any(clause.holds(c.start) for c in sentence.cue(Cue.CONFRONTATION)):
        return False
    return any(
        clause.holds(p.span.start)
        and p.place is not None
        and p.place.country in SETTINGS.events.crowd_confrontation_countries
        for p in sentence.places
    )


def _beside(sentence: SentenceMentions, actor: Mention, clash: PhraseMatch[Cue]) -> bool:
    """Right before the clash word ("youths clashed"), or a few words after it ("اشتبك عشرات
    الشبان", "clashed with youths")."""
    if actor.span.end <= clash.start:
        return sentence.words_between(actor.span.end, clash.start) == 0
    reach = SETTINGS.roles.clash_side_reach
    return (
        actor.span.start >= clash.end
        and sentence.words_between(clash.end, actor.span.start) <= reach
    )


def raid_for_arrests(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """ "اقتحمت القوات المخيم واعتقلت خمسة": a raid named only by weak words ("stormed",
    "gunfire") that made arrests is the arrest, unless armed men fought back in the clause."""
    battles = by_type.get(EventType.BATTLES)
    arrests = [
        t
        for t in by_type.get(EventType.STRATEGIC, [])
        if t.payload.sub_event_type == SubEventType.ARRESTS
    ]
    if not battles or not arrests or not all(t.payload.weak for t in battles):
        return
    kinds = [TAXONOMY.kinds[a.entry.kind] for a in sentence.actors if clause.holds(a.span.start)]
    if not any(k.armed and not k.state for k in kinds):
        del by_type[EventType.BATTLES]


def strike_on_a_protest(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """ "A strike on the sit-in": the protest is the strike's setting, not an event."""
    if EventType.EXPLOSIONS in by_type:
        by_type.pop(EventType.PROTESTS, None)


def arrest_absorbs_abduction(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """ "Arrested three and took them to an unknown place": one arrest. Leading someone away
    after kidnapping him ("اختطف ... واقتادوه") is the end of the kidnapping, not an arrest."""
    strategic = by_type.get(EventType.STRATEGIC, [])
    arrest_words = [t for t in strategic if t.payload.sub_event_type == SubEventType.ARRESTS]
    vac = by_type.get(EventType.VIOLENCE_AGAINST_CIVILIANS)
    if arrest_words and vac is not None and all(t.payload.weak for t in arrest_words):
        if _all_sub(vac, SubEventType.ABDUCTION):
            by_type[EventType.STRATEGIC] = [t for t in strategic if t not in arrest_words]
            if not by_type[EventType.STRATEGIC]:
                del by_type[EventType.STRATEGIC]
            return
    arrests = bool(arrest_words)
    vac = by_type.get(EventType.VIOLENCE_AGAINST_CIVILIANS)
    if arrests and vac is not None and _all_sub(vac, SubEventType.ABDUCTION):
        del by_type[EventType.VIOLENCE_AGAINST_CIVILIANS]


def protest_needs_a_crowd(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """Tear gas or batons with no crowd in sight are no protest: a protest is named by a
    protest word ("فض تظاهرة"), or by the crowd that force was used on."""
    protests = by_type.get(EventType.PROTESTS)
    if protests is None:
        return
    peaceful = any(t.payload.sub_event_type == SubEventType.PEACEFUL_PROTEST for t in protests)
    named = any(clause.holds(c.start) for c in sentence.cue(Cue.PROTEST))
    if not peaceful and not named and not any(is_crowd(a) for a in sentence.actors):
        del by_type[EventType.PROTESTS]


def violence_absorbs_looting(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """ "Attacked and burned homes": the burning is part of the attack. But burning by no
    crowd is no riot: "نهب مسلحون السوق وأحرقوا المحال" is looting, the burning part of it."""
    kind = next((t for t in VIOLENT_PRECEDENCE if t in by_type), None)
    strategic = by_type.get(EventType.STRATEGIC, [])
    if kind is None or not strategic or not _all_sub(strategic, SubEventType.LOOTING):
        return
    crowd = any(clause.holds(a.span.start) and is_crowd(a) for a in sentence.actors)
    if kind == EventType.RIOTS and not crowd:
        strategic.extend(by_type.pop(EventType.RIOTS))
    else:
        by_type[kind].extend(by_type.pop(EventType.STRATEGIC))


def agreement_in_passing(by_type: ByType, sentence: SentenceMentions, clause: Clause) -> None:
    """ "A truce", "a deal" named only by weak words: no agreement was made here."""
    strategic = by_type.get(EventType.STRATEGIC)
    if strategic is not None and all(t.payload.weak for t in strategic):
        if _all_sub(strategic, SubEventType.AGREEMENT):
            del by_type[EventType.STRATEGIC]


Policy = Callable[[ByType, SentenceMentions, Clause], None]
TYPE_POLICIES: tuple[tuple[str, Policy], ...] = (
    ("one act per clause", one_act_per_clause),
    ("a clash with civilians is a riot", clash_with_civilians_is_a_riot),
    ("a raid for arrests is the arrest", raid_for_arrests),
    ("a strike on a protest is a strike", strike_on_a_protest),
    ("an arrest absorbs the abduction", arrest_absorbs_abduction),
    ("a protest needs a crowd", protest_needs_a_crowd),
    ("violence absorbs the looting", violence_absorbs_looting),
    ("an agreement in passing is none", agreement_in_passing),
)


def _all_sub(triggers: Triggers, sub_event_type: str) -> bool:
    return all(t.payload.sub_event_type == sub_event_type for t in triggers)
