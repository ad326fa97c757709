"""Reports of one happening by several documents are one stored event that lists them all
(rasd.desk.dedup decides which are one happening)."""

import datetime as dt

import pytest
from store_backends import store_target  # noqa: F401  (a fixture)

from rasd.io.export import Result
from rasd.io.store import EventQuery, Store
from rasd.model import Actor, Document, Event, Location, Span

ARMY = Actor("Military Forces of Syria (2000-2024)", "the army", "mil-syria-assad")
SARAQIB = Location("Saraqib", 35.86, 36.80, admin1="Idlib", country="Syria", iso="SY")
DARAA = Location("Daraa", 32.62, 36.10, admin1="Daraa", country="Syria", iso="SY")


def shelling(day: int, where: Location, dead: int) -> Event:
    return Event(
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "ASSAULT",
        dt.date(2024, 4, day),
        dt.date(2024, 4, day),
        actor1=ARMY,
        location=where,
        fatalities=dead,
        fatalities_known=True,
        evidence={"date": Span(0, 6, "Monday")},
    )


def report(outlet: str, *events: Event) -> Result:
    url = f"https://{outlet}.example/shelling"
    doc = Document(outlet, "Monday: the army shelled the town.", url=url, outlet=outlet)
    doc.identity = f"url:{url}"
    doc.published = dt.datetime(2024, 4, 9, 12, tzinfo=dt.UTC)
    return Result(doc, list(events))


@pytest.fixture
def store(store_target):  # noqa: F811
    with Store(store_target) as store:
        yield store


def test_a_second_outlets_report_of_the_same_shelling_is_merged(store):
    assert store.ingest(report("first", shelling(8, SARAQIB, 3))).events_new == 1
    assert store.ingest(report("second", shelling(8, SARAQIB, 4))).events_merged == 1
    total, (event,) = store.find_events(EventQuery())
    assert total == 1
    assert [s.outlet for s in event.sources] == ["first", "second"]


def test_the_merged_event_takes_the_lowest_known_toll(store):
    store.ingest(report("first", shelling(8, SARAQIB, 4)))
    store.ingest(report("second", shelling(8, SARAQIB, 3)))
    (event,) = store.find_events(EventQuery())[1]
    assert event.record["fatalities"] == 3


def test_the_tolls_the_sources_dispute_are_kept_with_each_source(store):
    store.ingest(report("first", shelling(8, SARAQIB, 4)))
    store.ingest(report("second", shelling(8, SARAQIB, 3)))
    (event,) = store.find_events(EventQuery())[1]
    assert event.disputed["fatalities"] == [
        ["url:https://first.example/shelling", 4],
        ["url:https://second.example/shelling", 3],
    ]


def test_shellings_of_two_towns_stay_two_events(store):
    store.ingest(report("first", shelling(8, SARAQIB, 3)))
    assert store.ingest(report("second", shelling(8, DARAA, 3))).events_new == 1
    assert store.find_events(EventQuery())[0] == 2


def test_a_merged_report_replaced_by_one_without_events_leaves_the_other_source(store):
    store.ingest(report("first", shelling(8, SARAQIB, 3)))
    store.ingest(report("second", shelling(8, SARAQIB, 3)))
    store.ingest(report("second"))
    (event,) = store.find_events(EventQuery())[1]
    assert [s.outlet for s in event.sources] == ["first"]


def test_two_events_of_one_document_are_never_merged(store):
    store.ingest(report("first", shelling(8, SARAQIB, 3), shelling(8, SARAQIB, 5)))
    assert store.find_events(EventQuery())[0] == 2
