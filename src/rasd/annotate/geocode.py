"""Geocoding: the place each toponym of an article means.

``resolve_places`` picks one gazetteer candidate per mention from the article's context (cue
words, relations, the places named unambiguously, the dateline, the actors' countries, the
governorates named close by, nearness to the article's other places) and sets its
``geo_precision``. Finding the names is :mod:`rasd.annotate.places`.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field, replace

from rasd.annotate.places import find_places
from rasd.knowledge.gazetteer import (
    AREA_KINDS,
    POINT_KINDS,
    Gazetteer,
    Place,
    PlaceMention,
    haversine_km,
    prior,
)
from rasd.knowledge.place_kinds import QUARTER, SETTLEMENT_KINDS
from rasd.knowledge.places import Relation, RelationKind, km_between
from rasd.knowledge.settings import SETTINGS
from rasd.model import Location
from rasd.text.normalize import AND_CLITICS, is_arabic

__all__ = [
    "PlaceContext",
    "PlaceMention",
    "find_places",
    "geocode",
    "resolve_places",
    "to_location",
]

_W = SETTINGS.geocode


@dataclass
class PlaceContext:
    """What the article says besides the name: its dateline place, the countries of its
    actors, and the text (for governorates named near a mention)."""

    text: str = ""
    countries: set[str] = field(default_factory=set)
    dateline: Place | None = None

    @classmethod
    def from_text(
        cls, text: str, gazetteer: Gazetteer, countries: set[str] | None = None
    ) -> PlaceContext:
        return cls(text, set(countries or ()), dateline_place(text, gazetteer))


_DATELINE = re.compile(r"^\s*([^\n\-–—:(]{2,40}?)\s*(?:\([^)\n]{1,40}\))?\s*[-–—:]")


def dateline_place(text: str, gazetteer: Gazetteer) -> Place | None:
    """The place of a dateline on the first line: "الحسكة - خاص", "BAGHDAD (Reuters) -"."""
    return dateline(text, gazetteer)[0]


def dateline(text: str, gazetteer: Gazetteer) -> tuple[Place | None, int]:
    """The place of a dateline on the first line and where the dateline ends (0 when there
    is none): "أربيل (كوردستان 24)- ..." ends after the dash."""
    m = _DATELINE.match(text)
    if not m:
        return None, 0
    name = m.group(1).strip()
    hits = gazetteer.lookup(name if is_arabic(name) else name.title())
    return (hits[0], m.end()) if hits else (None, 0)


# ---------------------------------------------------------------- resolution

_SETTLEMENT = frozenset({"city", "town", "village", "admin3"})
_TOWN_CUES = frozenset({"city", "town", "village"})
_NOT_ANCHORS = frozenset({"country", "admin1", "sea"})


def resolve_places(mentions: list[PlaceMention], context: PlaceContext) -> list[PlaceMention]:
    """Choose ``place`` for every mention (deterministically) and set ``geo_precision``.

    Evidence, strongest first: the cue word's kind; countryside relations ask for the
    governorate; the admin1 and country of places that are unambiguous in the article, of the
    dateline and of governorates named close by; the actors' countries; nearness to the
    article's other places; then the prior (kind, population, curated). A name after a
    quarter's word that the gazetteer knows only as something else is a quarter it lacks (no
    candidates: placed by :mod:`rasd.annotate.unlisted`). ``mentions`` are in text order."""
    for m in mentions:
        if m.cue == QUARTER and not any(p.kind == QUARTER for p in m.candidates):
            m.candidates = []  # "حي الرميلة", only an oil field known: a quarter it lacks
        elif any(p.kind == "admin1" for p in m.candidates):
            m.candidates = [p for p in m.candidates if not _namesake_of_governorate(p, m)]
    for m, after in zip(mentions, mentions[1:], strict=False):
        if _outside_the_governorate_after(m, after, context.text):
            m.candidates = []  # "بلدة المليحة الشرقية بريف درعا": a village it lacks there
    admin1s: dict[str, float] = {}
    countries: dict[str, float] = dict.fromkeys(context.countries, _W.actor_country)
    sure = [_unambiguous(m) for m in mentions]
    for place in sure:
        if place is not None:
            if place.admin1:
                admin1s[place.admin1] = admin1s.get(place.admin1, 0) + _W.sure_place
            if place.country:
                countries[place.country] = countries.get(place.country, 0) + _W.sure_place
    if context.dateline is not None:
        if context.dateline.admin1:
            admin1s[context.dateline.admin1] = admin1s.get(context.dateline.admin1, 0) + (
                _W.dateline
            )
        if context.dateline.country:
            countries[context.dateline.country] = countries.get(context.dateline.country, 0) + (
                _W.dateline
            )
    anchors = [p if p is not None and p.kind not in _NOT_ANCHORS else None for p in sure]
    nearness = _Nearness([p for p in anchors if p is not None])
    starts = [m.span.start for m in mentions]
    # a name told again with the same words around it is the same choice: made once
    chosen: dict[tuple[int, str | None, Relation | None, frozenset[str], str | None], Place] = {}
    for k, m in enumerate(mentions):
        if not m.candidates:
            continue
        if len(m.candidates) == 1:  # nothing to choose between
            m.place = m.candidates[0]
            m.geo_precision = _precision(m)
            continue
        nearby = frozenset(_nearby_governorates(k, mentions, starts))
        own = anchors[k]
        key = (id(m.candidates), m.cue, m.relation, nearby, own.id if own else None)
        place = chosen.get(key)
        if place is None:
            place = chosen[key] = _best(m, admin1s, countries, nearby, nearness, own)
        m.place = place
        m.geo_precision = _precision(m)
        if place.kind == "admin2" and (seat := _seat_of(place, m)) is not None:
            m.place = seat  # "قضاء الخالص": the district is placed at its seat, Khalis
    _keep_near_references(mentions)
    _keep_near_neighbours(mentions, context.text)
    return mentions


def _keep_near_neighbours(mentions: list[PlaceMention], text: str) -> None:
    """ "غارات على بلدتي الطيبة ودير سريان ... في الخيام": a name of several places told among
    places of one country lies in that country, near them, not at a namesake far abroad that
    the attacker's country favoured; with no candidate near them, it stays unresolved."""
    for m in mentions:
        p = m.place
        if p is None or len(m.candidates) < 2 or p.kind not in _SETTLEMENT:
            continue
        if "\n" not in text[: m.span.start]:
            continue  # a headline names places across borders ("... hours after a strike in X")
        around = [
            n.place
            for n in mentions
            if n is not m
            and n.place is not None
            and n.place.kind not in _NOT_ANCHORS
            and abs(n.first - m.first) <= _W.neighbour_tokens
            and _one_sentence(text, m, n)
        ]
        countries = {q.country for q in around}
        if len(countries) != 1 or p.country in countries:
            continue
        if min(km_between(p, q) for q in around) <= _W.neighbour_km:
            continue
        near = [
            c
            for c in m.candidates
            if c.country in countries and min(km_between(c, q) for q in around) <= _W.neighbour_km
        ]
        m.place = near[0] if near else None


_SENTENCE_ENDS = re.compile(r"[.!?\u061f\n]")


def _one_sentence(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """No sentence ends between the two mentions (a text not given: as if one)."""
    first, second = (a, b) if a.span.start <= b.span.start else (b, a)
    return not _SENTENCE_ENDS.search(text, first.span.end, second.span.start)


def _outside_the_governorate_after(m: PlaceMention, after: PlaceMention, text: str) -> bool:
    """Does a governorate's countryside right after ``m`` ("... بريف درعا") hold none of the
    places ``m`` may be?"""
    units = {p.admin1 for p in after.candidates if p.kind == "admin1"}
    if not units or after.relation is None or after.relation.kind != RelationKind.COUNTRYSIDE_OF:
        return False
    between = text[m.span.end : after.span.start].split()
    if len(between) > _W.qualifier_words or any(c in w for w in between for c in ",،.:;()"):
        return False
    if any(w.startswith(AND_CLITICS) for w in between):
        return False  # "قصفت حلب وريف إدلب": two places, not one within the other
    return bool(m.candidates) and not any(p.admin1 in units for p in m.candidates)


def _namesake_of_governorate(p: Place, m: PlaceMention) -> bool:
    """ "صلاح الدين" is Iraq's governorate, not the resort town of that name in Erbil: a place
    that shares its name with a governorate of its country, in another governorate and far
    from it (Sanaa, the city, lies outside Sanaa governorate, but in its middle)."""
    return p.kind != "admin1" and any(
        q.kind == "admin1"
        and q.country == p.country
        and q.admin1 != p.admin1
        and km_between(p, q) > _W.namesake_km
        for q in m.candidates
    )


def _seat_of(district: Place, m: PlaceMention) -> Place | None:
    """The town or city a district is named after (its seat, as ACLED places an event it
    knows only by district): a candidate of the same name in the same governorate, close.
    (A subdistrict, Iraq's ناحية, is left where the gazetteer puts it.)"""
    seats = [
        p
        for p in m.candidates
        if p.kind in _TOWN_CUES
        and p.admin1 == district.admin1
        and km_between(p, district) <= _W.seat_km
    ]
    return max(seats, key=prior) if seats else None


_BEARINGS = (RelationKind.DIRECTION_OF, RelationKind.NEAR)


def _keep_near_references(mentions: list[PlaceMention]) -> None:
    """ "قرية المنصورية جنوب غربي كركوك": a place told with its bearing from a reference lies
    within reach of it (settings: geocode.reference_km). A candidate farther off is another
    place of that name; with none near, the name stays unresolved, and the reference, told
    with its bearing, is all that places the event. A governorate is kept however far its
    centre lies ("بمحافظة الأنبار 118 كم غربي بغداد"): the gazetteer gives each one the same
    radius, not its extent."""
    for m, ref in zip(mentions, mentions[1:]):
        if (
            m.place is None
            or ref.place is None
            or ref.relation is None
            or ref.relation.kind not in _BEARINGS
            or ref.first - m.last > _W.bearing_words
            or all(p.kind == "admin1" for p in m.candidates)  # a governorate, however far
        ):
            continue
        reference = ref.place
        reach = _W.reference_km + reference.radius_km  # (and a governorate's own extent)
        near = [p for p in m.candidates if km_between(p, reference) <= reach + p.radius_km]
        if m.place not in near:
            m.place = min(near, key=lambda p: km_between(p, reference)) if near else None


def _best(
    m: PlaceMention,
    admin1s: dict[str, float],
    countries: dict[str, float],
    nearby: frozenset[str],
    nearness: _Nearness,
    own: Place | None,
) -> Place:
    """The candidate of the highest score; of equals, the first by id."""
    best, best_rank = m.candidates[0], None
    for p in m.candidates:
        rank = (-(_score(p, m, admin1s, countries, nearby) + nearness.closeness(p, own)), p.id)
        if best_rank is None or rank < best_rank:
            best, best_rank = p, rank
    return best


class _Nearness:
    """Of two villages called Za'tara, the one near the other places the article names.

    The article's places (its anchors) are counted by id and sorted by latitude; for each
    candidate only the anchors within reach in latitude are measured, once per article."""

    def __init__(self, anchors: list[Place]) -> None:
        self._count = Counter(p.id for p in anchors)
        places = sorted({p.id: p for p in anchors}.values(), key=lambda p: (p.lat, p.id))
        self._places = places
        self._band = _W.region_km / _KM_PER_DEGREE
        self._nearest: dict[str, list[tuple[float, str]]] = {}

    def closeness(self, p: Place, own: Place | None) -> float:
        """How near ``p`` is to the anchors other than the mention's own (``own``)."""
        for km, anchor_id in self._measured(p):
            if own is not None and anchor_id == own.id and self._count[anchor_id] == 1:
                continue  # the mention's own place, named nowhere else
            if km <= _W.near_km:
                return _W.near_weight
            return _W.region_weight if km <= _W.region_km else 0.0
        return 0.0

    def _measured(self, p: Place) -> list[tuple[float, str]]:
        """The anchors within reach in latitude of ``p``, nearest first. (An article's
        anchors are a handful: they are passed over one by one, which costs less than two
        binary searches.)"""
        found = self._nearest.get(p.id)
        if found is None:
            south, north = p.lat - self._band, p.lat + self._band
            if len(_KM) >= 1 << 18:
                _KM.clear()  # a long archive's rare pairs: start again rather than grow
            found = []
            for q in self._places:
                if not south <= q.lat <= north:
                    continue
                pair = (p.id, q.id)
                known = _KM.get(pair)
                if known is not None and known[0] is p and known[1] is q:
                    km = known[2]
                else:
                    km = haversine_km(p.lat, p.lon, q.lat, q.lon)
                    _KM[pair] = (p, q, km)
                found.append((km, q.id))
            found.sort()
            self._nearest[p.id] = found
        return found


# Distances between places, remembered across articles: the same towns are named again and
# again. (id, id) -> (place, place, km), the places kept so that the distance is used only
# for the very places it was measured between (ids are looked up faster than coordinates:
# their hashes are kept); at most 2**18 pairs.
_KM: dict[tuple[str, str], tuple[Place, Place, float]] = {}


# The shortest distance along a meridian, in km per degree of latitude: no two points
# further apart in latitude than this allows can be nearer than that.
_KM_PER_DEGREE = 6371 * math.pi / 180


def _unambiguous(m: PlaceMention) -> Place | None:
    """The candidate all readings agree on (same admin1), if any."""
    if not m.candidates:
        return None
    first = m.candidates[0]
    if all(p.admin1 == first.admin1 and p.country == first.country for p in m.candidates):
        return first
    return None


def _nearby_governorates(k: int, mentions: list[PlaceMention], starts: list[int]) -> set[str]:
    """Governorates named within a few characters of mention ``k``."""
    start, reach = starts[k], _W.nearby_characters
    out = set()
    for j in range(bisect.bisect_right(starts, start - reach), len(mentions)):
        if starts[j] >= start + reach:
            break
        if j != k:
            for p in mentions[j].candidates:
                if p.kind == "admin1" and p.admin1:
                    out.add(p.admin1)
    return out


def _score(
    p: Place,
    m: PlaceMention,
    admin1s: dict[str, float],
    countries: dict[str, float],
    nearby: frozenset[str],
) -> float:
    score = prior(p)
    if m.cue:
        if m.cue == p.kind:
            score += _W.cue_same_kind
        elif m.cue in _TOWN_CUES and p.kind in _SETTLEMENT:
            score += _W.cue_settlement
        elif m.cue in POINT_KINDS and p.kind in POINT_KINDS:
            score += _W.cue_point
    relation = m.relation
    if relation is not None and relation.regional:
        score += _W.countryside_admin1 if p.kind == "admin1" else 0
    elif relation is not None:
        score += _W.relation_point if p.kind in POINT_KINDS else -_W.relation_point
    if p.admin1:
        score += min(admin1s.get(p.admin1, 0), _W.evidence_cap) + (
            _W.nearby_governorate if p.admin1 in nearby else 0
        )
    if p.country:
        score += min(countries.get(p.country, 0), _W.evidence_cap)
    return score


def _precision(m: PlaceMention) -> int:
    place = m.place
    if place is None:
        return m.geo_precision
    if place.kind in AREA_KINDS:
        return 3
    # "southern Shatra": in English the adjective says where the town lies, it is the town
    town_described = (
        m.relation is not None
        and m.relation.kind == RelationKind.PART_OF
        and place.kind in SETTLEMENT_KINDS
    )
    if (m.relation and not town_described) or place.kind in ("admin2", "admin3"):
        return 2
    return 1


def geocode(
    text: str,
    gazetteer: Gazetteer,
    countries: set[str] | None = None,
    start: int = 0,
    end: int | None = None,
) -> list[PlaceMention]:
    """find_places + resolve_places with the context of the whole ``text``."""
    mentions = find_places(text, gazetteer, start, end)
    return resolve_places(mentions, PlaceContext.from_text(text, gazetteer, countries))


def place_told_off(mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """ "some 200 km north of Mogadishu": a reference told with a distance and a compass
    direction places the event that far off it: a point of its own, named by the text's
    words, in the governorate around that point (a village the gazetteer lacks, told there,
    is put at it too)."""
    for m in mentions:
        relation, ref = m.relation, m.place
        if relation is None or ref is None or relation.km is None:
            continue
        lat, lon = relation.offset(ref.lat, ref.lon)
        if (lat, lon) == (ref.lat, ref.lon):
            continue
        admin1, admin2 = gazetteer.nearest_admin1(lat, lon, ref.iso)
        name = f"{relation.km:g} km {relation} {ref.name}"
        m.place = replace(
            ref,
            id=f"{ref.id}:{name}",
            name=name,
            name_ar=None,
            kind="point",
            lat=lat,
            lon=lon,
            admin1=admin1 or ref.admin1,
            admin2=admin2,
            radius_km=_W.told_off_radius_km,
        )


def to_location(m: PlaceMention) -> Location | None:
    """The resolved mention as an event Location."""
    p = m.place
    if p is None:
        return None
    return Location(
        name=p.name,
        lat=p.lat,
        lon=p.lon,
        name_ar=p.name_ar,
        text=m.text,
        admin1=p.admin1,
        admin2=p.admin2,
        country=p.country,
        iso=p.iso,
        geo_precision=m.geo_precision,
        kind=p.kind,
        span=m.span,
    )
