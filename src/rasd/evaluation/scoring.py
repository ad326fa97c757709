"""Scoring predicted events against gold annotations, by the rules of shared/eval/GUIDE.md.

`rasd eval` hands the scoring to the yardstick script when it lies beside the gold folder; this
module is rasd's own implementation of the same rules for when it does not, and must give the
same figures and print the same text.

A prediction and a gold event pair when their event types agree, the predicted place lies
within max(50 km, gold tolerance) of the gold point or bears one of the gold names, and the
predicted date range overlaps the gold range with one day of slack each side. In each document
the pairing with the most pairs, and among those the one whose pairs agree on the most
attributes, is used; predictions left over that pair with an optional gold event are neither
rewarded nor punished. Attribute accuracy is then taken over the pairs.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ATTRIBUTES = ("sub_event_type", "actor1", "actor2", "date", "location", "admin1", "fatalities")
PAIRING_KM = 50
DEFAULT_TOLERANCE_KM = 10
EARTH_RADIUS_KM = 6371.0
DATE_SLACK = dt.timedelta(days=1)
# Pair weights for the assignment, as the yardstick sets them: a pair outweighs the attribute
# agreements of up to 14 other pairs, so in any document of ordinary size the most pairs win
# and attribute agreement chooses among them.
PAIR_WEIGHT = 1000
AGREEMENT_WEIGHT = 10


class ScoringError(ValueError):
    """The gold folder or the predictions cannot be scored."""


# --- name folding -------------------------------------------------------------------------

_PERIOD_SUFFIX = re.compile(r"\(\s*\d{4}\s*-\s*\d{0,4}\s*\)")  # ACLED's "(2000-)", "(2000-2024)"
_PUNCTUATION = re.compile(r"[^\w\s]")
_ARABIC_MARK_RANGES = (  # harakat, Quranic marks, superscript alef and tatweel
    (0x0610, 0x061A),
    (0x0640, 0x0640),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
)
_ARABIC_LETTER_VARIANTS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}
_ARABIC_FOLDING = {
    **{code: None for low, high in _ARABIC_MARK_RANGES for code in range(low, high + 1)},
    **{ord(variant): plain for variant, plain in _ARABIC_LETTER_VARIANTS.items()},
}
_FILLER_WORDS = frozenset({"the", "of", "al", "el"})
_ARABIC_ARTICLE = "ال"
_ARTICLE_MIN_WORD = 5  # the article is taken off words of at least this many letters


def fold_name(value: object) -> str:
    """A name folded for comparison: case, NFKC, period suffix, Arabic variants, punctuation,
    the filler words the/of/al/el and the Arabic article on long words."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value)).lower()
    text = _PERIOD_SUFFIX.sub(" ", text).translate(_ARABIC_FOLDING)
    words = []
    for word in _PUNCTUATION.sub(" ", text).split():
        if word in _FILLER_WORDS:
            continue
        if word.startswith(_ARABIC_ARTICLE) and len(word) >= _ARTICLE_MIN_WORD:
            word = word[len(_ARABIC_ARTICLE) :]
        words.append(word)
    return " ".join(words)


_UNIDENTIFIED_NAMES = frozenset(
    fold_name(name)
    for name in (
        "",
        "unidentified",
        "unknown",
        "unidentified armed group",
        "none",
        "null",
        "مجهول",
        "جهة مجهولة",
        "مسلحون مجهولون",
    )
)


def _is_unidentified(folded: str) -> bool:
    return folded in _UNIDENTIFIED_NAMES or folded.startswith("unidentified")


def _name_of(value: object) -> object:
    """The name in a predicted actor: a string, an object with `name` (or `text`), or a list."""
    if isinstance(value, dict):
        return value.get("name") or value.get("text") or ""
    if isinstance(value, list):
        return _name_of(value[0]) if value else ""
    return value or ""


def _folded_set(value: object) -> frozenset[str] | None:
    """Acceptable gold values (a string or a list), folded; None when the value is unset."""
    if not value:
        return None
    return frozenset(fold_name(v) for v in ([value] if isinstance(value, str) else value))


# --- events -------------------------------------------------------------------------------

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
            actor1=fold_name(_name_of(raw.get("actor1"))),
            actor2=fold_name(_name_of(raw.get("actor2"))),
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
            sub_event_types=_folded_set(raw.get("sub_event_type")),
            actor1=actor1,
            actor2=actor2,
            first_day=first_day,
            last_day=last_day,
            point=_point(place.get("lat"), place.get("lon")),
            tolerance_km=DEFAULT_TOLERANCE_KM if tolerance is None else tolerance,
            place_names=frozenset(fold_name(n) for n in place.get("names") or []),
            admin1=_folded_set(place.get("admin1")),
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
    return _is_unidentified(predicted) if not gold else predicted in gold


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


# --- matching -----------------------------------------------------------------------------


def _cheapest_assignment(cost: list[list[int]]) -> list[int]:
    """For a square cost matrix, the row assigned to each column in a cheapest assignment
    (Hungarian method: rows are added one at a time along shortest augmenting paths)."""
    size = len(cost)
    # 1-based rows and columns; column 0 is the virtual start of each augmenting path.
    row_potential = [0] * (size + 1)
    column_potential = [0] * (size + 1)
    owner = [0] * (size + 1)  # column -> its row, 0 while free
    for row in range(1, size + 1):
        owner[0] = row
        column = 0
        slack = [math.inf] * (size + 1)
        reached_from = [0] * (size + 1)
        visited = [False] * (size + 1)
        while owner[column] != 0:
            visited[column] = True
            here = owner[column]
            step, nearest = math.inf, 0
            for other in range(1, size + 1):
                if visited[other]:
                    continue
                reduced = cost[here - 1][other - 1] - row_potential[here] - column_potential[other]
                if reduced < slack[other]:
                    slack[other], reached_from[other] = reduced, column
                if slack[other] < step:
                    step, nearest = slack[other], other
            for other in range(size + 1):
                if visited[other]:
                    row_potential[owner[other]] += step
                    column_potential[other] -= step
                else:
                    slack[other] -= step
            column = nearest
        while column:
            previous = reached_from[column]
            owner[column] = owner[previous]
            column = previous
    return [owner[column] - 1 for column in range(1, size + 1)]


def best_pairs(weights: list[list[int]]) -> dict[int, int]:
    """Row -> column pairs of greatest total weight, a weight of 0 forbidding the pair."""
    if not weights or not weights[0]:
        return {}
    rows, columns = len(weights), len(weights[0])
    size = max(rows, columns)
    top = max(max(line) for line in weights)
    cost = [
        [top - (weights[r][c] if r < rows and c < columns else 0) for c in range(size)]
        for r in range(size)
    ]
    pairs = {}
    for column, row in enumerate(_cheapest_assignment(cost)):
        if row < rows and column < columns and weights[row][column] > 0:
            pairs[row] = column
    return pairs


def _pair_weight(comparison: Comparison, variant: Variant) -> int:
    if not comparison.allows(variant.need_date, variant.need_type):
        return 0
    return PAIR_WEIGHT + AGREEMENT_WEIGHT * sum(comparison.agreement.values())


# --- scoring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variant:
    name: str
    need_date: bool
    need_type: bool


VARIANTS = (
    Variant("strict", need_date=True, need_type=True),
    Variant("no_date", need_date=False, need_type=True),
    Variant("any_type", need_date=True, need_type=False),
)


@dataclass
class Document:
    """One gold document with the predictions made for it, each compared with each event."""

    doc_id: str
    required: list[GoldEvent]
    optional: list[GoldEvent]
    predictions: list[PredictedEvent]
    comparisons: dict[tuple[int, int, bool], Comparison]  # (prediction, event, optional)

    @classmethod
    def build(cls, doc_id: str, events: list[GoldEvent], predictions: list[dict]) -> Document:
        required = [e for e in events if not e.optional]
        optional = [e for e in events if e.optional]
        predicted = [PredictedEvent.from_dict(p) for p in predictions]
        comparisons = {
            (p, g, is_optional): compare(pred, gold)
            for p, pred in enumerate(predicted)
            for is_optional, group in ((False, required), (True, optional))
            for g, gold in enumerate(group)
        }
        return cls(doc_id, required, optional, predicted, comparisons)

    def match(self, variant: Variant) -> tuple[dict[int, int], list[int]]:
        """Prediction -> required event pairs, and the predictions that pair with nothing."""
        everything = list(range(len(self.predictions)))
        pairs = best_pairs(self._weights(variant, everything, optional=False))
        rest = [p for p in everything if p not in pairs]
        neutral = best_pairs(self._weights(variant, rest, optional=True))
        return pairs, [p for i, p in enumerate(rest) if i not in neutral]

    def _weights(self, variant: Variant, predictions: list[int], optional: bool) -> list[list[int]]:
        events = len(self.optional if optional else self.required)
        return [
            [_pair_weight(self.comparisons[p, g, optional], variant) for g in range(events)]
            for p in predictions
        ]


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _tally(documents: list[Document], variant: Variant, details: list[str] | None) -> dict:
    tp = fp = fn = 0
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for doc in documents:
        pairs, spurious = doc.match(variant)
        tp += len(pairs)
        fn += len(doc.required) - len(pairs)
        fp += len(spurious)
        for p, g in pairs.items():
            for attribute, agrees in doc.comparisons[p, g, False].agreement.items():
                seen[attribute] += 1
                right[attribute] += agrees
        if details is not None:
            found = set(pairs.values())
            details.extend(
                f"{doc.doc_id}: {gold.summary()}"
                for g, gold in enumerate(doc.required)
                if g not in found
            )
            details.extend(f"{doc.doc_id}: {doc.predictions[p].summary()}" for p in spurious)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "documents": len(documents),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "attributes": {a: round(right[a] / seen[a], 3) if seen[a] else None for a in ATTRIBUTES},
    }


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """doc_id -> gold record, for every JSON file under the folder with doc_id and events."""
    records: dict[str, dict] = {}
    for path in sorted(Path(gold_dir).rglob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise ScoringError(f"{path}: not a readable JSON file ({err})") from None
        if isinstance(record, dict) and "doc_id" in record and "events" in record:
            records[record["doc_id"]] = record
    if not records:
        raise ScoringError(f"{gold_dir}: no gold documents (JSON files with doc_id and events)")
    return records


def _gold_events(doc_id: str, record: dict) -> list[GoldEvent]:
    events = record["events"]
    if not isinstance(events, list):
        raise ScoringError(f"gold document {doc_id}: events is not a list")
    out = []
    for number, event in enumerate(events, 1):
        try:
            if not isinstance(event, dict):
                raise ValueError("not an object")
            out.append(GoldEvent.from_dict(event))
        except (TypeError, ValueError) as err:
            raise ScoringError(f"gold document {doc_id}: event {number}: {err}") from None
    return out


def _prediction_records(source: Path | list[dict]) -> Iterable[tuple[str, object]]:
    """(where, record) for each record of a JSON Lines file or a list of records."""
    if isinstance(source, list):
        yield from ((f"prediction record {n}", r) for n, r in enumerate(source, 1))
        return
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ScoringError(f"{source}: cannot read the predictions ({err})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield f"{source}:{number}", json.loads(line)
        except json.JSONDecodeError as err:
            raise ScoringError(f"{source}:{number}: not JSON: {err}") from None


def load_predictions(source: Path | list[dict]) -> dict[str, list[dict]]:
    """doc_id -> predicted events, from JSON Lines (or records) `{"doc_id", "events"}`."""
    out: dict[str, list[dict]] = {}
    for where, record in _prediction_records(source):
        if not isinstance(record, dict):
            raise ScoringError(f"{where}: not an object with doc_id and events")
        events = record.get("events") or []
        if not isinstance(events, list):
            raise ScoringError(f"{where}: events is not a list")
        out.setdefault(str(record.get("doc_id")), []).extend(
            e for e in events if isinstance(e, dict)
        )
    return out


@dataclass(frozen=True)
class ScoreReport:
    result: dict[str, Any]  # what score.py prints with --json
    text: str  # what score.py prints without it


def format_report(result: dict[str, Any], details: Sequence[str] = ()) -> str:
    """The scorer's printed report: missed/spurious lines (if given), then the figures."""
    lines = list(details)
    for name in ("no_date", "any_type"):
        s = result[name]
        lines.append(f"{name:<9} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}")
    strict = result["strict"]
    attributes = " ".join(
        f"{name} {'-' if value is None else format(value, '.2f')}"
        for name, value in strict["attributes"].items()
    )
    lines.append(f"attributes over {strict['tp']} matched: {attributes}")
    unknown = result["unknown_doc_ids"]
    if unknown:
        lines.append(f"predictions for {len(unknown)} unknown doc_ids ignored, e.g. {unknown[0]}")
    lines.append(
        f"event F1 {strict['f1']:.3f} (P {strict['precision']:.3f} R {strict['recall']:.3f};"
        f" tp {strict['tp']} fp {strict['fp']} fn {strict['fn']};"
        f" {strict['documents']} documents)"
    )
    return "".join(line + "\n" for line in lines)


def score_predictions(
    gold_dir: Path,
    predictions: Path | list[dict],
    verbose: bool = False,
    event_type: str | None = None,
) -> ScoreReport:
    """Score predictions (a JSON Lines file or its records) against the gold folder; with
    ``event_type``, only the gold and predicted events of that type."""
    gold = load_gold(gold_dir)
    predicted = load_predictions(predictions)
    if event_type is not None:
        wanted = fold_name(event_type)
        gold = {
            doc_id: {
                **record,
                "events": [e for e in record["events"] if fold_name(e.get("event_type")) == wanted],
            }
            for doc_id, record in gold.items()
        }
        predicted = {
            doc_id: [e for e in events if fold_name(e.get("event_type")) == wanted]
            for doc_id, events in predicted.items()
        }
    documents = [
        Document.build(doc_id, _gold_events(doc_id, record), predicted.get(doc_id, []))
        for doc_id, record in gold.items()
    ]
    details: list[str] | None = [] if verbose else None
    result: dict[str, Any] = {
        variant.name: _tally(documents, variant, details if variant.name == "strict" else None)
        for variant in VARIANTS
    }
    result["unknown_doc_ids"] = sorted(set(predicted) - set(gold))
    return ScoreReport(result, format_report(result, details or ()))
