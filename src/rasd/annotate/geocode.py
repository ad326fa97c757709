"""The place stage: toponyms in the text, their relation words, and the place each one means.

``find_places`` finds names with the gazetteer and reads the words around them: a cue
(مدينة، قاعدة، مطار، airport ...), a relation ("غربي مدينة القامشلي", "بريف دير الزور الشرقي",
"north of Raqqa", "on the road between"), which set ``relation`` and ``geo_precision`` as ACLED
does (1 the place itself, 2 near a town or part of it, 3 the countryside of a governorate or a
region). ``resolve_places`` then picks one candidate per mention from the article's context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rasd.knowledge.gazetteer import (
    AREA_KINDS,
    POINT_KINDS,
    Gazetteer,
    Place,
    PlaceMention,
    haversine_km,
    prior,
)
from rasd.model import Location, Span
from rasd.text.normalize import is_arabic, is_arabic_word
from rasd.text.tokens import Token, token_keys, tokenize

__all__ = [
    "PlaceContext",
    "PlaceMention",
    "find_places",
    "geocode",
    "resolve_places",
    "to_location",
]

_AR_DIRECTIONS = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}
_EN_DIRECTIONS = {
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
}
_EN_ADJECTIVES = {
    "northern": "north",
    "southern": "south",
    "eastern": "east",
    "western": "west",
    "northeastern": "northeast",
    "northwestern": "northwest",
    "southeastern": "southeast",
    "southwestern": "southwest",
    "central": "central",
}
_AR_NEAR = {
    "قرب",
    "بالقرب",
    "محيط",
    "اطراف",
    "ضواحي",
    "مشارف",
    "مدخل",
    "تخوم",
    "جوار",
    "القريبه",
    "القريب",
}
_EN_NEAR = {"near", "outside", "outskirts", "vicinity", "around", "nearby", "edge"}
_AR_COUNTRYSIDE = {"ريف", "بادية", "بوادي", "ارياف"}
_AR_ROAD = {"طريق", "اوتوستراد", "اتستراد"}
_AR_ROAD_FILLERS = {
    "الدولي",
    "السريع",
    "الواصل",
    "الرابط",
    "الذي",
    "يربط",
    "بين",
    "العام",
    "m4",
    "m5",
}
_EN_ROAD = {"road", "highway", "motorway"}
_AR_FROM = {"من"}


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
    m = _DATELINE.match(text)
    if not m:
        return None
    name = m.group(1).strip()
    hits = gazetteer.lookup(name if is_arabic(name) else name.title())
    return hits[0] if hits else None


def find_places(
    text: str,
    gazetteer: Gazetteer,
    start: int = 0,
    end: int | None = None,
    tokens: list[Token] | None = None,
) -> list[PlaceMention]:
    """Toponyms in ``text[start:end]`` with their cue and relation words; not yet resolved.
    ``tokens``, when given, are that stretch's tokens (a document is tokenised once)."""
    if tokens is None:
        tokens = tokenize(text, start, end)
    mentions = gazetteer.find(tokens)
    for k, m in enumerate(mentions):
        m.text = text[m.span.start : m.span.end]
        m.span = Span(m.span.start, m.span.end, m.text)
        _read_relation(tokens, m, mentions[k - 1] if k else None, gazetteer)
        _extend_cue(tokens, m, gazetteer)
    return mentions


def _keys(tok: Token) -> set[str]:
    return token_keys(tok.norm) if is_arabic_word(tok.norm) else {tok.norm}


def _direction(tok: Token) -> str | None:
    for key in _keys(tok):
        base = key[2:] if key.startswith("ال") else key
        base = base[:-1] if base.endswith("ي") and base[:-1] in _AR_DIRECTIONS else base
        if base in _AR_DIRECTIONS:
            return _AR_DIRECTIONS[base]
    return None


def _read_relation(
    tokens: list[Token], m: PlaceMention, prev: PlaceMention | None, gazetteer: Gazetteer
) -> None:
    i = m.first - 1
    if i >= 0 and gazetteer.cue_of(tokens[i]):
        i -= 1  # "غربي مدينة القامشلي": the cue stands between relation and name
    if i >= 0 and _keys(tokens[i]) & _AR_FROM:
        i -= 1  # "إلى الشرق من"
    before = tokens[i] if i >= 0 else None
    after = tokens[m.last] if m.last < len(tokens) else None
    if before is None:
        pass
    elif is_arabic_word(before.norm):
        keys = _keys(before)
        direction = _direction(before)
        if direction and i > 0 and _direction(tokens[i - 1]):
            direction = _direction(tokens[i - 1]) + direction  # شمال غرب -> northwest
        if keys & _AR_COUNTRYSIDE:
            suffix = _direction(after) if after else None
            m.relation = f"{_ADJ[suffix]} countryside of" if suffix else "countryside of"
        elif direction:
            m.relation = f"{direction} of"
        elif keys & _AR_NEAR:
            m.relation = "near"
        elif _is_road(tokens, i):
            m.relation = "road between"
    else:
        m.relation = _english_relation(tokens, i, after)
    if (
        m.relation is None
        and prev is not None
        and prev.relation == "road between"
        and prev.last == m.first - 1
        and tokens[prev.last].norm in ("-", "و", "and")
    ):
        m.relation = "road between"
    if (
        m.relation is None
        and after is not None
        and after.norm == "-"
        and m.last + 2 <= len(tokens)
        and tokens[m.last + 1].text[:1].isupper()
        and _en_road_after(tokens, m.last)
    ):
        m.relation = "road between"
    if (
        m.relation is None
        and after is not None
        and not is_arabic_word(after.norm)
        and (after.norm == "countryside")
    ):
        m.relation = "countryside of"
    m.geo_precision = 2 if m.relation else 1


_ADJ = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "northwest": "north-western",
    "northeast": "north-eastern",
    "southwest": "south-western",
    "southeast": "south-eastern",
}


def _is_road(tokens: list[Token], i: int) -> bool:
    while i >= 0 and tokens[i].norm in _AR_ROAD_FILLERS:
        i -= 1
    return i >= 0 and bool(_keys(tokens[i]) & _AR_ROAD)


def _en_road_after(tokens: list[Token], j: int) -> bool:
    return any(t.norm in _EN_ROAD for t in tokens[j + 1 : j + 5])


def _english_relation(tokens: list[Token], i: int, after: Token | None) -> str | None:
    word = tokens[i].norm
    prev = tokens[i - 1].norm if i > 0 else ""
    if word in ("al", "-"):
        return None
    if word == "of" and i > 0:
        if prev in _EN_DIRECTIONS:
            if i > 2 and tokens[i - 2].norm == "-" and tokens[i - 3].norm in _EN_DIRECTIONS:
                return f"{tokens[i - 3].norm}{prev} of"
            return f"{prev} of"
        if prev in ("countryside", "suburbs", "province", "governorate"):
            adjective = tokens[i - 2].norm if i > 1 else ""
            return (
                f"{adjective} countryside of"
                if adjective in _EN_ADJECTIVES
                else ("countryside of" if prev == "countryside" else None)
            )
        if prev in _EN_NEAR:
            return "near"
    if word in _EN_NEAR:
        return "near"
    if word == "rural":
        return "countryside of"
    if word in _EN_ADJECTIVES:
        if after is not None and after.norm == "countryside":
            return f"{word} countryside of"
        return f"{word} part of"
    if word == "between" and any(t.norm in _EN_ROAD for t in tokens[max(0, i - 3) : i]):
        return "road between"
    return None


def _extend_cue(tokens: list[Token], m: PlaceMention, gazetteer: Gazetteer) -> None:
    """An English cue follows the name: "the Ain al-Asad airbase", "Idlib province"."""
    if m.cue is None and m.last < len(tokens) and not is_arabic_word(tokens[m.last].norm):
        m.cue = gazetteer.cue_of(tokens[m.last])


# ---------------------------------------------------------------- resolution

_SETTLEMENT = frozenset({"city", "town", "village", "admin3"})
_REGIONAL = ("countryside of", "part of")


def resolve_places(mentions: list[PlaceMention], context: PlaceContext) -> list[PlaceMention]:
    """Choose ``place`` for every mention (deterministically) and set ``geo_precision``.

    Evidence, strongest first: the cue word's kind; countryside relations ask for the
    governorate; the admin1 and country of places that are unambiguous in the article, of the
    dateline and of governorates named within ~150 characters; the actors' countries; then the
    prior (kind, population, curated)."""
    admin1s: dict[str, float] = {}
    countries: dict[str, float] = dict.fromkeys(context.countries, 2.0)
    for m in mentions:
        sure = _unambiguous(m)
        if sure is not None:
            if sure.admin1:
                admin1s[sure.admin1] = admin1s.get(sure.admin1, 0) + 1.5
            if sure.country:
                countries[sure.country] = countries.get(sure.country, 0) + 1.5
    if context.dateline is not None:
        if context.dateline.admin1:
            admin1s[context.dateline.admin1] = admin1s.get(context.dateline.admin1, 0) + 2
        if context.dateline.country:
            countries[context.dateline.country] = countries.get(context.dateline.country, 0) + 2
    anchors = [
        (m, sure)
        for m in mentions
        if (sure := _unambiguous(m)) is not None and sure.kind not in ("country", "admin1", "sea")
    ]
    for m in mentions:
        if not m.candidates:
            continue
        nearby = _nearby_governorates(m, mentions)
        points = [p for other, p in anchors if other is not m]
        scores = {
            p.id: _score(p, m, admin1s, countries, nearby) + _closeness(p, points)
            for p in m.candidates
        }
        m.place = min(m.candidates, key=lambda p: (-scores[p.id], p.id))
        m.geo_precision = _precision(m)
    return mentions


def _closeness(p: Place, points: list[Place]) -> float:
    """Of two villages called Za'tara, the one near the other places the article names."""
    if not points:
        return 0.0
    nearest = min(haversine_km(p.lat, p.lon, q.lat, q.lon) for q in points)
    return 3.0 if nearest <= 30 else 1.5 if nearest <= 100 else 0.0


def _unambiguous(m: PlaceMention) -> Place | None:
    """The candidate all readings agree on (same admin1), if any."""
    if not m.candidates:
        return None
    first = m.candidates[0]
    if all(p.admin1 == first.admin1 and p.country == first.country for p in m.candidates):
        return first
    return None


def _nearby_governorates(m: PlaceMention, mentions: list[PlaceMention]) -> set[str]:
    out = set()
    for other in mentions:
        if other is not m and abs(other.span.start - m.span.start) < 150:
            for p in other.candidates:
                if p.kind == "admin1" and p.admin1:
                    out.add(p.admin1)
    return out


def _score(
    p: Place,
    m: PlaceMention,
    admin1s: dict[str, float],
    countries: dict[str, float],
    nearby: set[str],
) -> float:
    score = prior(p)
    if m.cue:
        if m.cue == p.kind:
            score += 6
        elif m.cue in ("city", "town", "village") and p.kind in _SETTLEMENT:
            score += 3
        elif m.cue in POINT_KINDS and p.kind in POINT_KINDS:
            score += 1
    relation = m.relation or ""
    if "countryside" in relation or relation.endswith("part of"):
        score += 6 if p.kind == "admin1" else 0
    elif relation:
        score += 1 if p.kind in POINT_KINDS else -1
    if p.admin1:
        score += min(admin1s.get(p.admin1, 0), 4) + (2 if p.admin1 in nearby else 0)
    if p.country:
        score += min(countries.get(p.country, 0), 4)
    return score


def _precision(m: PlaceMention) -> int:
    place = m.place
    if place is None:
        return m.geo_precision
    if place.kind in AREA_KINDS:
        return 3
    if m.relation or place.kind in ("admin2", "admin3"):
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
