"""The event stage: from a document's mentions to dated, placed, evidenced events.

For each clause with a trigger it builds a candidate event (one per event type), fills the
roles from the sentence's structure, the date and the place from the sentence or the text
before it, and the casualties from the numbers next to casualty words. Candidates that are
the same actor doing the same kind of thing at the same place on the same day are merged.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from rasd.actors import ActorMention
from rasd.gazetteer import Place, haversine_km
from rasd.geocode import PlaceMention
from rasd.lexicon import Trigger
from rasd.mentions import Clause, SentenceMentions
from rasd.model import Actor, DateRange, Document, Event, Location, Span
from rasd.text import PhraseMatch

# When one clause holds triggers of several violent types, the first type listed wins:
# "clashes and shelling" is a battle, "a strike killed two civilians" an explosion.
VIOLENT_PRECEDENCE = ["Battles", "Explosions/Remote violence", "Violence against civilians"]
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
}
_WINDOW = 4  # tokens between a casualty word and its number
_SAME_PLACE_KM = 12.0


@dataclass
class Candidate:
    """An event while it is being built; becomes an :class:`Event`."""

    trigger: Trigger
    trigger_span: Span
    sentence: int
    event_type: str
    sub_event_type: str
    plover: str
    weak: bool
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    claimed_by: ActorMention | None = None
    denied_by: ActorMention | None = None
    date: DateRange | None = None
    date_explicit: bool = False
    place: PlaceMention | None = None
    place_choice: Place | None = None
    place_explicit: bool = False
    fatalities: int | None = None
    injuries: int | None = None
    weapons: list[str] = field(default_factory=list)
    evidence: dict[str, Span] = field(default_factory=dict)


def build_events(doc: Document, sentences: list[SentenceMentions]) -> list[Event]:
    published = (doc.published or dt.datetime.now(dt.UTC)).date()
    candidates: list[Candidate] = []
    context = _Context(published)
    for sentence in sentences:
        found = _sentence_candidates(doc, sentence, context)
        candidates.extend(found)
        context.update(sentence)
    merged = _merge(candidates)
    return [_to_event(c, doc) for c in merged if c.place_choice is not None]


# ---------------------------------------------------------------- context


class _Context:
    """What the text so far has established: the last date and the places in focus."""

    def __init__(self, published: dt.date) -> None:
        self.published = published
        self.date: DateRange | None = None
        self.place: PlaceMention | None = None
        self.lead_place: PlaceMention | None = None
        self.paragraph = -1

    def update(self, sentence: SentenceMentions) -> None:
        dates = [d for d in sentence.dates if d.precision <= 2]
        if dates and not sentence.cue("background"):
            self.date = dates[-1]
        places = [p for p in sentence.places if p.place is not None]
        specific = [p for p in places if _rank(p.place) >= 2]
        if specific:
            self.place = specific[0]
            if self.lead_place is None:
                self.lead_place = specific[0]
        self.paragraph = sentence.paragraph


# ---------------------------------------------------------------- candidates


def _sentence_candidates(
    doc: Document, sentence: SentenceMentions, context: _Context
) -> list[Candidate]:
    if not sentence.triggers:
        return []
    explicit_dates = sentence.dates
    if sentence.cue("background") and not explicit_dates:
        return []
    out: list[Candidate] = []
    for clause in sentence.clauses:
        triggers = [t for t in sentence.triggers if clause.holds(t.start)]
        triggers = [t for t in triggers if not _hypothetical(sentence, t)]
        if not triggers:
            continue
        for group in _group_by_type(sentence, clause, triggers):
            out.extend(_build(doc, sentence, clause, group, context))
    return out


def _hypothetical(sentence: SentenceMentions, trigger: PhraseMatch[Trigger]) -> bool:
    """A threat, a plan or a denial: no event happened."""
    index = sentence.token_index(trigger.start)
    for name, reach in (("future", 6), ("negation", 2)):
        for cue in sentence.cue(name):
            cue_index = sentence.token_index(cue.start)
            if 0 <= index - cue_index <= reach and sentence.clause_of(cue.start).holds(
                trigger.start
            ):
                return True
    return False


def _group_by_type(
    sentence: SentenceMentions, clause: Clause, triggers: list[PhraseMatch[Trigger]]
) -> list[list[PhraseMatch[Trigger]]]:
    intercepted = bool(sentence.cue("intercept")) and not any(
        clause.holds(c.start) for c in sentence.cue("impact")
    )
    by_type: dict[str, list[PhraseMatch[Trigger]]] = {}
    for trigger in triggers:
        kind = trigger.payload.event_type
        if kind == "Explosions/Remote violence" and intercepted:
            kind = "Strategic developments"
        by_type.setdefault(kind, []).append(trigger)
    for order in (VIOLENT_PRECEDENCE, CROWD_PRECEDENCE):
        present = [t for t in order if t in by_type]
        for loser in present[1:]:
            by_type[present[0]].extend(by_type.pop(loser))
    if "Strategic developments" in by_type:
        strategic = by_type["Strategic developments"]
        disrupted = [t for t in strategic if t.payload.sub_event_type == "Disrupted weapons use"]
        if disrupted and not intercepted and "Explosions/Remote violence" in by_type:
            # munitions landed: the attack is the event, the interception a detail of it
            strategic[:] = [t for t in strategic if t not in disrupted]
            if not strategic:
                del by_type["Strategic developments"]
    return list(by_type.values())


def _build(
    doc: Document,
    sentence: SentenceMentions,
    clause: Clause,
    triggers: list[PhraseMatch[Trigger]],
    context: _Context,
) -> list[Candidate]:
    strong = [t for t in triggers if not t.payload.weak] or triggers
    head = strong[0]
    trig = head.payload
    event_type, sub_type = trig.event_type, trig.sub_event_type
    weapons = [w for w in sentence.weapons if clause.holds(w.start)] or sentence.weapons
    intercepted = event_type == "Explosions/Remote violence" and _is_interception(sentence, clause)
    if intercepted or any(t.payload.sub_event_type == "Disrupted weapons use" for t in triggers):
        event_type, sub_type = "Strategic developments", "Disrupted weapons use"
    elif event_type == "Explosions/Remote violence" and weapons:
        weapon_types = [w.payload.sub_event_type for w in weapons if w.payload.sub_event_type]
        if weapon_types and (trig.weak or all(t.payload.weak for t in triggers)):
            sub_type = weapon_types[0]
        elif weapon_types and sub_type not in weapon_types and trig.sub_event_type == "Other":
            sub_type = weapon_types[0]
    base = Candidate(
        trigger=trig,
        trigger_span=Span(head.start, head.end, doc.text[head.start : head.end]),
        sentence=sentence.index,
        event_type=event_type,
        sub_event_type=sub_type,
        plover=trig.plover if not intercepted else "COERCE",
        weak=all(t.payload.weak for t in triggers),
        weapons=sorted({w.payload.weapon for w in weapons}),
    )
    base.evidence["trigger"] = base.trigger_span
    _fill_roles(doc, sentence, clause, head, base, intercepted)
    _fill_date(sentence, clause, base, context)
    _fill_casualties(sentence, clause, base)
    if base.weak and base.actor1 is None and base.actor2 is None and not weapons:
        if base.fatalities is None and base.injuries is None:
            return []  # a bare "attack" with nobody and nothing named: too little to code
    mentions, explicit = _places_for(sentence, clause, context)
    return [_with_place(base, mention, explicit) for mention in mentions]


def _is_interception(sentence: SentenceMentions, clause: Clause) -> bool:
    return bool(sentence.cue("intercept")) and not sentence.cue("impact")


# ---------------------------------------------------------------- roles


def _fill_roles(
    doc: Document,
    sentence: SentenceMentions,
    clause: Clause,
    head: PhraseMatch[Trigger],
    cand: Candidate,
    intercepted: bool,
) -> None:
    reported = _reporters(sentence)
    actors = [a for a in sentence.actors if clause.holds(a.span.start) and a not in reported]
    if not actors:
        actors = [a for a in sentence.actors if a not in reported]
    t_index = sentence.token_index(head.start)
    t_end = sentence.token_index(head.end - 1) + 1

    def distance(a: ActorMention) -> int:
        i = sentence.token_index(a.span.start)
        return i - t_end if i >= t_end else t_index - sentence.token_index(a.span.end - 1) - 1

    before = [a for a in actors if a.span.end <= head.start]
    after = [a for a in actors if a.span.start >= head.end]
    agent = _after_cue(sentence, "passive_agent", actors)
    claimant = _after_cue(sentence, "claim", sentence.actors)
    denier = _after_cue(sentence, "denial", sentence.actors)
    voice = head.payload.voice
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    if voice == "passive":
        actor1 = agent or next((a for a in after if a.via == "adjective"), None)
        rest = [a for a in before + after if a is not actor1]
        actor2 = min(rest, key=distance) if rest else None
    elif voice == "noun":
        follows = [a for a in after if distance(a) <= 1]
        actor1 = agent or (follows[0] if follows else None)
        if actor1 is None and before and distance(before[-1]) <= 3:
            actor1 = before[-1]
        rest = [a for a in after if a is not actor1]
        actor2 = rest[0] if rest else None
    else:
        follows = [a for a in after if distance(a) <= 1]
        if follows:
            actor1 = follows[0]
        elif before:
            actor1 = before[-1]
        elif agent:
            actor1 = agent
        rest = [a for a in after if a is not actor1]
        actor2 = rest[0] if rest else None
    if actor1 is None and claimant is not None:
        actor1 = claimant
    if intercepted:
        # The defence that stopped the attack acts; the launcher is acted on.
        actor1, actor2 = _interceptor(sentence, actors) or actor2, actor1
    cand.actor1 = actor1
    cand.actor2 = actor2 if actor2 is not actor1 else None
    cand.claimed_by, cand.denied_by = claimant, denier
    for role, mention in (("actor1", actor1), ("actor2", actor2)):
        if mention is not None:
            cand.evidence[role] = mention.span


def _reporters(sentence: SentenceMentions) -> list[ActorMention]:
    """Actors named as the source of the report ("according to the army"), not as actors."""
    out = []
    for cue in sentence.cue("report"):
        cue_index = sentence.token_index(cue.end - 1)
        for actor in sentence.actors:
            if 0 < sentence.token_index(actor.span.start) - cue_index <= 2:
                out.append(actor)
    return out


def _after_cue(
    sentence: SentenceMentions, cue_name: str, actors: list[ActorMention]
) -> ActorMention | None:
    for cue in sentence.cue(cue_name):
        cue_index = sentence.token_index(cue.end - 1)
        for actor in actors:
            gap = sentence.token_index(actor.span.start) - cue_index
            if 0 < gap <= 3:
                return actor
    # "أعلنت X مسؤوليتها": the claimant stands between the verb and the word of the claim
    if cue_name == "claim":
        for cue in sentence.cue(cue_name):
            for actor in actors:
                if actor.span.end <= cue.start and sentence.token_index(cue.start) - sentence.token_index(actor.span.end - 1) <= 6:
                    return actor
    return None


def _interceptor(sentence: SentenceMentions, actors: list[ActorMention]) -> ActorMention | None:
    for cue in sentence.cue("intercept"):
        near = [a for a in actors if abs(a.span.start - cue.start) < 60]
        if near:
            return min(near, key=lambda a: abs(a.span.start - cue.start))
    return None


# ---------------------------------------------------------------- date


def _fill_date(
    sentence: SentenceMentions, clause: Clause, cand: Candidate, context: _Context
) -> None:
    in_clause = [d for d in sentence.dates if d.span and clause.holds(d.span.start)]
    own = in_clause or sentence.dates
    if own:
        best = min(own, key=lambda d: abs(d.span.start - cand.trigger_span.start))
        cand.date, cand.date_explicit = best, True
        cand.evidence["date"] = best.span
    elif context.date is not None:
        cand.date = context.date
        cand.evidence["date"] = context.date.span
    else:
        cand.date = DateRange(context.published, context.published, precision=2)


# ---------------------------------------------------------------- casualties


def _fill_casualties(sentence: SentenceMentions, clause: Clause, cand: Candidate) -> None:
    if sentence.cue("no_casualties"):
        cand.fatalities, cand.injuries = 0, 0
    used: set[int] = set()
    date_spans = [d.span for d in sentence.dates if d.span]
    numbers = [
        n
        for n in sentence.numbers
        if not any(s.start <= n.span.start < s.end for s in date_spans)
        and not _counts_things(sentence, n.span)
    ]
    for cue_name, attr in (("killed", "fatalities"), ("injured", "injuries")):
        total = None
        for cue in sentence.cue(cue_name):
            number = _number_near(sentence, cue, numbers, used)
            if number is None:
                value = 1 if _singular_victim(sentence, cue) else None
            else:
                used.add(number.span.start)
                value = None if number.vague else number.value
            if value is not None:
                total = max(total or 0, value)
        if total is not None:
            setattr(cand, attr, total)


def _counts_things(sentence: SentenceMentions, span: Span) -> bool:
    """A number that counts rockets, kilometres or days, not people."""
    for weapon in sentence.weapons:
        if 0 <= weapon.start - span.end <= 2:
            return True
    for cue in sentence.cue("unit"):
        if 0 <= cue.start - span.end <= 2:
            return True
    return False


def _number_near(sentence, cue, numbers, used):
    cue_first = sentence.token_index(cue.start)
    cue_last = sentence.token_index(cue.end - 1)
    best, best_gap = None, None
    for number in numbers:
        if number.span.start in used:
            continue
        n_first = sentence.token_index(number.span.start)
        n_last = sentence.token_index(number.span.end - 1)
        if n_first > cue_last:
            gap = n_first - cue_last
        else:
            gap = (cue_first - n_last) + 1  # a number after the cue is the likelier reading
        if 0 < gap <= _WINDOW + 2 and (best_gap is None or gap < best_gap):
            best, best_gap = number, gap
    return best


def _singular_victim(sentence: SentenceMentions, cue: PhraseMatch[str]) -> bool:
    """"قتل شاب", "a man was killed": a casualty word with a single victim and no number."""
    index = sentence.token_index(cue.end - 1) + 1
    if index >= len(sentence.tokens):
        return False
    word = sentence.tokens[index].norm
    if any(word.endswith(s) for s in ("ين", "ون", "ات", "ى")) or word in ("people", "civilians"):
        return False
    return word.isalpha() and len(word) > 2 and sentence.tokens[index].text not in ("في", "من")


# ---------------------------------------------------------------- place


def _rank(place: Place) -> int:
    return _SPECIFICITY.get(place.kind, 5)


def _places_for(
    sentence: SentenceMentions, clause: Clause, context: _Context
) -> tuple[list[PlaceMention | None], bool]:
    """The place(s) of an event and whether its own sentence names them: the most specific
    ones its clause names, else the sentence's, else the place in focus. A list of places of
    the same rank makes one event each."""
    destinations = {id(p) for p in sentence.places if _after_destination(sentence, p)}
    for scope in (
        [p for p in sentence.places if clause.holds(p.span.start)],
        sentence.places,
    ):
        usable = [p for p in scope if p.place is not None and id(p) not in destinations]
        if usable:
            return _most_specific(usable), True
    if context.place is not None:
        return [context.place], False
    usable = [p for p in sentence.places if p.place is not None]
    if usable:
        return _most_specific(usable), True
    return [context.lead_place], False


def _most_specific(mentions: list[PlaceMention]) -> list[PlaceMention]:
    top = max(_rank(m.place) - (m.geo_precision - 1) for m in mentions)
    best = [m for m in mentions if _rank(m.place) - (m.geo_precision - 1) == top]
    # places named side by side ("bases at A, B and C") are separate events
    distinct: list[PlaceMention] = []
    for mention in best:
        if all(
            haversine_km(mention.place.lat, mention.place.lon, o.place.lat, o.place.lon)
            > _SAME_PLACE_KM
            for o in distinct
        ):
            distinct.append(mention)
    if len(distinct) > 1 and top >= 4 and all(m.geo_precision == 1 for m in distinct):
        return distinct
    return [best[0]]


def _after_destination(sentence: SentenceMentions, place: PlaceMention) -> bool:
    index = sentence.token_index(place.span.start)
    for cue in sentence.cue("destination"):
        if 0 < index - sentence.token_index(cue.end - 1) <= 3:
            return True
    return False


def _with_place(base: Candidate, mention: PlaceMention | None, explicit: bool) -> Candidate:
    cand = replace(base, evidence=dict(base.evidence))
    if mention is not None and mention.place is not None:
        cand.place, cand.place_choice, cand.place_explicit = mention, mention.place, explicit
        cand.evidence["location"] = mention.span
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
    if a.event_type != b.event_type or a.place_choice is None or b.place_choice is None:
        return False
    pa, pb = a.place_choice, b.place_choice
    if pa.id != pb.id and haversine_km(pa.lat, pa.lon, pb.lat, pb.lon) > _SAME_PLACE_KM:
        return False
    if a.date and b.date and (a.date_explicit and b.date_explicit):
        if a.date.date_to < b.date.date_from or b.date.date_to < a.date.date_from:
            return False
    for role in ("actor1",):
        x, y = getattr(a, role), getattr(b, role)
        if x is not None and y is not None and x.entry.id != y.entry.id:
            return False
    return True


def _absorb(kept: Candidate, other: Candidate) -> None:
    for role in ("actor1", "actor2", "claimed_by", "denied_by"):
        mine, theirs = getattr(kept, role), getattr(other, role)
        if theirs is not None and (mine is None or (mine.entry.generic and not theirs.entry.generic)):
            setattr(kept, role, theirs)
            if role in other.evidence:
                kept.evidence[role] = other.evidence[role]
    if other.date_explicit and kept.date_explicit and kept.date and other.date:
        start = max(kept.date.date_from, other.date.date_from)
        end = min(kept.date.date_to, other.date.date_to)
        if start <= end:
            kept.date = DateRange(start, end, max(1, min(kept.date.precision, other.date.precision)))
    elif other.date_explicit and not kept.date_explicit:
        kept.date, kept.date_explicit = other.date, True
        if "date" in other.evidence:
            kept.evidence["date"] = other.evidence["date"]
    if kept.weak and not other.weak:
        kept.sub_event_type, kept.weak = other.sub_event_type, False
        kept.evidence["trigger"] = other.evidence["trigger"]
    if _rank(other.place_choice) > _rank(kept.place_choice):
        kept.place, kept.place_choice = other.place, other.place_choice
        kept.evidence["location"] = other.evidence.get("location", kept.evidence.get("location"))
    for attr in ("fatalities", "injuries"):
        values = [v for v in (getattr(kept, attr), getattr(other, attr)) if v is not None]
        if values:
            setattr(kept, attr, max(values))
    kept.weapons = sorted(set(kept.weapons) | set(other.weapons))


# ---------------------------------------------------------------- output


def _to_event(cand: Candidate, doc: Document) -> Event:
    place = cand.place_choice
    mention = cand.place
    location = Location(
        name=place.name,
        name_ar=place.name_ar,
        text=mention.text if mention else None,
        lat=place.lat,
        lon=place.lon,
        admin1=place.admin1,
        admin2=place.admin2,
        country=place.country,
        iso=place.iso,
        geo_precision=mention.geo_precision if mention else 3,
        kind=place.kind,
        span=mention.span if mention else None,
    )
    date = cand.date
    confidence = 0.4
    confidence += 0.15 if cand.actor1 and not cand.actor1.entry.generic else 0.0
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
        actor1=_actor(cand.actor1, place.country),
        actor2=_actor(cand.actor2, place.country),
        claimed_by=_actor(cand.claimed_by, place.country),
        denied_by=_actor(cand.denied_by, place.country),
        location=location,
        fatalities=cand.fatalities or 0,
        injuries=cand.injuries or 0,
        fatalities_known=cand.fatalities is not None,
        weapons=cand.weapons,
        evidence={k: v for k, v in cand.evidence.items() if v is not None},
        sources=[doc.doc_id],
        confidence=min(confidence, 0.95),
        notes=doc.text[_sentence_bounds(doc, cand.trigger_span)].strip()[:300],
    )


def _actor(mention: ActorMention | None, country: str | None) -> Actor | None:
    return mention.to_actor(country) if mention is not None else None


def _sentence_bounds(doc: Document, span: Span) -> slice:
    start = max(doc.text.rfind("\n", 0, span.start) + 1, 0)
    end = doc.text.find("\n", span.end)
    return slice(start, end if end != -1 else len(doc.text))
