"""RSS and Atom feeds, folders and their files: what `rasd ingest` reads."""

import datetime as dt
import sqlite3

import pytest

from rasd.cli import main
from rasd.io.errors import IngestError
from rasd.io.inputs import expand, read_input

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>The Example Wire</title>
<item>
  <title>Clashes near a northern town</title>
  <link>https://wire.example/2024/03/clashes</link>
  <pubDate>Mon, 04 Mar 2024 09:30:00 +0300</pubDate>
  <description>&lt;p&gt;Government forces clashed with rebels near the town of Saraqib
  on Sunday, killing two fighters.&lt;/p&gt;</description>
</item>
<item>
  <title>Protest in the capital</title>
  <link>https://wire.example/2024/03/protest</link>
  <pubDate>Tue, 05 Mar 2024 18:00:00 +0300</pubDate>
  <description>Hundreds of people marched in Damascus on Tuesday.</description>
</item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom News</title>
<entry>
  <title>Drone strike on a convoy</title>
  <link href="https://atom.example/drone"/>
  <id>tag:atom.example,2024:1</id>
  <updated>2024-03-06T07:15:00+02:00</updated>
  <content type="html">&lt;p&gt;A drone struck a convoy near Idlib on Wednesday.&lt;/p&gt;</content>
</entry>
</feed>
"""


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_each_item_of_an_rss_feed_is_a_document_with_its_link_title_and_time(tmp_path):
    first, second = read_input(str(write(tmp_path / "wire.rss", RSS)))
    assert first.url == "https://wire.example/2024/03/clashes"
    assert first.identity == "url:https://wire.example/2024/03/clashes"
    assert first.title == "Clashes near a northern town"
    assert first.published == dt.datetime(
        2024, 3, 4, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=3))
    )
    assert "killing two fighters" in first.text and first.outlet == "The Example Wire"
    assert "marched in Damascus" in second.text


def test_an_atom_feed_saved_as_xml_is_told_by_its_content(tmp_path):
    (entry,) = read_input(str(write(tmp_path / "news.xml", ATOM)))
    assert entry.url == "https://atom.example/drone"
    assert entry.published is not None and entry.published.utcoffset() == dt.timedelta(hours=2)
    assert "drone struck a convoy" in entry.text


def test_an_xml_file_that_is_not_a_feed_is_refused_with_its_name(tmp_path):
    path = write(tmp_path / "notes.rss", "<notes><note>call back</note></notes>")
    with pytest.raises(IngestError, match="notes.rss: not a feed"):
        list(read_input(str(path)))


def test_a_folder_is_read_recursively_in_name_order_hidden_files_left_out(tmp_path):
    write(tmp_path / "b" / "two.txt", "Two.")
    write(tmp_path / "a" / "one.html", "<p>One.</p>")
    write(tmp_path / "a" / ".draft.txt", "Draft.")
    write(tmp_path / "a" / "picture.png", "not text")
    assert [p.removeprefix(str(tmp_path)) for p in expand([str(tmp_path)])] == [
        "/a/one.html",
        "/b/two.txt",
    ]


def test_an_empty_folder_is_one_error_naming_it(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(IngestError, match="empty: a folder with no file"):
        list(read_input(str(tmp_path / "empty")))


def test_ingest_stores_a_feeds_items_once_however_often_it_is_read(tmp_path, capsys):
    feed = write(tmp_path / "in" / "wire.rss", RSS)
    db = tmp_path / "s.sqlite"
    assert main(["ingest", "-q", "--db", str(db), str(feed.parent)]) == 0
    assert main(["ingest", "--db", str(db), str(feed)]) == 0
    out = capsys.readouterr().out.splitlines()[-1]
    assert "stored 0 new documents" in out and "skipped 2 already stored" in out
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_a_feed_url_that_cannot_be_fetched_is_one_error_naming_it():
    # port 9 on this machine's loopback: nothing listens there, nothing leaves the machine
    with pytest.raises(IngestError, match=r"http://127.0.0.1:9/feed.rss: cannot fetch"):
        list(read_input("http://127.0.0.1:9/feed.rss"))


@pytest.fixture
def served(tmp_path):
    """A folder served over HTTP on this machine's loopback; its base URL."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield tmp_path, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_feed_is_read_from_its_url(served):
    folder, base = served
    write(folder / "wire", RSS)  # no extension: told by its content
    assert [d.title for d in read_input(f"{base}/wire")] == [
        "Clashes near a northern town",
        "Protest in the capital",
    ]


def test_a_fetched_feed_over_the_size_limit_is_refused(served, monkeypatch):
    from rasd.io import feeds

    folder, base = served
    write(folder / "wire.rss", RSS)
    monkeypatch.setattr(feeds, "FETCH_BYTES", 100)
    with pytest.raises(IngestError, match="wire.rss: larger than"):
        list(read_input(f"{base}/wire.rss"))
