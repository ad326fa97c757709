"""The CSV export as ACLED's: interaction codes from the actors' kinds, ISO numeric codes,
regions, the outlet as the source, the time of extraction, and a byte-order mark for Excel
on request."""

import csv
import datetime as dt
import io
import time
from dataclasses import replace

import pytest

from rasd.cli import main
from rasd.io.acled import acled_row, tables
from rasd.io.export import Result, write_csv
from rasd.knowledge.taxonomy import TAXONOMY
from rasd.model import Actor, Document, Event, Location

SYRIA = Location("Kafr Nabl", 35.61, 36.56, admin1="Idlib", country="Syria", iso="SY")
ARMY = Actor("Military Forces of Syria (2000-2024)", "", "mil-syria", "state forces", "Syria")
TURKEY = Actor("Military Forces of Turkey (2016-)", "", "mil-turkey", "state forces", "Turkey")
CIVILIANS = Actor("Civilians (Syria)", "", "civilians", "civilians", "Syria")
SDF = Actor("Syrian Democratic Forces", "", "sdf", "rebel group", "Syria")


def event(actor1=ARMY, actor2=CIVILIANS, location=SYRIA) -> Event:
    return Event(
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover="ASSAULT",
        date_from=dt.date(2024, 1, 14),
        date_to=dt.date(2024, 1, 14),
        actor1=actor1,
        actor2=actor2,
        location=location,
    )


def row(ev: Event, url: str | None = None, outlet: str | None = None) -> dict:
    doc = Document("article", "text", url=url, outlet=outlet, identity="sha256:00")
    return acled_row(ev, doc, 1, 1_700_000_000)


def test_inter_codes_follow_each_actors_kind():
    record = row(event(ARMY, CIVILIANS))
    assert (record["inter1"], record["inter2"], record["interaction"]) == (1, 7, 17)


def test_interaction_puts_the_smaller_code_first():
    assert row(event(SDF, ARMY))["interaction"] == 12


def test_an_event_without_actor2_has_its_one_code_times_ten():
    record = row(event(ARMY, None))
    assert (record["inter2"], record["interaction"]) == ("", 10)


def test_a_states_forces_abroad_are_external_forces():
    assert row(event(TURKEY, SDF))["inter1"] == 8


def test_an_actor_of_no_known_kind_leaves_its_code_and_the_interaction_empty():
    unknown = Actor("Some Group", "some group")
    record = row(event(ARMY, unknown))
    assert (record["inter1"], record["inter2"], record["interaction"]) == (1, "", "")


def test_the_interaction_codes_come_from_the_taxonomy_table():
    assert TAXONOMY.kind("protesters").inter == 6
    assert TAXONOMY.kind("external state").inter == 8


def test_iso_is_the_numeric_code_and_the_event_id_starts_with_alpha3():
    record = row(event())
    assert record["iso"] == 760
    assert record["event_id_cnty"].startswith("SYR-")


def test_region_is_acleds_region_of_the_country():
    mali = Location("Gao", 16.27, -0.04, country="Mali", iso="ML")
    assert row(event(location=mali))["region"] == "Western Africa"
    assert row(event())["region"] == "Middle East"


def test_an_event_with_no_place_has_no_iso_or_region():
    record = row(event(location=None))
    assert (record["iso"], record["region"], record["event_id_cnty"][:4]) == ("", "", "XXX-")


def test_source_is_the_outlet_of_the_pages_host_with_its_scale():
    record = row(event(), url="https://english.alarabiya.net/News/2024/01/14/x")
    assert (record["source"], record["source_scale"]) == ("Al Arabiya", "Regional")


def test_an_unlisted_outlet_is_named_as_the_page_names_itself_with_no_scale():
    record = row(event(), url="https://www.small-paper.example/a", outlet="The Small Paper")
    assert (record["source"], record["source_scale"]) == ("The Small Paper", "")


def test_an_unlisted_outlet_that_does_not_name_itself_is_named_by_its_host():
    assert row(event(), url="https://www.small-paper.example/a")["source"] == "small-paper.example"


def test_a_listed_outlet_named_by_a_record_finds_its_scale():
    record = row(event(), outlet="reuters")
    assert (record["source"], record["source_scale"]) == ("Reuters", "International")


def test_a_listed_outlet_that_names_itself_in_arabic_is_written_by_its_english_name():
    record = row(event(), outlet="عنب بلدي")
    assert (record["source"], record["source_scale"]) == ("Enab Baladi", "National")


def test_a_text_with_no_url_and_no_outlet_has_no_source_not_its_file_name():
    assert row(event())["source"] == ""


def test_columns_rasd_cannot_fill_stay_empty():
    record = row(event())
    assert [record[c] for c in ("assoc_actor_1", "assoc_actor_2", "admin3", "tags")] == [""] * 4


def test_timestamp_is_the_unix_time_of_extraction():
    before = int(time.time())
    result = Result(Document("article", "text", identity="sha256:00"), [event()])
    out = io.StringIO()
    write_csv([result], out)
    (record,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert before <= int(record["timestamp"]) <= int(time.time())


def test_every_country_of_the_gazetteer_has_a_numeric_code_and_a_region():
    from rasd.knowledge.files import data_file

    lines = data_file("places", "countries.tsv").read_text(encoding="utf-8").splitlines()
    codes = [line.split("\t")[0] for line in lines if line and not line.startswith("#")]
    assert all(code in tables().numeric and code in tables().region for code in codes)


def test_every_outlet_scale_is_one_of_acleds():
    scales = {outlet.scale for outlet in tables().by_host.values()}
    assert scales <= {"", "International", "Regional", "National", "Subnational"}


GOOD = "Government forces shelled the town of Kafr Nabl on Monday, killing three civilians.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(GOOD, encoding="utf-8")
    return str(path)


def test_csv_is_plain_utf8_without_a_byte_order_mark_by_default(article, capsysbinary):
    main(["extract", "--format", "csv", "--published", "2024-01-15T10:00:00+03:00", article])
    assert capsysbinary.readouterr().out.startswith(b"event_id_cnty,")


def test_csv_for_excel_begins_with_a_byte_order_mark(article, capsysbinary):
    main(["extract", "--format", "csv", "--bom", article])
    assert capsysbinary.readouterr().out.startswith(b"\xef\xbb\xbfevent_id_cnty,")


def test_a_byte_order_mark_on_json_is_refused_as_bad_usage(article, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", "--bom", article])
    assert exit_.value.code == 2
    assert "--bom" in capsys.readouterr().err


def test_two_events_of_one_document_have_two_ids():
    result = Result(Document("article", "text", identity="sha256:00"), [event(), event()])
    out = io.StringIO()
    write_csv([result, replace(result, document=replace(result.document, identity="id:b"))], out)
    ids = [r["event_id_cnty"] for r in csv.DictReader(io.StringIO(out.getvalue()))]
    assert len(set(ids)) == 4
