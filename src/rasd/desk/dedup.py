"""One event per happening: the reports of several outlets (or several articles) that tell of
the same happening become one event, which lists every source and keeps each source's
version of what they disagree on.

Two event records (``Event.to_dict()``) are one happening when their types are compatible,
their dates overlap, their places agree and their actors agree; the thresholds and the
compatible types are in ``rasd/data/desk/dedup.yaml``, which says why each rule is as it is.
The merged record takes the most conservative credible toll (the lowest known one, as
ACLED's figures do), the most precise place, and the first report's evidence.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rasd.knowledge.files import DataSource, data_file, read_data
from rasd.knowledge.place_names import name_key
from rasd.knowledge.places import haversine_km
from rasd.knowledge.taxonomy import TAXONOMY
from rasd.text.normalize import fold

ACTOR_FIELDS = ("actor1", "actor2", "claimed_by")
_SUB_TYPE_SEPARATOR = ": "
_WORD = re.compile(r"\w+")


class DedupError(ValueError):
    """The deduplication rules file is malformed."""


@dataclass(frozen=True)
class Report:
    """One outlet's report of an event: the event record of one document."""

    source: str  # the reporting document's identity (rasd.io.identity: "url:…", "sha256:…")
    outlet: str | None
    record: dict  # one event as Event.to_dict() gives it


@dataclass(frozen=True)
class Happening:
    """Reports judged to tell of one happening, and the event they make together."""

    record: dict  # the merged event record, same shape
    reports: list[Report]  # every report, in the order given
    disputed: dict[str, list[tuple[str, object]]]  # field -> [(source, its value)]


@dataclass(frozen=True)
class DedupRules:
    """The contents of ``data/desk/dedup.yaml`` (see there what each means)."""

    separate_sub_event_types: frozenset[str]
    compatible_types: tuple[tuple[str, str], ...]
    publication_day_slack: dt.timedelta
    precise_km: float
    near_km: float
    unnamed_actors: frozenset[str]
    same_actors: tuple[frozenset[str], ...]
    disputed_fields: tuple[str, ...]


def load_rules(source: DataSource | None = None) -> DedupRules:
    """The rules of a file like ``data/desk/dedup.yaml`` (the packaged one by default)."""
    source = source or data_file("desk", "dedup.yaml")
    data = read_data(source, DedupError, "the deduplication rules")
    try:
        rules = DedupRules(
            separate_sub_event_types=frozenset(map(str, data["separate_sub_event_types"])),
            compatible_types=tuple((str(a), str(b)) for a, b in data["compatible_types"]),
            publication_day_slack=dt.timedelta(days=int(data["publication_day_slack_days"])),
            precise_km=float(data["precise_km"]),
            near_km=float(data["near_km"]),
            unnamed_actors=frozenset(map(str, data["unnamed_actors"])),
            same_actors=tuple(frozenset(map(str, ids)) for ids in data["same_actors"]),
            disputed_fields=tuple(map(str, data["disputed_fields"])),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DedupError(f"{source}: malformed deduplication rules: {err!r}") from None
    if why := _unknown_types(rules):
        raise DedupError(f"{source}: {why}")
    return rules


def _unknown_types(rules: DedupRules) -> str | None:
    """What the rules name that the taxonomy does not know, or None."""
    types = {str(t): set(subs) for t, subs in TAXONOMY.sub_event_types.items()}
    for name in rules.separate_sub_event_types:
        if name not in types:
            return f"unknown event type {name!r}"
    for item in (item for pair in rules.compatible_types for item in pair):
        event_type, _, sub = item.partition(_SUB_TYPE_SEPARATOR)
        if event_type not in types or (sub and sub not in types[event_type]):
            return f"unknown event type or sub-type {item!r}"
    return None


RULES = load_rules()


# --- the four agreements ---------------------------------------------------------------


def types_agree(a: dict, b: dict, rules: DedupRules = RULES) -> bool:
    """The same event type (and sub-type, for a type whose sub-types are separate
    happenings), or a pair the rules list as one happening told two ways."""
    if a["event_type"] == b["event_type"]:
        return (
            a["event_type"] not in rules.separate_sub_event_types
            or a["sub_event_type"] == b["sub_event_type"]
        )
    return any(
        (_is_of(a, one) and _is_of(b, other)) or (_is_of(b, one) and _is_of(a, other))
        for one, other in rules.compatible_types
    )


def _is_of(record: dict, item: str) -> bool:
    event_type, _, sub = item.partition(_SUB_TYPE_SEPARATOR)
    return record["event_type"] == event_type and (not sub or record["sub_event_type"] == sub)


def dates_overlap(a: dict, b: dict, rules: DedupRules = RULES) -> bool:
    """Overlapping date ranges; a record dated only by its publication day may be a day
    late. A record with no date overlaps nothing."""
    span_a, span_b = _days(a, rules), _days(b, rules)
    if span_a is None or span_b is None:
        return False
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def _days(record: dict, rules: DedupRules) -> tuple[dt.date, dt.date] | None:
    start, end = _day(record.get("date_from")), _day(record.get("date_to"))
    if start is None:
        return None
    if "date" not in (record.get("evidence") or {}):  # the publication day, not the text's
        start -= rules.publication_day_slack
    return start, end or start


def _day(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def same_place(a: dict, b: dict, rules: DedupRules = RULES) -> bool:
    """Two precise places: the same named place or points within ``precise_km``. Otherwise:
    the same named place, points within ``near_km``, or the same governorate where nothing
    contradicts it (two districts named, and not the same). A record with no place agrees
    with none."""
    here, there = a.get("location"), b.get("location")
    if not here or not there:
        return False
    if here.get("iso") and there.get("iso") and here["iso"] != there["iso"]:
        return False
    km = _km(here, there)
    if _same_named_place(here, there):
        return True
    if _precision(here) == 1 and _precision(there) == 1:
        return km is not None and km <= rules.precise_km
    if km is not None and km <= rules.near_km:
        return True
    return _same_unit(here, there, "admin1") and not _two_units(here, there, "admin2")


def _same_unit(here: dict, there: dict, level: str) -> bool:
    return bool(here.get(level)) and here.get(level) == there.get(level)


def _two_units(here: dict, there: dict, level: str) -> bool:
    return bool(here.get(level) and there.get(level)) and here[level] != there[level]


def _precision(location: dict) -> int:
    return int(location.get("geo_precision") or 1)


def _same_named_place(here: dict, there: dict) -> bool:
    """Names folding to the same key (the English or the Arabic name), in the same
    governorate where both give one (homonyms in two governorates are two places)."""
    return not _two_units(here, there, "admin1") and bool(_place_keys(here) & _place_keys(there))


def _place_keys(location: dict) -> set[str]:
    return {name_key(str(location[f])) for f in ("name", "name_ar") if location.get(f)} - {""}


def _km(here: dict, there: dict) -> float | None:
    lat1, lon1, lat2, lon2 = here.get("lat"), here.get("lon"), there.get("lat"), there.get("lon")
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return haversine_km(float(lat1), float(lon1), float(lat2), float(lon2))


def actors_agree(a: dict, b: dict, rules: DedupRules = RULES) -> bool:
    """Their attackers agree or their targets agree, or the two sides agree crossed. Two
    different attackers of the same target are a dispute over attribution, not two
    happenings."""
    a1, a2, b1, b2 = a.get("actor1"), a.get("actor2"), b.get("actor1"), b.get("actor2")
    return (
        same_actor(a1, b1, rules)
        or same_actor(a2, b2, rules)
        or (same_actor(a1, b2, rules) and same_actor(a2, b1, rules))
    )


def same_actor(x: dict | None, y: dict | None, rules: DedupRules = RULES) -> bool:
    """One actor, or at least no disagreement: one side unnamed, the same entry or name, one
    name a more specific form of the other, or two names of one crowd."""
    if not is_named(x, rules) or not is_named(y, rules):
        return True
    assert x is not None and y is not None
    if x.get("id") and y.get("id"):
        if x["id"] == y["id"] or any({x["id"], y["id"]} <= ids for ids in rules.same_actors):
            return True
    words_x, words_y = _name_words(x), _name_words(y)
    shorter, longer = sorted((words_x, words_y), key=len)
    return bool(shorter) and longer[: len(shorter)] == shorter


def is_named(actor: dict | None, rules: DedupRules = RULES) -> bool:
    """Does the record name an actor (not missing, not 'unidentified')?"""
    if not actor:
        return False
    return actor.get("id") not in rules.unnamed_actors and bool(_name(actor))


def _name(actor: dict | None) -> str:
    return str((actor or {}).get("name") or (actor or {}).get("text") or "")


def _name_words(actor: dict) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(_name(actor))))


def same_happening(a: dict, b: dict) -> bool:
    """Do two event records tell of one happening? Type, dates, place and actors must all
    agree (see ``data/desk/dedup.yaml``)."""
    return types_agree(a, b) and dates_overlap(a, b) and same_place(a, b) and actors_agree(a, b)


# --- merging ---------------------------------------------------------------------------


def merge(reports: Sequence[Report]) -> Happening:
    """One event from reports already judged one happening. The first report's record is
    the base, with its evidence; the toll is the lowest known one (ACLED's conservative
    figure), the place the most precise, the date one the text gives, each actor the first
    one named; ``sources`` lists every report's identity, and ``disputed`` each source's
    version of the facts they disagree on."""
    if not reports:
        raise ValueError("merge() needs at least one report")
    records = [r.record for r in reports]
    merged = copy.deepcopy(records[0])
    _merge_toll(merged, records)
    _merge_place(merged, records)
    _merge_date(merged, records)
    for role in ACTOR_FIELDS:
        named = [rec[role] for rec in records if is_named(rec.get(role))]
        if named and not is_named(merged.get(role)):
            merged[role] = copy.deepcopy(named[0])
    merged["sources"] = list(dict.fromkeys(r.source for r in reports))
    merged["confidence"] = max(float(rec.get("confidence") or 0) for rec in records)
    return Happening(merged, list(reports), _disputes(reports))


def _merge_toll(merged: dict, records: list[dict]) -> None:
    known = [int(rec["fatalities"]) for rec in records if rec.get("fatalities_known")]
    if known:
        merged["fatalities"], merged["fatalities_known"] = min(known), True
    hurt = [int(rec["injuries"]) for rec in records if rec.get("injuries")]
    merged["injuries"] = min(hurt) if hurt else 0


def _merge_place(merged: dict, records: list[dict]) -> None:
    placed = [rec["location"] for rec in records if rec.get("location")]
    if placed:
        merged["location"] = copy.deepcopy(min(placed, key=_precision))


def _merge_date(merged: dict, records: list[dict]) -> None:
    """The date a text gives rather than a publication day (which may be a day late)."""
    if "date" in (merged.get("evidence") or {}):
        return
    for rec in records:
        if "date" in (rec.get("evidence") or {}) and rec.get("date_from"):
            for key in ("date", "date_from", "date_to", "time_precision"):
                merged[key] = rec.get(key)
            return


def _disputes(reports: Sequence[Report]) -> dict[str, list[tuple[str, object]]]:
    disputed: dict[str, list[tuple[str, object]]] = {}
    for field in RULES.disputed_fields:
        told = [(r, v) for r in reports if (v := _version(r.record, field)) is not None]
        if _disagree(field, [r.record.get(field) for r, _ in told], [v for _, v in told]):
            disputed[field] = [(r.source, v) for r, v in told]
    return disputed


def _version(record: dict, field: str) -> object:
    """A source's version of a fact, or None when it tells none (an unnamed actor, an
    unknown toll, no one hurt)."""
    value = record.get(field)
    if field in ACTOR_FIELDS:
        return _name(value) if is_named(value) else None
    if field == "fatalities":
        return int(value or 0) if record.get("fatalities_known") else None
    if field == "injuries":
        return int(value) if value else None
    return str(value) if isinstance(value, str) else value  # an EventType is a plain str


def _disagree(field: str, raw: list[Any], versions: list[object]) -> bool:
    """Do the sources' versions differ? Actors differ when they are not the same actor
    (a more specific name of the same one is no dispute)."""
    if field in ACTOR_FIELDS:
        return any(not same_actor(x, y) for i, x in enumerate(raw) for y in raw[i + 1 :])
    return len(set(map(repr, versions))) > 1


# --- grouping --------------------------------------------------------------------------


def group(reports: Iterable[Report]) -> list[Happening]:
    """Happenings from reports, in one pass: each report joins the first happening all of
    whose reports it matches, else starts one. All, not one: a vague report (a governorate)
    cannot chain two villages' happenings together. A report never joins a happening that
    holds another event of its own document: the extraction already told those apart.

    Only the happenings whose first report shares a day with the report are compared (an
    index by day), so that a long run of reports costs little more than its length."""
    groups: list[list[Report]] = []
    by_day: dict[dt.date, list[int]] = {}
    for report in reports:
        days = _each_day(report.record)
        candidates = sorted({number for day in days for number in by_day.get(day, ())})
        for number in candidates:
            members = groups[number]
            if all(
                m.source != report.source and same_happening(report.record, m.record)
                for m in members
            ):
                members.append(report)
                break
        else:
            for day in days:
                by_day.setdefault(day, []).append(len(groups))
            groups.append([report])
    return [merge(members) for members in groups]


def _each_day(record: dict) -> list[dt.date]:
    """Every day a record's range (widened as dates_overlap does) covers; none if undated."""
    span = _days(record, RULES)
    if span is None:
        return []
    return [span[0] + dt.timedelta(days=n) for n in range((span[1] - span[0]).days + 1)]
