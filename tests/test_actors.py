import datetime as dt
from pathlib import Path

import pytest

import rasd
from rasd.knowledge.actors import ActorDictionary, ActorEntry, plain_actor, unidentified
from rasd.text.normalize import is_arabic
from rasd.text.tokens import tokenize

BEFORE_FALL = dt.date(2023, 5, 10)
AFTER_FALL = dt.date(2025, 3, 2)


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load(extra=[])


def names(actors: ActorDictionary, text: str, **kwargs) -> list[str]:
    return [m.to_actor().name for m in actors.find(tokenize(text), **kwargs)]


def a_day_of(entry: ActorEntry) -> dt.date:
    if entry.active is None:
        return BEFORE_FALL
    start, end = entry.active
    if start and end:
        return start + (end - start) / 2
    return start + dt.timedelta(days=30) if start else end - dt.timedelta(days=30)


# ---------------------------------------------------------------- the dictionary itself


def test_dictionary_has_at_least_150_actors(actors):
    assert len(actors.entries) >= 150


def test_every_alias_and_state_name_finds_its_own_entry(actors):
    misses = []
    for entry in actors.entries:
        for via, phrases in (("alias", entry.aliases), ("state", entry.states)):
            for phrase in phrases:
                where = entry.theatres[0] if entry.theatres else entry.country
                found = actors.find(tokenize(phrase), a_day_of(entry), country=where)
                got = [(m.entry.id, m.via, m.span.text) for m in found]
                if got != [(entry.id, via, phrase)]:
                    misses.append((entry.id, phrase, got))
    assert not misses


def test_every_adjective_on_a_strike_finds_its_own_entry(actors):
    misses = []
    for entry in actors.entries:
        for adjective in entry.adjectives:
            text = f"قصف {adjective}" if is_arabic(adjective) else f"{adjective} strikes"
            found = actors.find(tokenize(text), a_day_of(entry), country=entry.country)
            if [m.entry.id for m in found] != [entry.id]:
                misses.append((entry.id, text, [m.entry.id for m in found]))
    assert not misses


# ---------------------------------------------------------------- loading


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_kind_is_reported_with_file_and_entry(tmp_path):
    path = write(
        tmp_path,
        "- id: ghost-brigade\n  name: Ghost Brigade\n  kind: gang\n"
        "  aliases: {en: [Ghost Brigade]}\n",
    )
    with pytest.raises(ValueError, match=r"actors\.yaml: entry ghost-brigade: unknown kind"):
        ActorDictionary.load(path, extra=[])


def test_entry_without_aliases_is_rejected(tmp_path):
    path = write(
        tmp_path,
        "- id: ghost-brigade\n  name: Ghost Brigade\n  kind: rebel group\n"
        "  aliases: {ar: [], en: []}\n",
    )
    with pytest.raises(ValueError, match="entry ghost-brigade: no aliases"):
        ActorDictionary.load(path, extra=[])


def test_duplicate_id_is_rejected(tmp_path):
    entry = "- id: twin\n  name: Twin\n  kind: rebel group\n  aliases: {en: [Twin]}\n"
    with pytest.raises(ValueError, match="entry twin: duplicate id"):
        ActorDictionary.load(write(tmp_path, entry * 2), extra=[])


def test_missing_name_is_rejected_by_position(tmp_path):
    path = write(tmp_path, "- kind: rebel group\n  aliases: {en: [Nobody]}\n")
    with pytest.raises(ValueError, match=r"entry #1: missing id, name"):
        ActorDictionary.load(path, extra=[])


def test_misspelt_field_is_rejected(tmp_path):
    path = write(tmp_path, "- id: x\n  name: X\n  kind: rebel group\n  alias: {en: [X]}\n")
    with pytest.raises(ValueError, match="entry x: unknown fields"):
        ActorDictionary.load(path, extra=[])


def test_strikes_from_afar_must_be_true_or_false(tmp_path):
    path = write(
        tmp_path,
        "- id: x\n  name: X\n  kind: rebel group\n  strikes_from_afar: often\n"
        "  aliases: {en: [X]}\n",
    )
    with pytest.raises(ValueError, match="entry x: strikes_from_afar must be true or false"):
        ActorDictionary.load(path, extra=[])


def test_a_force_standing_in_is_what_the_generic_class_means_there(tmp_path):
    path = write(
        tmp_path,
        "- id: army\n  name: Military Forces of {country}\n  kind: state forces\n"
        "  aliases: {en: [troops]}\n- id: garrison\n  name: Garrison of Eastland\n"
        "  country: Eastland\n  kind: state forces\n  stands_in: [Westbank]\n"
        "  aliases: {en: [Eastland army]}\n",
    )
    actors = ActorDictionary.load(path, extra=[])
    generic = actors.by_id("army")
    assert actors.of_country(generic, "Westbank", None).id == "garrison"
    assert actors.of_country(generic, "Northland", None).id == "army"


def test_user_file_adds_and_replaces_entries(tmp_path):
    user = write(
        tmp_path,
        "- id: sdf\n  name: SDF (local name)\n  kind: rebel group\n"
        "  aliases: {ar: [قسد]}\n- id: valley-guards\n  name: Valley Guards\n"
        "  country: Syria\n  kind: identity militia\n  aliases: {en: [Valley Guards]}\n",
    )
    merged = ActorDictionary.load(extra=[user])
    assert merged.by_id("sdf").name == "SDF (local name)"
    assert names(merged, "the Valley Guards fired") == ["Valley Guards"]


def test_extension_files_come_from_rasd_home(tmp_path, monkeypatch):
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "mine.yaml").write_text(
        "- id: hill-men\n  name: Hill Men\n  kind: rebel group\n  aliases: {en: [Hill Men]}\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("RASD_HOME", str(tmp_path))
    assert ActorDictionary.load().by_id("hill-men").name == "Hill Men"


def test_user_file_adds_a_head_noun(tmp_path):
    text = "هدمت حفارات إسرائيلية منزلا"
    assert names(ActorDictionary.load(extra=[]), text) == []
    user = write(tmp_path, "adjective_heads: {ar: [حفارة, حفارات], en: [excavators]}\n")
    merged = ActorDictionary.load(extra=[user])
    day = dt.date(2024, 2, 1)
    assert names(merged, text, published=day) == ["Military Forces of Israel (2022-)"]
    assert names(merged, "Israeli excavators", published=day) == [
        "Military Forces of Israel (2022-)"
    ]
    assert names(merged, "قصف تركي") == ["Military Forces of Turkey (2016-)"]  # built-ins kept


def test_user_file_with_sections_adds_actors(tmp_path):
    user = write(
        tmp_path,
        "actors:\n- id: hill-men\n  name: Hill Men\n  kind: rebel group\n"
        "  aliases: {en: [Hill Men]}\n",
    )
    assert names(ActorDictionary.load(extra=[user]), "the Hill Men fired") == ["Hill Men"]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("adjective_heads: [قصف]\n", "adjective_heads must be a mapping"),
        ("adjective_heads: {ar: قصف}\n", "adjective_heads: ar: expected a list"),
        ("adjective_heads: {ar: [قصف جوي]}\n", "'قصف جوي' is not one word"),
        ("adjective_modifiers: {ar: [drone]}\n", "'drone' is not in that language"),
        ("spellings: [[أميركي]]\n", r"spellings: \['أميركي'\] is not a pair"),
        ("adjective_head: {en: [drones]}\n", "unknown sections"),
        ("actors: {id: x}\n", "actors: expected a list"),
    ],
)
def test_malformed_word_section_is_rejected_with_the_file(tmp_path, text, error):
    with pytest.raises(ValueError, match=rf"actors\.yaml: .*{error}"):
        ActorDictionary.load(extra=[write(tmp_path, text)])


# ---------------------------------------------------------------- Arabic forms


def test_conjunction_clitic_on_acronym(actors):
    assert names(actors, "اشتبك الجيش الوطني وقسد")[-1] == "Syrian Democratic Forces"


def test_preposition_clitic_on_full_name(actors):
    assert names(actors, "موقع تابع لقوات سوريا الديمقراطية") == ["Syrian Democratic Forces"]


def test_preposition_and_article(actors):
    assert names(actors, "اغتيال قيادي بالحشد الشعبي") == ["Popular Mobilization Forces"]


def test_hyphenated_double_name_is_one_mention(actors):
    found = actors.find(tokenize("قوات سوريا الديمقراطية-قسد"))
    assert [m.span.text for m in found] == ["قوات سوريا الديمقراطية-قسد"]


def test_american_is_found_in_both_spellings(actors):
    text = "قصفت القوات الأميركية موقعاً ثم ردت القوات الأمريكية"
    assert names(actors, text) == ["Military Forces of the United States"] * 2


def test_occupation_wording_for_us_forces(actors):
    assert names(actors, "هجوم على الاحتلال الامريكي") == ["Military Forces of the United States"]


def test_soldiers_of_a_named_nation_are_that_nations_forces(actors):
    # "جنود" alone is the army of the article's country; the adjective says whose
    found = names(actors, "استهدف تجمعا لجنود إسرائيليين", published=dt.date(2024, 3, 11))
    assert found == ["Military Forces of Israel (2022-)"]


def test_diacritics_and_hamza_do_not_matter(actors):
    assert names(actors, "أطلقت مسيّرةٌ تركيّة صاروخاً") == ["Military Forces of Turkey (2016-)"]


# ---------------------------------------------------------------- adjectives and state names


def test_nationality_adjective_after_strike(actors):
    found = actors.find(tokenize("قصف تركي على القرية"))
    assert [(m.span.text, m.via, m.entry.id) for m in found] == [
        ("قصف تركي", "adjective", "mil-turkey")
    ]


def test_nationality_adjective_with_modifiers(actors):
    found = actors.find(tokenize("استهدفت طائرة مسيرة تركية سيارة"))
    assert [m.span.text for m in found] == ["طائرة مسيرة تركية"]


def test_plural_adjective_on_air_strikes(actors):
    assert names(actors, "غارات جوية إسرائيلية", published=BEFORE_FALL) == [
        "Military Forces of Israel (2022-)"
    ]


def test_adjective_on_a_person_is_not_an_armed_actor(actors):
    assert "Military Forces of Turkey (2016-)" not in names(actors, "قتل مواطن تركي")


def test_english_adjective_before_strike(actors):
    assert names(actors, "Russian warplanes and a Turkish drone strike") == [
        "Military Forces of Russia (2000-)",
        "Military Forces of Turkey (2016-)",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("غارات إسرائيلية", "Military Forces of Israel (2022-)"),
        ("عدوان إسرائيلي", "Military Forces of Israel (2022-)"),
        ("مسيّرة إسرائيلية", "Military Forces of Israel (2022-)"),
        ("توغل دبابات وجرافات إسرائيلية", "Military Forces of Israel (2022-)"),
        ("آليات ومدرعات إسرائيلية", "Military Forces of Israel (2022-)"),
        ("بوارج أمريكية", "Military Forces of the United States"),
        ("زوارق حربية أميركية", "Military Forces of the United States"),
        ("Israeli bulldozers", "Military Forces of Israel (2022-)"),
        ("Israeli armoured bulldozers", "Military Forces of Israel (2022-)"),
        ("Israeli gunfire", "Military Forces of Israel (2022-)"),
        ("US destroyers", "Military Forces of the United States"),
        ("Turkish shelling", "Military Forces of Turkey (2016-)"),
        ("Russian jets", "Military Forces of Russia (2000-)"),
    ],
)
def test_adjective_on_attack_heads(actors, text, name):
    assert names(actors, text, published=dt.date(2024, 2, 1)) == [name]


def test_state_name_as_agent_is_marked(actors):
    [mention] = actors.find(tokenize("قصفت تركيا مواقع"))
    assert (mention.entry.id, mention.via) == ("mil-turkey", "state")


@pytest.mark.parametrize(
    ("text", "country", "name"),
    [
        ("العدوان الأمريكي", "Yemen", "Military Forces of the United States"),
        ("العدوان الصهيوني", "Lebanon", "Military Forces of Israel (2022-)"),
        ("غارات العدو الصهيوني", "Lebanon", "Military Forces of Israel (2022-)"),
        ("طيران الاحتلال", "Palestine", "Military Forces of Israel (2022-)"),
        ("المستوطنين", "Palestine", "Settlers (Israel)"),
        ("مستوطنون", "Palestine", "Settlers (Israel)"),
        ("قوات الأمن العراقية", "Iraq", "Military Forces of Iraq (2022-)"),
        ("جهاز مكافحة الإرهاب", "Iraq", "Military Forces of Iraq (2022-)"),
    ],
)
def test_resistance_and_state_media_wording(actors, text, country, name):
    assert names(actors, text, published=dt.date(2024, 2, 1), country=country) == [name]


# ---------------------------------------------------------------- English aliases


def test_sdf_with_article(actors):
    assert names(actors, "the SDF said") == ["Syrian Democratic Forces"]


def test_israeli_army_and_idf(actors):
    day = dt.date(2024, 2, 1)
    assert (
        names(actors, "The Israeli army (IDF) said", published=day)
        == ["Military Forces of Israel (2022-)"] * 2
    )


def test_houthis_and_islamic_state(actors):
    assert names(actors, "Houthis and Islamic State") == [
        "Military Forces of Yemen (2017-) Houthi",
        "Islamic State (Syria)",
    ]


def test_islamic_state_in_iraq_by_country(actors):
    assert names(actors, "داعش", country="Iraq") == ["Islamic State (Iraq)"]


@pytest.mark.parametrize(
    ("country", "name"),
    [("Somalia", "Military Forces of Somalia (2012-)"), ("Syria", "Syrian National Army")],
)
def test_sna_is_the_national_army_of_the_events_country(actors, country, name):
    assert names(actors, "SNA", country=country) == [name]


# ---------------------------------------------------------------- periods


def test_regime_forces_before_the_fall_of_assad(actors):
    assert names(actors, "قصفت قوات النظام", published=BEFORE_FALL) == [
        "Military Forces of Syria (2000-2024)"
    ]


def test_regime_forces_after_the_fall_are_former_forces(actors):
    assert names(actors, "هاجمت قوات النظام", published=AFTER_FALL) == [
        "Former Military Forces of Syria (2000-2024)"
    ]


def test_syrian_army_after_the_fall_is_the_new_army(actors):
    assert names(actors, "انتشر الجيش السوري", published=AFTER_FALL) == [
        "Military Forces of Syria (2024-)"
    ]


def test_general_security_before_the_fall_is_hts(actors):
    assert names(actors, "اعتقل جهاز الأمن العام", published=dt.date(2024, 5, 17)) == [
        "Hayat Tahrir al-Sham"
    ]


def test_general_security_after_the_fall_is_police(actors):
    assert names(actors, "اعتقل الأمن العام", published=AFTER_FALL) == [
        "Police Forces of Syria (2024-)"
    ]


def test_iraqi_army_named_by_prime_minister_period(actors):
    assert names(actors, "الجيش العراقي", published=dt.date(2021, 3, 1)) == [
        "Military Forces of Iraq (2020-2022)"
    ]
    assert names(actors, "الجيش العراقي", published=dt.date(2024, 3, 1)) == [
        "Military Forces of Iraq (2022-)"
    ]


def test_publication_datetime_is_accepted(actors):
    published = dt.datetime(2021, 3, 1, 9, 30, tzinfo=dt.UTC)
    assert names(actors, "Iraqi army", published=published) == [
        "Military Forces of Iraq (2020-2022)"
    ]


def test_date_outside_every_period_takes_the_nearest(actors):
    assert names(actors, "الجيش العراقي", published=dt.date(2010, 1, 1)) == [
        "Military Forces of Iraq (2014-2018)"
    ]


# ---------------------------------------------------------------- generic classes and helpers


def test_civilians_take_the_country(actors):
    [mention] = actors.find(tokenize("قتل ثلاثة مدنيين"), country="Syria")
    actor = mention.to_actor()
    assert (actor.name, actor.id, actor.country) == ("Civilians (Syria)", "civilians", "Syria")


def test_civilians_without_country_keep_the_placeholder(actors):
    assert names(actors, "نازحين") == ["Civilians ({country})"]


def test_country_given_to_actor_overrides(actors):
    [mention] = actors.find(tokenize("protesters gathered"))
    assert mention.to_actor("Iraq").name == "Protesters (Iraq)"


def test_police_resolve_to_the_countrys_police_of_the_day(actors):
    assert names(actors, "فرقت الشرطة", published=dt.date(2021, 3, 1), country="Iraq") == [
        "Police Forces of Iraq (2020-2022)"
    ]


def test_unknown_gunmen_are_unidentified(actors):
    assert names(actors, "أطلق مسلحون مجهولون النار", country="Palestine") == [
        "Unidentified Armed Group (Palestine)"
    ]


def test_country_decides_between_shared_words(actors):
    assert names(actors, "الجيش الوطني", published=BEFORE_FALL, country="Yemen") == [
        "Military Forces of Yemen (2022-)"
    ]
    assert names(actors, "الجيش الوطني", published=BEFORE_FALL, country="Syria") == [
        "Syrian National Army"
    ]


def test_mention_span_points_into_text(actors):
    text = "قالت مصادر إن قوات  سوريا الديمقراطية انسحبت"
    [mention] = actors.find(tokenize(text))
    assert text[mention.span.start : mention.span.end] == mention.span.text


def test_unidentified_helper():
    actor = unidentified("Iraq", "جهة مجهولة")
    assert (actor.name, actor.id, actor.kind) == (
        "Unidentified Armed Group (Iraq)",
        None,
        "unidentified",
    )


def test_plain_actor_keeps_its_words():
    actor = plain_actor("Lions of the  Valley")
    assert (actor.name, actor.text, actor.id) == (
        "Lions of the Valley",
        "Lions of the  Valley",
        None,
    )


# ---------------------------------------------------------------- beyond the Levant


def test_libyan_national_army_is_not_the_syrian_national_army(actors):
    assert names(actors, "هاجمت قوات الجيش الوطني الليبي المدينة", published=AFTER_FALL) == [
        "Libyan National Army"
    ]


def test_jnim_is_not_jabhat_al_nusra(actors):
    assert names(actors, "تبنت جماعة نصرة الإسلام والمسلمين الهجوم", published=AFTER_FALL) == [
        "JNIM: Group for Support of Islam and Muslims"
    ]


def test_rsf_is_known_by_its_nickname(actors):
    assert names(actors, "اقتحم الدعامة السوق", published=AFTER_FALL) == ["Rapid Support Forces"]


def test_somali_state_media_name_for_al_shabaab(actors):
    assert names(actors, "أعلنت الحكومة مقتل عشرة من ميليشيات الخوارج", published=AFTER_FALL) == [
        "Al Shabaab"
    ]


def test_libyan_forces_of_the_day_follow_the_government_of_the_day(actors):
    gna = names(actors, "قوات حكومة الوفاق", published=dt.date(2019, 8, 4))
    assert gna == ["Military Forces of Libya (2016-2021) Government of National Accord"]


def test_the_army_unnamed_is_the_army_of_the_events_country(actors):
    found = names(actors, "هاجم مسلحون حاجزاً للجيش", published=AFTER_FALL, country="Iraq")
    assert found[-1] == "Military Forces of Iraq (2022-)"


def test_pro_government_forces_are_the_government_of_the_events_country(actors):
    libya = names(actors, "تقدمت القوات الموالية للحكومة", published=AFTER_FALL, country="Libya")
    yemen = names(actors, "تقدمت القوات الموالية للحكومة", published=AFTER_FALL, country="Yemen")
    assert libya[-1].startswith("Military Forces of Libya")
    assert yemen[-1] == "Military Forces of Yemen (2022-)"


@pytest.mark.parametrize(
    "text, country, day, name",
    [
        ("اعتقلت عناصر أمن الدولة ناشطا", "Egypt", AFTER_FALL, "Police Forces of Egypt"),
        ("اعتقلت عناصر أمن الدولة ناشطا", "Syria", BEFORE_FALL, "Police Forces of Syria"),
        ("انتشر الحرس الجمهوري في المدينة", "Syria", BEFORE_FALL, "Military Forces of Syria"),
        ("انتشر الحرس الجمهوري في المدينة", "Egypt", BEFORE_FALL, "Military Forces of Egypt"),
        ("انتشر الحرس الجمهوري في المدينة", "Yemen", BEFORE_FALL, "Military Forces of Yemen"),
        ("Republican Guard troops deployed", "Yemen", BEFORE_FALL, "Military Forces of Yemen"),
        ("State Security arrested an activist", "Egypt", AFTER_FALL, "Police Forces of Egypt"),
    ],
)
def test_security_agencies_every_state_has_are_the_events_countrys(
    actors, text, country, day, name
):
    assert names(actors, text, published=day, country=country)[-1].startswith(name)


def test_a_nisba_joined_by_and_is_a_second_actor_not_an_adjective(actors):
    found = actors.find(tokenize("دارت مواجهات بين الجيش والحوثيين"))
    assert [m.entry.id for m in found] == ["army", "houthis"]


def test_armed_after_a_group_describes_it_and_names_no_one_else():
    text = "هاجم مستوطنون مسلحون بلدة قصرة جنوب نابلس أمس."
    (event,) = rasd.extract(text, published="2024-03-11T10:00:00+03:00")
    assert event.actor1.name == "Settlers (Israel)" and event.actor2 is None


def test_a_generic_force_with_a_nationality_is_that_countrys(actors):
    (police,) = actors.find(tokenize("الشرطة السودانية"))
    assert police.to_actor(police.country).name == "Police Forces of Sudan"


def test_an_agent_read_from_plain_words_stops_at_a_date():
    text = "قتل ثلاثة جنود في هجوم نفذته ميليشيا عشائرية ظهر السبت على قاعدة في مدينة مقديشو."
    (event,) = rasd.extract(text, published="2024-03-11T10:00:00+03:00")
    assert event.actor1.name == "ميليشيا عشائرية"


def test_the_group_named_before_is_no_plain_words_agent():
    text = "وقتل ثلاثة جنود أمس في هجوم نفذته الحركة على قاعدة في مدينة مقديشو."
    found = rasd.extract(text, published="2024-03-11T10:00:00+03:00")
    assert all(e.actor1 is None or e.actor1.name != "الحركة" for e in found)
