"""Train the event screen (rasd.events.screening) on annotated articles.

    python scripts/train_screen.py ../shared/eval/dev            # cross-validate, then write
    python scripts/train_screen.py ../shared/eval/dev --dry-run  # cross-validate only
    python scripts/train_screen.py ../shared/eval/dev --threshold-only  # keep the weights
    python scripts/train_screen.py ../shared/eval/dev MORE_GOLD/  # several folders of gold

Every article is run through the stages up to discourse; each candidate event is labelled
by the yardstick's own pairing with the gold events (paired with a required event: a report;
left unpaired: not one; paired with an optional event: not used). A logistic model over the
candidates' traits is fitted by gradient descent with an L2 penalty. Folds of whole articles
give out-of-fold probabilities, from which the threshold that gives the best event F1 is
chosen; the model fitted on every article is written to src/rasd/data/events/screen.yaml
with that threshold and the cross-validated figures.

With ``--threshold-only`` the shipped weights are kept and only the threshold is chosen
again, on every article's candidates as the stages before the screen now find them: after
a change to those stages, retraining may fit the annotated articles closer than text rasd
has not seen, while the old weights with a new threshold do not.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from rasd.evaluation.evaluate import gold_documents
from rasd.evaluation.matching import VARIANTS, Document
from rasd.evaluation.scoring import gold_events
from rasd.events.screening import Screen, load_screen, traits
from rasd.io.ingest import read_path
from rasd.knowledge.resources import default_resources
from rasd.pipeline import STAGES, Analysis

OUT = Path(__file__).resolve().parent.parent / "src" / "rasd" / "data" / "events" / "screen.yaml"
STRICT = next(v for v in VARIANTS if v.name == "strict")


def examples(gold_dir: Path) -> tuple[list[tuple[str, dict[str, float], int]], int]:
    """(article, traits, label) of every labelled candidate, and how many required gold
    events there are."""
    resources = default_resources()
    before_screening = [s for s in STAGES if s.name not in ("screening", "record")]
    record_stage = next(s for s in STAGES if s.name == "record")
    out, required = [], 0
    for gold, path in gold_documents(gold_dir):
        published = gold.get("published")
        when = dt.datetime.fromisoformat(published) if published else None
        events = gold_events(gold["doc_id"], gold)
        required += sum(not e.optional for e in events)
        for doc in read_path(path, published=when):
            analysis = Analysis(doc)
            for stage in before_screening:
                stage.run(analysis, resources)
            cands = list(analysis.candidates)
            found = [traits(c, analysis.sentences, analysis.context, cands) for c in cands]
            record_stage.run(analysis, resources)
            predictions = [e.to_dict() for e in analysis.events]
            pairs, spurious = Document.build(gold["doc_id"], events, predictions).match(STRICT)
            for k, t in enumerate(found):
                if k in pairs:
                    out.append((gold["doc_id"], t, 1))
                elif k in spurious:
                    out.append((gold["doc_id"], t, 0))
    return out, required


def fit(rows: list[tuple[dict[str, float], int]], penalty: float, rounds: int) -> dict[str, float]:
    """Logistic regression by full-batch gradient descent with an L2 penalty (not on bias)."""
    names = sorted({n for t, _ in rows for n in t})
    w = dict.fromkeys(names, 0.0)
    rate = 0.5
    for _ in range(rounds):
        grad = dict.fromkeys(names, 0.0)
        for t, y in rows:
            p = _probability(w, t)
            for n, v in t.items():
                grad[n] += (p - y) * v
        for n in names:
            reg = 0.0 if n == "bias" else penalty * w[n]
            w[n] -= rate * (grad[n] / len(rows) + reg)
    return {n: round(v, 4) for n, v in w.items() if abs(v) >= 1e-4}


def _probability(w: dict[str, float], t: dict[str, float]) -> float:
    return Screen(w, 0.0).probability(t)


def f1_at(scored: list[tuple[float, int]], threshold: float, required: int) -> tuple[float, ...]:
    """Event precision, recall and F1 if candidates below ``threshold`` are dropped."""
    tp = sum(1 for p, y in scored if p >= threshold and y == 1)
    fp = sum(1 for p, y in scored if p >= threshold and y == 0)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def best_threshold(scored: list[tuple[float, int]], required: int) -> float:
    """The threshold (in hundredths, below 0.8) with the best event F1; of equals, the lowest."""
    thresholds = [k / 100 for k in range(0, 80)]
    return max(thresholds, key=lambda th: (round(f1_at(scored, th, required)[2], 4), -th))


def rethreshold(
    data: list[tuple[str, dict[str, float], int]], required: int, articles: int, dry_run: bool
) -> int:
    """Choose the threshold again for the shipped weights and write it in screen.yaml."""
    screen = load_screen()
    scored = [(screen.probability(t), y) for _, t, y in data]
    best = best_threshold(scored, required)
    before, after = f1_at(scored, screen.threshold, required), f1_at(scored, best, required)
    print(
        f"shipped weights: event F1 {before[2]:.3f} at threshold {screen.threshold:.2f},"
        f" {after[2]:.3f} at threshold {best:.2f}",
        file=sys.stderr,
    )
    if dry_run:
        return 0
    lines = OUT.read_text(encoding="utf-8").splitlines()
    header = [line for line in lines if line.startswith("#") and "threshold re-chosen" not in line]
    header.append(
        f"# threshold re-chosen by --threshold-only on {articles} articles ({len(data)}"
        f" candidates): event F1 {after[2]:.3f}"
    )
    body = yaml.safe_dump({"threshold": best, "weights": screen.weights}, sort_keys=True)
    OUT.write_text("\n".join(header) + "\n" + body, encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dirs", type=Path, nargs="+", metavar="GOLD_DIR")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--penalty", type=float, default=0.05)
    parser.add_argument("--rounds", type=int, default=400)
    parser.add_argument("--dry-run", action="store_true", help="cross-validate, write nothing")
    parser.add_argument(
        "--threshold-only", action="store_true", help="keep the weights, choose the threshold"
    )
    args = parser.parse_args(argv)

    data, required = [], 0
    for gold_dir in args.gold_dirs:
        found, needed = examples(gold_dir)
        data, required = data + found, required + needed
    articles = sorted({a for a, _, _ in data})
    print(
        f"{len(data)} labelled candidates ({sum(y for *_, y in data)} reports) "
        f"from {len(articles)} articles; {required} required gold events",
        file=sys.stderr,
    )
    if args.threshold_only:
        return rethreshold(data, required, len(articles), args.dry_run)
    scored: list[tuple[float, int]] = []
    for fold in range(args.folds):
        held = set(articles[fold :: args.folds])
        model = fit([(t, y) for a, t, y in data if a not in held], args.penalty, args.rounds)
        scored += [(_probability(model, t), y) for a, t, y in data if a in held]
    best = best_threshold(scored, required)
    before, after = f1_at(scored, 0.0, required), f1_at(scored, best, required)
    print(
        f"cross-validated: P/R/F1 {before[0]:.3f}/{before[1]:.3f}/{before[2]:.3f} unscreened,"
        f" {after[0]:.3f}/{after[1]:.3f}/{after[2]:.3f} at threshold {best:.2f}",
        file=sys.stderr,
    )
    if args.dry_run:
        return 0
    model = fit([(t, y) for _, t, y in data], args.penalty, args.rounds)
    header = (
        "# The event screen (rasd.events.screening): logistic weights over candidate traits\n"
        "# and the probability below which an event is left out. Written by\n"
        f"# scripts/train_screen.py from {len(articles)} annotated articles "
        f"({len(data)} candidates); cross-validated\n"
        f"# over {args.folds} folds of articles: event F1 {before[2]:.3f} unscreened, "
        f"{after[2]:.3f} screened. Do not edit by hand.\n"
    )
    body = yaml.safe_dump({"threshold": best, "weights": model}, sort_keys=True)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
