"""The event stage: from a document's mentions to dated, placed, evidenced events.

For each clause with a trigger it builds a candidate event (one per event type), takes its
roles from rasd.events.roles and its toll from rasd.events.casualties, and its date and
place from the sentence or the text before it. Candidates that are the same actor doing the
same kind of thing at the same place on the same day are merged; headlines, references back
and recalled background add to events without making their own.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from rasd.annotate.geocode import PlaceMention, to_location
from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.events.casualties import count_casualties
from rasd.events.roles import (
    DISRUPTED,
    STATE_KINDS,
    Mention,
    assign_roles,
    is_armed,
    is_civilian,
    is_crowd,
    strength,
)
from rasd.knowledge.actors import ActorDictionary, ActorMention
from rasd.knowledge.gazetteer import Place, haversine_km
from rasd.knowledge.lexicon import Trigger, Weapon
from rasd.model import Actor, DateRange, Document, Event, Span
from rasd.text.matcher import PhraseMatch

VIOLENT_PRECEDENCE = [
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Riots",
]
CROWD_PRECEDENCE = ["Riots", "Protests"]
# How specific a kind of place is: an event goes to the most specific place its clause names.
_SPECIFICITY = {
    "country": 0,
    "sea": 0,
    "admin1": 1,
    "region": 1,
    "admin2": 2,
    "admin3": 3,
    "city": 4,
    "town": 5,
    "village": 6,
    "neighbourhood": 6,
}
_FACILITY = 7  # a base, an airport, a field, a crossing, a camp: the most specific of all

VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
# PLOVER type of an event whose type was changed from its trigger's (an interception that
# turned out to be an attack, a crowd's storming that is a riot)
_PLOVER = {
    "Battles": "ASSAULT",
    "Explosions/Remote violence": "ASSAULT",
    "Violence against civilians": "ASSAULT",
    "Protests": "PROTEST",
    "Riots": "PROTEST",
    "Strategic developments": "COERCE",
}
LOOTING = "Looting/property destruction"
_SAME_PLACE_KM = 12.0
RECALLED_AFTER_DAYS = 30
_HEADLINE_KM = 50.0
_OTHER_PLACE_KM = 3.0  # two names this far apart in one list are two places


@dataclass
class Candidate:
    """An event while it is being built; becomes an :class:`Event`."""

    trigger_span: Span
    sentence: int
    clause: int
    event_type: str
    sub_event_type: str
    plover: str
    weak: bool
    actor1: Mention | None = None
    actor2: Mention | None = None
    claimed_by: ActorMention | None = None
    denied_by: ActorMention | None = None
    date: DateRange | None = None
    date_explicit: bool = False
    place: PlaceMention | None = None
    place_choice: Place | None = None
    place_explicit: bool = False
    anchored: bool = False  # its own sentence names its place or its date
    # A headline restates the body: until one body report has been merged into it, it merges
    # more loosely (a headline's "near Qamishli" is the body's village road).
    title_only: bool = False
    referred: bool = False  # told as background to something else: it adds, never makes one
    headline_toll: int | None = None  # deaths a headline gives, used when the body gives none
    fatalities: int | None = None
    injuries: int | None = None
    weapons: list[str] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)


def build_events(
    doc: Document, sentences: list[SentenceMentions], actors: ActorDictionary
) -> list[Event]:
    published = (doc.published or dt.datetime.now(dt.UTC)).date()
    candidates: list[Candidate] = []
    context = _Context(published)
    context.country = _main_country(sentences)
    for sentence in sentences:
        candidates.extend(_sentence_candidates(doc, sentence, context))
        context.update(sentence)
    # A sentence that names neither place nor date (a subheading, a follow-up) adds to the
    # events it repeats, but does not make one of its own.
    merged = _restated_headlines_dropped([c for c in _merge(candidates) if c.anchored])
    _inherit_actors(merged)
    places = Counter(p.place.country for s in sentences for p in s.places if p.place)
    merged = [c for c in merged if not _stray(c, places) and not _recalled(c, published)]
    return [_to_event(c, doc, actors) for c in merged if c.place_choice is not None]


# ---------------------------------------------------------------- context


class _Context:
    """What the text so far has established: the last date and the places in focus."""

    def __init__(self, published: dt.date) -> None:
        self.published = published
        self.date: DateRange | None = None
        self.place: PlaceMention | None = None  # the last specific place named
        self.region: PlaceMention | None = None  # the last governorate named
        self.lead: PlaceMention | None = None  # the first specific place of the article
        self.report_date: DateRange | None = None  # the day the article reports on
        self.country: str | None = None  # where most of the article's places are

    def update(self, sentence: SentenceMentions) -> None:
        if sentence.cue("background"):
            return
        dates = [d for d in sentence.dates if d.precision <= 2 and not _date_line(sentence, d)]
        if dates:
            self.date = dates[-1]
            if self.report_date is None and dates[0].precision == 1:
                self.report_date = dates[0]
        places = _event_places(sentence, sentence.places)
        if not places:
            return
        best = _most_specific(sentence, places)[0]
        if _rank(best.place) >= 2:
            self.place = best
            self.lead = self.lead or best
        else:
            self.region = best
            self.place = None

    def homonym(self, mention: PlaceMention) -> bool:
        """ "حي الرميلة" in a Raqqa report read as Iraq's Rumaila oil field: a place in another
        country than the article's, of another kind than its cue word announces."""
        place = mention.place
        if self.country is None or place.country in (None, self.country) or not mention.cue:
            return False
        return _settled(mention.cue) and not _settled(place.kind)

    def fallback_date(self, sentence: SentenceMentions) -> DateRange | None:
        """A new item of a round-up ("محافظة إدلب: ...", "- ...") is dated by the report."""
        if sentence.is_bullet or sentence.is_section:
            return self.report_date or self.date
        return self.date

    def fallback_place(self, sentence: SentenceMentions) -> PlaceMention | None:
        if sentence.is_bullet:
            return self.region or self.lead
        return self.place or self.region or self.lead


def _inherit_actors(events: list[Candidate]) -> None:
    """ "Israeli jets struck the port. Another strike hit the power station.": a strike whose
    sentence names no attacker is taken to be the same attacker's, when the article has named
    one for that kind of event; an event that names its own attacker becomes the new one."""
    last: dict[str, Mention] = {}
    for cand in sorted(events, key=lambda c: c.sentence):
        if cand.event_type not in ("Explosions/Remote violence", "Battles"):
            continue
        if strength(cand.actor1) == 2:
            last[cand.event_type] = cand.actor1
        elif cand.actor1 is None and cand.event_type in last:
            inherited = last[cand.event_type]
            if strength(cand.actor2) < 2 or cand.actor2.entry.id != inherited.entry.id:
                cand.actor1 = inherited


def _date_line(sentence: SentenceMentions, date: DateRange) -> bool:
    """A line that is nothing but a date ("ديسمبر 26, 2023") dates the page, not an event."""
    return date.span is not None and len(date.span.text) >= 0.6 * len(sentence.text.strip())


# ---------------------------------------------------------------- candidates


def _sentence_candidates(
    doc: Document, sentence: SentenceMentions, context: _Context
) -> list[Candidate]:
    if not sentence.triggers and not sentence.cue("intercept") and not sentence.cue("killed"):
        return []
    out: list[Candidate] = []
    for number, clause in enumerate(sentence.clauses):
        triggers = [t for t in sentence.triggers if clause.holds(t.start)]
        triggers = triggers or _interception(sentence, clause) or _killing(sentence, clause)
        triggers = [t for t in triggers if not _hypothetical(sentence, t)]
        told = [t for t in triggers if not _referred_to(sentence, t)]
        referred = [t for t in triggers if _referred_to(sentence, t)]
        for kind, group in _group_by_type(sentence, clause, told):
            out.extend(_build(doc, sentence, clause, number, kind, group, context))
        # "after the clashes in Jaramana, which killed nine": adds to that event, makes none
        for kind, group in _group_by_type(sentence, clause, referred):
            for cand in _build(doc, sentence, clause, number, kind, group, context):
                cand.referred, cand.anchored = True, False
                out.append(cand)
    return out


def _interception(sentence: SentenceMentions, clause: Clause) -> list[PhraseMatch[Trigger]]:
    """ "اعترضت دفاعاته الجوية ثلاثة صواريخ": an interception word and a weapon in one clause
    are an interception even when no trigger phrase spans both."""
    cues = [c for c in sentence.cue("intercept") if clause.holds(c.start)]
    weapons = [w for w in sentence.weapons if clause.holds(w.start)]
    if not cues or not weapons or _impact(sentence):
        return []
    cue = cues[0]
    trigger = Trigger(cue.payload, STRATEGIC, DISRUPTED, "COERCE", "active")
    return [PhraseMatch(cue.first, cue.last, cue.start, cue.end, trigger)]


def _killing(sentence: SentenceMentions, clause: Clause) -> list[PhraseMatch[Trigger]]:
    """ "قتل مسلحون مجهولون ثلاثة مدنيين": a killing word with the killers right after it is an
    attack even when no trigger phrase spans both."""
    for cue in sentence.cue("killed"):
        if not clause.holds(cue.start):
            continue
        killers = [
            a
            for a in sentence.actors
            if a.span.start >= cue.end
            and sentence.words_between(cue.end, a.span.start) == 0
            and a.entry.kind not in ("civilians", "protesters")
        ]
        if killers:
            trigger = Trigger(cue.payload, VAC, "Attack", "ASSAULT", "active")
            return [PhraseMatch(cue.first, cue.last, cue.start, cue.end, trigger)]
    return []


def _hypothetical(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """Background, a threat, a plan, a negated report or a reference to an event told
    elsewhere: no event of its own."""
    clause = sentence.clause_of(trigger.start)
    for cue in sentence.cue("background"):  # "in recent weeks ... dozens of attacks"
        if clause.holds(cue.start) and _words_apart(sentence, cue, trigger) <= 10:
            return True
    return _cue_before(sentence, trigger, (("future", 6), ("negation", 1), ("rumour", 20)))


def _referred_to(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """An event the sentence refers back to ("after the shelling", "to protest the raid")."""
    return _cue_before(sentence, trigger, (("reference", 2), ("after", 0)))


def _cue_before(
    sentence: SentenceMentions, trigger: PhraseMatch[Trigger], cues: tuple[tuple[str, int], ...]
) -> bool:
    """One of the cues stands before the trigger in its clause, at most ``reach`` words off."""
    clause = sentence.clause_of(trigger.start)
    for name, reach in cues:
        for cue in sentence.cue(name):
            if cue.end <= trigger.start and clause.holds(cue.start):
                if sentence.words_between(cue.end, trigger.start) <= reach:
                    return True
    return False


def _words_apart(sentence: SentenceMentions, a: PhraseMatch, b: PhraseMatch) -> int:
    if a.end <= b.start:
        return sentence.words_between(a.end, b.start)
    if b.end <= a.start:
        return sentence.words_between(b.end, a.start)
    return 0


def _intercepted(sentence: SentenceMentions) -> bool:
    """Munitions stopped by air defences, none said to have landed."""
    return bool(sentence.cue("intercept")) and not _impact(sentence)


def _impact(sentence: SentenceMentions) -> bool:
    """Some munitions landed ("سقط صاروخ"), not merely "no damage was reported"."""
    return any(
        not any(
            n.end <= c.start and sentence.words_between(n.end, c.start) <= 4
            for n in sentence.cue("negation") + sentence.cue("no_casualties")
        )
        for c in sentence.cue("impact")
    )


def _group_by_type(
    sentence: SentenceMentions, clause: Clause, triggers: list[PhraseMatch[Trigger]]
) -> list[tuple[str, list[PhraseMatch[Trigger]]]]:
    """The triggers of one clause, grouped by the event they announce: (event type, triggers).
    One violent act per clause: the precedence list decides between types, and a type named
    by a strong word beats one named only by weak words ("هجوم ... برصاص" is a shooting)."""
    by_type: dict[str, list[PhraseMatch[Trigger]]] = {}
    for trigger in triggers:
        by_type.setdefault(_kind(trigger.payload, sentence), []).append(trigger)
    explosive = any(w.payload.sub_event_type for w in sentence.weapons if clause.holds(w.start))
    for order in (VIOLENT_PRECEDENCE, CROWD_PRECEDENCE):
        present = [t for t in order if t in by_type]
        # strong words first; of weak ones, an explosion when an explosive weapon is named
        present.sort(
            key=lambda t: (
                all(x.payload.weak for x in by_type[t]),
                not (explosive and t == "Explosions/Remote violence"),
            )
        )
        for loser in present[1:]:
            by_type[present[0]].extend(by_type.pop(loser))
    if "Explosions/Remote violence" in by_type:
        by_type.pop("Protests", None)  # "a strike on the sit-in": the protest is the setting
    arrests = any(t.payload.sub_event_type == "Arrests" for t in by_type.get(STRATEGIC, []))
    if arrests and VAC in by_type and _all_sub(by_type[VAC], "Abduction/forced disappearance"):
        del by_type[VAC]  # "arrested three and took them to an unknown place": one arrest
    if "Protests" in by_type and not _protest_named(sentence, by_type["Protests"]):
        del by_type["Protests"]  # tear gas or batons with no crowd in sight: not a protest
    violent = next((by_type[t] for t in VIOLENT_PRECEDENCE if t in by_type), None)
    strategic = by_type.get("Strategic developments", [])
    if (
        violent is not None
        and strategic
        and all(t.payload.sub_event_type == LOOTING for t in strategic)
    ):
        violent.extend(by_type.pop("Strategic developments"))  # "attacked and burned homes"
    groups = []
    for kind, group in by_type.items():
        agreement = _all_sub(group, "Agreement")
        if all(t.payload.weak for t in group) and kind == STRATEGIC and agreement:
            continue  # "a truce", "a deal" named in passing: no agreement was made here
        groups.append((kind, sorted(group, key=lambda t: t.start)))
    return groups


def _all_sub(triggers: list[PhraseMatch[Trigger]], sub_event_type: str) -> bool:
    return all(t.payload.sub_event_type == sub_event_type for t in triggers)


def _protest_named(sentence: SentenceMentions, triggers: list[PhraseMatch[Trigger]]) -> bool:
    """A protest is named by a protest word, or by the crowd that force was used on."""
    peaceful = any(t.payload.sub_event_type == "Peaceful protest" for t in triggers)
    return peaceful or any(is_crowd(a) for a in sentence.actors)


def _kind(trigger: Trigger, sentence: SentenceMentions) -> str:
    if trigger.sub_event_type == DISRUPTED and _impact(sentence):
        return "Explosions/Remote violence"  # some munitions landed: the attack is the event
    if trigger.event_type == "Explosions/Remote violence" and _intercepted(sentence):
        return "Strategic developments"
    return trigger.event_type


def _build(
    doc: Document,
    sentence: SentenceMentions,
    clause: Clause,
    clause_number: int,
    event_type: str,
    triggers: list[PhraseMatch[Trigger]],
    context: _Context,
) -> list[Candidate]:
    own = [t for t in triggers if _kind(t.payload, sentence) == event_type] or triggers
    head = next((t for t in own if not t.payload.weak), own[0])  # names the type
    first = triggers[0]  # the verb nearest the subject: roles are read around it
    trig = head.payload
    sub_type = trig.sub_event_type
    weapons = [w for w in sentence.weapons if clause.holds(w.start)]
    if event_type == "Strategic developments" and trig.event_type != event_type:
        sub_type = DISRUPTED
    elif event_type == "Explosions/Remote violence":
        weapon_types = [w.payload.sub_event_type for w in weapons if w.payload.sub_event_type]
        if weapon_types and (trig.weak or trig.event_type != event_type):
            sub_type = weapon_types[0]
        elif trig.event_type != event_type:
            sub_type = "Shelling/artillery/missile attack"
    cand = Candidate(
        trigger_span=Span(head.start, head.end, doc.text[head.start : head.end]),
        sentence=sentence.index,
        clause=clause_number,
        event_type=event_type,
        sub_event_type=sub_type,
        plover=trig.plover if trig.event_type == event_type else _PLOVER[event_type],
        weak=head.payload.weak,
        weapons=sorted({w.payload.weapon for w in weapons}),
        title_only=sentence.is_title,
    )
    cand.evidence["trigger"] = cand.trigger_span
    roles = assign_roles(sentence, clause, first, event_type, sub_type, doc.language == "en")
    cand.actor1, cand.actor2, cand.claimed_by, cand.denied_by = roles
    for role, mention in (("actor1", roles.actor1), ("actor2", roles.actor2)):
        if mention is not None:
            cand.evidence[role] = mention.span
    _recode_by_actors(
        cand, weapons, bool([c for c in sentence.cue("civilian_target") if clause.holds(c.start)])
    )
    _fill_date(sentence, clause, cand, context)
    if _can_kill(cand):
        cand.fatalities, cand.injuries = count_casualties(sentence, clause)
        if sentence.is_title:  # a headline may sum up a day's toll: only a fallback
            cand.headline_toll, cand.fatalities, cand.injuries = cand.fatalities, None, None
    if cand.weak and not _confirmed(cand):
        return []
    mentions, explicit = _places_for(sentence, clause, context, head.start)
    if event_type == "Protests":
        mentions = _protest_sites(sentence, clause) or mentions
    mentions = [m for m in mentions if m is not None]
    if len(mentions) > 1:  # "attacks on Huwara, Za'tara and Burin killed one": whose toll?
        cand.fatalities = cand.injuries = cand.headline_toll = None
    return [_with_place(cand, mention, explicit) for mention in mentions]


def _recode_by_actors(
    cand: Candidate, weapons: list[PhraseMatch[Weapon]], civilian_target: bool
) -> None:
    """Who did it to whom decides between types the trigger leaves open."""
    explosive = any(w.payload.sub_event_type for w in weapons)
    if cand.event_type in ("Battles", "Violence against civilians") and is_crowd(cand.actor1):
        # a crowd storming, burning or beating is a riot, not a battle
        cand.event_type, cand.sub_event_type, cand.plover = (
            "Riots",
            "Violent demonstration",
            "PROTEST",
        )
    elif cand.event_type == "Riots" and is_armed(cand.actor1):
        # an armed group burning and beating is attacking civilians, not rioting
        cand.event_type, cand.sub_event_type, cand.plover = VAC, "Attack", "ASSAULT"
    elif cand.event_type == "Explosions/Remote violence" and cand.weak and not explosive:
        # "an attack" with no explosive named: on civilians it is violence against them
        # (armies and air forces strike from afar: their "attacks" stay explosions)
        militia = is_armed(cand.actor1) and cand.actor1.entry.kind not in STATE_KINDS
        if militia and (is_civilian(cand.actor2) or (cand.actor2 is None and civilian_target)):
            cand.event_type, cand.sub_event_type = VAC, "Attack"


def _confirmed(cand: Candidate) -> bool:
    """A weak trigger ("attack", "targeted") makes an event only with something to back it:
    a weapon, a casualty, or a known actor."""
    if cand.event_type == STRATEGIC and cand.sub_event_type != DISRUPTED:
        return strength(cand.actor1) == 2  # "forces withdrew": which forces?
    known = cand.actor1 is not None and cand.actor1.entry is not None
    return bool(cand.weapons) or cand.fatalities is not None or known


# ---------------------------------------------------------------- roles


# ---------------------------------------------------------------- date


def _fill_date(
    sentence: SentenceMentions, clause: Clause, cand: Candidate, context: _Context
) -> None:
    in_clause = [d for d in sentence.dates if d.span and clause.holds(d.span.start)]
    own = in_clause or sentence.dates
    if own:
        # a day the event happened on beats a day something has gone on since
        best = min(
            own,
            key=lambda d: (_since(sentence, d), abs(d.span.start - cand.trigger_span.start)),
        )
        if _since(sentence, best):  # "since Saturday evening": from then to publication
            best = DateRange(best.date_from, context.published, 2, best.span)
        cand.date, cand.date_explicit = best, True
        cand.evidence["date"] = best.span
    elif context.fallback_date(sentence) is not None:
        cand.date = context.fallback_date(sentence)
        cand.evidence["date"] = cand.date.span
    else:
        cand.date = DateRange(context.published, context.published, precision=2)


def _since(sentence: SentenceMentions, date: DateRange) -> bool:
    return any(
        c.end <= date.span.start and sentence.words_between(c.end, date.span.start) == 0
        for c in sentence.cue("since")
    )


# ---------------------------------------------------------------- casualties


def _can_kill(cand: Candidate) -> bool:
    """Deaths in the sentence of an arrest, a truce or a peaceful protest belong to some
    other event."""
    peaceful = (
        cand.event_type == "Protests"
        and cand.sub_event_type != "Excessive force against protesters"
    )
    return not peaceful and cand.event_type != "Strategic developments"


# ---------------------------------------------------------------- place


def _rank(place: Place) -> int:
    return _SPECIFICITY.get(place.kind, _FACILITY)


def _event_places(sentence: SentenceMentions, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Places an event can be at: resolved, not a whole country, not a destination."""
    return [
        m
        for m in mentions
        if m.place is not None
        and m.place.kind != "country"
        and not _after_destination(sentence, m)
        and not _part_of_next(sentence, m)
    ]


def _part_of_next(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "أشرفية صحنايا": a name right before a town's name is a part of that town (and read
    alone it may be a namesake elsewhere)."""
    return any(
        other is not mention
        and other.place is not None
        and _rank(other.place) >= _SPECIFICITY["city"]
        and other.span.start > mention.span.end
        and sentence.text[
            mention.span.end - sentence.start : other.span.start - sentence.start
        ].strip()
        == ""
        and not other.span.text.startswith("و")  # "قسرك وخراب الجير": a list, not a part
        for other in sentence.places
    )


def _places_for(
    sentence: SentenceMentions, clause: Clause, context: _Context, near: int
) -> tuple[list[PlaceMention | None], bool]:
    """The place(s) of an event and whether its own sentence names them: the most specific
    ones its clause names, else the sentence's, else the place in focus. Places of the same
    rank named side by side make one event each."""
    for scope in ([p for p in sentence.places if clause.holds(p.span.start)], sentence.places):
        usable = [m for m in _event_places(sentence, scope) if not context.homonym(m)]
        if usable:
            return _most_specific(sentence, usable, near), True
    fallback = context.fallback_place(sentence)
    if fallback is None:  # "shot down before reaching the base": the destination is all there is
        usable = [p for p in sentence.places if p.place is not None and p.place.kind != "country"]
        if usable:
            return _most_specific(sentence, usable, near), True
    return [fallback], False


def _most_specific(
    sentence: SentenceMentions, mentions: list[PlaceMention], near: int | None = None
) -> list[PlaceMention]:
    """The most specific places; several when the sentence lists them (\"A، B و C\")."""

    def score(m: PlaceMention) -> int:
        # a place the event is in ("في جبل الزاوية") beats one it is only told relative to
        # ("جنوبي إدلب"), unless that is all there is
        return _rank(m.place) - _relative_penalty(m)

    top = max(score(m) for m in mentions)
    best = [m for m in mentions if score(m) == top]
    if near is not None:  # of equals, the one nearest the trigger, after it rather than before
        best.sort(key=lambda m: (m.span.start < near, abs(m.span.start - near)))
    listed = _listed(sentence, [m for m in mentions if _rank(m.place) >= 4], best[0])
    return listed if len(listed) > 1 else [best[0]]


def _protest_sites(sentence: SentenceMentions, clause: Clause) -> list[PlaceMention]:
    """ "Protests came out in Idlib, in Kafr Takharim and in al-Atarib": each town named in
    the clause is a protest of its own (reference points like "north-west of Idlib" are not)."""
    towns = [
        m
        for m in _event_places(sentence, [p for p in sentence.places if clause.holds(p.span.start)])
        if m.geo_precision == 1 and _rank(m.place) >= 3  # a town, or the sub-district of one
    ]
    # "حي الحسينية شمالي بغداد": the city is where the quarter is, not a second protest
    towns = [
        m
        for m in towns
        if _rank(m.place) > _SPECIFICITY["city"]
        or not any(_rank(o.place) > _rank(m.place) and _km(o.place, m.place) < 25 for o in towns)
    ]
    distinct = _distinct(towns)
    return distinct if len(distinct) > 1 else []


def _listed(
    sentence: SentenceMentions, mentions: list[PlaceMention], anchor: PlaceMention
) -> list[PlaceMention]:
    """The places named side by side with ``anchor`` ("قاعدة A، قاعدة B ومطار C"), each far
    enough from the others to be a separate event."""
    runs: list[list[PlaceMention]] = []
    for m in sorted(mentions, key=lambda m: m.span.start):
        if runs and _list_step(sentence, runs[-1][-1], m):
            runs[-1].append(m)
        else:
            runs.append([m])
    run = next((r for r in runs if anchor in r), [anchor])
    return _distinct([m for m in run if m.geo_precision == 1])


def _list_step(sentence: SentenceMentions, a: PlaceMention, b: PlaceMention) -> bool:
    """B follows A in a list ("A، B", "A و B", "A and B"), not as where A lies ("A في B")."""
    if sentence.words_between(a.span.end, b.span.start) > 2:
        return False
    between = sentence.text[a.span.end - sentence.start : b.span.start - sentence.start]
    words = between.split()
    joined = sentence.text[b.span.start - sentence.start] == "و" or any(
        w == "and" or w.startswith("و") for w in words
    )
    return joined or any(mark in between for mark in ("،", ",", ":", "("))


def _distinct(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions of different places (a second name for the same spot does not count)."""
    out: list[PlaceMention] = []
    for m in mentions:
        if all(_apart(m.place, o.place) for o in out):
            out.append(m)
    return out


def _apart(a: Place, b: Place) -> bool:
    """Two villages 5 km apart are two places; a quarter 5 km from a city's centre is in it."""
    if a.id == b.id:
        return False
    town_level = min(_rank(a), _rank(b)) >= _SPECIFICITY["town"]
    return _km(a, b) > (_OTHER_PLACE_KM if town_level else _SAME_PLACE_KM)


def _relative_penalty(mention: PlaceMention) -> int:
    """How far a mention stands from where the event was: "west of X" names a reference point
    (4), "the countryside of X" a wide area (1); "near X" and X itself name the place (0)."""
    relation = mention.relation or ""
    if (
        any(side in relation for side in ("north", "south", "east", "west"))
        and "countryside" not in relation
    ):
        return 4
    return 1 if mention.geo_precision == 3 else 0


def _km(a: Place, b: Place) -> float:
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def _after_destination(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "نقل جنودها إلى قاعدتي قسرك والحسكة": where forces went, not where it happened. (Where
    rockets went is where they struck: "صواريخ من جنوب لبنان باتجاه المطلة".)"""
    return any(
        cue.end <= place.span.start
        and sentence.words_between(cue.end, place.span.start) <= 4
        and not _launched_at(sentence, cue)
        for cue in sentence.cue("destination")
    )


def _launched_at(sentence: SentenceMentions, cue: PhraseMatch[str]) -> bool:
    return any(
        w.end <= cue.start and sentence.words_between(w.end, cue.start) <= 4
        for w in sentence.weapons
    )


def _with_place(base: Candidate, mention: PlaceMention | None, explicit: bool) -> Candidate:
    cand = replace(base, evidence=dict(base.evidence))
    if mention is not None and mention.place is not None:
        cand.place, cand.place_choice, cand.place_explicit = mention, mention.place, explicit
        cand.evidence["location"] = mention.span
    cand.anchored = explicit or cand.date_explicit
    return cand


# ---------------------------------------------------------------- merging


def _merge(candidates: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in candidates:
        for kept in out:
            if _same_event(kept, cand):
                _absorb(kept, cand)
                break
        else:
            out.append(cand)
    return out


def _same_event(a: Candidate, b: Candidate) -> bool:
    """The same actor doing the same kind of thing at the same place on the same day."""
    if a.event_type != b.event_type or a.place_choice is None or b.place_choice is None:
        return False
    if a.sentence == b.sentence and a.clause == b.clause and a.place is not b.place:
        return False  # the clause named these places one by one: one event each
    if a.sentence == b.sentence and a.clause != b.clause and (a.actor1 or b.actor1):
        if not _same_named_actor(a, b):
            return False  # "X was hit by rockets, while Turkish shelling hit Y": two events
    if not _same_place(a.place, b.place, a.title_only or b.title_only):
        return False
    if a.date and b.date and a.date_explicit and b.date_explicit:
        # reports of one strike often differ by a day ("overnight", "today"): allow that
        # when the same named actor did it, or when one of them is the headline
        slack = dt.timedelta(
            days=1 if _same_named_actor(a, b) or a.title_only or b.title_only else 0
        )
        if a.date.date_to + slack < b.date.date_from or b.date.date_to + slack < a.date.date_from:
            return False
    x, y = a.actor1, b.actor1
    return x is None or y is None or strength(x) < 2 or strength(y) < 2 or x.entry.id == y.entry.id


def _restated_headlines_dropped(events: list[Candidate]) -> list[Candidate]:
    """A headline event the body tells as another kind ("مجزرة" for an air strike at the same
    place and time) is the body's event, said differently: the body's reading stands."""
    body = [c for c in events if not c.title_only]

    def near(title: Candidate, c: Candidate) -> bool:
        return (
            c.place_choice is not None
            and title.date is not None
            and c.date is not None
            and _km(title.place_choice, c.place_choice) <= _HEADLINE_KM
            and abs((title.date.date_from - c.date.date_from).days) <= 1
        )

    def restated(title: Candidate) -> bool:
        nearby = [c for c in body if near(title, c)]
        return bool(nearby) and all(c.event_type != title.event_type for c in nearby)

    return [c for c in events if not c.title_only or c.place_choice is None or not restated(c)]


def _recalled(cand: Candidate, published: dt.date) -> bool:
    """An event over a month older than the article is background it recalls ("in July
    2021 the authorities arrested ..."), not news it reports."""
    return cand.date is not None and (published - cand.date.date_to).days > RECALLED_AFTER_DAYS


def _stray(cand: Candidate, countries: Counter[str | None]) -> bool:
    """A place named once, with no cue word, in another country than the rest of the
    article's places (``countries``: how often each is named): most likely a homonym
    ("الرميلة", a Raqqa quarter, read as Iraq's oil field)."""
    mention = cand.place
    if mention is None or mention.cue or mention.place.country is None:
        return False
    main = max(sorted(countries, key=str), key=countries.__getitem__)  # ties: by name
    mine = mention.place.country
    return mine != main and countries[main] >= 3 and countries[mine] == 1


def _main_country(sentences: list[SentenceMentions]) -> str | None:
    """The country the article's places and actors name most often."""
    named = [p.place.country for s in sentences for p in s.places if p.place and p.place.country]
    named += [a.entry.country for s in sentences for a in s.actors if a.entry.country]
    return max(sorted(set(named)), key=named.count) if named else None


def _settled(kind: str) -> bool:
    """Is it a kind of settlement or a part of one (rather than a site or an area)?"""
    return kind in ("city", "town", "village", "neighbourhood", "admin3")


def _same_place(a: PlaceMention, b: PlaceMention, loose: bool = False) -> bool:
    """Within a few km (a headline's "near X": within 50), or one is a governorate-wide
    mention ("ريف حلب") holding the other."""
    reach = _HEADLINE_KM if loose else _SAME_PLACE_KM
    if a.place.id == b.place.id or _km(a.place, b.place) <= reach:
        return True
    for wide, point in ((a, b), (b, a)):
        if _rank(wide.place) <= 1 or wide.geo_precision == 3:
            if wide.place.admin1 and wide.place.admin1 == point.place.admin1:
                return True
    return False


# Of two reports of one protest, the one that says the crowd met force says more.
_PROTEST_SEVERITY = [
    "Peaceful protest",
    "Protest with intervention",
    "Excessive force against protesters",
]


def _severity(cand: Candidate) -> int:
    if cand.sub_event_type in _PROTEST_SEVERITY:
        return _PROTEST_SEVERITY.index(cand.sub_event_type)
    return 0


def _same_named_actor(a: Candidate, b: Candidate) -> bool:
    x, y = a.actor1, b.actor1
    return strength(x) == 2 and strength(y) == 2 and x.entry.id == y.entry.id


def _absorb(kept: Candidate, other: Candidate) -> None:
    kept.anchored = kept.anchored or other.anchored
    kept.title_only = kept.title_only and other.title_only
    for role in ("actor1", "actor2", "claimed_by", "denied_by"):
        mine, theirs = getattr(kept, role), getattr(other, role)
        if theirs is not None and (mine is None or strength(theirs) > strength(mine)):
            setattr(kept, role, theirs)
            if role in other.evidence:
                kept.evidence[role] = other.evidence[role]
    if other.date_explicit and kept.date_explicit and kept.date and other.date:
        start = max(kept.date.date_from, other.date.date_from)
        end = min(kept.date.date_to, other.date.date_to)
        if start <= end:
            kept.date = DateRange(
                start, end, max(1, min(kept.date.precision, other.date.precision))
            )
    elif other.date_explicit and not kept.date_explicit:
        kept.date, kept.date_explicit = other.date, True
        if "date" in other.evidence:
            kept.evidence["date"] = other.evidence["date"]
    if (kept.weak and not other.weak) or _severity(other) > _severity(kept):
        kept.sub_event_type, kept.weak = other.sub_event_type, other.weak
        kept.evidence["trigger"] = other.evidence["trigger"]
    if _rank(other.place_choice) > _rank(kept.place_choice):
        kept.place, kept.place_choice = other.place, other.place_choice
        kept.evidence["location"] = other.evidence.get("location", kept.evidence.get("location"))
    for attr in ("fatalities", "injuries", "headline_toll"):
        values = [v for v in (getattr(kept, attr), getattr(other, attr)) if v is not None]
        if values:
            setattr(kept, attr, max(values))
    kept.weapons = sorted(set(kept.weapons) | set(other.weapons))


# ---------------------------------------------------------------- output


# ACLED names the crowd of a protest or a riot by the event's country, whoever called it.
_CROWDS = {"Protests": "protesters", "Riots": "rioters"}


def _to_event(cand: Candidate, doc: Document, actors: ActorDictionary) -> Event:
    place = cand.place_choice
    location = to_location(cand.place)
    date = cand.date
    confidence = 0.4
    confidence += 0.15 if strength(cand.actor1) == 2 else 0.0
    confidence += 0.15 if cand.date_explicit else 0.0
    confidence += 0.15 if cand.place_explicit and location.geo_precision == 1 else 0.0
    confidence += 0.1 if not cand.weak else 0.0
    return Event(
        event_type=cand.event_type,
        sub_event_type=cand.sub_event_type,
        plover=cand.plover,
        date_from=date.date_from if date else None,
        date_to=date.date_to if date else None,
        time_precision=date.precision if date else 3,
        actor1=_crowd_actor(cand, place, actors) or _actor(cand.actor1, place.country),
        actor2=_actor(cand.actor2, place.country) or _arrested(cand, place, actors),
        claimed_by=_actor(cand.claimed_by, place.country),
        denied_by=_actor(cand.denied_by, place.country),
        location=location,
        fatalities=_deaths(cand) or 0,
        injuries=cand.injuries or 0,
        fatalities_known=_deaths(cand) is not None,
        weapons=cand.weapons,
        evidence={k: v for k, v in cand.evidence.items() if v is not None},
        sources=[doc.doc_id],
        confidence=min(confidence, 0.95),
        notes=doc.text[_sentence_bounds(doc, cand.trigger_span)].strip()[:300],
    )


def _arrested(cand: Candidate, place: Place, actors: ActorDictionary) -> Actor | None:
    """ACLED codes the people arrested as civilians unless the text names their group."""
    if cand.sub_event_type != "Arrests":
        return None
    entry = actors.by_id("civilians")
    country = place.country
    return Actor(entry.name_for(country), "", entry.id, entry.kind, country)  # implied, not named


def _deaths(cand: Candidate) -> int | None:
    return cand.fatalities if cand.fatalities is not None else cand.headline_toll


def _actor(mention: Mention | None, country: str | None) -> Actor | None:
    return mention.to_actor(country) if mention is not None else None


def _crowd_actor(cand: Candidate, place: Place, actors: ActorDictionary) -> Actor | None:
    """Protesters (Iraq) for a protest, Rioters (Iraq) for a riot, unless an armed group
    leads the violence."""
    crowd = _CROWDS.get(cand.event_type)
    if crowd is None or is_armed(cand.actor1) and cand.event_type == "Riots":
        return None
    entry = actors.by_id(crowd)
    span = cand.actor1.span if cand.actor1 else cand.trigger_span
    return ActorMention(span, entry, "alias").to_actor(place.country)


def _sentence_bounds(doc: Document, span: Span) -> slice:
    start = max(doc.text.rfind("\n", 0, span.start) + 1, 0)
    end = doc.text.find("\n", span.end)
    return slice(start, end if end != -1 else len(doc.text))
