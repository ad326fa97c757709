"""A document is identified by its URL, its record's own id or its text, never by its file
name: two different articles saved as article.txt stay two documents, and the same article
ingested twice is stored once."""

import io
import json
import sqlite3
import sys
from pathlib import Path

from rasd.cli import main
from rasd.io.identity import document_identity, identity_key
from rasd.io.ingest import IngestError, read_path, read_records

SHELLING = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"
DRONE = "A drone struck a car near the town of Saraqib on Sunday, killing two men.\n"
PUBLISHED = "2024-01-15T10:00:00+03:00"


def page(url_tags: str, body: str = SHELLING) -> str:
    return (
        f"<html><head><title>Shelling</title>{url_tags}</head>"
        f"<body><article><h1>Town shelled</h1><p>{body}</p></article></body></html>"
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def stored(db: Path) -> list[tuple[str, str]]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT doc_id, identity FROM documents ORDER BY doc_id").fetchall()
    finally:
        con.close()


def test_two_files_of_one_name_in_two_folders_are_two_documents(tmp_path):
    (a,) = read_path(write(tmp_path / "a" / "article.txt", SHELLING))
    (b,) = read_path(write(tmp_path / "b" / "article.txt", DRONE))
    assert a.doc_id == b.doc_id == "article"
    assert a.identity != b.identity


def test_the_same_text_under_two_names_is_one_document(tmp_path):
    (a,) = read_path(write(tmp_path / "one.txt", SHELLING))
    (b,) = read_path(write(tmp_path / "two.txt", SHELLING + "\n\n"))
    assert a.identity == b.identity and a.identity.startswith("sha256:")


def test_a_url_identifies_a_document_whatever_its_text():
    first, second = read_records(
        [
            json.dumps({"url": "https://news.example/a/1", "text": SHELLING}),
            json.dumps({"url": "https://news.example/a/1", "text": SHELLING + " Updated."}),
        ],
        "feed",
    )
    assert first.identity == second.identity == "url:https://news.example/a/1"


def test_urls_differing_in_host_case_fragment_or_final_slash_are_one_address():
    assert document_identity("", "HTTPS://News.Example/a/1/#comments") == document_identity(
        "", "https://news.example/a/1"
    )


def test_a_records_own_id_identifies_it_when_it_has_no_url():
    (record,) = read_records([json.dumps({"doc_id": "feed-77", "text": SHELLING})], "feed")
    assert record.doc_id == "feed-77" and record.identity == "id:feed-77"


def test_a_record_without_doc_id_is_named_by_its_identity_not_its_line_number():
    (record,) = read_records([json.dumps({"text": SHELLING})], "stdin")
    assert record.doc_id == identity_key(record.identity) != "stdin-1"


def test_a_record_url_that_is_not_a_string_is_refused():
    (error,) = read_records([json.dumps({"url": 17, "text": SHELLING})], "feed")
    assert isinstance(error, IngestError) and '"url" must be a string' in str(error)


def test_a_page_is_identified_by_its_canonical_link(tmp_path):
    tag = '<link rel="canonical" href="https://news.example/2024/shelling">'
    (doc,) = read_path(write(tmp_path / "saved.html", page(tag)))
    assert doc.url == "https://news.example/2024/shelling"
    assert doc.identity == "url:https://news.example/2024/shelling"


def test_a_page_without_a_canonical_link_falls_back_to_its_open_graph_url(tmp_path):
    tag = '<meta property="og:url" content="https://news.example/og">'
    (doc,) = read_path(write(tmp_path / "saved.html", page(tag)))
    assert doc.url == "https://news.example/og"


def test_a_canonical_link_to_the_sites_home_page_does_not_identify_an_article(tmp_path):
    tag = '<link rel="canonical" href="https://news.example/">'
    (doc,) = read_path(write(tmp_path / "saved.html", page(tag)))
    assert doc.url is None and doc.identity.startswith("sha256:")


def test_two_pages_with_no_article_text_are_two_documents(tmp_path):
    empty = "<html><head><title>{}</title></head><body><div></div></body></html>"
    (a,) = read_path(write(tmp_path / "a.html", empty.format("Home")))
    (b,) = read_path(write(tmp_path / "b.html", empty.format("About")))
    assert a.identity != b.identity


def test_a_page_names_its_outlet(tmp_path):
    tag = '<meta property="og:site_name" content="The Example Post">'
    (doc,) = read_path(write(tmp_path / "saved.html", page(tag)))
    assert doc.outlet == "The Example Post"


def test_ingest_keeps_two_files_of_one_name(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    a = write(tmp_path / "a" / "article.txt", SHELLING)
    b = write(tmp_path / "b" / "article.txt", DRONE)
    assert main(["ingest", "-q", "--db", str(db), "--published", PUBLISHED, str(a), str(b)]) == 0
    assert [name for name, _ in stored(db)] == ["article", "article"]


def test_ingesting_the_same_files_twice_adds_nothing(tmp_path, capsys):
    db = tmp_path / "s.sqlite"
    a = write(tmp_path / "a.txt", SHELLING)
    args = ["ingest", "--db", str(db), "--published", PUBLISHED, str(a)]
    main(args)
    before = stored(db)
    capsys.readouterr()
    assert main(args) == 0
    out, err = capsys.readouterr()
    assert stored(db) == before
    assert "skipped 1 already stored" in out and "1 skipped" in err


def test_a_second_stdin_batch_without_ids_adds_to_the_first(tmp_path, monkeypatch, capsys):
    db = tmp_path / "s.sqlite"
    for text in (SHELLING, DRONE):
        batch = json.dumps({"text": text, "published": PUBLISHED}) + "\n"
        monkeypatch.setattr(sys, "stdin", io.StringIO(batch))
        assert main(["ingest", "-q", "--db", str(db), "-"]) == 0
    assert len(stored(db)) == 2


def test_a_page_at_the_same_url_replaces_the_stored_one(tmp_path, monkeypatch, capsys):
    db = tmp_path / "s.sqlite"
    for text in (SHELLING, SHELLING + " The toll rose to four."):
        record = {"url": "https://news.example/1", "text": text, "published": PUBLISHED}
        monkeypatch.setattr(sys, "stdin", io.StringIO(json.dumps(record) + "\n"))
        assert main(["ingest", "-q", "--db", str(db), "-"]) == 0
    assert [identity for _, identity in stored(db)] == ["url:https://news.example/1"]


def extract_two_files_of_one_name(tmp_path, capsys, fmt: str) -> str:
    a = write(tmp_path / "a" / "article.txt", SHELLING)
    b = write(tmp_path / "b" / "article.txt", SHELLING.replace("three", "four"))
    main(["extract", "--format", fmt, "--published", PUBLISHED, str(a), str(b)])
    return capsys.readouterr().out


def test_extract_gives_two_files_of_one_name_two_identities(tmp_path, capsys):
    out = extract_two_files_of_one_name(tmp_path, capsys, "jsonl")
    first, second = (json.loads(line)["identity"] for line in out.splitlines())
    assert first != second


def test_csv_gives_the_events_of_two_files_of_one_name_two_ids(tmp_path, capsys):
    out = extract_two_files_of_one_name(tmp_path, capsys, "csv")
    first, second = (line.split(",")[0] for line in out.splitlines()[1:])
    assert first != second
