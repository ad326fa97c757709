"""The kinds of places and the countries of the gazetteer, and how likely a place is meant.

What each kind is (a point or an area, an admin level, its rank, its radius ...) is read once
at import from ``rasd/data/places/kinds.yaml``, the countries from ``countries.tsv``; a file
that does not have the expected form raises :class:`GazetteerError` naming it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from rasd.knowledge.files import DataSource, data_file, read_data
from rasd.knowledge.places import GazetteerError, Place

_SHAPES = ("point", "area")
_KIND_FIELDS = {"rank", "shape", "admin", "probe", "open", "settlement", "radius_km"}
_PRIOR_FIELDS = ("rank_weight", "population_weight", "curated_bonus")
_TOP_FIELDS = {"default_rank", "kinds", "prior", "open_population", "build_open_population"}


@dataclass(frozen=True)
class PlaceKinds:
    """The contents of a kinds file (see the header of ``data/places/kinds.yaml``)."""

    ranks: dict[str, int | float]
    default_rank: int | float
    point: frozenset[str]
    area: frozenset[str]
    admin: frozenset[str]
    probes: frozenset[str]
    open: frozenset[str]
    settlements: tuple[tuple[str, int], ...]  # (kind, least population), largest first
    radius_km: dict[str, float]
    rank_weight: float
    population_weight: float
    curated_bonus: float
    open_population: dict[str, int]  # ISO code or "default" -> population
    build_open_population: int


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _kind_entry(kind: str, entry: Mapping[str, Any]) -> str | None:
    """What is wrong with one kind's entry, or None."""
    unknown = set(entry) - _KIND_FIELDS
    checks = (
        (not unknown, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}"),
        (_number(entry.get("rank")), "rank must be a number"),
        (entry.get("shape", "point") in _SHAPES, "shape must be point or area"),
        ("admin" not in entry or _count(entry["admin"]), "admin must be a level number"),
        (isinstance(entry.get("probe", False), bool), "probe must be true or false"),
        (isinstance(entry.get("open", False), bool), "open must be true or false"),
        ("settlement" not in entry or _count(entry["settlement"]), "settlement: a population"),
        ("radius_km" not in entry or _number(entry["radius_km"]), "radius_km must be a number"),
    )
    return next((f"kind {kind!r}: {why}" for ok, why in checks if not ok), None)


def _check_kinds(data: object) -> str | None:
    """What is wrong with a parsed kinds file, or None."""
    if not isinstance(data, dict):
        return "not a mapping with default_rank, kinds, prior and open_population"
    missing = sorted(_TOP_FIELDS - set(data))
    if missing:
        return f"missing {', '.join(missing)}"
    kinds, prior_weights, open_population = data["kinds"], data["prior"], data["open_population"]
    if not isinstance(kinds, dict) or not kinds:
        return "kinds must map each kind to its fields"
    for kind, entry in kinds.items():
        why = _kind_entry(kind, entry) if isinstance(entry, dict) else f"kind {kind!r}: not a map"
        if why:
            return why
    if not any("settlement" in entry for entry in kinds.values()):
        return "no kind has a settlement population"
    if not isinstance(prior_weights, dict) or not all(
        _number(prior_weights.get(name)) for name in _PRIOR_FIELDS
    ):
        return f"prior must give the numbers {', '.join(_PRIOR_FIELDS)}"
    if (
        not isinstance(open_population, dict)
        or not {"default", "partial"} <= open_population.keys()
        or not all(_count(v) for v in open_population.values())
    ):
        return "open_population must map default, partial (and ISO codes) to populations"
    if not _number(data["default_rank"]) or not _count(data["build_open_population"]):
        return "default_rank must be a number and build_open_population a population"
    return None


def read_kinds(source: DataSource) -> PlaceKinds:
    """The place kinds of a kinds file; :class:`GazetteerError` naming it when malformed."""
    data = read_data(source, GazetteerError, "the place kinds")
    why = _check_kinds(data)
    if why:
        raise GazetteerError(f"{source}: malformed place kinds file: {why}")
    kinds: dict[str, dict[str, Any]] = data["kinds"]

    def having(test: Any) -> frozenset[str]:
        return frozenset(kind for kind, entry in kinds.items() if test(entry))

    sizes = [(kind, entry["settlement"]) for kind, entry in kinds.items() if "settlement" in entry]
    return PlaceKinds(
        ranks={kind: entry["rank"] for kind, entry in kinds.items()},
        default_rank=data["default_rank"],
        point=having(lambda e: e.get("shape") == "point"),
        area=having(lambda e: e.get("shape") == "area"),
        admin=having(lambda e: "admin" in e),
        probes=having(lambda e: e.get("probe", False)),
        open=having(lambda e: e.get("open", False)),
        settlements=tuple(sorted(sizes, key=lambda ks: -ks[1])),
        radius_km={k: float(e["radius_km"]) for k, e in kinds.items() if "radius_km" in e},
        rank_weight=data["prior"]["rank_weight"],
        population_weight=data["prior"]["population_weight"],
        curated_bonus=data["prior"]["curated_bonus"],
        open_population={str(iso): n for iso, n in data["open_population"].items()},
        build_open_population=data["build_open_population"],
    )


def read_countries(source: DataSource) -> dict[str, tuple[str, str]]:
    """ISO code -> (English name, Arabic name), from a countries TSV file (iso, name, name_ar;
    ``#`` comments); :class:`GazetteerError` naming the file when malformed."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{source}: cannot read the countries: {exc}") from exc
    out: dict[str, tuple[str, str]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 3 or not all(cells):
            raise GazetteerError(f"{source}:{n}: expected iso, name and name_ar, tab-separated")
        iso, name, name_ar = cells
        if len(iso) != 2 or not iso.isascii() or not iso.isupper():
            raise GazetteerError(f"{source}:{n}: {iso!r} is not a two-letter ISO code")
        if iso in out:
            raise GazetteerError(f"{source}:{n}: {iso} given twice")
        out[iso] = (name, name_ar)
    if not out:
        raise GazetteerError(f"{source}: no countries")
    return out


KINDS = read_kinds(data_file("places", "kinds.yaml"))
_COUNTRY_NAMES = read_countries(data_file("places", "countries.tsv"))

COUNTRIES = {iso: name for iso, (name, _) in _COUNTRY_NAMES.items()}  # ISO -> English name
COUNTRY_NAMES_AR = {iso: name_ar for iso, (_, name_ar) in _COUNTRY_NAMES.items()}
POINT_KINDS = KINDS.point
AREA_KINDS = KINDS.area
ADMIN_KINDS = KINDS.admin
ADMIN_PROBES = KINDS.probes  # kinds that lend their admin1/admin2 to a point nearby
OPEN_KINDS = KINDS.open  # kinds whose names are matched even where they are frequent words
SETTLEMENT_KINDS = frozenset(kind for kind, _ in KINDS.settlements)
DEFAULT_RADIUS_KM = 2.0

_RANKS = KINDS.ranks
_DEFAULT_RANK = KINDS.default_rank
_RANK_WEIGHT = KINDS.rank_weight
_POPULATION_WEIGHT = KINDS.population_weight
_CURATED_BONUS = KINDS.curated_bonus
_OPEN_POPULATION = KINDS.open_population


def town_countries(source: DataSource | None = None) -> dict[str, int]:
    """The ISO codes of the countries whose GeoNames towns are shipped, in order, each with
    the fewest inhabitants a town of it needs (data/places/town_countries.txt: "IR 50000";
    a code alone takes every town)."""
    path = source or data_file("places", "town_countries.txt")
    out: dict[str, int] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split("#", 1)[0].split()
        if not cells:
            continue
        if len(cells) > 2 or (len(cells) == 2 and not cells[1].isdigit()):
            raise GazetteerError(f"{path}:{number}: expected a country code and a population")
        out[cells[0]] = int(cells[1]) if len(cells) == 2 else 0
    if unknown := [c for c in out if c not in COUNTRIES]:
        raise GazetteerError(f"{path}: not in countries.tsv: {', '.join(unknown)}")
    return out


# the countries read for their bigger towns only: a frequent word names one of their towns
# only if it is as big as open_population's "partial" says
_PARTIAL = frozenset(iso for iso, floor in town_countries().items() if floor)


def prior(place: Place) -> float:
    """How likely a place is meant, all else equal: cities and bases before districts and
    villages; the population of a settlement (not of an admin unit) counts too."""
    pop = (
        math.log10(place.population + 1)
        if place.population and place.kind not in ADMIN_KINDS
        else 0
    )
    return (
        _RANKS.get(place.kind, _DEFAULT_RANK) * _RANK_WEIGHT
        + pop * _POPULATION_WEIGHT
        + (_CURATED_BONUS if place.source == "curated" else 0)
    )


QUARTER = "neighbourhood"  # the kind a quarter's word (حي، أحياء) announces
_SETTLED = SETTLEMENT_KINDS | {QUARTER, "admin3"}  # a settlement or a part of one


def fits_cue(cue: str, kind: str) -> bool:
    """Is a place of this kind what the cue word announces? A quarter's word asks for a
    quarter, a settlement's word for a settlement, a governorate's or a district's word for
    an administrative unit; a site's word (base, airport) is not judged."""
    if cue == kind:
        return True
    if cue == QUARTER:
        return False
    if cue in _SETTLED:
        return kind in _SETTLED
    if cue in ADMIN_KINDS:
        return kind in ADMIN_KINDS
    return True


def matched_when_common(place: Place) -> bool:
    """A place whose name is matched even where it is also a frequent word: an open kind
    (country, governorate, district) or a big place (see ``open_population``)."""
    iso = place.iso or ""
    default = _OPEN_POPULATION["partial" if iso in _PARTIAL else "default"]
    big = _OPEN_POPULATION.get(iso, default)
    return place.kind in OPEN_KINDS or (place.population or 0) >= big


def settlement_kind(population: int) -> str:
    """The kind of a populated place of this size: city, town or village."""
    for kind, least in KINDS.settlements:
        if population >= least:
            return kind
    return KINDS.settlements[-1][0]


def radius_of(kind: str) -> float:
    """The uncertainty in km of the point of a built or imported place of this kind."""
    return KINDS.radius_km.get(kind, DEFAULT_RADIUS_KM)
