"""Warnings say what happened to a document that gives no events: no article text was found,
or its language is one rasd does not read."""

import json

import pytest

from rasd.cli import main

FRENCH = (
    "Le conseil municipal a voté hier soir le nouveau budget de la bibliothèque, "
    "qui ouvrira ses portes au printemps prochain.\n"
)
PERSIAN = "شورای شهر دیروز بودجه تازه کتابخانه را تصویب کرد که بهار آینده باز می‌شود.\n"
HEBREW = "מועצת העיר אישרה אתמול בערב את התקציב החדש של הספרייה, שתיפתח באביב הבא.\n"


def warnings_of(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["events"] == []
    return [line for line in err.splitlines() if line.startswith("rasd: warning: ")]


@pytest.mark.parametrize(
    "text, language", [(FRENCH, "French"), (PERSIAN, "Persian"), (HEBREW, "Hebrew")]
)
def test_a_language_rasd_does_not_read_is_named(tmp_path, capsys, text, language):
    warnings = warnings_of(tmp_path, capsys, "article.txt", text)
    assert any(f"language {language}" in w and "not supported" in w for w in warnings), warnings
    assert not any("not identified" in w for w in warnings)


def test_a_page_of_links_only_has_no_article_text(tmp_path, capsys):
    page = (
        "<html><head><title>Portal</title></head><body>"
        "<nav><a href='/'>Home</a></nav><div><a href='/about'>About us</a></div></body></html>"
    )
    warnings = warnings_of(tmp_path, capsys, "menu.html", page)
    assert any("no article text found" in w for w in warnings), warnings
    assert not any("language not identified" in w for w in warnings)
