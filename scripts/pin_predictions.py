"""Record what rasd extracts today, so that a restructure can prove it changed nothing.

    .venv/bin/python scripts/pin_predictions.py          # rewrite tests/pinned/*.jsonl

Writes one JSON line per document (doc_id and its events, see tests/pinning.py) for the
bundled samples and, when ../shared/eval/dev sits beside the checkout, for the dev set,
together with the dev scores (tests/dev_baseline.json) that tests/test_dev_score.py guards.
tests/test_pinned_predictions.py compares fresh predictions with these files. A change
that means to change extraction rewrites them in the same commit.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from pinning import DEV, PINNED, dev_predictions, pinned_form, sample_predictions  # noqa: E402

from rasd.evaluation.scoring import score_predictions  # noqa: E402

BASELINE = ROOT / "tests" / "dev_baseline.json"


def write(name: str, records: list[dict]) -> None:
    path = PINNED / f"{name}.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(pinned_form(record), ensure_ascii=False, sort_keys=True) + "\n")
    events = sum(len(r["events"]) for r in records)
    print(f"{path.relative_to(ROOT)}: {len(records)} documents, {events} events")


def write_baseline(records: list[dict]) -> None:
    strict = score_predictions(DEV, records).result["strict"]
    baseline = {
        "f1": strict["f1"],
        "attributes": strict["attributes"],
        "documents": len(records),
        "command": "python scripts/pin_predictions.py (rasd scoring on ../shared/eval/dev)",
        "note": "strict event F1 and attribute accuracy on the dev set; tests fail when a "
        "figure falls more than 0.02 below",
    }
    BASELINE.write_text(json.dumps(baseline, indent=2) + "\n", encoding="utf-8")
    print(f"{BASELINE.relative_to(ROOT)}: dev F1 {strict['f1']}")


def main() -> None:
    write("samples", sample_predictions())
    if DEV.is_dir():
        records = dev_predictions()
        write("dev", records)
        write_baseline(records)
    else:
        print(f"{DEV} is not there: dev predictions left as they were")


if __name__ == "__main__":
    main()
