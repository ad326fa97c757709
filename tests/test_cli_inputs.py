"""What `rasd extract` and `rasd ingest` accept: files, records and text on standard input,
and the publication time given with --published."""

import io
import json
import subprocess
import sys

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


def records(out):
    return [json.loads(line) for line in out.splitlines()]


def test_plain_text_on_stdin_is_one_article(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(GOOD_EN))
    code, out, err = run(capsys, "extract", "-")
    assert code == 0, err
    [record] = records(out)
    assert record["doc_id"] == "stdin" and record["language"] == "en" and record["events"]


def test_html_page_on_stdin_is_read_as_a_page(monkeypatch, capsys):
    page = f"\n<!DOCTYPE html><html><body><article><h1>Shelling</h1><p>{GOOD_EN}</p></article>"
    monkeypatch.setattr(sys, "stdin", io.StringIO(page + "</body></html>\n"))
    _, out, _ = run(capsys, "extract", "-")
    [record] = records(out)
    assert record["title"] == "Shelling" and record["events"]


def test_arabic_piped_in_windows_1256_is_decoded():
    article = "قصفت قوات النظام بلدة كفرنبل يوم الاثنين ما أدى إلى مقتل ثلاثة مدنيين.\n"
    proc = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", "-"],
        input=article.encode("cp1256"),
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    [record] = records(proc.stdout.decode("utf-8"))
    assert record["language"] == "ar" and record["events"]


def test_a_json_file_may_hold_an_array_of_records(tmp_path, capsys):
    path = tmp_path / "batch.json"
    path.write_text(
        json.dumps([{"doc_id": "one", "text": GOOD_EN}, {"doc_id": "two", "text": GOOD_EN}]),
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "extract", path)
    assert code == 0 and [r["doc_id"] for r in records(out)] == ["one", "two"]


def test_a_records_file_over_20_mb_is_read_when_each_record_is_smaller(tmp_path, capsys):
    feed = tmp_path / "archive.jsonl"
    padding = "x" * 21_000_000  # a field rasd does not read makes the file large
    feed.write_text(
        json.dumps({"doc_id": "big-file", "text": GOOD_EN, "note": padding}) + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", feed)
    assert code == 0, err
    assert [r["doc_id"] for r in records(out)] == ["big-file"]


def test_a_record_over_20_mb_is_refused_by_its_line(tmp_path, capsys):
    feed = tmp_path / "archive.jsonl"
    lines = [{"doc_id": "small", "text": GOOD_EN}, {"doc_id": "huge", "text": "x " * 10_500_000}]
    feed.write_text("\n".join(map(json.dumps, lines)) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", feed)
    assert code == 1 and [r["doc_id"] for r in records(out)] == ["small"]
    [error] = [line for line in err if line.startswith("rasd: error:")]
    assert "archive.jsonl:2" in error and "21.0 MB, larger than the 20 MB limit" in error
