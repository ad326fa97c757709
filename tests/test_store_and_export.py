import csv
import io
import json
import sqlite3

import pytest

from rasd.io.export import ACLED_COLUMNS, format_table, write_csv, write_geojson, write_jsonl
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
        with pytest.raises(sqlite3.IntegrityError):
            store.add(shelling_result)
        assert store.count() == (1, 1)


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("these are my notes, not a database")
    with pytest.raises(StoreError, match="notes.sqlite"):
        Store(bad)
