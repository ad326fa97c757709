"""Bring-your-own villages: an OpenStreetMap populated-places export for a country rasd does
not know, imported and used end to end. The places in these files are made up."""

import datetime as dt
import json

import pytest

from rasd.cli import main
from rasd.io.ingest import document_from_text
from rasd.knowledge.gazetteer import Gazetteer, GazetteerError
from rasd.knowledge.gazetteer_osm import import_osm_places
from rasd.knowledge.resources import Resources
from rasd.pipeline import process

PUBLISHED = dt.datetime(2024, 3, 11, 10, tzinfo=dt.UTC)


def feature(name_ar, name_en, place="village", lon=13.1, lat=11.8, **more):
    props = {"name": name_en, "name:ar": name_ar, "name:en": name_en, "place": place, **more}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": props,
    }


@pytest.fixture
def export(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_HOME", str(tmp_path / "home"))
    path = tmp_path / "borno_places.geojson"
    features = [
        feature("زنغاري", "Zangari", **{"is_in:state": "Borno"}),
        feature("", "", place="village"),  # no name
        feature("سوق", "Market", place="marketplace"),  # not a settlement
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def test_an_osm_export_of_a_new_country_is_read_with_that_country(export):
    report = import_osm_places(export, "NG", "Nigeria")
    assert (report.read, report.kept) == (3, 1)
    place = Gazetteer.load().lookup("زنغاري")[0]
    assert (place.country, place.iso, place.admin1) == ("Nigeria", "NG", "Borno")


def test_an_imported_village_places_an_event_with_its_country_and_civilians(export):
    import_osm_places(export, "NG", "Nigeria")
    text = "قتل مسلحون خمسة مدنيين أمس في قرية زنغاري."
    events = process(document_from_text(text, "t", published=PUBLISHED), Resources.load()).events
    assert [(e.location.country, e.actor2.name) for e in events] == [
        ("Nigeria", "Civilians (Nigeria)")
    ]


def test_a_new_country_without_its_name_is_refused(export):
    with pytest.raises(GazetteerError, match="--country-name"):
        import_osm_places(export, "NG")


def test_a_file_that_is_no_feature_collection_is_refused_naming_it(tmp_path):
    path = tmp_path / "places.geojson"
    path.write_text('{"type": "Feature"}', encoding="utf-8")
    with pytest.raises(GazetteerError, match="places.geojson"):
        import_osm_places(path, "SD")


def test_an_import_can_be_removed_again(export, capsys):
    assert (
        main(["gazetteer", "import", str(export), "--country", "NG", "--country-name", "Nigeria"])
        == 0
    )
    assert Gazetteer.load().lookup("زنغاري")
    assert main(["gazetteer", "remove", "osm-borno_places"]) == 0
    assert not Gazetteer.load().lookup("زنغاري")


def test_gazetteer_info_counts_places_per_country_and_source(export, capsys):
    import_osm_places(export, "NG", "Nigeria")
    assert main(["gazetteer", "info"]) == 0
    out = capsys.readouterr().out
    assert "Sudan" in out and "Nigeria" in out and "osm" in out
