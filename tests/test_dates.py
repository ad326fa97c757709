import datetime as dt

import dateparser
import pytest

from rasd.annotate import dates
from rasd.annotate.dates import find_dates, resolve_date

PLUS3 = dt.timezone(dt.timedelta(hours=3))
MONDAY = dt.datetime(2024, 1, 15, 10, 0, tzinfo=PLUS3)  # published Monday 15 January 2024
D = dt.date


def days(expression: str, published: dt.datetime = MONDAY) -> tuple[dt.date, dt.date, int]:
    found = resolve_date(expression, published)
    assert found is not None, expression
    return found.date_from, found.date_to, found.precision


def day(expression: str, published: dt.datetime = MONDAY) -> dt.date:
    date_from, date_to, precision = days(expression, published)
    assert date_from == date_to and precision == 1, expression
    return date_from


def test_yesterday_variants_with_clitics():
    for expression in ("أمس", "الأمس", "وأمس", "بالأمس", "يوم أمس", "yesterday"):
        assert day(expression) == D(2024, 1, 14)


def test_day_before_yesterday():
    assert day("أول أمس") == day("أول من أمس") == D(2024, 1, 13)


def test_today_and_parts_of_today():
    for expression in ("اليوم", "فجر اليوم", "صباح اليوم", "مساء اليوم", "this morning"):
        assert day(expression) == D(2024, 1, 15)


def test_parts_of_yesterday():
    for expression in ("ليلة أمس", "مساء أمس", "فجر أمس", "last night"):
        assert day(expression) == D(2024, 1, 14)


def test_overnight_alone_is_the_night_before_publication():
    assert day("overnight") == D(2024, 1, 14)


def test_hours_ago_can_fall_on_the_previous_day():
    just_after_midnight = dt.datetime(2024, 1, 15, 1, 30, tzinfo=PLUS3)
    assert day("قبل ثلاث ساعات", just_after_midnight) == D(2024, 1, 14)
    assert day("قبل ثلاث ساعات") == D(2024, 1, 15)


def test_today_in_a_headline_is_still_the_publication_day():
    assert day("حصاد اليوم") == D(2024, 1, 15)


def test_day_is_counted_in_the_publication_time_zone():
    just_after_midnight = dt.datetime(2024, 1, 15, 1, 30, tzinfo=PLUS3)  # 14 Jan in UTC
    assert day("أمس", just_after_midnight) == D(2024, 1, 14)


def test_weekday_alone_is_the_latest_one_on_or_before_publication():
    assert day("الخميس") == D(2024, 1, 11)
    assert day("on Sunday") == D(2024, 1, 14)


def test_weekday_of_the_publication_day_is_that_day():
    assert day("الاثنين") == D(2024, 1, 15)


def test_weekday_with_part_of_day():
    assert day("مساء الأحد") == D(2024, 1, 14)
    assert day("فجر السبت") == D(2024, 1, 13)
    assert day("Sunday night") == D(2024, 1, 14)


def test_yesterday_sunday_resolves_to_the_sunday_before_publication():
    assert day("أمس الأحد") == D(2024, 1, 14)


def test_yesterday_and_weekday_disagreeing_prefers_the_weekday():
    assert day("أمس السبت") == D(2024, 1, 13)


def test_night_between_two_days_is_a_two_day_range():
    for expression in ("ليل السبت-الأحد", "ليلة السبت على الأحد", "ليل السبت الأحد"):
        assert days(expression) == (D(2024, 1, 13), D(2024, 1, 14), 2)


def test_two_nights_in_a_row_stay_separate():
    found = find_dates("ليل السبت-الأحد وليلة الأحد", MONDAY)
    assert [d.span.text for d in found] == ["ليل السبت-الأحد", "ليلة الأحد"]


def test_last_weekday_is_strictly_before_publication():
    assert day("يوم الاثنين الماضي") == D(2024, 1, 8)
    assert day("يوم الأحد الماضي") == D(2024, 1, 14)


def test_next_weekday_is_after_publication():
    assert day("الخميس المقبل") == D(2024, 1, 18)


def test_last_week_is_monday_to_sunday_of_the_previous_week():
    for expression in ("الأسبوع الماضي", "الأسبوع الفائت", "الأسبوع المنصرم", "last week"):
        assert days(expression) == (D(2024, 1, 8), D(2024, 1, 14), 2)


def test_this_week_runs_to_publication():
    wednesday = dt.datetime(2024, 1, 17, 9, tzinfo=PLUS3)
    assert days("هذا الأسبوع", wednesday) == (D(2024, 1, 15), D(2024, 1, 17), 2)


def test_since_the_morning_hours_is_today_not_hours_ago():
    assert day("منذ ساعات الصباح") == day("منذ ساعات الفجر") == D(2024, 1, 15)


def test_since_the_morning_hours_of_a_day_named_is_that_day():
    assert day("منذ ساعات صباح أمس") == D(2024, 1, 14)


def test_the_start_of_a_bare_year_is_that_year():
    assert days("مطلع 2023") == (D(2023, 1, 1), D(2023, 12, 31), 3)
    assert days("late 2023") == (D(2023, 1, 1), D(2023, 12, 31), 3)


def test_some_days_ago_is_the_week_before_publication():
    for expression in ("قبل أيام", "منذ أيام", "days ago", "قبل عدة أيام"):
        assert days(expression) == (D(2024, 1, 8), D(2024, 1, 15), 2)


def test_some_months_ago_is_two_to_twelve_months_before_publication():
    for expression in ("قبل أشهر", "منذ أشهر", "months ago"):
        assert days(expression) == (D(2023, 1, 1), D(2023, 11, 30), 3)


def test_some_weeks_ago_is_two_to_eight_weeks_before_publication():
    for expression in ("قبل أسابيع", "weeks ago"):
        assert days(expression) == (D(2023, 11, 20), D(2024, 1, 1), 3)


def test_counted_days_ago_is_one_day():
    assert day("منذ ثلاثة أيام") == D(2024, 1, 12)
    assert day("قبل يومين") == D(2024, 1, 13)
    assert day("قبل يوم") == D(2024, 1, 14)
    assert day("three days ago") == D(2024, 1, 12)


def test_since_sunday_is_not_a_day_ago():
    (found,) = find_dates("تتواصل الغارات منذ يوم الأحد", MONDAY)
    assert (found.span.text, found.date_from) == ("يوم الأحد", D(2024, 1, 14))


def test_last_month_is_the_previous_calendar_month():
    assert days("الشهر الماضي") == (D(2023, 12, 1), D(2023, 12, 31), 3)
    assert days("earlier this month") == (D(2024, 1, 1), D(2024, 1, 15), 3)


def test_levantine_month_with_year():
    assert day("15 كانون الثاني 2024") == D(2024, 1, 15)


def test_levantine_and_egyptian_month_names_together():
    assert day("15 كانون الثاني/يناير") == D(2024, 1, 15)


def test_weekday_before_a_written_date_is_part_of_it():
    found = resolve_date("الاثنين 25 كانون الأول/ديسمبر", MONDAY)
    assert found is not None and found.span.text == "الاثنين 25 كانون الأول/ديسمبر"
    assert (found.date_from, found.precision) == (D(2023, 12, 25), 1)


def test_day_and_month_without_year_is_on_or_before_publication():
    published = dt.datetime(2024, 1, 2, 8, tzinfo=PLUS3)
    assert day("25 ديسمبر", published) == D(2023, 12, 25)
    assert day("1 يناير", published) == D(2024, 1, 1)


def test_month_name_spellings():
    assert day("3 فبرایر 2023") == day("3 شباط 2023") == D(2023, 2, 3)
    assert day("9 اغسطس 2023") == day("9 آب 2023") == D(2023, 8, 9)


def test_month_with_diacritics():
    assert days("تشرين الأوّل 2023") == (D(2023, 10, 1), D(2023, 10, 31), 3)


def test_month_and_year_is_the_whole_month():
    assert days("في آذار 2023") == (D(2023, 3, 1), D(2023, 3, 31), 3)


def test_named_month_last_is_the_latest_such_month_before_this_one():
    assert days("شهر آذار الماضي") == (D(2023, 3, 1), D(2023, 3, 31), 3)


def test_numeric_dates():
    for expression in ("2024/01/15", "15-1-2024", "2024.01.15", "١٥/١/٢٠٢٤"):
        assert day(expression) == D(2024, 1, 15)


def test_numeric_date_after_a_clitic():
    (found,) = find_dates("وقع الهجوم و15-1-2024", MONDAY)
    assert found.span.text == "15-1-2024"


def test_hijri_date():
    assert day("15 رجب 1445 هـ") == D(2024, 1, 27)


def test_english_written_dates():
    for expression in ("15 January 2024", "January 15, 2024", "Jan. 15", "the 15th of January"):
        assert day(expression) == D(2024, 1, 15)


def test_spans_point_at_the_text_and_are_sorted():
    text = "قصفت الطائرات وبالأمس المدينة، وفي 15 كانون الثاني/يناير قتل اثنان"
    found = find_dates(text, MONDAY)
    assert [text[d.span.start : d.span.end] for d in found] == ["الأمس", "15 كانون الثاني/يناير"]
    assert [d.span.text for d in found] == ["الأمس", "15 كانون الثاني/يناير"]


def test_search_window_offsets_are_into_the_whole_text():
    text = "أمس. وقع الهجوم فجر السبت"
    (found,) = find_dates(text, MONDAY, start=5)
    assert text[found.span.start : found.span.end] == "فجر السبت"


@pytest.mark.parametrize("expression", ["أمس الأحد", "ليل السبت الأحد"])
def test_dateparser_alone_misses_what_resolve_date_gets(expression):
    base = {"RELATIVE_BASE": MONDAY.replace(tzinfo=None)}
    assert dateparser.parse(expression, languages=["ar"], settings=base) is None
    assert resolve_date(expression, MONDAY) is not None


def test_dateparser_fallback_for_expressions_the_rules_do_not_know():
    assert find_dates("March the 3rd", MONDAY) == []
    assert day("March the 3rd") == D(2023, 3, 3)


def test_malformed_data_file_names_file_and_entry(tmp_path, monkeypatch):
    folder = tmp_path / "data" / "dates"
    folder.mkdir(parents=True)
    (folder / "xx.yaml").write_text("weekdays:\n  funday: [الأحد]\n", encoding="utf-8")
    monkeypatch.setattr(dates, "data_file", lambda *parts: tmp_path.joinpath("data", *parts))
    with pytest.raises(ValueError, match=r"data/dates/xx.yaml: weekdays: unknown day 'funday'"):
        dates._lexicon("xx")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("في الرابع من يناير الجاري", D(2024, 1, 4)),
        ("الحادي والعشرين من كانون الأول", D(2023, 12, 21)),
        ("الأول من آذار 2022", D(2022, 3, 1)),
    ],
)
def test_an_ordinal_day_of_a_month_is_that_day(expression, expected):
    assert day(expression) == expected


def test_an_ordinal_without_a_month_is_no_date():
    assert all("الرابع" not in d.span.text for d in find_dates("في الرابع للحملة", MONDAY))


def test_the_same_day_is_no_date_of_its_own():
    published = dt.datetime(2024, 3, 11, 10, tzinfo=dt.UTC)
    assert find_dates("وفي اليوم ذاته قصفت الطائرات القرية", published) == []
    assert find_dates("وفي ذات اليوم قصفت الطائرات القرية", published) == []


@pytest.mark.parametrize("expression", ["عام 2018", "العام 2018", "سنة 2018", "in 2018"])
def test_a_year_alone_is_the_whole_year(expression):
    assert days(expression) == (D(2018, 1, 1), D(2018, 12, 31), 3)


def test_the_publication_year_alone_runs_to_the_publication_day():
    assert days("in 2024") == (D(2024, 1, 1), D(2024, 1, 15), 3)


def test_a_number_after_a_year_word_out_of_range_is_no_year():
    assert resolve_date("عام 500", MONDAY) is None


def test_a_date_expression_ends_with_its_line():
    found = find_dates("Death toll rises to 16\nJuly 23, 2024", MONDAY)
    assert [(d.date_from, d.span.text) for d in found] == [(D(2024, 7, 23), "July 23, 2024")]


def test_the_past_24_hours_run_from_the_day_before_to_publication():
    for expression in ("خلال الساعات الـ24 الماضية", "الـ24 ساعة الماضية", "the past 24 hours"):
        assert days(expression) == (D(2024, 1, 14), D(2024, 1, 15), 2)


def test_the_last_three_days_run_up_to_publication():
    assert (
        days("الأيام الثلاثة الأخيرة")
        == days("the last three days")
        == (
            D(2024, 1, 12),
            D(2024, 1, 15),
            2,
        )
    )


def test_the_past_months_date_no_event():
    assert find_dates("خلال الأشهر الماضية", MONDAY) == []


def test_last_week_is_still_the_calendar_week_before():
    assert days("الأسبوع الماضي") == (D(2024, 1, 8), D(2024, 1, 14), 2)


def test_a_comma_between_a_written_day_and_its_year():
    assert day("21st May, 2024") == D(2024, 5, 21)
    assert day("15 آذار، 2023") == D(2023, 3, 15)


def test_a_count_after_a_day_and_a_comma_is_no_year():
    found = find_dates("On 4 May, 2,000 protesters marched", MONDAY)
    assert [d.span.text for d in found] == ["4 May"]


def test_the_last_day_of_a_named_time_is_no_stretch_up_to_publication():
    assert find_dates("the last day of Ramadan", MONDAY) == []
    assert find_dates("الساعات الأخيرة من الهدنة", MONDAY) == []


def test_the_last_three_months_are_a_stretch_of_month_precision():
    assert days("الأشهر الثلاثة الماضية")[2] == 3


@pytest.mark.parametrize("expression", ["والاثنين الآخرين في بلدة الصبحة", "الاثنين منهم"])
def test_the_two_others_is_a_count_not_monday(expression):
    assert find_dates(expression, MONDAY) == []


def test_monday_before_another_word_is_still_monday():
    assert day("الاثنين الماضي", dt.datetime(2024, 1, 17, 10, 0, tzinfo=PLUS3)) == D(2024, 1, 15)
