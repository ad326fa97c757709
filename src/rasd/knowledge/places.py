"""Places as rasd holds them: a gazetteer entry, a toponym found in a text and how it stands
to where something happened, the distance between two points, and the error raised for a
gazetteer file that cannot be used."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum

from rasd.knowledge.frozen import by_fields
from rasd.model import Span


class GazetteerError(Exception):
    """A gazetteer file or an import source that cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    name_ar: str | None
    kind: str
    lat: float
    lon: float
    country: str | None
    iso: str | None
    admin1: str | None = None
    admin2: str | None = None
    population: int | None = None
    radius_km: float = 2.0
    source: str = ""

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        # Unpickled by calling the class on the field values (see rasd.knowledge.frozen):
        # twice as fast as the frozen dataclass's own __setstate__, and the compiled
        # knowledge holds thousands of places.
        return by_fields(self)


class RelationKind(StrEnum):
    """How a mention stands to where something happened."""

    DIRECTION_OF = "of"  # "west of X": X is a reference point
    COUNTRYSIDE_OF = "countryside of"  # "ريف X": the area around X
    PART_OF = "part of"  # "western X", "central X"
    NEAR = "near"
    ROAD_BETWEEN = "road between"


_COMPASS = ("north", "south", "east", "west")
_KM_PER_DEGREE = 111.2  # of latitude
_REGIONAL = (RelationKind.COUNTRYSIDE_OF, RelationKind.PART_OF)


@dataclass(frozen=True)
class Relation:
    """A relation word before (or after) a place name, with its direction if it has one."""

    kind: RelationKind
    direction: str | None = None  # "north", "north-western", "central", ...
    km: float | None = None  # "70 km north of X": how far from X

    def offset(self, lat: float, lon: float) -> tuple[float, float]:
        """The point this far in this direction from (lat, lon) ("70 km northeast of
        Mogadishu"); the point itself when the relation gives no distance and compass."""
        if self.kind != RelationKind.DIRECTION_OF or not self.km or not self.compass:
            return lat, lon
        d = self.direction or ""
        north = ("north" in d) - ("south" in d)
        east = ("east" in d) - ("west" in d)
        length = math.hypot(north, east)
        km_north, km_east = self.km * north / length, self.km * east / length
        return (
            lat + km_north / _KM_PER_DEGREE,
            lon + km_east / (_KM_PER_DEGREE * max(math.cos(math.radians(lat)), 0.1)),
        )

    @property
    def regional(self) -> bool:
        """The countryside or a part of the place: an area, not a point."""
        return self.kind in _REGIONAL

    @property
    def compass(self) -> bool:
        """Names a compass direction ("central" does not)."""
        return self.direction is not None and any(side in self.direction for side in _COMPASS)

    def __str__(self) -> str:
        if self.kind == RelationKind.DIRECTION_OF:
            return f"{self.direction} of"
        return f"{self.direction} {self.kind}" if self.direction else str(self.kind)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen


@dataclass(eq=False)  # one mention is one place in the text: compared by identity
class PlaceMention:
    """A toponym in the text, its candidate places and, once resolved, the chosen one."""

    span: Span
    candidates: list[Place]
    place: Place | None = None
    geo_precision: int = 1  # 1 the place itself, 2 near it or part of it, 3 a region
    relation: Relation | None = None  # "west of", "countryside of", "near", "road between"
    text: str = ""
    cue: str | None = None  # the kind a cue word before the name asks for: "base", "admin1" ...
    guarded: bool = False  # a frequent word, read as a name only because of its cue word
    first: int = field(default=0, repr=False)  # token indices of the name
    last: int = field(default=0, repr=False)

    # __init__ written out: the one dataclass writes is Python code, which runs interpreted
    # even when mypyc compiles the class (once per place name)
    def __init__(
        self,
        span: Span,
        candidates: list[Place],
        place: Place | None = None,
        geo_precision: int = 1,
        relation: Relation | None = None,
        text: str = "",
        cue: str | None = None,
        guarded: bool = False,
        first: int = 0,
        last: int = 0,
    ) -> None:
        self.span = span
        self.candidates = candidates
        self.place = place
        self.geo_precision = geo_precision
        self.relation = relation
        self.text = text
        self.cue = cue
        self.guarded = guarded
        self.first = first
        self.last = last


def place_of(mention: PlaceMention) -> Place:
    """The place a resolved mention stands for (the event stages work on resolved ones)."""
    place = mention.place
    assert place is not None, mention
    return place


def km_between(a: Place, b: Place) -> float:
    """The great-circle distance between two places' points."""
    return haversine_km(a.lat, a.lon, b.lat, b.lon)


def within(a: Place, b: Place) -> bool:
    """Does one place lie within the other (no farther from it than the larger's radius)?"""
    return km_between(a, b) <= max(a.radius_km, b.radius_km)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(a)))
