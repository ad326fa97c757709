"""The grammar of date expressions: rules over a run of date words and numbers, each
resolved against the publication time into a range of days with ACLED's time precision.

:mod:`rasd.annotate.dates` turns tokens into the items these rules read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from rasd.annotate.numbers import NumberMention
from rasd.knowledge.settings import SETTINGS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ONE_DAY = dt.timedelta(days=1)
_FOUR_DIGITS = re.compile(r"\d{4}")  # any script's digits
RECENT_DAYS = SETTINGS.dates.recent_days  # "قبل أيام", "days ago": up to a week back


NO_TAGS: dict[str, Any] = {}  # shared by every plain word: never written to


class DateItem:
    """A word, a date word or phrase with its tags, or a number; offsets into the text."""

    __slots__ = ("start", "end", "norm", "tags", "number", "waw")

    def __init__(
        self,
        start: int,
        end: int,
        norm: str,
        tags: dict[str, Any] = NO_TAGS,
        number: NumberMention | None = None,
        waw: bool = False,  # began with و: "وفجر" starts a new expression
    ) -> None:
        self.start, self.end, self.norm = start, end, norm
        self.tags, self.number, self.waw = tags, number, waw


_Found = tuple[int, tuple[dt.date, dt.date, int]]  # item index after the expression, range

# The tags an expression of each rule can begin with (written dates and "ago" also begin
# with a number).
_RELATIVE_DAY_FIRST = frozenset({"relative_day", "part", "day_word"})
_WEEKDAY_FIRST = frozenset({"shift", "night", "part", "day_word", "weekday"})
_WRITTEN_FIRST = frozenset({"day_word", "weekday", "ordinal", "month_word", "month", "hijri_month"})
_PERIOD_FIRST = frozenset({"shift", "period"})
_AGO_FIRST = frozenset({"recent", "ago_before", "unit"})
_YEAR_FIRST = frozenset({"year_word", "period"})
_PAST_FIRST = frozenset({"past", "unit"})


class DateGrammar:
    """The grammar of date expressions over items; each rule reads from item ``i`` and
    returns where it stopped and the dates, or None."""

    def __init__(self, items: list[DateItem], published: dt.datetime) -> None:
        self.items = items
        self.published = published
        self.today = published.date()

    def longest(self, i: int) -> _Found | None:
        """The longest expression beginning at item ``i`` (each rule is tried only where
        its first item can stand)."""
        item = self.items[i]
        best = None
        for rule, first_tags, numbers in _RULES:
            if not (numbers and item.number is not None) and first_tags.isdisjoint(item.tags):
                continue
            found = rule(self, i)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    # -- helpers

    def tag(self, j: int, name: str) -> Any:
        items = self.items
        return items[j].tags.get(name) if j < len(items) else None

    def skip(self, j: int, *names: str) -> int:
        """Past item ``j`` if it carries one of the tags."""
        if j < len(self.items):
            tags = self.items[j].tags
            for name in names:
                if tags.get(name) is not None:
                    return j + 1
        return j

    def skip_part(self, j: int) -> int:
        """Past a part of the day that follows ("Sunday night", "الأحد مساء"), but not one
        that starts a new expression ("ليل السبت وليلة الأحد")."""
        return j + 1 if self.tag(j, "part") and not self.items[j].waw else j

    def skip_comma(self, j: int) -> int:
        return j + 1 if j < len(self.items) and self.items[j].norm in (",", "(") else j

    def number(self, j: int) -> int | None:
        item = self.items[j] if j < len(self.items) else None
        if item is None or item.number is None or item.number.vague:
            return None
        return item.number.value

    def weekday_date(self, weekday: int, shift: int | None = None) -> dt.date:
        """The weekday on or before publication; strictly before for shift -1 ("الأحد
        الماضي"), strictly after for +1 ("الخميس المقبل")."""
        back = (self.today.weekday() - weekday) % 7
        if shift == -1 and back == 0:
            back = 7
        if shift == 1:
            return self.today + dt.timedelta((weekday - self.today.weekday() - 1) % 7 + 1)
        return self.today - dt.timedelta(back)

    # -- rules

    def relative_day(self, i: int) -> _Found | None:
        """اليوم، أمس، فجر اليوم، مساء أمس، يوم أمس، أول أمس، أمس الأحد, yesterday morning."""
        j = i
        if self.tag(i, "relative_day") is None:
            j = self.skip(self.skip(i, "part"), "day_word")
        offset = self.tag(j, "relative_day")
        if offset is None:
            return None
        j = self.skip_part(j + 1)
        day = self.today + dt.timedelta(offset)
        weekday = self.tag(j, "weekday")
        if weekday is not None:  # أمس الأحد: the weekday wins when the two disagree
            day = self.weekday_date(weekday)
            j = self.skip_part(j + 1)
        return self.written(self.skip_comma(j)) or (j, (day, day, 1))

    def weekday(self, i: int) -> _Found | None:
        """الأحد، يوم الأحد الماضي، مساء الأحد، ليل السبت-الأحد, last Sunday, Sunday night."""
        shift = self.tag(i, "shift")
        j = i if shift is None else i + 1
        night = self.tag(j, "night") is not None
        j = self.skip(self.skip(j, "part"), "day_word")
        weekday = self.tag(j, "weekday")
        if weekday is None or (j == i and self.tag(j + 1, "counted") is not None):
            return None  # "خمسة منهم في الكسرة، والاثنين الآخرين في الجنينة": the two others
        j += 1
        k = self.skip(j, "joiner")
        if self.tag(k, "weekday") == (weekday + 1) % 7 and (night or k > j):
            second = self.weekday_date(self.tag(k, "weekday"))
            return self.skip_part(k + 1), (second - _ONE_DAY, second, 2)
        j = self.skip_part(j)
        if shift is None and self.tag(j, "shift") is not None:
            shift = self.tag(j, "shift")
            j += 1
        day = self.weekday_date(weekday, shift)
        return self.written(self.skip_comma(j)) or (j, (day, day, 1))

    def written(self, i: int) -> _Found | None:
        """15 كانون الثاني/يناير 2024، الاثنين 25 ديسمبر، 15 رجب 1445 هـ، آذار 2023، شهر آذار
        الماضي, January 15, 2024, Jan. 15, 15th of March."""
        start = self.skip(self.skip(i, "day_word"), "weekday")
        if start > i:
            start = self.skip_comma(start)
        day = self.number(start) or self.tag(start, "ordinal")
        if day is not None:
            month = self.month(self.skip(start + 1, "of"))
            if month is not None:
                (number, hijri), j = month
                year, k = self.year_after_comma(j, hijri)  # "21st May, 2024"
                j = k if year is not None else j
                date = self.day_of(number, day, year, hijri)
                return None if date is None else (j, (date, date, 1))
        j = self.skip(start, "month_word")
        month = self.month(j)
        if month is None:
            return None
        (number, hijri), j = month
        k = j + 1 if j < len(self.items) and self.items[j].norm == "." else j
        day = self.number(k) or self.tag(k, "ordinal")
        if day is not None and not hijri and 1 <= day <= 31:  # January 15, 2024
            year, k = self.year_after_comma(k + 1, hijri)
            date = self.day_of(number, day, year, hijri)
            return None if date is None else (k, (date, date, 1))
        year, k = self.year(j, hijri)
        if year is None and self.tag(j, "shift") == -1:
            year = self.today.year - (number >= self.today.month)
            k = j + 1
        elif year is None and j - 1 > start and self.tag(start, "month_word") and not hijri:
            year = self.today.year - (number > self.today.month)
        if year is None:
            return None
        month_range = _hijrimonth_days(year, number) if hijri else month_days(year, number)
        return None if month_range is None else (k, (*month_range, 3))

    def month(self, j: int) -> tuple[tuple[int, bool], int] | None:
        """A month name, with a second name for the same month after "/" or in brackets:
        كانون الثاني/يناير. Returns (number, hijri) and the index after it."""
        number, hijri = self.tag(j, "month"), False
        if number is None:
            number, hijri = self.tag(j, "hijri_month"), True
        if number is None:
            return None
        j += 1
        if j + 1 < len(self.items) and self.items[j].norm in ("/", "("):
            if self.tag(j + 1, "hijri_month" if hijri else "month") == number:
                j += 2
                j += j < len(self.items) and self.items[j].norm == ")"
        return (number, hijri), j

    def year(self, j: int, hijri: bool) -> tuple[int | None, int]:
        k = self.skip(j, "year_word")
        year = self.number(k)
        low, high = (1300, 1600) if hijri else (1900, 2100)
        if year is None or not low <= year <= high:
            return None, j
        return year, self.skip(k + 1, "hijri_era" if hijri else "gregorian_era")

    def year_after_comma(self, j: int, hijri: bool) -> tuple[int | None, int]:
        """A year after a comma is written as four digits alone: "May 4, 2024", but not the
        count in "On 4 May, 2,000 protesters marched"."""
        k = self.skip_comma(j)
        if k > j:
            at = self.skip(k, "year_word")
            item = self.items[at] if at < len(self.items) else None
            if (
                item is None
                or item.number is None
                or not _FOUR_DIGITS.fullmatch(item.number.span.text)
            ):
                return None, j
        return self.year(k, hijri)

    def day_of(self, month: int, day: int, year: int | None, hijri: bool) -> dt.date | None:
        """The date; without a year, the latest one on or before publication."""
        if year is not None:
            return _hijri_date(year, month, day) if hijri else calendar_date(year, month, day)
        year = _hijri_year(self.today) if hijri else self.today.year
        for y in (year, year - 1):
            date = _hijri_date(y, month, day) if hijri else calendar_date(y, month, day)
            if date is not None and date <= self.today:
                return date
        return None

    def period(self, i: int) -> _Found | None:
        """الأسبوع الماضي، الشهر الجاري، هذا العام, last week, earlier this month."""
        shift, period = self.tag(i, "shift"), self.tag(i + 1, "period")
        if shift is None:
            period, shift = self.tag(i, "period"), self.tag(i + 1, "shift")
        if shift is None or period is None:
            return None
        today = self.today
        if period == "week":
            monday = today - dt.timedelta(today.weekday() - 7 * shift)
            return i + 2, (monday, today if shift == 0 else monday + 6 * _ONE_DAY, 2)
        if period == "month":
            first, last = month_days(*_add_months(today.year, today.month, shift))
        else:
            first, last = dt.date(today.year + shift, 1, 1), dt.date(today.year + shift, 12, 31)
        return i + 2, (first, today if shift == 0 else last, 3)

    def year_alone(self, i: int) -> _Found | None:
        """عام 2018، العام 2018، in 2018: the whole year (a day of it is a written date)."""
        if self.tag(i, "year_word"):
            j = i
        elif self.tag(i, "period") == "year":
            j = i + 1  # "العام 2018"
        else:
            return None
        year, k = self.year(j, False)
        if year is None:
            return None
        return k, (dt.date(year, 1, 1), min(dt.date(year, 12, 31), self.today), 3)

    def ago(self, i: int) -> _Found | None:
        """منذ ثلاثة أيام، قبل يومين، قبل أيام، قبل ساعات, three days ago, days ago,
        and the recent-days phrases."""
        if self.tag(i, "recent"):
            return i + 1, (self.today - RECENT_DAYS * _ONE_DAY, self.today, 2)
        before = self.tag(i, "ago_before") is not None
        j = i + before
        count = self.items[j].number if j < len(self.items) else None
        j += count is not None
        unit = self.tag(j, "unit")
        if unit is None or (count is not None and unit[1] == "dual"):
            return None
        j += 1
        after = self.tag(j, "ago_after") is not None
        if not (before or after) or any(self.tag(j, t) is not None for t in ("weekday", "month")):
            return None  # منذ يوم الأحد is "since Sunday"
        if before and self.tag(j, "part") is not None:
            if any(self.tag(j + 1, t) is not None for t in ("relative_day", "weekday")):
                return None  # منذ ساعات مساء أمس: the day part of the day named after it
            return j + 1, (self.today, self.today, 1)  # منذ ساعات الصباح: "since this morning"
        name, form = unit
        if count is not None:
            amount = None if count.vague else count.value
        else:
            amount = {"singular": 1, "dual": 2}.get(form)
        dates = self.elapsed(name, amount)
        return None if dates is None else (j + after, dates)

    def past_span(self, i: int) -> _Found | None:
        """خلال الساعات الـ24 الماضية، الـ48 ساعة الماضية، الأيام الثلاثة الأخيرة, the past
        24 hours, the last two days: the stretch that long up to publication."""
        lead = self.tag(i, "past") is not None
        j = i + lead
        unit, amount = None, None
        for _ in range(2):
            if unit is None and self.tag(j, "unit") is not None:
                unit, j = self.tag(j, "unit"), j + 1
            elif amount is None and self.number(j) is not None:
                amount, j = self.number(j), j + 1
        trail = self.tag(j, "past") is not None
        if unit is None or lead == trail:
            return None  # one word of the past, before the stretch or after it
        end = j + trail
        if self.tag(end, "of") is not None:
            return None  # "the last day of Ramadan", "الساعات الأخيرة من الهدنة"
        name, form = unit
        if amount is None:
            amount = {"singular": 1, "dual": 2}.get(form)
            if amount is None and name not in ("hour", "day"):
                return None  # "خلال الأشهر الماضية": too long ago to date an event by
        today = self.today
        if name == "hour":
            start = (self.published - dt.timedelta(hours=amount or 24)).date()
        elif name == "day":
            start = today - (amount or RECENT_DAYS) * _ONE_DAY
        elif name == "week":
            start = today - 7 * (amount or 1) * _ONE_DAY
        else:
            start = month_days(*_add_months(today.year, today.month, -(amount or 1)))[0]
        days = (today - start).days
        return end, (start, today, 1 if days == 0 else 2 if days <= 7 else 3)

    def a_few(self, unit: str) -> tuple[dt.date, dt.date, int] | None:
        """ "قبل أسابيع", "months ago": a few weeks or months before publication (settings:
        dates.a_few_weeks, dates.a_few_months), a range; None for other units."""
        today = self.today
        if unit == "week":
            weeks = SETTINGS.dates.a_few_weeks
            return today - 7 * weeks["most"] * _ONE_DAY, today - 7 * weeks["least"] * _ONE_DAY, 3
        if unit == "month":
            months = SETTINGS.dates.a_few_months
            earliest = month_days(*_add_months(today.year, today.month, -months["most"]))[0]
            latest = month_days(*_add_months(today.year, today.month, -months["least"]))[1]
            return earliest, latest, 3
        return None

    def elapsed(self, unit: str, amount: int | None) -> tuple[dt.date, dt.date, int] | None:
        """The day(s) ``amount`` units before publication; an unknown amount of hours or
        days is a range up to publication."""
        today = self.today
        if unit == "hour":
            hours = 24 if amount is None else amount
            day = (self.published - dt.timedelta(hours=hours)).date()
            return (day, today, 1 if day == today else 2) if amount is None else (day, day, 1)
        if unit == "day":
            if amount is None:
                return today - RECENT_DAYS * _ONE_DAY, today, 2
            day = today - amount * _ONE_DAY
            return day, day, 1
        if amount is None:
            return self.a_few(unit)
        if unit == "week":
            day = today - 7 * amount * _ONE_DAY
            return day, day, 2
        return *month_days(*_add_months(today.year, today.month, -amount)), 3


# Each rule, the tags its first item may carry, and whether it may begin with a number.
_RULES = (
    (DateGrammar.relative_day, _RELATIVE_DAY_FIRST, False),
    (DateGrammar.weekday, _WEEKDAY_FIRST, False),
    (DateGrammar.written, _WRITTEN_FIRST, True),
    (DateGrammar.period, _PERIOD_FIRST, False),
    (DateGrammar.ago, _AGO_FIRST, True),
    (DateGrammar.year_alone, _YEAR_FIRST, False),
    (DateGrammar.past_span, _PAST_FIRST, True),
)


# ---------------------------------------------------------------- calendars


def calendar_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where there is no such day."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def month_days(year: int, month: int) -> tuple[dt.date, dt.date]:
    next_year, next_month = _add_months(year, month, 1)
    return dt.date(year, month, 1), dt.date(next_year, next_month, 1) - _ONE_DAY


def _hijri_year(day: dt.date) -> int:
    from hijridate import Gregorian  # imported on the first Hijri date: seldom needed

    return Gregorian.fromdate(day).to_hijri().year


def _hijri_date(year: int, month: int, day: int) -> dt.date | None:
    from hijridate import Hijri

    try:
        return dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijrimonth_days(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    from hijridate import Hijri

    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    first, last = _hijri_date(year, month, 1), _hijri_date(year, month, length)
    return None if first is None or last is None else (first, last)
