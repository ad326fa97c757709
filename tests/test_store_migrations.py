"""Stores written by earlier rasd versions open, upgraded in one transaction."""

import json
import sqlite3

import pytest
from store_backends import store_target  # noqa: F401  (a fixture)

from rasd.io.store import VERSION, EventQuery, Store, migrations
from rasd.io.store.database import open_engine, reading

RECORD = {
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "date_from": "2024-02-01",
    "date_to": "2024-02-01",
    "actor1": {"name": "Hayat Tahrir al-Sham", "text": "the group", "id": "hts"},
    "actor2": None,
    "location": {"name": "Saraqib", "admin1": "Idlib", "country": "Syria"},
    "evidence": {"trigger": {"start": 20, "end": 27, "text": "stormed"}},
    "notes": "",
}
TEXT = "Before dawn, fighters stormed the old bakery. Later it was quiet."
SCHEMA_2 = f"""
CREATE TABLE documents (identity TEXT PRIMARY KEY, doc_id TEXT NOT NULL, title TEXT,
    published TEXT, language TEXT, url TEXT, outlet TEXT, source TEXT, text TEXT NOT NULL,
    text_sha256 TEXT NOT NULL, stored_at TEXT NOT NULL DEFAULT (datetime('now')));
CREATE TABLE events (id INTEGER PRIMARY KEY, identity TEXT NOT NULL REFERENCES
    documents(identity) ON DELETE CASCADE, event_type TEXT NOT NULL, sub_event_type TEXT
    NOT NULL, date_from TEXT, date_to TEXT, actor1 TEXT, actor2 TEXT, location TEXT,
    admin1 TEXT, country TEXT, lat REAL, lon REAL, fatalities INTEGER NOT NULL DEFAULT 0,
    record TEXT NOT NULL);
CREATE INDEX events_by_date ON events(date_from);
CREATE INDEX events_by_document ON events(identity);
INSERT INTO documents (identity, doc_id, text, text_sha256)
    VALUES ('id:old-1', 'old-1', '{TEXT}', 'x');
INSERT INTO events (identity, event_type, sub_event_type, date_from, date_to, actor1,
    location, admin1, country, record) VALUES ('id:old-1', 'Battles', 'Armed clash',
    '2024-02-01', '2024-02-01', 'Hayat Tahrir al-Sham', 'Saraqib', 'Idlib', 'Syria',
    '{json.dumps(RECORD)}');
PRAGMA user_version = 2;
"""


def schema_2_store(path) -> str:
    old = sqlite3.connect(path)
    old.executescript(SCHEMA_2)
    old.close()
    return str(path)


def test_a_store_of_schema_2_is_upgraded_and_its_events_found(tmp_path):
    with Store(schema_2_store(tmp_path / "old.sqlite")) as store:
        assert store.count() == (1, 1)
        (found,) = store.find_events(EventQuery(text="old bakery"))[1]
        assert found.record == RECORD and found.sources[0].doc_id == "old-1"
    assert sqlite3.connect(tmp_path / "old.sqlite").execute("PRAGMA user_version").fetchone() == (
        VERSION,
    )


def test_an_upgrade_that_fails_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    path = schema_2_store(tmp_path / "old.sqlite")

    def half_done(connection):
        connection.exec_driver_sql("ALTER TABLE events RENAME TO events_2")
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(migrations.STEPS, 2, half_done)
    with pytest.raises(RuntimeError):
        Store(path)
    old = sqlite3.connect(path)
    assert old.execute("SELECT count(*) FROM events").fetchone() == (1,)
    assert old.execute("PRAGMA user_version").fetchone() == (2,)


def test_a_new_store_is_of_this_version(store_target):  # noqa: F811
    Store(store_target).close()
    engine = open_engine(store_target)
    with reading(engine) as connection:
        assert migrations.stored_version(connection) == VERSION
    engine.dispose()


def test_a_store_is_opened_twice_without_upgrading_it_twice(store_target):  # noqa: F811
    with Store(store_target) as first, Store(store_target) as second:
        assert first.count() == second.count() == (0, 0)
