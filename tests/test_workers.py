"""`--workers N`: extraction in N processes gives what one process gives, in input order, and
one bad document never stops the others."""

import csv
import io
import itertools
import json
import os
import re
import sys

import pytest

import rasd.cli
import rasd.pipeline
from rasd.cli import main
from rasd.model import Document
from rasd.workers import (
    CHUNK_SIZE,
    IN_FLIGHT_PER_WORKER,
    WORKER_DIED,
    Failure,
    Kept,
    extract_in_workers,
    in_order,
)

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


def process_that_dies_on(doc_id: str):
    """rasd's own extraction, but the worker process dies on the document ``doc_id``."""
    process = rasd.pipeline.process

    def dies(doc, resources=None):
        if doc.doc_id == doc_id:
            os._exit(3)
        return process(doc, resources)

    return dies


def test_a_document_that_kills_its_worker_fails_alone(monkeypatch):
    monkeypatch.setattr(rasd.pipeline, "process", process_that_dies_on("doc-5"))
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


# `rasd extract --workers N` to JSON Lines, CSV or GeoJSON reads, extracts and writes in the
# workers (rasd.extract_workers): what it prints, on standard output and on standard error,
# and its exit code are those of one process, whatever the inputs hold.

GOOD_EN = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"
GOOD_AR = "قصفت قوات النظام بلدة كفرنبل يوم الاثنين ما أدى إلى مقتل ثلاثة مدنيين.\n"
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Example Wire</title>
<item><title>Clashes near a northern town</title><link>https://wire.example/clashes</link>
<pubDate>Mon, 04 Mar 2024 09:30:00 +0300</pubDate><description>Government forces clashed with
rebels near the town of Saraqib on Sunday, killing two fighters.</description></item>
<item><title>Protest</title><link>https://wire.example/protest</link>
<description>Hundreds of people marched in Damascus on Tuesday.</description></item>
</channel></rss>
"""


def _same_for_any_clock(fmt, out, err):
    """The output and messages without what the clock puts in them: the summary's seconds and
    the CSV's timestamp column."""
    err = re.sub(r" in \d+\.\d s$", " in - s", err, flags=re.MULTILINE)
    if fmt == "csv" and out:
        rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"), newline="")))
        stamp = rows[0].index("timestamp")
        out = [row[:stamp] + row[stamp + 1 :] for row in rows] + [out.startswith("\ufeff")]
    return out, err


def one_and_two(capsys, monkeypatch, *argv, stdin=None):
    """(exit code, output, messages) of `rasd extract ARGV` in one process and with two
    workers."""
    runs = []
    for workers in ([], ["--workers", "2"]):
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        code = main(["extract", *workers, *map(str, argv)])
        out, err = capsys.readouterr()
        fmt = next((a for a, b in zip(argv, argv[1:]) if b == "csv" and a == "--format"), None)
        runs.append((code, *_same_for_any_clock("csv" if fmt else "", out, err)))
    return runs


def record(doc_id, text=GOOD_EN, **fields):
    return json.dumps({"doc_id": doc_id, "text": text, **fields}, ensure_ascii=False)


@pytest.fixture
def mixed(tmp_path):
    """A folder of every kind of input, good and bad: records (bad ones among them), pages,
    texts, a feed, an array of records, an empty feed, a file that is not text."""
    folder = tmp_path / "inputs"
    (folder / "pages").mkdir(parents=True)
    lines = [
        record("dated", published="2024-01-15T10:00:00+03:00"),
        "",
        '{"doc_id": "broken", "text": ',
        record("undated", GOOD_AR),
        json.dumps({"doc_id": "no-text"}),
        record("bad-date", published="yesterday"),
        record("other", "昨天市议会通过了新图书馆的预算，图书馆将于明年春天开放。"),
        "   ",
        record("last"),
    ]
    (folder / "a-records.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "b-blank.jsonl").write_text("\n  \n", encoding="utf-8")
    stops = [record("before").encode(), b"\x89PNG\x00\xff\xfe not text", record("after").encode()]
    (folder / "c-stops.jsonl").write_bytes(b"\n".join(stops) + b"\n")
    (folder / "d-array.json").write_text(
        json.dumps([{"doc_id": "in-array", "text": GOOD_EN}, {"doc_id": "empty"}]),
        encoding="utf-8",
    )
    (folder / "e-wire.rss").write_text(RSS, encoding="utf-8")
    (folder / "pages" / "page.html").write_text(
        f"<html><body><article><h1>Shelling in Idlib</h1><p>{GOOD_EN}</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "pages" / "menu.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    (folder / "pages" / "ar.txt").write_text(GOOD_AR, encoding="utf-8")
    (folder / "pages" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (folder / "pages" / "empty.txt").write_text("  \n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_two_workers_say_and_write_what_one_process_does(mixed, tmp_path, capsys, monkeypatch, fmt):
    missing = tmp_path / "missing.jsonl"
    argv = ["--format", fmt, mixed, missing, tmp_path / "missing.txt"]
    alone, shared = one_and_two(capsys, monkeypatch, *argv)
    assert shared == alone
    code, out, err = alone
    assert code == 1 and out and "a-records.jsonl:3: not JSON" in err and "missing.jsonl" in err
    assert "missing.txt: no such file" in err
    assert "c-stops.jsonl:2: binary file, not text" in err and '"after"' not in str(out)


def test_two_workers_date_the_undated_records_with_published(mixed, capsys, monkeypatch):
    alone, shared = one_and_two(
        capsys, monkeypatch, "--published", "2024-02-01T12:00:00+03:00", mixed
    )
    assert shared == alone
    assert '"published": "2024-02-01T12:00:00+03:00"' in alone[1]


def test_two_workers_read_records_on_standard_input_as_one_process(capsys, monkeypatch):
    lines = [record("first"), '{"doc_id": "broken", "text": ', "", record("third", GOOD_AR)]
    stdin = ("\n".join(lines) + "\n").encode("utf-8")
    alone, shared = one_and_two(capsys, monkeypatch, "-", stdin=stdin)
    assert shared == alone
    assert alone[0] == 1 and "rasd: error: stdin:2: not JSON" in alone[2]


def test_two_workers_read_an_article_on_standard_input_as_one_process(capsys, monkeypatch):
    alone, shared = one_and_two(capsys, monkeypatch, "-", "--format", "csv", stdin=GOOD_AR.encode())
    assert shared == alone
    assert alone[0] == 0 and len(alone[1]) > 2


def test_a_record_that_kills_its_worker_fails_alone_and_is_named(feed, capsys, monkeypatch):
    monkeypatch.setattr(rasd.pipeline, "process", process_that_dies_on("report-5"))
    code, shared, err = extract(capsys, "--workers", 2, feed)
    assert code == 1
    assert [r["doc_id"] for r in shared] == [f"report-{n}" for n in range(40) if n != 5]
    assert f"rasd: error: {feed}:6: {WORKER_DIED}" in err
    assert "39 documents read, 0 skipped, 1 failed" in err


def test_knowledge_that_does_not_load_stops_the_workers_before_they_start(
    feed, capsys, monkeypatch
):
    monkeypatch.setattr(rasd.cli, "_knowledge_loads", lambda report: False)
    code, shared, _ = extract(capsys, "--workers", 2, feed)
    assert shared == []


def test_items_kept_here_keep_their_place_among_the_workers_outcomes():
    items = [*range(10), Kept("here"), *range(10, 40), Kept("here too")]
    outcomes = list(in_order(items, _doubled, 2, lambda n: -1))
    assert outcomes == [n if isinstance(n, Kept) else (n, 2 * n) for n in items]


def test_no_item_goes_to_a_worker_when_start_says_no():
    outcomes = in_order([Kept("a"), 1, 2, Kept("b")], _doubled, 2, lambda n: -1, lambda: False)
    assert list(outcomes) == [Kept("a")]


def test_items_are_read_only_as_fast_as_the_workers_take_them():
    read = []

    def endless():
        for n in itertools.count():
            read.append(n)
            yield n

    first = list(itertools.islice(in_order(endless(), _doubled, 2, lambda n: -1), 5))
    assert first == [(n, 2 * n) for n in range(5)]
    assert len(read) <= (IN_FLIGHT_PER_WORKER * 2 + 1) * CHUNK_SIZE


def _doubled(chunk):
    return [2 * n for n in chunk]
