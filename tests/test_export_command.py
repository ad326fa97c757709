"""`rasd export`: the stored events, filtered, as ACLED's CSV, GeoJSON, JSON Lines or
Parquet."""

import csv
import datetime as dt
import io
import json
import sys

import pytest
from store_backends import store_target  # noqa: F401  (a fixture)

from rasd.cli import main
from rasd.io.acled import ACLED_COLUMNS
from rasd.io.export import Result
from rasd.io.store import Store
from rasd.model import Actor, Document, Event, Location

ARMY = Actor("Military Forces of Syria (2000-2024)", "the army", "mil-syria-assad")
PLACES = {
    "Saraqib": Location("Saraqib", 35.86, 36.80, admin1="Idlib", country="Syria", iso="SY"),
    "Tyre": Location("Tyre", 33.27, 35.20, admin1="South", country="Lebanon", iso="LB"),
}


def stored(target: str) -> str:
    with Store(target) as store:
        for day, place in ((3, "Saraqib"), (9, "Tyre")):
            event = Event(
                "Explosions/Remote violence",
                "Air/drone strike",
                "ASSAULT",
                dt.date(2024, 5, day),
                dt.date(2024, 5, day),
                actor1=ARMY,
                location=PLACES[place],
                fatalities=2,
                notes=f"A strike near {place}.",
            )
            url = f"https://news.example/{place}"
            doc = Document(place, f"A strike near {place}.", url=url, identity=f"url:{url}")
            store.ingest(Result(doc, [event]))
    return target


@pytest.fixture
def db(tmp_path):
    return stored(str(tmp_path / "s.sqlite"))


def export(capsys, db, *args):
    code = main(["export", "--db", db, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_csv_has_acleds_columns_one_row_an_event(db, capsys):
    code, out, _ = export(capsys, db)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and list(rows[0]) == ACLED_COLUMNS
    assert [r["location"] for r in rows] == ["Saraqib", "Tyre"]
    assert rows[0]["source"] == "news.example" and rows[0]["inter1"] == "1"


def test_geojson_properties_are_flat_for_qgis(db, capsys):
    _, out, _ = export(capsys, db, "--format", "geojson")
    feature = json.loads(out)["features"][0]
    assert feature["geometry"]["coordinates"] == [36.80, 35.86]
    assert not any(isinstance(v, dict | list) for v in feature["properties"].values())
    assert feature["properties"]["urls"] == "https://news.example/Saraqib"


def test_jsonl_gives_each_event_with_its_documents(db, capsys):
    _, out, _ = export(capsys, db, "--format", "jsonl")
    first = json.loads(out.splitlines()[0])
    assert first["location"]["name"] == "Saraqib" and first["documents"][0]["doc_id"] == "Saraqib"


def test_filters_select_the_events_exported(db, capsys):
    _, by_country, _ = export(capsys, db, "--format", "jsonl", "--country", "Lebanon")
    _, by_time, _ = export(capsys, db, "--format", "jsonl", "--from", "2024-05-05")
    _, by_box, _ = export(capsys, db, "--format", "jsonl", "--bbox", "36,35,37,36")
    _, by_text, _ = export(capsys, db, "--format", "jsonl", "--text", "near tyre")
    names = [
        [json.loads(line)["location"]["name"] for line in out.splitlines()]
        for out in (by_country, by_time, by_box, by_text)
    ]
    assert names == [["Tyre"], ["Tyre"], ["Saraqib"], ["Tyre"]]


def test_parquet_is_written_to_a_file(db, tmp_path, capsys):
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    assert export(capsys, db, "--format", "parquet", "--out", str(out))[0] == 0
    assert pq.read_table(out).column("location").to_pylist() == ["Saraqib", "Tyre"]


def test_parquet_without_pyarrow_names_the_extra_to_install(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    code, _, err = export(capsys, db, "--format", "parquet", "--out", str(tmp_path / "e.pq"))
    assert code == 2 and "pip install 'rasd[parquet]'" in err


def test_a_bad_bounding_box_is_a_usage_error(db, capsys):
    with pytest.raises(SystemExit) as exit:
        main(["export", "--db", db, "--bbox", "36,35,37"])
    assert exit.value.code == 2 and "not a bounding box" in capsys.readouterr().err


def test_a_missing_store_is_one_error(tmp_path, capsys):
    code, _, err = export(capsys, str(tmp_path / "none.sqlite"))
    assert code == 2 and "none.sqlite: no such store" in err


def test_export_reads_a_postgresql_store_as_a_sqlite_one(store_target, capsys):  # noqa: F811
    code, out, _ = export(capsys, stored(store_target), "--format", "jsonl")
    assert code == 0 and len(out.splitlines()) == 2
