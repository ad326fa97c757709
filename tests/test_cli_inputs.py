"""What `rasd extract` and `rasd ingest` accept: files, records and text on standard input,
and the publication time given with --published."""

import json

from rasd.cli import main

GOOD_EN = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"
GIVEN = "2024-01-15T15:45:00+03:00"


def run(capsys, *argv):
    """(exit code, stdout, stderr lines) of an in-process `rasd` call."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def published(out):
    return {r["doc_id"]: r["published"] for r in map(json.loads, out.splitlines())}


def test_published_option_does_not_override_the_date_of_a_page(tmp_path, capsys):
    page = tmp_path / "dated.html"
    page.write_text(
        "<html><head><meta property='article:published_time' content='2023-11-06T09:05:00+03:00'>"
        f"</head><body><article><h1>Shelling in Idlib</h1><p>{GOOD_EN}</p></article></body></html>",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "extract", "--published", GIVEN, page)
    assert published(out) == {"dated": "2023-11-06T09:05:00+03:00"}


def test_published_option_dates_only_the_records_without_a_date(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"doc_id": "dated", "text": GOOD_EN, "published": "2023-11-06T09:05:00+03:00"})
        + "\n"
        + json.dumps({"doc_id": "undated", "text": GOOD_EN})
        + "\n",
        encoding="utf-8",
    )
    _, out, _ = run(capsys, "extract", "--published", GIVEN, feed)
    assert published(out) == {"dated": "2023-11-06T09:05:00+03:00", "undated": GIVEN}
