import csv
import datetime as dt
import io
import json
import sqlite3
from dataclasses import replace

import pytest

from rasd.io.export import (
    ACLED_COLUMNS,
    Result,
    format_table,
    write_csv,
    write_geojson,
    write_jsonl,
)
from rasd.io.store import Store, StoreError


def test_csv_has_acled_columns_in_acled_order(shelling_result):
    out = io.StringIO()
    write_csv([shelling_result], out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ACLED_COLUMNS
    record = dict(zip(rows[0], rows[1]))
    assert record["event_date"] == "2023-11-05"
    assert record["actor1"] == "Military Forces of Syria (2000-2024)"
    assert record["fatalities"] == "3"


def test_jsonl_writes_one_line_per_document(shelling_result):
    out = io.StringIO()
    write_jsonl([shelling_result, shelling_result], out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["events"][0]["location"]["admin1"] == "Idlib"


def test_geojson_places_events_as_points(shelling_result):
    out = io.StringIO()
    write_geojson([shelling_result], out)
    feature = json.loads(out.getvalue())["features"][0]
    assert feature["geometry"]["coordinates"] == [36.56, 35.61]


def test_table_shows_one_line_per_event(shelling_result):
    table = format_table([shelling_result])
    assert "Kafr Nabl" in table
    assert table.endswith("1 event")


def test_reingesting_a_document_replaces_its_events(tmp_path, shelling_result):
    with Store(tmp_path / "s.sqlite") as store:
        store.add(shelling_result)
        store.add(shelling_result)
        assert store.count() == (1, 1)


def test_a_failed_write_keeps_what_was_stored(tmp_path, shelling_result):
    with Store(tmp_path / "s.sqlite") as store:
        store.add(shelling_result)
        # the events table refuses the next row (a well-typed Event: a compiled rasd's
        # Event takes no None for its type)
        other = sqlite3.connect(tmp_path / "s.sqlite")
        with other:
            other.execute(
                "CREATE TRIGGER refuse BEFORE INSERT ON events BEGIN SELECT RAISE(ABORT, 'no'); END"
            )
        other.close()
        with pytest.raises(StoreError, match="cannot write"):
            store.add(shelling_result)
        assert store.count() == (1, 1)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are my notes, not a database")
    with pytest.raises(StoreError, match="notes.sqlite"):
        Store(bad)


SCHEMA_1 = """
CREATE TABLE documents (doc_id TEXT PRIMARY KEY, title TEXT, published TEXT, language TEXT,
    url TEXT, source TEXT, text TEXT NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE events (id INTEGER PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(doc_id)
    ON DELETE CASCADE, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL, date_from TEXT,
    date_to TEXT, actor1 TEXT, actor2 TEXT, location TEXT, admin1 TEXT, country TEXT, lat REAL,
    lon REAL, fatalities INTEGER NOT NULL DEFAULT 0, record TEXT NOT NULL);
INSERT INTO documents (doc_id, text) VALUES ('article', 'A town was shelled.');
INSERT INTO documents (doc_id, url, text) VALUES ('page', 'https://news.example/1', 'Text.');
INSERT INTO events (doc_id, event_type, sub_event_type, record)
    VALUES ('article', 'Battles', 'Armed clash', '{"event_type": "Battles"}');
"""


def test_a_store_written_before_identities_is_upgraded_with_all_it_held(tmp_path):
    path = tmp_path / "old.sqlite"
    old = sqlite3.connect(path)
    old.executescript(SCHEMA_1)
    old.close()
    with Store(path) as store:
        assert store.count() == (2, 1)
        (record,) = store.event_records()
        assert record[0] == "article" and record[1].startswith("sha256:")
        page = store.document("url:https://news.example/1")
        assert page is not None and page.doc_id == "page"


def test_a_store_of_a_newer_rasd_is_refused_and_left_as_it_is(tmp_path):
    path = tmp_path / "new.sqlite"
    newer = sqlite3.connect(path)
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    with pytest.raises(StoreError, match="newer rasd"):
        Store(path)


def test_documents_of_one_name_and_different_texts_are_both_stored(tmp_path, shelling_result):
    other = Result(replace(shelling_result.document, text="Another town was shelled."), [])
    with Store(tmp_path / "s.sqlite") as store:
        assert store.add(shelling_result) and store.add(other)
        assert store.count() == (2, 1)


def test_a_store_holds_a_document_only_with_the_same_text(tmp_path, shelling_result):
    doc = replace(shelling_result.document, identity="url:https://news.example/1")
    with Store(tmp_path / "s.sqlite") as store:
        assert not store.holds(doc)
        store.add(Result(doc, shelling_result.events))
        assert store.holds(doc)
        assert not store.holds(replace(doc, text=doc.text + " More."))


def test_a_document_given_another_publication_time_is_not_held(tmp_path, shelling_result):
    doc = shelling_result.document
    with Store(tmp_path / "s.sqlite") as store:
        store.add(shelling_result)
        assert not store.holds(replace(doc, published=doc.published + dt.timedelta(days=1)))
