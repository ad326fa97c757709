"""What `rasd` writes: UTF-8 on standard output whatever the locale, and on standard error a
progress bar for people at a terminal and a closing summary."""

import json
import os
import re
import subprocess
import sys

import pytest

from rasd.cli import main

GOOD_EN = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"
FRENCH = (
    "Le conseil municipal a voté hier soir le nouveau budget de la bibliothèque, "
    "qui ouvrira ses portes au printemps prochain.\n"
)
GOOD_AR = "قصفت قوات النظام بلدة كفرنبل يوم الاثنين ما أدى إلى مقتل ثلاثة مدنيين.\n"


def rasd(*argv, env=None, stdin=None):
    """A `rasd` run in its own process: (exit code, stdout bytes, stderr text)."""
    proc = subprocess.run(
        [sys.executable, "-m", "rasd.cli", *map(str, argv)],
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def test_csv_redirected_on_a_windows_code_page_is_written_in_utf8(tmp_path):
    article = tmp_path / "kafranbel.txt"
    article.write_text(GOOD_AR, encoding="utf-8")
    code, out, err = rasd("extract", "--format", "csv", article, env={"PYTHONIOENCODING": "cp1252"})
    assert code == 0 and "Traceback" not in err
    assert "Kafranbel" in out.decode("utf-8")


def test_json_lines_keep_arabic_letters_on_an_ascii_locale(tmp_path):
    article = tmp_path / "kafranbel.txt"
    article.write_text(GOOD_AR, encoding="utf-8")
    code, out, err = rasd("extract", article, env={"PYTHONIOENCODING": "ascii"})
    assert code == 0 and "Traceback" not in err
    [record] = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert "كفرنبل" in json.dumps(record, ensure_ascii=False)


def at_a_terminal(*argv):
    """What `rasd` writes on standard error when it is a terminal (a pseudo-terminal of 100
    columns), standard output going elsewhere."""
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    reader, writer = pty.openpty()
    fcntl.ioctl(writer, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    subprocess.run(
        [sys.executable, "-m", "rasd.cli", *map(str, argv)],
        stdout=subprocess.DEVNULL,
        stderr=writer,
        timeout=120,
    )
    os.close(writer)
    seen = b""
    while True:
        try:
            chunk = os.read(reader, 65536)
        except OSError:  # the terminal is closed once all is read
            break
        if not chunk:
            break
        seen += chunk
    os.close(reader)
    return seen.decode("utf-8", "replace")


@pytest.fixture
def articles(tmp_path):
    paths = []
    for number in range(3):
        paths.append(tmp_path / f"report-{number}.txt")
        paths[-1].write_text(GOOD_EN, encoding="utf-8")
    return paths


def test_a_terminal_sees_a_progress_bar(articles):
    seen = at_a_terminal("extract", *articles)
    assert "0/3" in seen and "doc/s" in seen  # of 3 documents, redrawn as they go


def test_quiet_silences_the_progress_bar_and_the_summary(articles):
    assert at_a_terminal("extract", "--quiet", *articles).strip() == ""


def test_no_progress_bar_when_standard_error_is_not_a_terminal(articles):
    code, _, err = rasd("extract", *articles)
    assert code == 0 and "\r" not in err and "doc/s" not in err
    assert err.splitlines()[-1].startswith("rasd: 3 documents read")


def test_summary_counts_documents_read_skipped_and_failed_and_events_written(
    tmp_path, articles, capsys
):
    french = tmp_path / "french.txt"
    french.write_text(FRENCH, encoding="utf-8")
    main(["extract", *map(str, articles), str(french), str(tmp_path / "missing.txt")])
    summary = capsys.readouterr().err.splitlines()[-1]
    assert re.fullmatch(
        r"rasd: 4 documents read, 1 skipped, 1 failed; 3 events written in \d+\.\d s", summary
    )


def test_summary_says_one_document_and_one_event(articles, capsys):
    main(["extract", str(articles[0])])
    summary = capsys.readouterr().err.splitlines()[-1]
    assert summary.startswith("rasd: 1 document read, 0 skipped, 0 failed; 1 event written in")


def test_every_bad_record_of_a_feed_counts_as_failed(tmp_path, capsys):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"doc_id": "a"}\n[1]\nnot json\n', encoding="utf-8")
    main(["extract", str(feed)])
    assert ", 3 failed;" in capsys.readouterr().err.splitlines()[-1]


def test_ingest_says_one_line_at_the_end_not_one_per_document(tmp_path, articles, capsys):
    db = tmp_path / "events.sqlite"
    assert main(["ingest", "--db", str(db), str(articles[0])]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "stored 1 new document, updated 0, skipped 0 already stored; events: 1 new, 0 merged"
        f" into events already stored; {db} now holds 1 document, 1 event\n"
    )
    [said] = [line for line in err.splitlines() if not line.startswith("rasd: warning:")]
    assert said.startswith("rasd: 1 document read")


def test_a_reader_that_stops_early_gets_no_error():
    proc = subprocess.run(
        f"{sys.executable} -m rasd.cli gazetteer info | head -1",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.stdout.startswith("# rasd gazetteer") and proc.stderr == ""
