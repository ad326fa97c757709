"""The events the scoring compares: predicted and gold events with their fields folded, and
how one prediction compares with one gold event (the pairing conditions and the attributes
that agree), by the rules of shared/eval/GUIDE.md."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from rasd.evaluation.name_folding import fold_name, folded_set, is_unidentified, name_of

ATTRIBUTES = ("sub_event_type", "actor1", "actor2", "date", "location", "admin1", "fatalities")
PAIRING_KM = 50
DEFAULT_TOLERANCE_KM = 10
EARTH_RADIUS_KM = 6371.0
DATE_SLACK = dt.timedelta(days=1)

Point = tuple[float, float]


def _day(value: object) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _point(lat: object, lon: object) -> Point | None:
    if lat is None or lon is None:
        return None
    try:
        return float(lat), float(lon)
    except (TypeError, ValueError, OverflowError):
        return None


def distance_km(a: Point, b: Point) -> float:
    """Great-circle (haversine) distance."""
    lat_a, lat_b = math.radians(a[0]), math.radians(b[0])
    half_chord = (
        math.sin((lat_b - lat_a) / 2) ** 2
        + math.cos(lat_a) * math.cos(lat_b) * math.sin(math.radians(b[1] - a[1]) / 2) ** 2
    )
    return EARTH_RADIUS_KM * 2 * math.asin(min(1.0, math.sqrt(half_chord)))


@dataclass(frozen=True)
class PredictedEvent:
    """A predicted event with the fields the scoring compares, folded."""

    raw: dict
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    start: dt.date | None
    end: dt.date | None
    point: Point | None
    place_names: frozenset[str]
    admin1: str
    fatalities: object

    @classmethod
    def from_dict(cls, raw: dict) -> PredictedEvent:
        start = _day(raw.get("date_from")) or _day(raw.get("date"))
        end = _day(raw.get("date_to")) or _day(raw.get("date")) or start
        place = raw.get("location") or {}
        if isinstance(place, dict):
            lat = place["lat"] if "lat" in place else place.get("latitude")
            lon = place["lon"] if "lon" in place else place.get("longitude")
            names = [place.get("name"), place.get("name_ar"), place.get("text")]
            point, admin1 = _point(lat, lon), place.get("admin1")
        else:
            names = [place] if isinstance(place, str) else []
            point, admin1 = None, None
        return cls(
            raw=raw,
            event_type=fold_name(raw.get("event_type")),
            sub_event_type=fold_name(raw.get("sub_event_type")),
            actor1=fold_name(name_of(raw.get("actor1"))),
            actor2=fold_name(name_of(raw.get("actor2"))),
            start=start,
            end=end,
            point=point,
            place_names=frozenset(fold_name(n) for n in names if n),
            admin1=fold_name(admin1),
            fatalities=raw.get("fatalities"),
        )

    def summary(self) -> str:
        place = self.raw.get("location") or {}
        where = place.get("name") if isinstance(place, dict) else place
        when = self.raw.get("date") or self.raw.get("date_from")
        return f"spurious {self.raw.get('event_type')} at {where} {when}"


@dataclass(frozen=True)
class GoldEvent:
    """A gold event with its acceptable values folded; None marks an attribute not scored,
    and an empty actor set an actor the text does not identify."""

    raw: dict
    event_type: str
    sub_event_types: frozenset[str] | None
    actor1: frozenset[str] | None
    actor2: frozenset[str] | None
    first_day: dt.date
    last_day: dt.date
    point: Point | None
    tolerance_km: float
    place_names: frozenset[str]
    admin1: frozenset[str] | None
    fatalities: int | None
    optional: bool

    @classmethod
    def from_dict(cls, raw: dict) -> GoldEvent:
        place = raw.get("location")
        first_day, last_day = _day(raw.get("date_from")), _day(raw.get("date_to"))
        if not isinstance(place, dict) or "event_type" not in raw or not first_day or not last_day:
            raise ValueError("needs event_type, location, date_from and date_to")
        actors = [raw.get(role) for role in ("actor1", "actor2")]
        actor1, actor2 = (
            None if names is None else frozenset(fold_name(n) for n in _as_list(names))
            for names in actors
        )
        tolerance = place.get("tolerance_km")
        return cls(
            raw=raw,
            event_type=fold_name(raw["event_type"]),
            sub_event_types=folded_set(raw.get("sub_event_type")),
            actor1=actor1,
            actor2=actor2,
            first_day=first_day,
            last_day=last_day,
            point=_point(place.get("lat"), place.get("lon")),
            tolerance_km=DEFAULT_TOLERANCE_KM if tolerance is None else tolerance,
            place_names=frozenset(fold_name(n) for n in place.get("names") or []),
            admin1=folded_set(place.get("admin1")),
            fatalities=raw.get("fatalities"),
            optional=bool(raw.get("optional")),
        )

    def summary(self) -> str:
        names = self.raw["location"].get("names") or ["?"]
        return (
            f"missed {self.raw['event_type']} at {names[0]}"
            f" {self.raw['date_from']}..{self.raw['date_to']} ({self.raw.get('why', '')})"
        )


def _as_list(value: object) -> list:
    return [value] if isinstance(value, str) else list(value)


@dataclass(frozen=True)
class Comparison:
    """How a prediction compares with a gold event: the pairing conditions and the attributes."""

    same_type: bool
    near: bool
    overlapping: bool
    agreement: dict[str, bool]

    def allows(self, need_date: bool, need_type: bool) -> bool:
        return (
            self.near and (self.overlapping or not need_date) and (self.same_type or not need_type)
        )


def _actor_agrees(predicted: str, gold: frozenset[str]) -> bool:
    return is_unidentified(predicted) if not gold else predicted in gold


def compare(pred: PredictedEvent, gold: GoldEvent) -> Comparison:
    distance = None
    if pred.point is not None and gold.point is not None:
        distance = distance_km(pred.point, gold.point)
    pairing_km = max(PAIRING_KM, gold.tolerance_km)
    near = (distance is not None and distance <= pairing_km) or bool(
        pred.place_names & gold.place_names
    )
    overlapping = (
        pred.start is not None
        and pred.start <= gold.last_day + DATE_SLACK
        and pred.end >= gold.first_day - DATE_SLACK
    )
    agreement = {}
    if gold.sub_event_types is not None:
        agreement["sub_event_type"] = pred.sub_event_type in gold.sub_event_types
    if gold.actor1 is not None:
        agreement["actor1"] = _actor_agrees(pred.actor1, gold.actor1)
    if gold.actor2 is not None:
        agreement["actor2"] = _actor_agrees(pred.actor2, gold.actor2)
    agreement["date"] = (
        pred.start is not None and gold.first_day <= pred.start and pred.end <= gold.last_day
    )
    agreement["location"] = distance is not None and distance <= gold.tolerance_km
    if gold.admin1 is not None:
        agreement["admin1"] = pred.admin1 in gold.admin1
    if gold.fatalities is not None:
        agreement["fatalities"] = (pred.fatalities or 0) == gold.fatalities
    return Comparison(pred.event_type == gold.event_type, near, overlapping, agreement)
