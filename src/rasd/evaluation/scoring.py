"""Scoring predicted events against gold annotations, by the rules of shared/eval/GUIDE.md:
the figures and the printed report.

`rasd eval` hands the scoring to the yardstick script when it lies beside the gold folder; this
module is rasd's own implementation of the same rules for when it does not, and must give the
same figures and print the same text.

A prediction and a gold event pair when their event types agree, the predicted place lies
within max(50 km, gold tolerance) of the gold point or bears one of the gold names, and the
predicted date range overlaps the gold range with one day of slack each side
(:mod:`rasd.evaluation.scored_events`, names folded by :mod:`rasd.evaluation.name_folding`). In
each document the pairing with the most pairs, and among those the one whose pairs agree on the
most attributes, is used; predictions left over that pair with an optional gold event are
neither rewarded nor punished (:mod:`rasd.evaluation.matching`). Attribute accuracy is then
taken over the pairs.

The names of those modules are importable from here as they used to be.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.evaluation.matching import (
    AGREEMENT_WEIGHT,
    PAIR_WEIGHT,
    VARIANTS,
    Document,
    Variant,
    best_pairs,
)
from rasd.evaluation.name_folding import ScoringError, fold_name
from rasd.evaluation.scored_events import (
    ATTRIBUTES,
    DATE_SLACK,
    DEFAULT_TOLERANCE_KM,
    EARTH_RADIUS_KM,
    PAIRING_KM,
    Comparison,
    GoldEvent,
    Point,
    PredictedEvent,
    compare,
    distance_km,
)

__all__ = [
    "AGREEMENT_WEIGHT",
    "ATTRIBUTES",
    "DATE_SLACK",
    "DEFAULT_TOLERANCE_KM",
    "EARTH_RADIUS_KM",
    "PAIRING_KM",
    "PAIR_WEIGHT",
    "VARIANTS",
    "Comparison",
    "Document",
    "GoldEvent",
    "Point",
    "PredictedEvent",
    "ScoreReport",
    "ScoringError",
    "Variant",
    "best_pairs",
    "compare",
    "distance_km",
    "fold_name",
    "format_report",
    "load_gold",
    "load_predictions",
    "score_predictions",
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


def gold_events(doc_id: str, record: dict) -> list[GoldEvent]:
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
        Document.build(doc_id, gold_events(doc_id, record), predicted.get(doc_id, []))
        for doc_id, record in gold.items()
    ]
    details: list[str] | None = [] if verbose else None
    result: dict[str, Any] = {
        variant.name: _tally(documents, variant, details if variant.name == "strict" else None)
        for variant in VARIANTS
    }
    result["unknown_doc_ids"] = sorted(set(predicted) - set(gold))
    return ScoreReport(result, format_report(result, details or ()))
