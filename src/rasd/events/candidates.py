"""Candidate events: one per clause and event type, from the triggers a sentence holds.

Each clause with a trigger (or an interception word and a weapon, or a killing word with the
killers named right after it) makes a candidate per event type its triggers announce
(:mod:`rasd.events.precedence`), with its roles (:mod:`rasd.events.roles`), its toll
(:mod:`rasd.events.casualties`), its date (:mod:`rasd.events.dating`) and its place or
places (:mod:`rasd.events.placing`). Threats, plans, negations, rumours and background make
none; events the sentence refers back to ("after the shelling") only add to the event told
elsewhere (:mod:`rasd.events.reporting`); a toll told in the next sentence reaches its event.
"""

from __future__ import annotations

from typing import TypeGuard

from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.events.candidate import Candidate
from rasd.events.casualties import count_casualties, told_joined_toll
from rasd.events.dating import date_below, date_event, stretches_broken_down
from rasd.events.focus import Focus
from rasd.events.killings import killing
from rasd.events.placing import places_for, protest_sites
from rasd.events.precedence import announced_type, group_by_type, impact, interceptions
from rasd.events.reporting import hypothetical, referred_to
from rasd.events.roles import assign_roles, owns_target
from rasd.events.sides import (
    Mention,
    armed_side,
    is_armed,
    is_civilian,
    is_communal,
    is_crowd,
    is_state_force,
    is_unarmed,
    strength,
    strikes_from_afar,
    war_at_home,
)
from rasd.knowledge.actors import ActorKind, ActorMention
from rasd.knowledge.lexicon import FIREARM, RIOT_CONTROL, Cue, Trigger, Voice, Weapon
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import TAXONOMY, EventType, SubEventType
from rasd.model import Document, Span
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import folded_words, is_arabic_word
from rasd.text.tokens import written_definite

_STRUCK_FROM_AFAR = frozenset(SETTINGS.events.struck_from_afar)
_TERRITORY = (SubEventType.GOVERNMENT_REGAINS, SubEventType.NON_STATE_OVERTAKES)
_VIOLENT = (EventType.BATTLES, EventType.VIOLENCE_AGAINST_CIVILIANS)
_ATTACK = EventType.VIOLENCE_AGAINST_CIVILIANS
_DEFINITE = folded_words("definite_articles", "en")
_THAT = folded_words("complementizers")  # "قال مصدر إن": what follows is what is told


def find_candidates(
    doc: Document, sentences: list[SentenceMentions], focus: Focus
) -> list[Candidate]:
    """Every sentence's candidates, read in order, the focus following the text."""
    candidates: list[Candidate] = []
    broken_down = stretches_broken_down(doc, sentences)
    for k, sentence in enumerate(sentences):
        # a subheading is dated by the paragraph it heads, before any breakdown it sits in
        focus.date_around = date_below(doc, sentences, k) or broken_down[k]
        focus.following = sentences[k + 1 : k + 1 + SETTINGS.placing.place_ahead_reach]
        found = sentence_candidates(doc, sentence, focus)
        if not found and candidates and candidates[-1].sentence == k - 1:
            _add_toll_told_after(candidates[-1], sentence)
        candidates.extend(found)
        focus.update(sentence)
    return candidates


def _add_toll_told_after(cand: Candidate, sentence: SentenceMentions) -> None:
    """ "أطلقت القوات النار على شاب في أريحا. وأعلن لاحقا عن استشهاده": a sentence that tells
    no event, names no other place or day and recalls nothing, right after an event told
    without its dead, gives that event its toll."""
    if cand.fatalities or not _can_kill(cand) or sentence.is_title:
        return
    if cand.date is None or any(d.date_from < cand.date.date_from for d in sentence.dates):
        return  # another, earlier day: another event's dead
    if sentence.triggers or not sentence.cue(Cue.KILLED):
        return  # a recalled act's dead ("وكانت مواجهات مماثلة قد خلفت عشرة قتلى")
    if sentence.cue(Cue.BACKGROUND) or sentence.cue(Cue.FRAME):
        return
    own = cand.place.place if cand.place is not None else None
    if any(m.place is not None and m.place != own for m in sentence.places):
        return  # another place: another event's dead
    dead = [count_casualties(sentence, clause).fatalities for clause in sentence.clauses]
    known = [d for d in dead if d]
    if len(known) == 1:
        cand.fatalities = known[0]


def sentence_candidates(doc: Document, sentence: SentenceMentions, focus: Focus) -> list[Candidate]:
    """The candidates of one sentence, clause by clause."""
    if not (sentence.triggers or sentence.cue(Cue.INTERCEPT) or sentence.cue(Cue.KILLED)):
        return []
    out: list[Candidate] = []
    for number, clause in enumerate(sentence.clauses):
        triggers = [t for t in sentence.triggers if clause.holds(t.start)]
        triggers = triggers or _interception(sentence, clause) or killing(sentence, clause)
        triggers = [t for t in triggers if not hypothetical(sentence, t)]
        if not triggers:
            continue
        referring = [referred_to(sentence, t) for t in triggers]
        for k in range(1, len(triggers)):  # "بعد استعادة الجيش السيطرة على": one act
            referring[k] = referring[k] or (
                referring[k - 1] and _one_act(sentence, triggers[k - 1], triggers[k])
            )
        told = [t for t, refers in zip(triggers, referring) if not refers]
        referred = [t for t, refers in zip(triggers, referring) if refers]
        if told and all(t.payload.weak for t in told):
            # "ارتكب الطيران مجزرة ... بعد قصف منزلها": the act told only by a vague word
            # ("massacre", "attack") was the one its clause names plainly
            means = [t for t in referred if not t.payload.weak]
            told, referred = told + means, [t for t in referred if t not in means]
        for kind, group in group_by_type(sentence, clause, told) if told else ():
            built = _build(doc, sentence, clause, number, kind, group, focus)
            if not built and kind == EventType.BATTLES:
                # "اقتحمت القوات المدينة وأطلقت النار على طفلين": a raid with no fight is
                # no battle, but the shooting it joined is still an attack
                shots = [t for t in group if announced_type(t, sentence) == _ATTACK]
                built = (
                    _build(doc, sentence, clause, number, _ATTACK, shots, focus) if shots else []
                )
            out.extend(built)
        # "after the clashes in Jaramana, which killed nine": adds to that event, makes none
        for kind, group in group_by_type(sentence, clause, referred) if referred else ():
            for cand in _build(doc, sentence, clause, number, kind, group, focus):
                cand.referred, cand.anchored = True, False
                out.append(cand)
    return out


def _interception(sentence: SentenceMentions, clause: Clause) -> list[PhraseMatch[Trigger]]:
    """ "اعترضت دفاعاته الجوية ثلاثة صواريخ": an interception word and a weapon in one clause
    are an interception even when no trigger phrase spans both."""
    cues = [c for c in interceptions(sentence) if clause.holds(c.start)]
    weapons = [w for w in sentence.weapons if clause.holds(w.start)]
    if not cues or not weapons or impact(sentence):
        return []
    cue = cues[0]
    trigger = Trigger(
        cue.payload, EventType.STRATEGIC, SubEventType.DISRUPTED, "COERCE", Voice.ACTIVE
    )
    return [PhraseMatch(cue.first, cue.last, cue.start, cue.end, trigger)]


def _told_as_known(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """ "الاشتباكات", "the clashes", "التفجير": a clash word, or a word of any other kind of
    act but a battle's, that carries the article, or whose weapon does right before it
    ("القذيفة سقطت", "الطائرة المسيرة استهدفت")."""
    if trigger.payload.event_type == EventType.BATTLES and not any(
        c.start <= trigger.start < c.end for c in sentence.cue(Cue.CLASH)
    ):
        return False
    at = sentence.token_index(trigger.start)
    word = sentence.tokens[at].norm
    if is_arabic_word(word):
        return written_definite(sentence.tokens[at]) or any(
            w.end <= trigger.start
            and sentence.words_between(w.end, trigger.start) == 0
            and written_definite(sentence.tokens[w.first])
            for w in sentence.weapons
        )
    return at > 0 and sentence.tokens[at - 1].norm in _DEFINITE


def _one_act(sentence: SentenceMentions, a: PhraseMatch[Trigger], b: PhraseMatch[Trigger]) -> bool:
    """Two triggers of one type a few words apart name one act ("استعادة الجيش السيطرة")."""
    return (
        announced_type(a, sentence) == announced_type(b, sentence)
        and sentence.words_between(a.end, b.start) <= SETTINGS.events.one_act_reach
    )


def _build(
    doc: Document,
    sentence: SentenceMentions,
    clause: Clause,
    clause_number: int,
    event_type: EventType,
    triggers: list[PhraseMatch[Trigger]],
    focus: Focus,
) -> list[Candidate]:
    own = [t for t in triggers if announced_type(t, sentence) == event_type] or triggers
    if event_type == EventType.RIOTS and focus.armed_feud and _feud(sentence, own):
        # "نزاع عشائري ... استخدمت فيه الأسلحة الخفيفة": a feud fought with guns, wherever
        # the article says so, is an armed clash between communal militias, as ACLED codes
        # it, not a riot (the homes burned in it included); unless its own sentence names
        # other weapons ("شجار بالعصي والحجارة": a brawl with sticks stays a riot)
        arms = {w.payload.weapon for w in sentence.weapons}
        if not arms or FIREARM in arms:
            event_type = EventType.BATTLES
    head = next((t for t in own if not t.payload.weak), own[0])  # names the type
    first = triggers[0]  # the verb nearest the subject: roles are read around it
    trig = head.payload
    sub_type = trig.sub_event_type
    weapons = [w for w in sentence.weapons if clause.holds(w.start)]
    if event_type == EventType.STRATEGIC and trig.event_type != event_type:
        sub_type = SubEventType.DISRUPTED
    elif event_type == EventType.BATTLES and trig.event_type != event_type:
        sub_type = SubEventType.ARMED_CLASH  # a feud fought with guns
    elif event_type == EventType.RIOTS and trig.event_type != event_type:
        sub_type = SubEventType.VIOLENT_DEMONSTRATION  # a clash with youths: see precedence
    elif event_type == EventType.EXPLOSIONS:
        weapon_types = [w.payload.sub_event_type for w in weapons if w.payload.sub_event_type]
        if weapon_types and (trig.weak or trig.event_type != event_type):
            sub_type = weapon_types[0]
        elif trig.event_type != event_type:
            sub_type = SubEventType.SHELLING
        elif sub_type == SubEventType.SHELLING and SubEventType.AIR_STRIKE in weapon_types:
            sub_type = SubEventType.AIR_STRIKE  # "أطلقت طائرة مسيرة صاروخين": fired from the air
    cand = Candidate(
        trigger_span=Span(head.start, head.end, doc.text[head.start : head.end]),
        sentence=sentence.index,
        clause=clause_number,
        event_type=event_type,
        sub_event_type=sub_type,
        plover=trig.plover if trig.event_type == event_type else TAXONOMY.plover[event_type],
        weak=head.payload.weak,
        weapons=sorted({w.payload.weapon for w in weapons}),
        title_only=sentence.is_title,
        definite=_told_as_known(sentence, head),
    )
    cand.evidence["trigger"] = cand.trigger_span
    roles = assign_roles(sentence, clause, first, event_type, sub_type, doc.language == "en")
    cand.actor1, cand.actor2, cand.claimed_by, cand.denied_by = roles
    for role, mention in (("actor1", roles.actor1), ("actor2", roles.actor2)):
        if mention is not None:
            cand.evidence[role] = mention.span
    # (not the place word of a name: "مخيم طولكرم" is where, not whom, it struck; nor a
    # word of who tells it: "قال مصدر في تصريحات صحفية إن ...")
    named = [(m.span.start, m.span.end) for m in sentence.places]
    civilian_target = any(
        clause.holds(c.start)
        and not any(a <= c.start < b for a, b in named)
        and not _in_the_telling(sentence, c.start)
        for c in sentence.cue(Cue.CIVILIAN_TARGET)
    )
    cand.civilian_target = civilian_target
    ground = _fought_on_the_ground(sentence, clause)
    reach = SETTINGS.events.explosives_reach
    near = any(abs(k - sentence.index) <= reach for k in focus.explosives)
    # "هاجموا البلدة وأحرقوا منازل": who burned, smashed or looted was there, whatever
    # struck nearby
    burned = any(
        clause.holds(t.start)
        and (
            t.payload.sub_event_type == SubEventType.LOOTING
            or t.payload.event_type == EventType.RIOTS
        )
        for t in sentence.triggers
    )
    clash = any(clause.holds(c.start) for c in sentence.cue(Cue.CLASH) + sentence.cue(Cue.FEUD))
    _recode_by_actors(
        cand, weapons, civilian_target, ground, near and not burned, clash, focus.country
    )
    if cand.sub_event_type == SubEventType.PEACEFUL_PROTEST and RIOT_CONTROL in cand.weapons:
        cand.sub_event_type = SubEventType.PROTEST_WITH_INTERVENTION  # "hit by a gas canister"
    if cand.sub_event_type in _TERRITORY and _frees_captives(sentence, head):
        return []  # "حررت خلالها ثلاثة مخطوفين": people freed, no place taken
    if cand.sub_event_type in _TERRITORY and sentence.cue(Cue.NO_RESISTANCE):
        # "entered the town without resistance": it changed hands, no battle was fought
        cand.event_type = EventType.STRATEGIC
        cand.sub_event_type = SubEventType.NON_VIOLENT_TRANSFER
        cand.plover = "CONCEDE"  # PLOVER: a handover
    date_event(sentence, clause, cand, focus)
    if _can_kill(cand):
        cand.fatalities, cand.injuries = count_casualties(sentence, clause)
        if sentence.is_title:  # a headline may sum up a day's toll: only a fallback
            cand.headline_toll, cand.fatalities, cand.injuries = cand.fatalities, None, None
    if _demolition(cand, weapons, civilian_target):
        cand.event_type, cand.sub_event_type = EventType.STRATEGIC, SubEventType.LOOTING
        cand.plover, cand.actor2 = TAXONOMY.plover[EventType.STRATEGIC], None
    hurt = told_joined_toll(sentence, clause)
    raid = trig.event_type == EventType.BATTLES  # a weak battle word: "اقتحم", "stormed"
    # "هاجم عناصر التنظيم نقطة لقسد": a site of a named side is struck
    site = cand.actor2 is not None and owns_target(sentence, first.end, cand.actor2)
    if cand.weak and not _confirmed(cand, hurt or site or burned, raid):
        return []
    if raid and not clash and _raid_on_civilians(cand):
        _recode(cand, EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK)
    attacked = cand.actor2.span if cand.actor2 is not None else None
    mentions, explicit = places_for(sentence, clause, focus, head.start, event_type, attacked)
    if event_type == EventType.PROTESTS:
        mentions = protest_sites(sentence, clause, head.start) or mentions
    mentions = [m for m in mentions if m is not None]
    if len(mentions) > 1:  # "attacks on Huwara, Za'tara and Burin killed one": whose toll?
        cand.fatalities = cand.injuries = cand.headline_toll = None
    return [cand.at(mention, explicit) for mention in mentions]


def _in_the_telling(sentence: SentenceMentions, offset: int) -> bool:
    """ "قال مصدر عسكري في تصريحات صحفية إن ...": between a word of telling and the "that"
    which opens what is told, words name the teller and the telling, not the act."""
    return any(
        r.end <= offset and any(t.norm in _THAT and t.start > offset for t in sentence.tokens)
        for r in sentence.cue(Cue.REPORT)
    )


def _feud(sentence: SentenceMentions, triggers: list[PhraseMatch[Trigger]]) -> bool:
    """A trigger among ``triggers`` is a feud word ("شجار", "نزاع عشائري", "brawl")."""
    feuds = sentence.cue(Cue.FEUD)
    return any(f.start <= t.start < f.end for t in triggers for f in feuds)


def _recode_by_actors(
    cand: Candidate,
    weapons: list[PhraseMatch[Weapon]],
    civilian_target: bool,
    ground: bool,
    explosives_near: bool,
    clash: bool,
    country: str | None,
) -> None:
    """Who did it to whom decides between types the trigger leaves open
    (``explosives_near``: the sentences around name an explosive weapon; ``clash``: the
    clause tells fighting or a feud, "اشتباكات", "نزاع عشائري"; ``country``: the article's,
    which a force named without one belongs to)."""
    explosive = any(w.payload.explosive for w in weapons)
    if cand.event_type in _VIOLENT and is_crowd(cand.actor1):
        # a crowd storming, burning or beating is a riot, not a battle; a crowd falling on
        # civilians is mob violence
        mob = is_civilian(cand.actor2)
        riot = SubEventType.MOB_VIOLENCE if mob else SubEventType.VIOLENT_DEMONSTRATION
        _recode(cand, EventType.RIOTS, riot)
    elif cand.event_type == EventType.RIOTS and is_armed(cand.actor1):
        # an armed group burning and beating is attacking civilians, not rioting
        _recode(cand, EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK)
    elif (
        cand.event_type == EventType.VIOLENCE_AGAINST_CIVILIANS
        and is_state_force(cand.actor1)
        and cand.actor2 is not None
        and cand.actor2.entry is not None
        and cand.actor2.entry.kind == ActorKind.PROTESTERS
    ):
        # "security forces killed two protesters": deadly force on a protest, which ACLED
        # codes as a protest met with excessive force, the crowd as actor1
        _recode(cand, EventType.PROTESTS, SubEventType.EXCESSIVE_FORCE)
        cand.swap_actors()
    elif (
        cand.event_type == EventType.BATTLES
        and cand.sub_event_type == SubEventType.ARMED_CLASH
        and not clash
        and _on_the_ground(cand.actor1, afar=True)
        and not is_state_force(cand.actor1)
        and (is_unarmed(cand.actor2) or (cand.actor2 is None and civilian_target))
    ):
        # "هاجم مسلحون منزل المختار", "gunmen attacked the protest camp": an armed group's
        # attack that meets no armed side, only people or their homes, is violence against
        # civilians (protesters are civilians to an armed group), not a battle
        _recode(cand, EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK)
    elif (
        cand.sub_event_type == SubEventType.ATTACK
        and not civilian_target
        and _on_the_ground(cand.actor2, afar=True)
    ):
        # fire opened on soldiers or fighters is a battle: violence against civilians
        # needs civilians on the receiving end (an abduction stays one, whoever is taken)
        _recode(cand, EventType.BATTLES, SubEventType.ARMED_CLASH)
    elif cand.sub_event_type in _TERRITORY and _on_the_ground(cand.actor1, afar=True):
        # who takes a town decides: the state regains it (an unnamed army included), anyone
        # else overtakes it
        state = TAXONOMY.kinds[cand.actor1.entry.kind].state
        cand.sub_event_type = (
            SubEventType.GOVERNMENT_REGAINS if state else SubEventType.NON_STATE_OVERTAKES
        )
    elif (
        cand.event_type == EventType.EXPLOSIONS
        and cand.weak
        and not explosive
        and cand.sub_event_type != SubEventType.REMOTE_EXPLOSIVE  # "blast": an explosion
        and cand.sub_event_type != SubEventType.AIR_STRIKE  # "a strike": from the air
        and (
            _on_the_ground(cand.actor1)
            or war_at_home(cand.actor1, cand.actor2, country)
            or (cand.actor1 is None and not explosives_near)
        )
    ):
        # "an attack" with no explosive named, by gunmen or a militia on the ground (armies
        # and air forces strike from afar: their "attacks" stay explosions, unless they fall
        # on the other side of a war at home), or by no one named where the sentences around
        # name no explosive: on civilians it is violence against them; on an armed side's
        # post, a battle
        if cand.actor1 is None and is_communal(cand.actor2):
            cand.swap_actors()  # "في هجوم واسع للمستعمرين على حوارة": the attackers
        # settlers or a clan's militia attacking a town with no armed side named: civilians
        alone = cand.actor2 is None and (civilian_target or is_communal(cand.actor1))
        if is_unarmed(cand.actor2) or alone:
            _recode(cand, EventType.VIOLENCE_AGAINST_CIVILIANS, SubEventType.ATTACK)
        elif ground and (cand.actor2 is None or _on_the_ground(cand.actor2, afar=True)):
            _recode(cand, EventType.BATTLES, SubEventType.ARMED_CLASH)


def _recode(cand: Candidate, event_type: EventType, sub_event_type: str) -> None:
    """Give the candidate another type, and that type's PLOVER class."""
    cand.event_type, cand.sub_event_type = event_type, sub_event_type
    cand.plover = TAXONOMY.plover[event_type]


def _frees_captives(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """Captives named within a few words after a word of freeing ("حرر", "freed")."""
    return any(
        c.start >= trigger.end
        and sentence.words_between(trigger.end, c.start) <= SETTINGS.events.captives_reach
        for c in sentence.cue(Cue.CAPTIVES)
    )


def _fought_on_the_ground(sentence: SentenceMentions, clause: Clause) -> bool:
    """An attack on a post, not on a base, an airport or a field, which militias hit with
    rockets and drones from afar."""
    return not any(
        clause.holds(m.span.start) and m.place is not None and m.place.kind in _STRUCK_FROM_AFAR
        for m in sentence.places
    )


def _raid_on_civilians(cand: Candidate) -> bool:
    """ "أصيب شاب برصاص خلال اقتحام قوات الاحتلال المخيم": a raid named only by a weak word
    that met no armed side and hurt civilians is an attack on them, not a battle (decided
    once its toll is counted, after :func:`_recode_by_actors`)."""
    return (
        cand.weak
        and cand.event_type == EventType.BATTLES
        and is_armed(cand.actor1)
        and is_civilian(cand.actor2)
        and bool(cand.fatalities or cand.injuries)
    )


def _on_the_ground(mention: Mention | None, afar: bool = False) -> TypeGuard[ActorMention]:
    """An armed actor, named or not (gunmen, a militia), that fights where it stands (or,
    with ``afar``, any armed side: an army's checkpoint is attacked on the ground)."""
    return armed_side(mention) and (afar or not strikes_from_afar(mention))


def _confirmed(cand: Candidate, hurt: bool, raid: bool) -> bool:
    """A weak trigger ("attack", "targeted") makes an event only with something to back it:
    a weapon, a casualty (counted, or ``hurt``: "قتل وأصيب 29", dead and wounded told
    together, or a site of a named side struck), or a known actor; a weak battle word
    (``raid``: "stormed", "a military operation") also needs a fight: an armed side facing
    it, a weapon or a casualty."""
    if cand.event_type == EventType.STRATEGIC and cand.sub_event_type != SubEventType.DISRUPTED:
        return strength(cand.actor1) == 2  # "forces withdrew": which forces?
    known = cand.actor1 is not None and cand.actor1.entry is not None
    backed = (
        bool(cand.weapons) or hurt or cand.fatalities is not None or bool(cand.injuries) or known
    )
    if raid and cand.event_type == EventType.BATTLES:
        faced = _on_the_ground(cand.actor2, afar=True)
        return backed and (bool(cand.weapons) or hurt or bool(cand.fatalities) or faced)
    return backed


def _demolition(cand: Candidate, weapons: list[PhraseMatch[Weapon]], buildings: bool) -> bool:
    """ "فجّرت قوة إسرائيلية ثلاثة منازل في بلدة حولا": troops blowing up homes, with no bomb
    named and no one hurt, destroy property; it is no explosive attack."""
    return (
        cand.sub_event_type == SubEventType.REMOTE_EXPLOSIVE
        and buildings
        and is_state_force(cand.actor1)
        and not any(w.payload.explosive for w in weapons)
        and not cand.fatalities
        and not cand.injuries
    )


def _can_kill(cand: Candidate) -> bool:
    """Deaths in the sentence of an arrest, a truce or a peaceful protest belong to some
    other event."""
    peaceful = (
        cand.event_type == EventType.PROTESTS
        and cand.sub_event_type != SubEventType.EXCESSIVE_FORCE
    )
    return not peaceful and cand.event_type != EventType.STRATEGIC
