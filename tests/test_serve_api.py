"""The desk's API over a store of the bundled sample articles: events with filters, one event
with its sources and evidence, counts, documents, its documentation served offline."""

from pathlib import Path

import pytest

pytest.importorskip("fastapi")

from conftest import store_of_the_samples  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from rasd.cli import sample_paths  # noqa: E402
from rasd.io.ingest import read_path  # noqa: E402
from rasd.io.store import Store  # noqa: E402
from rasd.pipeline import process  # noqa: E402
from rasd.serve.api import create_app  # noqa: E402
from rasd.serve.settings import DeskSettings  # noqa: E402

LOCAL = ("127.0.0.1", 50000)


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    return store_of_the_samples(tmp_path_factory.mktemp("desk") / "samples.sqlite")


@pytest.fixture
def client(samples_store):
    app = create_app(DeskSettings(db=str(samples_store), token="secret"))
    with TestClient(app, client=LOCAL) as client:
        yield client


def test_events_are_listed_with_their_sources(client):
    page = client.get("/api/events").json()
    assert page["total"] == len(page["events"]) > 0
    assert all(event["sources"] and event["record"]["event_type"] for event in page["events"])


def test_events_come_in_date_order(client):
    dates = [e["record"]["date_from"] for e in client.get("/api/events").json()["events"]]
    assert dates == sorted(dates)


def test_a_type_filter_keeps_only_that_type(client):
    page = client.get("/api/events", params={"event_type": "Protests"}).json()
    assert page["total"] >= 1
    assert {e["record"]["event_type"] for e in page["events"]} == {"Protests"}


def test_a_country_filter_keeps_only_that_country(client):
    page = client.get("/api/events", params={"country": "Iraq"}).json()
    assert {e["record"]["location"]["country"] for e in page["events"]} == {"Iraq"}


def test_a_bounding_box_keeps_the_events_inside_it(client):
    iraq_north = "42,35,46,37.5"  # west, south, east, north
    events = client.get("/api/events", params={"bbox": iraq_north}).json()["events"]
    assert events
    for event in events:
        assert 35 <= event["record"]["location"]["lat"] <= 37.5


def test_a_date_range_keeps_the_events_that_overlap_it(client):
    page = client.get("/api/events", params={"date_from": "2024-06-01", "date_to": "2024-06-30"})
    assert {e["record"]["date_from"][:7] for e in page.json()["events"]} == {"2024-06"}


def test_text_search_finds_arabic_written_without_its_hamza(client):
    # the Idlib sample writes إدلب; the analyst types it without the hamza
    found = client.get("/api/events", params={"q": "ادلب"}).json()["events"]
    assert any(e["record"]["location"]["admin1"] == "Idlib" for e in found)


def test_text_search_in_english_ignores_case(client):
    found = client.get("/api/events", params={"q": "ERBIL"}).json()["events"]
    assert any(e["record"]["location"]["admin1"] == "Erbil" for e in found)


def test_an_actor_filter_matches_part_of_a_name(client):
    found = client.get("/api/events", params={"actor": "democratic forces"}).json()["events"]
    assert found
    for event in found:
        names = [(event["record"][a] or {}).get("name", "") for a in ("actor1", "actor2")]
        assert any("Democratic Forces" in name for name in names)


def test_paging_gives_the_next_events(client):
    everything = [e["id"] for e in client.get("/api/events").json()["events"]]
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert [e["id"] for e in second["events"]] == everything[2:4]
    assert second["total"] == len(everything)


def test_one_event_carries_each_source_text_and_its_evidence(client):
    first = client.get("/api/events", params={"q": "كفرنبل"}).json()["events"][0]
    detail = client.get(f"/api/events/{first['id']}").json()
    source = detail["sources"][0]
    assert source["language"] == "ar" and source["text"]
    roles = {span["role"] for span in source["evidence"]}
    assert {"trigger", "location"} <= roles
    for span in source["evidence"]:
        assert source["text"][span["start"] : span["end"]] == span["text"]


def test_an_unknown_event_is_a_404_with_a_reason(client):
    answer = client.get("/api/events/999999")
    assert answer.status_code == 404 and "999999" in answer.json()["detail"]


def test_a_bad_bounding_box_is_a_422_with_a_reason(client):
    answer = client.get("/api/events", params={"bbox": "40,30,45"})
    assert answer.status_code == 422 and "bbox" in answer.json()["detail"]


def test_a_range_that_ends_before_it_starts_is_a_422(client):
    answer = client.get("/api/events", params={"date_from": "2024-02-01", "date_to": "2024-01-01"})
    assert answer.status_code == 422 and "after" in answer.json()["detail"]


def test_a_page_too_large_is_refused(client):
    assert client.get("/api/events", params={"limit": 100000}).status_code == 422


def test_counts_by_type_add_up_to_the_events(client):
    counts = client.get("/api/counts", params={"by": "type"}).json()["counts"]
    assert sum(counts.values()) == client.get("/api/events").json()["total"]


def test_counts_by_day_follow_the_filters(client):
    counts = client.get("/api/counts", params={"by": "day", "country": "Iraq"}).json()["counts"]
    assert counts and all(day.startswith(("2024", "2025")) for day in counts)


def test_documents_are_listed_and_read_by_identity(client):
    page = client.get("/api/documents").json()
    assert page["total"] == len(sample_paths())
    identity = page["documents"][0]["identity"]
    document = client.get("/api/document", params={"identity": identity}).json()
    assert document["identity"] == identity and document["text"]


def test_the_api_documentation_loads_swagger_ui_from_the_desk_itself(client):
    page = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page and "cdn" not in page
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200
    assert client.get("/openapi.json").json()["paths"]["/api/events"]


def test_the_page_and_its_scripts_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/vendor/leaflet/leaflet.js" in page.text
    for asset in ("vendor/leaflet/leaflet.js", "desk.js", "basemap/countries.geojson"):
        assert client.get(f"/static/{asset}").status_code == 200, asset


def test_the_page_forbids_inline_and_foreign_scripts(client):
    policy = client.get("/").headers["content-security-policy"]
    assert "script-src 'self';" in policy and "default-src 'none'" in policy


def test_cors_is_off_by_default(client):
    answer = client.get("/api/events", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in answer.headers


def test_cors_can_be_switched_on_for_one_origin(samples_store):
    settings = DeskSettings(db=str(samples_store), token="t", cors_origins=("https://a.example",))
    with TestClient(create_app(settings), client=LOCAL) as client:
        answer = client.get("/api/events", headers={"Origin": "https://a.example"})
    assert answer.headers["access-control-allow-origin"] == "https://a.example"


def test_an_event_told_by_three_outlets_lists_each_with_its_own_evidence(tmp_path):
    # three reports, written for the deduplication tests, of one shelling of al-Bara
    folder = Path(__file__).parent / "data" / "desk"
    path = tmp_path / "bara.sqlite"
    with Store(path) as store:
        for name in ("bara-shelling-furat.html", "bara-shelling-monitor.html"):
            for document in read_path(folder / name):
                store.add(process(document))
        for document in read_path(folder / "bara-shelling-shamal.txt"):
            store.add(process(document))
    app = create_app(DeskSettings(db=str(path), token="t"))
    with TestClient(app, client=LOCAL) as client:
        told = [e for e in client.get("/api/events").json()["events"] if len(e["sources"]) == 3]
        assert len(told) == 1
        detail = client.get(f"/api/events/{told[0]['id']}").json()
    assert [s["doc_id"] for s in detail["sources"]] == [s["doc_id"] for s in told[0]["sources"]]
    tolls = next(d for d in detail["disputed"] if d["field"] == "fatalities")["versions"]
    assert len(tolls) == 3  # each outlet's own count of the dead
    for source in detail["sources"]:
        assert source["text"] and source["evidence"]
        for span in source["evidence"]:
            assert source["text"][span["start"] : span["end"]] == span["text"]


def test_the_basemap_travels_compressed(client):
    answer = client.get("/static/basemap/countries.geojson", headers={"Accept-Encoding": "gzip"})
    assert answer.headers["content-encoding"] == "gzip"
    assert answer.json()["type"] == "FeatureCollection"
