"""`rasd eval`: extraction over a folder of gold files, scored like shared/eval/score.py.

The gold format is described in shared/eval/GUIDE.md. When the yardstick script lies next to
the gold folder (or is named with --scorer) it does the scoring, so the figures are the
yardstick's own; otherwise rasd's own implementation of the same rules
(rasd.evaluation.scoring) does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from rasd.io.export import Result
from rasd.io.ingest import IngestError, read_path


class EvaluationError(Exception):
    """The gold folder or the scorer cannot be used."""


@dataclass
class EvaluationReport:
    text: str  # what the scorer printed
    predictions: str  # the predictions, JSON Lines
    documents: int
    seconds: float  # extraction time, dictionaries loaded
    load_seconds: float
    scorer: str


def gold_documents(gold_dir: Path) -> list[tuple[dict, Path]]:
    """(gold record, document path) for each gold file in the folder."""
    if not gold_dir.is_dir():
        raise EvaluationError(f"{gold_dir}: not a folder")
    out = []
    for path in sorted(gold_dir.rglob("*.json")):
        try:
            gold = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
            raise EvaluationError(f"{path}: not a readable gold file ({err})") from None
        if not isinstance(gold, dict) or "doc_id" not in gold or "events" not in gold:
            continue
        document = path.parent / gold.get("document", "")
        if not gold.get("document") or not document.is_file():
            raise EvaluationError(f"{path}: its document {gold.get('document')!r} is missing")
        out.append((gold, document))
    if not out:
        raise EvaluationError(f"{gold_dir}: no gold files (JSON with doc_id and events)")
    return out


def predict(gold_dir: Path) -> tuple[list[Result], float, float]:
    """Extract every gold document; returns the results, load time and extraction time."""
    from rasd.knowledge.resources import default_resources
    from rasd.pipeline import process

    started = time.perf_counter()
    resources = default_resources()
    loaded = time.perf_counter()
    results = []
    for gold, path in gold_documents(gold_dir):
        published = gold.get("published")
        try:
            import datetime as dt

            when = dt.datetime.fromisoformat(published) if published else None
            docs = list(read_path(path, published=when))
        except (IngestError, ValueError) as err:
            print(f"rasd: warning: {path}: {err}", file=sys.stderr)
            continue
        for doc in docs:
            doc.doc_id = gold["doc_id"]
            if gold.get("language") in ("ar", "en"):
                doc.language = gold["language"]
            results.append(process(doc, resources))
    finished = time.perf_counter()
    return results, loaded - started, finished - loaded


def find_scorer(gold_dir: Path, scorer: str | None) -> Path | None:
    if scorer:
        path = Path(scorer)
        if not path.is_file():
            raise EvaluationError(f"{scorer}: no such scorer")
        return path
    for candidate in (gold_dir / "score.py", gold_dir.parent / "score.py"):
        if candidate.is_file():
            return candidate
    return None


def evaluate(gold_dir: Path, scorer: str | None = None, verbose: bool = False) -> EvaluationReport:
    script = find_scorer(gold_dir, scorer)
    results, load_seconds, seconds = predict(gold_dir)
    lines = "".join(
        json.dumps(
            {"doc_id": r.document.doc_id, "events": [e.to_dict() for e in r.events]},
            ensure_ascii=False,
        )
        + "\n"
        for r in results
    )
    if script is None:
        from rasd.evaluation.scoring import score_predictions

        report = score_predictions(gold_dir, [json.loads(x) for x in lines.splitlines()], verbose)
        text, used = report.text, "rasd.evaluation.scoring (no score.py beside the gold folder)"
    else:
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            tmp.write(lines)
        command = [sys.executable, str(script), str(gold_dir), tmp.name]
        if verbose:
            command.append("--verbose")
        done = subprocess.run(command, capture_output=True, text=True)
        Path(tmp.name).unlink(missing_ok=True)
        if done.returncode != 0:
            raise EvaluationError(f"{script} failed: {done.stderr.strip() or done.stdout.strip()}")
        text, used = done.stdout, str(script)
    return EvaluationReport(text, lines, len(results), max(seconds, 1e-9), load_seconds, used)


def by_type(gold_dir: Path, predictions: str) -> str:
    """A table of strict precision, recall and F1 per ACLED event type (rasd.evaluation.scoring)."""
    from rasd.evaluation.scoring import score_predictions
    from rasd.knowledge.taxonomy import EventType

    records = [json.loads(line) for line in predictions.splitlines()]
    lines = [f"{'event type':28s} {'gold':>4s} {'tp':>4s} {'fp':>4s} {'fn':>4s}    P     R     F1"]
    for event_type in EventType:
        s = score_predictions(gold_dir, records, event_type=event_type).result["strict"]
        lines.append(
            f"{event_type:28s} {s['tp'] + s['fn']:4d} {s['tp']:4d} {s['fp']:4d} {s['fn']:4d}"
            f"  {s['precision']:.2f}  {s['recall']:.2f}  {s['f1']:.2f}"
        )
    return "\n".join(lines)
