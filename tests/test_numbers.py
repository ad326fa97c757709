import pytest

from rasd.annotate import numbers
from rasd.annotate.numbers import find_numbers, parse_number


def values(text: str) -> list[tuple[str, int]]:
    return [(m.span.text, m.value) for m in find_numbers(text)]


def test_digits_ascii_and_arabic_indic():
    assert values("أصيب 7 مدنيين وقتل ١٢ عنصرا") == [("7", 7), ("١٢", 12)]


def test_thousands_separator_is_one_number():
    assert values("نزح 1,200 شخص و٢٬٥٠٠ آخرون") == [("1,200", 1200), ("٢٬٥٠٠", 2500)]


def test_dates_times_and_percentages_are_not_counts():
    assert values("في 2024/01/15 عند 10:30 ارتفع العدد 15%") == []


def test_arabic_units_both_genders():
    assert parse_number("ثلاثة") == 3
    assert parse_number("ثلاث") == 3
    assert parse_number("ثماني") == 8


def test_arabic_teens():
    assert parse_number("ثلاثة عشر") == 13
    assert parse_number("أحد عشر") == 11
    assert parse_number("اثنتا عشرة") == 12


def test_ahad_alone_is_not_one():
    assert values("لم يصب أحد في القصف يوم الأحد") == []


def test_arabic_compound_units_before_tens():
    assert values("قتل خمسة وعشرون مسلحا") == [("خمسة وعشرون", 25)]


def test_arabic_hundreds_written_as_one_word_or_two():
    assert parse_number("ثلاثمائة") == 300
    assert parse_number("ثلاث مئة") == 300


def test_arabic_hundred_and_thousand_compounds():
    assert parse_number("مئة وخمسة وعشرون") == 125
    assert parse_number("ألف ومئتان") == 1200
    assert parse_number("ثلاثة آلاف وخمسمئة") == 3500


def test_digits_with_arabic_scale_word():
    assert values("دمر 3 آلاف منزل") == [("3 آلاف", 3000)]


def test_clitic_is_left_out_of_the_span():
    assert values("وجرح وبخمسة") == [("خمسة", 5)]


def test_separate_numbers_joined_by_and_stay_separate():
    assert values("بين 5 و20 قتيلا") == [("5", 5), ("20", 20)]
    assert values("قتل خمسة وجرح عشرة") == [("خمسة", 5), ("عشرة", 10)]


def test_las_is_not_six():
    assert values("لست متأكدا") == []


def test_monday_is_not_two():
    assert values("وصل الوفد الاثنين") == []


def test_arabic_vague_quantities_take_acled_values():
    found = find_numbers("سقط عشرات القتلى ومئات الجرحى وعدد من المفقودين")
    assert [(m.value, m.vague) for m in found] == [(10, True), (100, True), (3, True)]


def test_tens_of_thousands_in_arabic():
    (m,) = find_numbers("نزح عشرات الآلاف")
    assert (m.value, m.vague) == (10000, True)


def test_approximator_marks_the_number_approximate():
    (m,) = find_numbers("قتل نحو ثلاثين شخصا")
    assert (m.span.text, m.value, m.approximate) == ("ثلاثين", 30, True)


def test_an_approximator_of_several_words_is_where_the_number_is_said_from():
    text = "قتل ما لا يقل عن 25 جنديا"
    (m,) = find_numbers(text)
    assert (m.value, m.approximate, text[m.said_from :]) == (25, True, "ما لا يقل عن 25 جنديا")


def test_english_words_and_hyphen():
    assert values("twenty-five soldiers and one hundred and five civilians") == [
        ("twenty-five", 25),
        ("one hundred and five", 105),
    ]


def test_english_dozen():
    assert parse_number("a dozen") == 12
    assert parse_number("two dozen") == 24


def test_english_vague_quantities():
    found = find_numbers("dozens were hurt, several killed and tens of thousands fled")
    assert [(m.value, m.vague) for m in found] == [(10, True), (3, True), (10000, True)]


def test_no_one_is_not_a_number():
    assert values("no one was hurt") == []


def test_parse_number_rejects_other_words():
    assert parse_number("القصف") is None
    assert parse_number("five soldiers") is None


def test_malformed_data_file_names_file_and_entry(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "numbers"
    folder.mkdir(parents=True)
    (folder / "xx.yaml").write_text("numbers:\n  three: [ثلاثة]\n", encoding="utf-8")
    monkeypatch.setattr(numbers, "data_file", lambda *parts: tmp_path.joinpath("data", *parts))
    with pytest.raises(ValueError, match=r"data/numbers/xx.yaml: numbers: bad entry 'three'"):
        numbers._lexicon("xx")


def test_digits_joined_to_the_article_are_a_number():
    assert values("خلال الساعات الـ24 الماضية") == [("24", 24)]
