"""Predictions in the form they are pinned in tests/pinned/: one record per document.

The article text never enters the project, so a pinned record keeps offsets, names from
rasd's own dictionaries and every number, but no words of the article: evidence and
location keep ``start``/``end`` without ``text``, notes are dropped, and an actor the
dictionary does not know is named by a digest of its words. ``digest`` covers the whole
record, words included, so a change in any of them still shows.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from rasd.cli import sample_paths
from rasd.evaluation.evaluate import predict
from rasd.io.ingest import read_path
from rasd.pipeline import process

PINNED = Path(__file__).resolve().parent / "pinned"
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"


def _digest(value: Any) -> str:
    data = json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def _without_words(event: dict[str, Any]) -> dict[str, Any]:
    out = dict(event)
    out.pop("notes", None)
    out["evidence"] = {
        role: {"start": span["start"], "end": span["end"]}
        for role, span in event["evidence"].items()
    }
    for role in ("actor1", "actor2", "claimed_by", "denied_by"):
        actor = event[role]
        if actor is not None:
            name = actor["name"] if actor["id"] is not None else _digest(actor["name"])
            out[role] = {"id": actor["id"], "name": name}
    if event["location"] is not None:
        out["location"] = {k: v for k, v in event["location"].items() if k != "text"}
    return out


def pinned_form(record: dict[str, Any]) -> dict[str, Any]:
    """A prediction record ({doc_id, events}) as it is pinned."""
    events = record["events"]
    return {
        "doc_id": record["doc_id"],
        "digest": _digest(events),
        "events": [_without_words(e) for e in events],
    }


def sample_predictions() -> list[dict[str, Any]]:
    """Prediction records ({doc_id, events}) of the bundled samples."""
    return [
        {"doc_id": doc.doc_id, "events": [e.to_dict() for e in process(doc).events]}
        for path in sample_paths()
        for doc in read_path(path)
    ]


def dev_predictions() -> list[dict[str, Any]]:
    """Prediction records ({doc_id, events}) of ../shared/eval/dev."""
    results, _, _ = predict(DEV)
    return [
        {"doc_id": r.document.doc_id, "events": [e.to_dict() for e in r.events]} for r in results
    ]
