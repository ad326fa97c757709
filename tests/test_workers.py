"""`--workers N`: extraction in N processes gives what one process gives, in input order, and
one bad document never stops the others."""

import itertools
import json
import os

import pytest

import rasd.pipeline
from rasd.cli import main
from rasd.model import Document
from rasd.workers import WORKER_DIED, Failure, extract_in_workers

SHELLING = "Government forces shelled the town of Kafr Nabl on {day}, killing {n} civilians.\n"
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@pytest.fixture
def feed(tmp_path):
    """A JSON Lines file of 40 short reports, told apart by their day and toll."""
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for n in range(40):
            text = SHELLING.format(day=DAYS[n % 7], n=n + 2)
            record = {"doc_id": f"report-{n}", "text": text, "published": "2024-01-15"}
            out.write(json.dumps(record) + "\n")
    return path


def extract(capsys, *argv):
    code = main(["extract", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, [json.loads(line) for line in out.splitlines()], err


def documents(count, text="Government forces shelled Kafr Nabl, killing two civilians."):
    for n in range(count):
        yield Document(doc_id=f"doc-{n}", text=text, language="en")


def test_two_workers_give_the_records_of_one_in_input_order(feed, capsys):
    _, alone, _ = extract(capsys, feed)
    code, shared, _ = extract(capsys, "--workers", 2, feed)
    assert code == 0
    assert [r["doc_id"] for r in shared] == [f"report-{n}" for n in range(40)]
    assert shared == alone


def test_a_document_extraction_fails_on_is_reported_and_the_others_go_on(feed, capsys, monkeypatch):
    process = rasd.pipeline.process

    def fails_on_report_7(doc, resources=None):
        if doc.doc_id == "report-7":
            raise KeyError("boom")
        return process(doc, resources)

    monkeypatch.setattr(rasd.pipeline, "process", fails_on_report_7)  # forked workers inherit it
    code, shared, err = extract(capsys, "--workers", 2, feed)
    assert code == 1
    assert len(shared) == 39 and "report-7" not in [r["doc_id"] for r in shared]
    assert f"rasd: error: {feed}:8: extraction failed (KeyError: 'boom')" in err


def test_a_document_that_kills_its_worker_fails_alone(monkeypatch):
    process = rasd.pipeline.process

    def dies_on_doc_5(doc, resources=None):
        if doc.doc_id == "doc-5":
            os._exit(3)
        return process(doc, resources)

    monkeypatch.setattr(rasd.pipeline, "process", dies_on_doc_5)
    outcomes = list(extract_in_workers(documents(12), workers=2, chunk_size=2))
    failed = [o for o in outcomes if isinstance(o, Failure)]
    assert [(f.document.doc_id, f.reason) for f in failed] == [("doc-5", WORKER_DIED)]
    assert [o.document.doc_id for o in outcomes] == [f"doc-{n}" for n in range(12)]


def test_documents_are_read_only_as_fast_as_the_workers_take_them():
    endless = documents(count=10**12)  # never read to the end: memory stays flat
    first = list(itertools.islice(extract_in_workers(endless, workers=2), 5))
    assert [result.document.doc_id for result in first] == [f"doc-{n}" for n in range(5)]


def test_ingest_with_workers_stores_every_document(feed, tmp_path, capsys):
    db = tmp_path / "events.sqlite"
    code = main(["ingest", "--workers", "2", "--db", str(db), str(feed)])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "stored 40 new documents" in out


@pytest.mark.parametrize("value", ["0", "-2", "two"])
def test_workers_must_be_a_number_of_processes(feed, capsys, value):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--workers", value, str(feed)])
    assert exit_.value.code == 2
    assert "--workers: not a number of processes" in capsys.readouterr().err
