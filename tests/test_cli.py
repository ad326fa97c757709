"""The `rasd` command's contract: bad inputs give one-line errors or warnings, never a
traceback, and the other inputs of the run are still processed. Extraction quality is
tested elsewhere; here only the shape of the output and the exit codes matter."""

import csv
import io
import json
import sqlite3
import subprocess
import sys

import pytest

from rasd.cli import main
from rasd.io.export import ACLED_COLUMNS

GOOD_EN = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"
GOOD_AR = "قصفت قوات النظام بلدة كفرنبل يوم الاثنين ما أدى إلى مقتل ثلاثة مدنيين.\n"


def run(capsys, *argv):
    """(exit code, stdout JSON/CSV text, stderr lines) of an in-process `rasd` call."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err.splitlines()


def records(out):
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good-article.txt"
    path.write_text(GOOD_EN, encoding="utf-8")
    return path


def assert_one_error(err, name):
    errors = [line for line in err if line.startswith("rasd: error:")]
    assert len(errors) == 1 and name in errors[0], err
    assert not any("Traceback" in line for line in err)


def test_empty_file_gives_one_line_error_and_exit_1(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code, out, err = run(capsys, "extract", empty)
    assert code == 1 and out == ""
    assert_one_error(err, "empty.txt")
    assert "empty" in err[0]


def test_binary_file_gives_one_line_error(tmp_path, capsys):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = run(capsys, "extract", binary)
    assert code == 1
    assert_one_error(err, "photo.txt")
    assert "binary" in err[0]


def test_50_mb_html_page_gives_size_error(tmp_path, capsys):
    big = tmp_path / "huge.html"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: no 50 MB written
    code, _, err = run(capsys, "extract", big)
    assert code == 1
    assert_one_error(err, "huge.html")
    assert "MB" in err[0]


def test_html_without_article_gives_empty_events_and_warning(tmp_path, capsys):
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><head><title>Portal</title></head><body><nav><a href='/'>Home</a></nav>"
        "<script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "extract", page)
    assert code == 0
    [record] = records(out)
    assert record["events"] == []
    assert any(line.startswith("rasd: warning: ") and "menu.html" in line for line in err)


def test_unknown_language_gives_empty_events_and_warning(tmp_path, capsys):
    path = tmp_path / "other.txt"
    path.write_text("昨天市议会通过了新图书馆的预算，图书馆将于明年春天开放。\n", encoding="utf-8")
    code, out, err = run(capsys, "extract", path)
    assert code == 0
    [record] = records(out)
    assert record["language"] == "other" and record["events"] == []
    assert any("language not identified" in line for line in err)


def test_invalid_json_line_on_stdin_names_line_and_keeps_others(monkeypatch, capsys):
    lines = [
        json.dumps({"doc_id": "first", "text": GOOD_EN}),
        '{"doc_id": "broken", "text": ',
        json.dumps({"doc_id": "third", "text": GOOD_AR}, ensure_ascii=False),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, err = run(capsys, "extract", "-")
    assert code == 1
    assert [r["doc_id"] for r in records(out)] == ["first", "third"]
    assert_one_error(err, "stdin:2")


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_unreadable_path_gives_one_line_error(tmp_path, capsys, kind):
    path = tmp_path / "nowhere.txt"
    if kind == "directory":
        path.mkdir()
    code, out, err = run(capsys, "extract", path)
    assert code == 1 and out == ""
    assert_one_error(err, "nowhere.txt")


def test_good_input_after_bad_one_is_still_processed(tmp_path, good, capsys):
    code, out, err = run(capsys, "extract", tmp_path / "missing.txt", good)
    assert code == 1
    assert [r["doc_id"] for r in records(out)] == ["good-article"]
    assert_one_error(err, "missing.txt")


def test_output_record_has_the_documented_fields(good, capsys):
    _, out, _ = run(capsys, "extract", good)
    [record] = records(out)
    assert {"doc_id", "title", "published", "language", "events"} <= record.keys()
    assert isinstance(record["events"], list)


def test_doc_id_is_file_name_without_extension(good, capsys):
    _, out, _ = run(capsys, "extract", good)
    assert records(out)[0]["doc_id"] == "good-article"


def test_published_option_applies_to_plain_text(good, capsys):
    _, out, _ = run(capsys, "extract", "--published", "2024-01-15T15:45:00+03:00", good)
    assert records(out)[0]["published"] == "2024-01-15T15:45:00+03:00"


def test_published_option_silences_the_missing_date_warning(good, capsys):
    _, _, err = run(capsys, "extract", "--published", "2024-01-15T15:45:00+03:00", good)
    assert not any("no publication date" in line for line in err)


def test_without_a_publication_date_an_event_dated_by_weekday_has_no_date(good, capsys):
    _, out, err = run(capsys, "extract", "--format", "csv", good)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and rows[0]["event_date"] == ""
    assert any("no publication date" in line for line in err)


def test_bad_published_value_is_a_usage_error(good, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--published", "yesterday", str(good)])
    assert exit_.value.code == 2
    assert "ISO 8601" in capsys.readouterr().err


def test_csv_header_is_acled_columns(good, capsys):
    code, out, _ = run(capsys, "extract", "--format", "csv", good)
    assert code == 0
    assert next(csv.reader(io.StringIO(out))) == ACLED_COLUMNS


def test_table_format_runs(good, capsys):
    code, out, _ = run(capsys, "extract", "--format", "table", good)
    assert code == 0 and out.strip()


def stored_ids(db):
    con = sqlite3.connect(db)
    try:
        return [row[0] for row in con.execute("SELECT doc_id FROM documents")]
    finally:
        con.close()


def test_ingest_keeps_good_input_and_never_loses_stored_documents(tmp_path, good, capsys):
    db = tmp_path / "events.sqlite"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    code, _, err = run(capsys, "ingest", "--db", db, good, bad)
    assert code == 1
    assert_one_error(err, "bad.txt")
    assert stored_ids(db) == ["good-article"]

    code, _, _ = run(capsys, "ingest", "--db", db, bad, tmp_path / "missing.txt")
    assert code == 1
    assert stored_ids(db) == ["good-article"]


def test_ingest_into_unusable_store_is_one_line_error_exit_2(tmp_path, good, capsys):
    db = tmp_path / "not-a-store.sqlite"
    db.write_text("just some text, not SQLite\n", encoding="utf-8")
    code, _, err = run(capsys, "ingest", "--db", db, good)
    assert code == 2
    assert_one_error(err, "not-a-store.sqlite")


def test_help_documents_exit_codes(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert "exit codes" in out
    for code in ("0", "1", "2"):
        assert f"\n  {code}  " in out


def test_gazetteer_info_prints_attribution(capsys):
    code, out, _ = run(capsys, "gazetteer", "info")
    assert code == 0
    for source in ("GeoNames", "OCHA", "OpenSyria"):
        assert source in out


def geonames_line(gid, name, alternates, lat, lon, fclass, fcode, cc, admin1, pop):
    cells = [gid, name, name, alternates, lat, lon, fclass, fcode, cc, "", admin1]
    cells += ["", "", "", pop, "", "300", "Asia/Damascus", "2024-01-01"]
    return "\t".join(cells)


def test_gazetteer_import_geonames_dump(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "home"))
    dump = tmp_path / "SY.txt"
    dump.write_text(
        geonames_line(
            "900001", "Tall Zaytun", "تل زيتون", "35.1", "36.7", "P", "PPL", "SY", "05", "800"
        )
        + "\n"
        + geonames_line("900002", "Wadi Rih", "", "35.2", "36.8", "H", "STM", "SY", "05", "0")
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "gazetteer", "import", dump)
    assert code == 0, err
    assert "2 read, 1 kept" in out
    assert list((tmp_path / "home" / "gazetteer").glob("geonames-SY.tsv*"))


@pytest.mark.parametrize(
    "name, content",
    [
        ("SY.txt", "this\tis\tnot\ta\tgeonames\tdump\n"),
        ("places.csv", "name,lat\nTall Zaytun,35.1\n"),
        ("places.xlsx", "whatever"),
        ("SY.zip", "not a zip"),
        ("absent.txt", None),
    ],
)
def test_gazetteer_import_bad_file_is_one_line_error_exit_2(
    tmp_path, monkeypatch, capsys, name, content
):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "home"))
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "gazetteer", "import", path)
    assert code == 2 and out == ""
    assert len(err) == 1 and err[0].startswith("rasd: error: ") and name in err[0]
    assert not (tmp_path / "home" / "gazetteer").exists() or not any(
        (tmp_path / "home" / "gazetteer").iterdir()
    )


def test_subprocess_bad_and_good_inputs_no_traceback(tmp_path, good):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.html"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    proc = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", str(empty), str(binary), str(good)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("rasd: error:")]
    assert len(errors) == 2
    assert [json.loads(line)["doc_id"] for line in proc.stdout.splitlines()] == ["good-article"]


def test_subprocess_invalid_json_on_stdin_no_traceback():
    stdin = "not json at all\n" + json.dumps({"doc_id": "ok", "text": GOOD_EN}) + "\n"
    proc = subprocess.run(
        [sys.executable, "-m", "rasd.cli", "extract", "-"],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert "stdin:1" in proc.stderr
    assert [json.loads(line)["doc_id"] for line in proc.stdout.splitlines()] == ["ok"]


def test_published_option_silences_the_missing_date_warning_of_records(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "text": GOOD_AR}) + "\n", encoding="utf-8")
    _, _, err = run(capsys, "extract", "--published", "2024-01-15T15:45:00+03:00", path)
    assert not any("no publication date" in line for line in err)
