"""What `rasd` writes: UTF-8 on standard output whatever the locale, and on standard error a
progress bar for people at a terminal and a closing summary."""

import json
import os
import subprocess
import sys

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
