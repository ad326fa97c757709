"""Extraction is pinned: a change of structure or speed must not change a single event.

The pinned files are made by scripts/pin_predictions.py. A change that means to change
extraction rewrites them in the same commit, so the diff shows what it changed.
"""

import json

import pytest
from pinning import DEV, PINNED, dev_predictions, pinned_form, sample_predictions


def pinned(name: str) -> dict[str, dict]:
    lines = (PINNED / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["doc_id"]: r for r in map(json.loads, lines)}


def differences(now: list[dict], before: dict[str, dict]) -> list[str]:
    current = {r["doc_id"]: pinned_form(r) for r in now}
    out = [f"{d}: no longer extracted" for d in before.keys() - current.keys()]
    out += [f"{d}: not pinned" for d in current.keys() - before.keys()]
    for doc_id in sorted(current.keys() & before.keys()):
        if current[doc_id] != before[doc_id]:
            out.append(f"{doc_id}: {json.dumps(current[doc_id], ensure_ascii=False)}")
    return out


def test_sample_predictions_are_unchanged():
    assert differences(sample_predictions(), pinned("samples")) == []


def test_dev_predictions_are_unchanged():
    if not DEV.is_dir():
        pytest.skip(f"{DEV} is not there")
    assert differences(dev_predictions(), pinned("dev")) == []
