"""Villages the gazetteer lacks, named after a place word or in a list of places hit.
The village names here are made up for the tests."""

import rasd
from rasd.annotate.unlisted import unlisted_places
from rasd.knowledge.gazetteer import Gazetteer
from rasd.text.tokens import tokenize

PUBLISHED = "2024-03-11T10:00:00+03:00"


def names(text: str) -> list[str]:
    gaz = Gazetteer.load(user=False)
    tokens = tokenize(text)
    return [m.text for m in unlisted_places(text, tokens, gaz.find(tokens), gaz)]


def test_a_village_after_its_place_word_is_a_name_even_when_unknown():
    assert names("قصفت قوات النظام قرية عزقول بريف إدلب") == ["عزقول"]


def test_a_word_describing_the_place_is_no_name():
    assert names("سقطت قذيفة في حي مكتظ بالسكان وسط تعز") == []
    assert names("داهمت القوات قرية نائية في ريف حماة") == []


def test_a_quoted_village_after_its_place_word_is_a_name():
    assert names('هاجمت قوات الدعم السريع قرية "ود عزقول" بولاية الجزيرة') == ["ود عزقول"]


def test_quoted_quarters_of_one_city_are_one_event():
    text = 'تساقطت قذائف أطلقها الحوثيون أمس في أحياء "عزقول" و"شمرين" و"بريتان" بتعز.'
    assert len(rasd.extract(text, published=PUBLISHED)) == 1


def test_a_plural_place_word_opens_a_list_of_names():
    assert names("قصفت المدفعية قرى عزقول وشمرين، بريتان في ريف حماة") == [
        "عزقول",
        "شمرين",
        "بريتان",
    ]


def test_a_list_opened_by_kullan_min_reads_every_unknown_name():
    assert names("قصفت القوات كلاً من عزقول وزهرون وبريتان في ريف إدلب") == [
        "عزقول",
        "زهرون",
        "بريتان",
    ]


def test_an_adjective_after_a_place_word_is_not_a_name():
    assert names("قصفت القوات قرية صغيرة قرب إدلب") == []


def test_a_name_that_begins_like_a_place_name_takes_two_words():
    assert names("استهدفت غارة بلدة كفر حلبون شمال حلب") == ["كفر حلبون"]


def test_a_name_that_begins_with_mountain_takes_two_words():
    assert names("أصابت غارة نقطة تفتيش في بلدة جبل رأس غرب اليمن") == ["جبل رأس"]


def test_upper_or_lower_after_an_unknown_village_is_part_of_its_name():
    assert names("غارة على بلدتي الصوانة وحومين الفوقا") == ["الصوانة", "حومين الفوقا"]


def test_each_listed_village_is_an_event_at_the_unit_named_after_the_list():
    events = rasd.extract(
        "قصفت قوات النظام بالمدفعية أمس كلاً من عزقول وزهرون وبريتان في ريف معرة النعمان.",
        published=PUBLISHED,
    )
    places = sorted(e.location.name for e in events)
    assert places == ["بريتان", "زهرون", "عزقول"]
    assert all(e.location.geo_precision == 2 and e.location.country == "Syria" for e in events)


def test_after_a_word_that_begins_names_a_frequent_word_is_part_of_the_name():
    assert names("استهدفت غارة بلدة خان السبل بريف إدلب") == ["خان السبل"]


def test_a_singular_place_word_ending_like_a_plural_opens_no_list():
    assert names("دخلت القوات حي عزقول وشمرين") == ["عزقول"]


def test_the_ends_of_a_road_do_not_hold_the_village_near_it():
    [event] = rasd.extract(
        "قصفت طائرات حربية أمس قرية عزقول القريبة من أوتوستراد دمشق – حلب قرب مدينة سراقب.",
        published=PUBLISHED,
    )
    assert (event.location.name, event.location.admin1) == ("عزقول", "Idlib")


def test_a_village_on_a_road_the_sentence_names_alone_lies_by_the_road():
    [event] = rasd.extract(
        "استهدفت طائرة مسيرة أمس سيارة قرب مفرق قرية دوكركا على طريق القامشلي – المالكية.",
        published=PUBLISHED,
    )
    assert (event.location.name, event.location.admin1) == ("دوكركا", "Al-Hasakah")


def test_a_village_on_a_road_between_two_governorates_is_not_put_at_either_end():
    [event] = rasd.extract(
        "استهدفت طائرة مسيرة أمس سيارة قرب قرية دوكركا على طريق حلب – الرقة.",
        published=PUBLISHED,
    )
    assert event.location.name != "دوكركا" or event.location.admin1 is None


def test_a_village_named_twice_is_one_place_whatever_unit_each_sentence_gives():
    found = rasd.extract(
        "قتل ثلاثة أطفال بقذيفة أمس في حي عزقول بمدينة تعز. وسقطت القذيفة أمس على منزل في "
        "حي عزقول بعد أيام من قصف مماثل على مدينة التربة.",
        published=PUBLISHED,
    )
    assert [e.location.name for e in found].count("عزقول") == 1


def test_the_first_name_of_a_list_keeps_its_initial_waw():
    assert names("قصفت القوات بلدات وزهرون وبريتان في ريف إدلب") == ["وزهرون", "بريتان"]


def test_a_short_conjoined_word_that_begins_names_joins_the_list():
    assert names("قصفت القوات بلدات عزقول وتل زهرون في ريف إدلب") == ["عزقول", "تل زهرون"]


def test_a_village_placed_at_its_states_centre_says_it_is_only_the_state():
    text = "قصفت قوات الدعم السريع أمس قرية عزقول في ولاية جنوب كردفان، ما أدى إلى مقتل مدنيين."
    (event,) = rasd.extract(text, published=PUBLISHED)
    assert (event.location.name, event.location.geo_precision) == ("عزقول", 3)


def test_a_tower_word_begins_a_two_word_village_name():
    assert names("أغارت مقاتلات على بلدتي عزقول وبرج شمرين في قضاء صور") == ["عزقول", "برج شمرين"]


def test_a_village_told_after_a_region_named_before_is_placed_in_that_region():
    text = "شنت إسرائيل أمس غارات على جنوب لبنان.\nوأغارت مقاتلات إسرائيلية أمس على بلدة عزقول."
    assert {e.location.name for e in rasd.extract(text, published=PUBLISHED)} == {"عزقول"}
