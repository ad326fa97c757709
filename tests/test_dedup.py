"""One event per happening: reports of one happening by several outlets become one event
(rasd.desk.dedup), and near-misses stay apart."""

import json
from pathlib import Path

import pytest

from rasd.desk import dedup
from rasd.desk.dedup import (
    DedupError,
    Report,
    group,
    load_rules,
    merge,
    same_happening,
)
from rasd.io.ingest import read_path
from rasd.knowledge.files import data_file
from rasd.pipeline import process

CORPUS = Path(__file__).parent / "data" / "desk"

AL_BARA = {
    "name": "Al-Bara",
    "name_ar": "البارة",
    "text": "البارة",
    "lat": 35.68,
    "lon": 36.54,
    "admin1": "Idlib",
    "admin2": "Ariha",
    "country": "Syria",
    "iso": "SY",
    "geo_precision": 1,
}
KANSAFRA = {**AL_BARA, "name": "Kansafra", "name_ar": "كنصفرة", "lat": 35.67, "lon": 36.51}
IDLIB_GOVERNORATE = {
    **AL_BARA,
    "name": "Idlib",
    "name_ar": "إدلب",
    "lat": 35.76667,
    "lon": 36.66667,
    "admin2": None,
    "geo_precision": 3,
}
REGIME = {
    "name": "Military Forces of Syria (2000-2024)",
    "text": "قوات النظام",
    "id": "mil-syria-assad",
}
RUSSIA = {"name": "Military Forces of Russia (2000-)", "text": "طائرات روسية", "id": "mil-russia"}
CIVILIANS = {"name": "Civilians (Syria)", "text": "مدنيين", "id": "civilians"}
HTS = {"name": "Hayat Tahrir al-Sham", "text": "هيئة تحرير الشام", "id": "hts"}
UNIDENTIFIED = {"name": "Unidentified Armed Group (Syria)", "text": "مجهولون", "id": "unidentified"}
TEXT_DATE = {"start": 50, "end": 59, "text": "أمس الاثنين"}


def shelling(**changes):
    """A regime shelling of al-Bara on 14 October 2024 that killed three, as one outlet's
    record gives it; ``changes`` are another outlet's differences."""
    record = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "plover": "ASSAULT",
        "date": "2024-10-14",
        "date_from": "2024-10-14",
        "date_to": "2024-10-14",
        "time_precision": 1,
        "actor1": REGIME,
        "actor2": CIVILIANS,
        "claimed_by": None,
        "denied_by": None,
        "location": AL_BARA,
        "fatalities": 3,
        "injuries": 5,
        "fatalities_known": True,
        "weapons": ["artillery"],
        "evidence": {"trigger": {"start": 30, "end": 39, "text": "قصف مدفعي"}, "date": TEXT_DATE},
        "sources": ["article"],
        "confidence": 0.9,
        "notes": "",
    }
    if "date" in changes:
        day = changes.pop("date")
        changes = {"date": day, "date_from": day, "date_to": day, **changes}
    return {**record, **changes}


def dated_by_publication(**changes):
    """The shelling as an outlet tells it without a day word: dated by its publication."""
    record = shelling(**changes)
    record["evidence"] = {"trigger": record["evidence"]["trigger"]}
    return record


def report(source, record, outlet=None):
    return Report(source, outlet, record)


# --- type ------------------------------------------------------------------------------


def test_a_shelling_told_by_another_outlet_as_an_air_strike_is_one_happening():
    assert same_happening(shelling(), shelling(sub_event_type="Air/drone strike"))


def test_a_protest_and_a_riot_at_the_same_place_and_day_are_one_happening():
    protest = shelling(event_type="Protests", sub_event_type="Peaceful protest", actor1=None)
    riot = shelling(event_type="Riots", sub_event_type="Violent demonstration", actor1=None)
    assert same_happening(protest, riot)


def test_a_clash_and_an_attack_on_the_villagers_are_one_happening():
    clash = shelling(event_type="Battles", sub_event_type="Armed clash", actor1=HTS)
    attack = shelling(event_type="Violence against civilians", sub_event_type="Attack", actor1=HTS)
    assert same_happening(clash, attack)


def test_a_shelling_and_a_clash_at_the_same_place_are_two_happenings():
    clash = shelling(event_type="Battles", sub_event_type="Armed clash")
    assert not same_happening(shelling(), clash)


def test_drones_shot_down_over_a_place_and_a_drone_strike_on_it_are_one_happening():
    strike = shelling(sub_event_type="Air/drone strike")
    downed = shelling(event_type="Strategic developments", sub_event_type="Disrupted weapons use")
    assert same_happening(downed, strike)


def test_an_arrest_and_a_looting_at_the_same_place_are_two_happenings():
    arrest = shelling(event_type="Strategic developments", sub_event_type="Arrests")
    looting = shelling(
        event_type="Strategic developments", sub_event_type="Looting/property destruction"
    )
    assert not same_happening(arrest, looting)


# --- dates -----------------------------------------------------------------------------


def test_the_same_place_struck_the_next_day_is_another_happening():
    assert not same_happening(shelling(), shelling(date="2024-10-15"))


def test_a_report_dated_only_by_its_publication_may_be_a_day_late():
    assert same_happening(shelling(), dated_by_publication(date="2024-10-15"))


def test_a_report_dated_only_by_its_publication_is_never_early():
    assert not same_happening(shelling(), dated_by_publication(date="2024-10-13"))


def test_a_report_of_a_range_of_days_matches_a_day_inside_it():
    week = shelling(date_from="2024-10-12", date_to="2024-10-18", time_precision=2, date=None)
    assert same_happening(week, shelling())


def test_an_event_without_a_date_matches_nothing():
    undated = shelling(date=None, date_from=None, date_to=None)
    assert not same_happening(undated, shelling())
    assert not same_happening(undated, undated)


# --- place -----------------------------------------------------------------------------


def test_a_neighbouring_village_the_same_day_is_another_happening():
    assert not same_happening(shelling(), shelling(location=KANSAFRA))


def test_the_same_named_place_at_another_outlets_coordinates_is_one_place():
    # 2.8 km from the first outlet's point: farther than a neighbouring village
    elsewhere = {**AL_BARA, "name": "al Bara", "name_ar": None, "lat": 35.70, "lon": 36.56}
    assert same_happening(shelling(), shelling(location=elsewhere))


def test_two_names_for_points_within_a_kilometre_and_a_half_are_one_place():
    other_entry = {**AL_BARA, "name": "Al Barah East", "name_ar": None, "lat": 35.685}
    assert same_happening(shelling(), shelling(location=other_entry))


def test_a_governorate_matches_a_village_inside_it():
    assert same_happening(shelling(location=IDLIB_GOVERNORATE), shelling())


def test_a_governorate_does_not_match_a_village_outside_it():
    hama = {**IDLIB_GOVERNORATE, "name": "Hama", "admin1": "Hama", "lat": 35.2, "lon": 37.2}
    assert not same_happening(shelling(location=hama), shelling())


def test_near_a_place_matches_a_village_a_few_kilometres_away():
    near_kansafra = {**KANSAFRA, "geo_precision": 2, "admin1": None}
    assert same_happening(shelling(location=near_kansafra), shelling())


def test_near_a_place_does_not_match_a_village_of_another_district():
    near_kansafra = {**KANSAFRA, "geo_precision": 2}
    saraqib = {**AL_BARA, "name": "Saraqib", "name_ar": "سراقب", "admin2": "Idlib"}
    saraqib |= {"lat": 35.86447, "lon": 36.80591}  # 30 km away, in the same governorate
    assert not same_happening(shelling(location=near_kansafra), shelling(location=saraqib))


def test_one_name_in_two_governorates_is_two_places():
    homonym = {**AL_BARA, "admin1": "Hama", "lat": 35.3, "lon": 36.9}
    assert not same_happening(shelling(), shelling(location=homonym))


def test_an_event_without_a_place_matches_nothing():
    assert not same_happening(shelling(location=None), shelling())


# --- actors ----------------------------------------------------------------------------


def test_an_unnamed_attacker_agrees_with_a_named_one():
    assert same_happening(shelling(actor1=None), shelling())
    assert same_happening(shelling(actor1=UNIDENTIFIED), shelling())


def test_a_more_specific_name_of_the_attacker_agrees_with_the_plain_one():
    air_force = {"name": "Military Forces of Syria (2000-2024) Air Force", "text": "", "id": None}
    assert same_happening(shelling(actor1=air_force), shelling())


def test_two_outlets_naming_different_attackers_of_the_same_target_is_one_happening():
    assert same_happening(shelling(actor1=RUSSIA), shelling())


def test_different_attackers_of_different_targets_are_two_happenings():
    attack_on_the_army = shelling(actor1=HTS, actor2=RUSSIA)
    assert not same_happening(attack_on_the_army, shelling())


def test_a_clash_told_from_the_other_side_is_one_happening():
    clash = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    one_side = shelling(**clash, actor1=REGIME, actor2=HTS)
    other_side = shelling(**clash, actor1=HTS, actor2=REGIME)
    assert same_happening(one_side, other_side)


def test_protesters_and_rioters_are_one_crowd():
    protesters = {"name": "Protesters (Iraq)", "text": "متظاهرون", "id": "protesters"}
    rioters = {"name": "Rioters (Iraq)", "text": "محتجون غاضبون", "id": "rioters"}
    police = {"name": "Police Forces of Iraq (2022-)", "text": "الشرطة", "id": "pol-iraq"}
    protest = shelling(event_type="Protests", sub_event_type="Excessive force against protesters")
    riot = shelling(event_type="Riots", sub_event_type="Mob violence")
    # the targets differ (the police, passers-by): only the crowd holds them together
    assert same_happening(
        {**protest, "actor1": protesters, "actor2": police},
        {**riot, "actor1": rioters, "actor2": CIVILIANS},
    )


# --- merging ---------------------------------------------------------------------------


def test_the_merged_toll_is_the_lowest_known_one():
    happening = merge([report("a", shelling(fatalities=5)), report("b", shelling(fatalities=3))])
    assert happening.record["fatalities"] == 3


def test_the_merged_injuries_are_the_lowest_reported_number():
    told = [shelling(injuries=0), shelling(injuries=7), shelling(injuries=5)]  # 0: not told
    happening = merge([report(source, record) for source, record in zip("abc", told)])
    assert happening.record["injuries"] == 5
    assert happening.disputed["injuries"] == [("b", 7), ("c", 5)]


def test_a_report_with_no_known_toll_does_not_lower_it():
    unknown = shelling(fatalities=0, fatalities_known=False)
    happening = merge([report("a", unknown), report("b", shelling(fatalities=4))])
    assert (happening.record["fatalities"], happening.record["fatalities_known"]) == (4, True)
    assert "fatalities" not in happening.disputed


def test_each_sources_toll_is_kept_when_they_differ():
    happening = merge([report("a", shelling(fatalities=5)), report("b", shelling(fatalities=3))])
    assert happening.disputed["fatalities"] == [("a", 5), ("b", 3)]


def test_each_sources_attribution_is_kept_when_they_differ():
    happening = merge([report("a", shelling(actor1=RUSSIA)), report("b", shelling())])
    assert happening.disputed["actor1"] == [("a", RUSSIA["name"]), ("b", REGIME["name"])]
    assert happening.record["actor1"] == RUSSIA


def test_sources_that_agree_leave_nothing_disputed():
    happening = merge([report("a", shelling()), report("b", shelling(actor1=None))])
    assert happening.disputed == {}


def test_an_unnamed_attacker_is_named_from_another_report():
    happening = merge([report("a", shelling(actor1=UNIDENTIFIED)), report("b", shelling())])
    assert happening.record["actor1"] == REGIME


def test_the_merged_record_lists_every_sources_identity_once():
    reports = [
        report("url:a", shelling()),
        report("sha256:b", shelling()),
        report("url:a", shelling()),
    ]
    assert merge(reports).record["sources"] == ["url:a", "sha256:b"]


def test_the_merged_record_keeps_the_first_reports_evidence():
    second = shelling(evidence={"trigger": {"start": 0, "end": 5, "text": "غارات"}})
    happening = merge([report("a", shelling()), report("b", second)])
    assert happening.record["evidence"] == shelling()["evidence"]


def test_the_merged_place_is_the_most_precise_one():
    happening = merge([report("a", shelling(location=IDLIB_GOVERNORATE)), report("b", shelling())])
    assert happening.record["location"] == AL_BARA


def test_the_day_a_text_gives_wins_over_a_publication_day():
    late = dated_by_publication(date="2024-10-15")
    happening = merge([report("a", late), report("b", shelling())])
    assert happening.record["date"] == "2024-10-14"


# --- grouping --------------------------------------------------------------------------


def test_each_report_joins_the_first_happening_it_matches():
    reports = [
        report("a", shelling()),
        report("b", shelling(location=KANSAFRA)),
        report("c", shelling(fatalities=4)),
    ]
    assert [[r.source for r in h.reports] for h in group(reports)] == [["a", "c"], ["b"]]


def test_a_vague_report_does_not_join_two_villages_into_one_happening():
    reports = [
        report("governorate", shelling(location=IDLIB_GOVERNORATE)),
        report("al-bara", shelling()),
        report("kansafra", shelling(location=KANSAFRA)),
    ]
    assert [[r.source for r in h.reports] for h in group(reports)] == [
        ["governorate", "al-bara"],
        ["kansafra"],
    ]


def test_two_events_of_one_article_stay_two_happenings():
    # the article told a shelling and an air strike on the same village apart: so do we
    strike = shelling(sub_event_type="Air/drone strike", actor1=RUSSIA)
    reports = [report("url:a", shelling()), report("url:a", strike), report("url:b", strike)]
    assert [[r.source for r in h.reports] for h in group(reports)] == [
        ["url:a", "url:b"],
        ["url:a"],
    ]


def test_an_undated_report_is_a_happening_of_its_own():
    undated = shelling(date=None, date_from=None, date_to=None)
    happenings = group([report("a", undated), report("b", undated), report("c", shelling())])
    assert len(happenings) == 3


def test_grouping_compares_a_report_only_with_happenings_of_its_days(monkeypatch):
    days = [f"2024-{month:02}-{day:02}" for month in range(1, 13) for day in range(1, 29)]
    reports = [report(f"{outlet}:{day}", shelling(date=day)) for day in days for outlet in "ab"]
    compared = []
    judge = dedup.same_happening
    monkeypatch.setattr(dedup, "same_happening", lambda a, b: compared.append(1) or judge(a, b))
    happenings = group(reports)
    assert [len(h.reports) for h in happenings] == [2] * len(days)
    assert len(compared) == len(days)  # each day's second report with its first, no more


def test_merging_nothing_is_an_error():
    with pytest.raises(ValueError):
        merge([])


# --- the rules file --------------------------------------------------------------------


def test_a_rules_file_naming_an_unknown_type_is_refused(tmp_path):
    packaged = data_file("desk", "dedup.yaml").read_text(encoding="utf-8")
    path = tmp_path / "dedup.yaml"
    path.write_text(packaged.replace("[Protests, Riots]", "[Protests, Riotz]"), encoding="utf-8")
    with pytest.raises(DedupError, match="Riotz"):
        load_rules(path)


def test_a_rules_file_without_a_threshold_is_refused(tmp_path):
    path = tmp_path / "dedup.yaml"
    path.write_text("compatible_types: []\n", encoding="utf-8")
    with pytest.raises(DedupError, match="malformed"):
        load_rules(path)


# --- the corpus ------------------------------------------------------------------------


def corpus_reports() -> list[Report]:
    """Every event rasd extracts from the test corpus, as one report each, in file order."""
    reports = []
    for path in sorted(CORPUS.iterdir()):
        for doc in read_path(path):
            reports += [Report(doc.identity, doc.outlet, e.to_dict()) for e in process(doc).events]
    return reports


# Each happening of the corpus: its articles (file names) and the merged toll, the lowest
# an outlet gives (None: no outlet gives one).
HAPPENINGS = {
    # a Turkish drone strike in Amuda: one outlet only says "north of Hasakah", with no toll
    # and no attacker; a wire report the next morning gives no day
    ("amuda-drone-monitor", "amuda-drone-rafidain", "amuda-drone-shamal", "amuda-drone-wire"): 2,
    # al-Bara struck again the next day: another happening
    ("bara-next-day-shamal",): 1,
    # al-Bara shelled, told as Russian air strikes by one outlet, by no one by another
    ("bara-shelling-furat", "bara-shelling-monitor", "bara-shelling-shamal"): 3,
    # the neighbouring village, 3 km away, shelled the same day: another happening
    ("kansafra-shelling-furat",): 2,
    # a protest one outlet calls peaceful and another tells as a riot
    ("nasiriyah-protest-rafidain", "nasiriyah-riot-furat"): None,
    # Houthis shooting villagers, or clashing with government forces
    ("qataba-attack-rafidain", "qataba-clash-monitor"): 4,
}


@pytest.fixture(scope="module")
def corpus() -> list[Report]:
    return corpus_reports()


@pytest.fixture(scope="module")
def happenings(corpus):
    return {articles(h): h for h in group(corpus)}


def articles(happening) -> tuple[str, ...]:
    """The corpus files a happening's reports come from (a record's sources name them)."""
    return tuple(sorted({r.record["sources"][0] for r in happening.reports}))


def test_the_corpus_gives_one_event_per_happening(happenings):
    assert {
        names: h.record["fatalities"] if h.record["fatalities_known"] else None
        for names, h in happenings.items()
    } == HAPPENINGS


def test_the_merged_event_lists_every_reporting_document(corpus, happenings):
    bara = happenings["bara-shelling-furat", "bara-shelling-monitor", "bara-shelling-shamal"]
    identities = {r.record["sources"][0]: r.source for r in corpus}
    assert bara.record["sources"] == [
        identities["bara-shelling-furat"],
        identities["bara-shelling-monitor"],
        identities["bara-shelling-shamal"],
    ]
    assert [r.outlet for r in bara.reports] == ["صدى الفرات", "Levant Monitor", None]


def test_each_outlets_toll_stays_visible(happenings):
    bara = happenings["bara-shelling-furat", "bara-shelling-monitor", "bara-shelling-shamal"]
    assert [toll for _, toll in bara.disputed["fatalities"]] == [5, 4, 3]


def test_each_outlets_attribution_stays_visible(happenings):
    bara = happenings["bara-shelling-furat", "bara-shelling-monitor", "bara-shelling-shamal"]
    assert [name for _, name in bara.disputed["actor1"]] == [
        "Military Forces of Russia (2000-)",
        "Military Forces of Syria (2000-2024)",
    ]


def test_a_protest_told_as_a_riot_stays_visible_as_such(happenings):
    nasiriyah = happenings["nasiriyah-protest-rafidain", "nasiriyah-riot-furat"]
    assert [kind for _, kind in nasiriyah.disputed["event_type"]] == ["Protests", "Riots"]


def test_a_record_read_back_from_json_is_the_same_happening_as_the_fresh_one(corpus):
    # the store keeps records as JSON: read back, a record must still agree with itself
    fresh = corpus[0]
    stored = Report("url:stored", None, json.loads(json.dumps(fresh.record)))
    assert same_happening(fresh.record, stored.record)
    assert merge([fresh, stored]).disputed == {}
