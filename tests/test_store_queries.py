"""Finding stored events: the filters the API offers, on SQLite and on PostgreSQL."""

import datetime as dt

import pytest
from store_backends import store_target  # noqa: F401  (a fixture)

from rasd.io.export import Result
from rasd.io.store import EventQuery, Store
from rasd.model import Actor, Document, Event, Location, Span

PUBLISHED = dt.datetime(2024, 3, 2, 8, 0, tzinfo=dt.UTC)
ARMY = Actor("Military Forces of Syria (2000-2024)", "قوات الجيش", "mil-syria")
REBELS = Actor("Hayat Tahrir al-Sham", "هيئة تحرير الشام", "hts")
IDLIB = Location("Kafr Nabl", 35.61, 36.56, admin1="Idlib", country="Syria", iso="SY")
ALEPPO = Location("Atarib", 36.14, 36.83, admin1="Aleppo", country="Syria", iso="SY")
BEIRUT = Location("Beirut", 33.89, 35.50, admin1="Beirut", country="Lebanon", iso="LB")


def event(kind: str, day: int, where: Location, *actors: Actor, evidence=None) -> Event:
    return Event(
        event_type=kind,
        sub_event_type="Armed clash" if kind == "Battles" else "Peaceful protest",
        plover="FIGHT",
        date_from=dt.date(2024, 3, day),
        date_to=dt.date(2024, 3, day),
        actor1=actors[0] if actors else None,
        actor2=actors[1] if len(actors) > 1 else None,
        location=where,
        evidence=evidence or {},
    )


def result(name: str, text: str, *events: Event, url: str | None = None) -> Result:
    doc = Document(name, text, title=name.title(), published=PUBLISHED, url=url, language="en")
    doc.identity = f"url:{url}" if url else f"id:{name}"
    return Result(doc, list(events))


CLASH_TEXT = "Fighting went on all night. Gunmen stormed a checkpoint near the mill."
MILL = CLASH_TEXT.index("mill")


@pytest.fixture
def store(store_target):  # noqa: F811
    with Store(store_target) as store:
        store.add(
            result(
                "clash",
                CLASH_TEXT,
                event(
                    "Battles",
                    1,
                    IDLIB,
                    ARMY,
                    REBELS,
                    evidence={"trigger": Span(MILL, MILL + 4, "mill")},
                ),
                url="https://news.example/clash",
            )
        )
        store.add(result("march", "People marched.", event("Protests", 3, BEIRUT)))
        store.add(result("raid", "A raid.", event("Battles", 5, ALEPPO, REBELS)))
        yield store


def types(found) -> list[str]:
    return [e.record["location"]["name"] for e in found[1]]


def test_no_filter_finds_every_event_in_date_order(store):
    total, page = store.find_events(EventQuery())
    assert total == 3 and [e.record["date_from"] for e in page] == [
        "2024-03-01",
        "2024-03-03",
        "2024-03-05",
    ]


def test_a_page_is_cut_by_limit_and_offset_and_the_total_counts_all(store):
    total, page = store.find_events(EventQuery(), limit=1, offset=1)
    assert total == 3 and [e.record["location"]["name"] for e in page] == ["Beirut"]


def test_a_date_range_finds_the_events_overlapping_it(store):
    query = EventQuery(date_from=dt.date(2024, 3, 2), date_to=dt.date(2024, 3, 5))
    assert types(store.find_events(query)) == ["Beirut", "Atarib"]


def test_a_bounding_box_finds_the_events_inside_it(store):
    assert types(store.find_events(EventQuery(bbox=(35.0, 33.0, 36.0, 34.0)))) == ["Beirut"]


def test_country_admin1_and_type_are_matched_as_stored(store):
    assert types(store.find_events(EventQuery(country="Syria", event_type="Battles"))) == [
        "Kafr Nabl",
        "Atarib",
    ]
    assert types(store.find_events(EventQuery(admin1="Aleppo"))) == ["Atarib"]


def test_an_actor_is_found_in_either_role_in_any_case(store):
    assert types(store.find_events(EventQuery(actor="tahrir AL-sham"))) == ["Kafr Nabl", "Atarib"]


def test_an_actor_is_found_by_its_arabic_words_with_another_hamza_or_ta_marbuta(store):
    assert types(store.find_events(EventQuery(actor="هيئه تحرير"))) == ["Kafr Nabl", "Atarib"]


def test_text_search_reads_the_sentence_of_the_evidence(store):
    assert types(store.find_events(EventQuery(text="STORMED a checkpoint"))) == ["Kafr Nabl"]


def test_text_search_ignores_diacritics_and_alef_forms(store):
    assert types(store.find_events(EventQuery(text="الجَيش"))) == ["Kafr Nabl"]


def test_an_actor_and_a_text_search_together_find_what_both_find(store):
    query = EventQuery(actor="tahrir", text="stormed a checkpoint")
    assert types(store.find_events(query)) == ["Kafr Nabl"]


@pytest.mark.parametrize("field", ["actor", "text", "country", "admin1", "event_type"])
def test_a_nul_character_in_a_filter_finds_nothing_more_and_breaks_nothing(store, field):
    # no stored text holds one; FTS5 read it as the end of its phrase, PostgreSQL refuses it
    assert store.find_events(EventQuery(**{field: 'tahrir\x00"'}))[0] == 0


def test_a_short_search_still_finds_its_words(store):
    assert types(store.find_events(EventQuery(text="ut"))) == ["Beirut"]


def test_a_search_with_quotes_and_percent_signs_finds_nothing_and_fails_not(store):
    assert store.find_events(EventQuery(text="\"50% of' it")) == (0, [])


def test_an_event_lists_the_documents_that_report_it(store):
    (clash,) = store.find_events(EventQuery(admin1="Idlib"))[1]
    (source,) = clash.sources
    assert source.url == "https://news.example/clash" and source.title == "Clash"
    assert source.published == PUBLISHED.isoformat()


def test_an_event_is_found_again_by_its_id(store):
    (clash,) = store.find_events(EventQuery(admin1="Idlib"))[1]
    assert store.event(clash.id) == clash
    assert store.event(clash.id + 1000) is None


def test_counts_by_day_are_keyed_by_iso_dates(store):
    counted = store.counts(EventQuery(country="Syria"), by="day")
    assert counted == {"2024-03-01": 1, "2024-03-05": 1}


def test_counts_by_type_are_keyed_by_event_types(store):
    assert store.counts(EventQuery(), by="type") == {"Battles": 2, "Protests": 1}


def test_documents_are_listed_with_their_total(store):
    total, page = store.documents(limit=2)
    assert total == 3 and len(page) == 2


def test_ingesting_the_same_document_twice_adds_nothing(store):
    again = result("march", "People marched.", event("Protests", 3, BEIRUT))
    assert not store.add(again)
    assert store.count() == (3, 3) and store.find_events(EventQuery())[0] == 3


def test_pages_of_a_search_that_matches_many_follow_the_date_order(store_target):  # noqa: F811
    # 30 matches and pages of one: read in date order, each row probed in the matches
    days = [
        result(f"raid-{n}", "A raid.", event("Battles", 1 + n % 28, ALEPPO, REBELS))
        for n in range(30)
    ]
    with Store(store_target) as store:
        store.ingest_all(days, group=False)
        _, everything = store.find_events(EventQuery(actor="tahrir"))
        pages = [
            store.find_events(EventQuery(actor="tahrir"), limit=1, offset=n)[1] for n in range(30)
        ]
    assert [page[0].id for page in pages] == [e.id for e in everything]
    assert [e.record["date_from"] for e in everything] == sorted(
        e.record["date_from"] for e in everything
    )
