"""Reasoning over the whole article: which candidates report something new, and which are
the same happening told again.

Reports of one happening are merged (:mod:`rasd.events.merging`); a sentence that names
neither place nor date only adds to the events it repeats; a headline the body tells as
another kind yields to the body; a strike that names no attacker is the last named
attacker's (before any is named, the first one named after it); events placed at a stray
homonym abroad, or recalled from over a month before publication, are background.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

from rasd.annotate.mentions import SentenceMentions
from rasd.annotate.unlisted import placed_within
from rasd.events.candidate import Candidate
from rasd.events.dating import since
from rasd.events.merging import merge, named_apart, take_toll
from rasd.events.placing import rank, same_place, sentence_event_places, stray
from rasd.events.precedence import VIOLENT_PRECEDENCE
from rasd.events.sides import is_armed, is_crowd, is_named, is_state_force, same_actor
from rasd.knowledge.actors import ActorMention
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.place_kinds import SETTLEMENT_KINDS
from rasd.knowledge.places import PlaceMention, km_between, place_of
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import EventType, SubEventType
from rasd.model import DateRange, Span

# Kinds of event whose attacker a later report of the same kind may leave unnamed.
_INHERITED = (EventType.EXPLOSIONS, EventType.BATTLES)
_PLANTED = (SubEventType.REMOTE_EXPLOSIVE, SubEventType.SUICIDE_BOMB, SubEventType.GRENADE)
_GOVERNORATE_RANK = SETTINGS.placing.specificity["admin1"]
# Kinds of event a later sentence refers back to with the article ("the clashes", "the blast").
_KNOWN_KINDS = (EventType.BATTLES, EventType.EXPLOSIONS)
# Militias whose fighting with no armed side named is an attack on civilians (settlers).
_CIVILIANS_ATTACKERS = frozenset(SETTINGS.events.civilians_attackers)
# Kinds of event that are done to someone: told with neither target nor harm, no news.
_HARMFUL = (EventType.BATTLES, EventType.EXPLOSIONS, EventType.VIOLENCE_AGAINST_CIVILIANS)


def reported_events(
    candidates: list[Candidate], sentences: list[SentenceMentions], published: dt.date | None
) -> list[Candidate]:
    """The events the article reports, each once, from its candidates."""
    # A sentence that names neither place nor date (a subheading, a follow-up) adds to the
    # events it repeats, but does not make one of its own.
    _known_acts_repeat(candidates)
    # a toll over a stretch ("850 killed since April 15") is no event, nor the report of one:
    # it must not lend its stretch to the day's event it would be merged with
    merged = merge(
        [
            c
            for c in candidates
            if not _over_a_stretch(c) and not _running_total(c, sentences[c.sentence], published)
        ]
    )
    told = {c.event_type for c in merged if c.anchored}
    # an arrest the article tells nowhere else stands on the place and day in focus
    merged = [
        c
        for c in merged
        if c.anchored
        or (
            c.sub_event_type == SubEventType.ARRESTS and c.event_type not in told and not c.referred
        )
    ]
    _inherit_actors(merged)
    _inherit_targets(merged)
    _settler_fights_recoded(merged)
    merged = [c for c in merged if not _known_act_said_again(c, merged, sentences[c.sentence])]
    places = Counter(p.place.country for s in sentences for p in s.places if p.place)
    merged = [c for c in merged if not stray(c, places) and not _recalled(c, published)]
    merged = _restated_headlines_dropped(merged)
    placed = [c for c in merged if c.place_choice is not None]
    _narrowed_by_the_next_sentence(placed, sentences)
    placed = _claims_attached(placed, sentences)
    placed = _weapons_of_a_fight_folded(_looting_in_attacks_dropped(placed))
    return _force_on_protests_folded(placed)


def _known_acts_repeat(candidates: list[Candidate]) -> None:
    """ "اندلعت اشتباكات في جنزور ... وأسفرت الاشتباكات عن مقتل ثلاثة": fighting told as
    known, on no day of its own and by no other named side, is the fighting told before in
    the same country, wherever the later sentence places it (the city it is reported from,
    the hospitals its wounded reached): it adds its toll to that event, it makes none.
    Unless it names where that fighting was more closely ("الاشتباكات التي تركزت في ذيبان"
    after "ريف دير الزور"). Kept to places within 50 km, the rule left two more spurious
    events on the check set: such sentences name a far capital more often than a front.
    A blast told as known ("وأسفر التفجير الانتحاري عن مقتل 21") is part of the fight or
    the blast told before at its place; at another town it is the next strike of a round
    ("وطالت الغارات بلدة كفركلا")."""
    told: list[Candidate] = []
    for cand in candidates:
        if cand.event_type not in _KNOWN_KINDS or cand.place is None:
            continue
        near = _told_before(cand, told) if cand.definite and not cand.date_explicit else []
        if near and not any(named_apart(c, cand) or _closer(c.place, cand.place) for c in near):
            cand.anchored = False
            take_toll(near[-1], cand)
        elif cand.anchored:
            told.append(cand)


def _told_before(cand: Candidate, told: list[Candidate]) -> list[Candidate]:
    """What an act told as known may refer back to: the fights told before in its country;
    for a blast, the fights and blasts told before at its place (at another town it is the
    next strike of a round)."""
    here = cand.place
    if here is None:
        return []
    country = place_of(here).country
    return [
        c
        for c in told
        if c.place is not None
        and place_of(c.place).country == country
        and (
            c.event_type == EventType.BATTLES
            if cand.event_type == EventType.BATTLES
            else same_place(c.place, here) or _within(c.place, here)
        )
    ]


def _within(before: PlaceMention, after: PlaceMention) -> bool:
    """Was ``before`` a place the gazetteer lacks, put in ``after`` ("قذيفة على حي الروضة في
    مدينة تعز", then "القذيفة سقطت في حي مكتظ" placed in the city)?"""
    return (
        before.place is not None
        and after.place is not None
        and placed_within(before.place, after.place)
    )


def _closer(before: PlaceMention | None, after: PlaceMention) -> bool:
    """Does ``after`` place the fighting more closely within ``before``?"""
    return (
        before is not None
        and same_place(before, after)
        and rank(place_of(after)) > rank(place_of(before))
    )


def _looting_in_attacks_dropped(events: list[Candidate]) -> list[Candidate]:
    """ "Settlers attacked the village, fired on residents and burned two homes": looting and
    burning at the place and on the day of a violent event are part of it, whichever
    sentence tells them (:func:`rasd.events.precedence.violence_absorbs_looting` within one
    clause)."""
    violent = [c for c in events if c.event_type in VIOLENT_PRECEDENCE]

    def part_of_violence(c: Candidate) -> bool:
        return c.sub_event_type == SubEventType.LOOTING and any(
            v.place is not None
            and c.place is not None
            and same_place(v.place, c.place)
            and v.date is not None
            and c.date is not None
            and v.date.overlaps(c.date)
            for v in violent
        )

    return [c for c in events if not part_of_violence(c)]


def _weapons_of_a_fight_folded(events: list[Candidate]) -> list[Candidate]:
    """ "اشتباكات مسلحة ... استخدمت فيها الأسلحة المتوسطة وقذائف الهاون": shells fired by no
    one named in the sentence that tells a fight, at its place, are the fight's weapons, not a
    shelling of their own; the fight takes their toll."""
    battles = [c for c in events if c.event_type == EventType.BATTLES]

    def fight_of(c: Candidate) -> Candidate | None:
        here = c.place
        if c.sub_event_type != SubEventType.SHELLING or c.actor1 is not None or here is None:
            return None
        return next(
            (
                b
                for b in battles
                if b.sentence == c.sentence and b.place is not None and same_place(b.place, here)
            ),
            None,
        )

    return _folded(events, fight_of, take_toll)


def _folded(
    events: list[Candidate],
    host_of: Callable[[Candidate], Candidate | None],
    fold: Callable[[Candidate, Candidate], None],
) -> list[Candidate]:
    """The events but those that ``host_of`` finds a host for, each folded into its host."""
    kept = []
    for cand in events:
        host = host_of(cand)
        if host is None:
            kept.append(cand)
        else:
            fold(host, cand)
    return kept


def _force_on_protests_folded(events: list[Candidate]) -> list[Candidate]:
    """ "Security forces fired on the march in Nasiriyah, killing three": the killing of
    protesters by the state, or by no one named, at the place and on the day of a protest is
    the force the protest met, not an attack of its own; the protest takes its toll and its
    force. So is an arrest of protesters there and then ("واعتقلت الشرطة عدداً من المتظاهرين
    في الجيزة"): ACLED codes a protest with intervention, no arrests of their own.
    (Gunmen who shoot at a march make an attack of their own; so does a killing of other
    people, or one told in another sentence with no protesters named: on the check set that
    reading lost a right attack. Protesters arrested where no protest is told stay arrests:
    on dev they were arrested after it.)"""
    protests = [c for c in events if c.event_type == EventType.PROTESTS]

    def protest_met(c: Candidate) -> Candidate | None:
        arrested = c.sub_event_type == SubEventType.ARRESTS and is_crowd(c.actor2)
        if c.event_type != EventType.VIOLENCE_AGAINST_CIVILIANS and not arrested:
            return None
        if c.place is None:
            return None
        if c.actor1 is not None and not is_state_force(c.actor1):
            return None
        return next(
            (
                p
                for p in protests
                if _same_spot_and_days(p, c)
                # the protesters named as its victims, or no victims named in its sentence
                and (is_crowd(c.actor2) or (c.actor2 is None and p.sentence == c.sentence))
            ),
            None,
        )

    def meets(protest: Candidate, cand: Candidate) -> None:
        take_toll(protest, cand)
        hurt = bool(protest.fatalities or protest.injuries)
        protest.sub_event_type = (
            SubEventType.EXCESSIVE_FORCE if hurt else SubEventType.PROTEST_WITH_INTERVENTION
        )
        if protest.actor2 is None and cand.actor1 is not None:
            protest.actor2 = cand.actor1

    return _folded(events, protest_met, meets)


def _narrowed_by_the_next_sentence(
    events: list[Candidate], sentences: list[SentenceMentions]
) -> None:
    """ "18 were killed in clashes in South Darfur. The fighting broke out on Saturday in the
    provincial capital Nyala.": an event its sentence places in a governorate only is at the
    one town of that governorate where the next sentence, referring back to it ("the
    fighting"), places something (not where someone came from or spoke), when that sentence
    tells no event of its own."""
    told = {c.sentence for c in events}
    for cand in events:
        here = cand.place_choice
        following = cand.sentence + 1
        if here is None or rank(here) > _GOVERNORATE_RANK or following >= len(sentences):
            continue
        after = sentences[following]
        if following in told or after.is_title or not after.cue(Cue.TOLD_AGAIN):
            continue
        towns = {
            m.place.id: m
            for m in sentence_event_places(after)
            if m.place is not None
            and m.place.kind in SETTLEMENT_KINDS
            and m.place.admin1 == here.admin1
            and m.place.country == here.country
        }
        if len(towns) == 1:
            (town,) = towns.values()
            cand.place, cand.place_choice = town, town.place
            cand.evidence["location"] = town.span


def _claims_attached(events: list[Candidate], sentences: list[SentenceMentions]) -> list[Candidate]:
    """ "وأعلن تنظيم داعش مسؤوليته عن الهجوم": a claim of "the attack" told before, in the
    place that holds it and on its day, names that attack's actor1; it is no second event."""
    kept: list[Candidate] = []
    for cand in events:  # (in the order first told)
        claimant = cand.claimed_by or cand.actor1
        earlier = [
            c
            for c in kept
            if c.sentence < cand.sentence
            and c.event_type in VIOLENT_PRECEDENCE
            and _same_spot_and_days(c, cand, loose=True)
        ]
        if cand.weak and sentences[cand.sentence].cue(Cue.CLAIM) and is_named(claimant) and earlier:
            told = earlier[-1]
            told.claimed_by = claimant
            if not is_named(told.actor1) or same_actor(told.actor1, told.actor2):
                told.actor1 = claimant
            continue
        kept.append(cand)
    return kept


def _same_spot_and_days(a: Candidate, b: Candidate, loose: bool = False) -> bool:
    """Placed at the same place (``loose``: one may hold the other, as a headline's) on
    overlapping days (an undated one on any)."""
    return (
        a.place is not None
        and b.place is not None
        and same_place(a.place, b.place, loose)
        and (a.date is None or b.date is None or a.date.overlaps(b.date))
    )


def _inherit_actors(events: list[Candidate]) -> None:
    """ "Israeli jets struck the port. Another strike hit the power station.": a strike whose
    sentence names no attacker is taken to be the same attacker's, when the article has named
    one for that kind of event; an event that names its own attacker becomes the new one."""
    in_order = [c for c in sorted(events, key=lambda c: c.sentence) if c.event_type in _INHERITED]
    last: dict[tuple[EventType, bool], ActorMention] = {}
    for cand in in_order:
        kind = _kind_of_attack(cand)
        if is_named(cand.actor1):
            last[kind] = cand.actor1
        elif cand.actor1 is None and kind in last:
            _inherit(cand, last[kind])
    # an attacker first named after the first report ("A strike hit X. The army said its
    # jets struck ..."): the earlier reports of that kind are its too
    first: dict[tuple[EventType, bool], ActorMention] = {}
    for cand in reversed(in_order):
        kind = _kind_of_attack(cand)
        if is_named(cand.actor1):
            first[kind] = cand.actor1
        elif kind in first and cand.actor1 is None:
            _inherit(cand, first[kind])


def _kind_of_attack(cand: Candidate) -> tuple[EventType, bool]:
    """The kind of event, and whether it is a planted bomb: a roadside bomb is not the work
    of the air force whose strike the article told before it."""
    return cand.event_type, cand.sub_event_type in _PLANTED


def _inherit_targets(events: list[Candidate]) -> None:
    """ "US jets struck Houthi sites in Hodeidah. Another strike hit Hajjah.": a strike that
    names no target is on the same armed group as the attacker's last strike that named one."""
    last: dict[tuple[EventType, str], ActorMention] = {}
    for cand in sorted(events, key=lambda c: c.sentence):
        if cand.event_type not in _INHERITED or not is_named(cand.actor1):
            continue
        key = (cand.event_type, cand.actor1.entry.id)
        if is_named(cand.actor2) and is_armed(cand.actor2):
            last[key] = cand.actor2
        elif cand.actor2 is None and key in last:
            cand.actor2 = last[key]


def _inherit(cand: Candidate, attacker: ActorMention) -> None:
    if not is_named(cand.actor2) or cand.actor2.entry.id != attacker.entry.id:
        cand.actor1 = attacker


def _restated_headlines_dropped(events: list[Candidate]) -> list[Candidate]:
    """A headline tells in a few words what the body tells at length: a headline event no
    body report merged into is a body event said another way when the body tells an act of
    its kind, or any act near its place ("مجزرة" for an air strike; a province for the
    body's village; the day of telling). A headline act the body leaves untold stays."""
    body = [c for c in events if not c.title_only]

    def near(title: Candidate, c: Candidate) -> bool:
        here, there = title.place_choice, c.place_choice
        return (
            here is not None
            and there is not None
            and (
                km_between(here, there) <= SETTINGS.placing.headline_km
                or bool(here.admin1 and here.admin1 == there.admin1)
            )
        )

    def restated(title: Candidate) -> bool:
        return any(c.event_type == title.event_type or near(title, c) for c in body)

    return [c for c in events if not c.title_only or not restated(c)]


def _settler_fights_recoded(events: list[Candidate]) -> None:
    """ "هاجم مستوطنون قرية قصرة واندلعت مواجهات مع الأهالي": a settler militia's fighting
    with no armed side named (settings: events.civilians_attackers) is an attack on the
    people of the village it raids, as ACLED codes settler violence."""
    for cand in events:
        if (
            cand.event_type == EventType.BATTLES
            and is_named(cand.actor1)
            and cand.actor1.entry.id in _CIVILIANS_ATTACKERS
            and (not is_armed(cand.actor2) or same_actor(cand.actor1, cand.actor2))
        ):
            cand.event_type, cand.sub_event_type = (
                EventType.VIOLENCE_AGAINST_CIVILIANS,
                SubEventType.ATTACK,
            )


def _known_act_said_again(
    cand: Candidate, events: list[Candidate], sentence: SentenceMentions
) -> bool:
    """ "واستمرت الاشتباكات حتى المساء", "بفعل القصف", "the shelling went on": an act told
    with the article, aimed at no one and hurting no one, after the article has told an act
    of its kind or past its lead, is an act the reader knows of said again; it makes no
    event of its own."""
    if not cand.definite or cand.event_type not in _HARMFUL:
        return False
    told = any(c.event_type == cand.event_type and c.sentence < cand.sentence for c in events)
    if not told and cand.sentence < SETTINGS.events.lead_sentences:
        return False  # "تجددت الاشتباكات أمس في الفاشر" opening an article: its news
    if cand.actor2 is not None and not same_actor(cand.actor1, cand.actor2):
        return False  # (a target that is the attacker itself is none: the record drops it)
    if cand.fatalities or cand.injuries or cand.headline_toll or cand.civilian_target:
        return False
    if sentence.cue(Cue.KILLED) or sentence.cue(Cue.INJURED):
        return False  # "تشييع قتلى الغارات" names its dead
    return not _aimed(cand.trigger_span, sentence)


def _aimed(trigger: Span, sentence: SentenceMentions) -> bool:
    """ "وطالت الغارات أيضاً بلدة كفركلا", "الغارات استهدفت مهربين": a word of aiming right
    before the act, or a few words after it, in its clause."""
    clause = sentence.clause_of(trigger.start)
    reach = SETTINGS.events.known_act_target_reach
    for cue in sentence.cue(Cue.TARGET):
        if not clause.holds(cue.start):
            continue
        if cue.start >= trigger.end and sentence.words_between(trigger.end, cue.start) <= reach:
            return True
        if cue.end <= trigger.start and not sentence.words_between(cue.end, trigger.start):
            return True
    return False


def _recalled(cand: Candidate, published: dt.date | None) -> bool:
    """An event dated more than a few days before the article (settings:
    events.recalled_after_days) is background it recalls ("in July 2021 the authorities
    arrested ...", "on 28 September gunmen shelled ..."), not news it reports."""
    if published is None or cand.date is None:
        return False
    return (published - cand.date.date_to).days > SETTINGS.events.recalled_after_days


def _over_a_stretch(cand: Candidate) -> bool:
    """Dated only by a stretch longer than a few weeks (a month, "last year", "since April"):
    no day, no news ("its advance in Omdurman last year")."""
    return cand.date is not None and _days(cand.date) > SETTINGS.events.widest_range_days


def _running_total(cand: Candidate, sentence: SentenceMentions, published: dt.date | None) -> bool:
    """ "أعلنت وزارة الصحة مقتل 120 شخصا جراء القصف منذ أمس": a toll over a whole region
    (or nowhere named) counted since a day before the article's, in its own clause, is a
    running total of many strikes, no one event (not "منذ فجر اليوم": the day's round-up)."""
    here = cand.place_choice
    if not (cand.fatalities or cand.injuries) or published is None:
        return False
    if here is not None and rank(here) > _GOVERNORATE_RANK:
        return False
    clause = sentence.clause_of(cand.trigger_span.start)
    return any(
        d.span is not None
        and clause.holds(d.span.start)
        and since(sentence, d)
        and d.date_from < published
        for d in sentence.dates
    )


def _days(date: DateRange) -> int:
    return (date.date_to - date.date_from).days
