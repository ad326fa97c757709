"""Temporal expressions in Arabic and English news, resolved against the publication time.

"أمس الأحد", "ليل السبت-الأحد", "الأسبوع الماضي", "منذ ثلاثة أيام", "15 كانون الثاني/يناير",
"15 رجب 1445 هـ", "last night", "January 15, 2024" become :class:`DateRange` values with
ACLED's time precision. The words live in ``data/dates/{ar,en}.yaml``; the resolution is
here. Days are counted in the publication's own time zone.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib.resources import files
from typing import Any

import yaml
from hijridate import Gregorian, Hijri

from rasd.annotate.numbers import NumberMention, PhraseTable, find_numbers
from rasd.knowledge.language import language_profile
from rasd.model import DateRange, Span
from rasd.text.normalize import fold, is_arabic_word
from rasd.text.tokens import Token, tokenize

RECENT_DAYS = 7  # "قبل أيام", "days ago": up to a week before publication
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("hour", "day", "week", "month")
UNIT_FORMS = ("singular", "dual", "plural")
_ONE_DAY = dt.timedelta(days=1)

# section -> tag it gives its words, for sections that are plain word lists
_FLAG_SECTIONS = {
    "day_parts": "part",
    "night_parts": "night",
    "night_joiners": "joiner",
    "hijri_era": "hijri_era",
    "gregorian_era": "gregorian_era",
    "day_word": "day_word",
    "month_word": "month_word",
    "year_word": "year_word",
    "of_words": "of",
    "ago_before": "ago_before",
    "ago_after": "ago_after",
    "recent_days": "recent",
}
_SHIFT_SECTIONS = {"previous": -1, "current": 0, "next": 1}
_VALUE_SECTIONS = {
    "relative_days": "relative_day",
    "months": "month",
    "hijri_months": "hijri_month",
}


_NO_TAGS: dict[str, Any] = {}  # shared by every plain word: never written to


class _Item:
    """A word, a date word or phrase with its tags, or a number; offsets into the text."""

    __slots__ = ("start", "end", "norm", "tags", "number", "waw")

    def __init__(
        self,
        start: int,
        end: int,
        norm: str,
        tags: dict[str, Any] = _NO_TAGS,
        number: NumberMention | None = None,
        waw: bool = False,  # began with و: "وفجر" starts a new expression
    ) -> None:
        self.start, self.end, self.norm = start, end, norm
        self.tags, self.number, self.waw = tags, number, waw


@cache
def _lexicon(language: str) -> PhraseTable[dict[str, Any]]:
    name = f"data/dates/{language}.yaml"
    data = yaml.safe_load(
        (files("rasd") / "data" / "dates" / f"{language}.yaml").read_text("utf-8")
    )
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping of sections")
    table: PhraseTable[dict[str, Any]] = PhraseTable(dict)

    def add(section: str, words: object, tag: str, value: Any) -> None:
        if not isinstance(words, list) or not all(
            isinstance(w, str) and fold(w).strip() for w in words
        ):
            raise ValueError(f"{name}: {section}: expected a list of words, got {words!r}")
        for word in words:
            table.entry(word)[tag] = value

    for section, tag in _FLAG_SECTIONS.items():
        add(section, data.get(section) or [], tag, True)
    for section, shift in _SHIFT_SECTIONS.items():
        add(section, data.get(section) or [], "shift", shift)
    for section, tag in _VALUE_SECTIONS.items():
        for value, words in _mapping(name, data, section).items():
            if not isinstance(value, int):
                raise ValueError(f"{name}: {section}: {value!r} is not a number")
            add(f"{section}: {value}", words, tag, value)
    for weekday, words in _mapping(name, data, "weekdays").items():
        if weekday not in WEEKDAYS:
            raise ValueError(f"{name}: weekdays: unknown day {weekday!r}")
        add(f"weekdays: {weekday}", words, "weekday", WEEKDAYS.index(weekday))
    for period, words in _mapping(name, data, "periods").items():
        if period not in ("week", "month", "year"):
            raise ValueError(f"{name}: periods: unknown period {period!r}")
        add(f"periods: {period}", words, "period", period)
    for unit, forms in _mapping(name, data, "units").items():
        if unit not in UNITS or not isinstance(forms, dict) or set(forms) - set(UNIT_FORMS):
            raise ValueError(f"{name}: units: bad entry {unit!r}: {forms!r}")
        for form, words in forms.items():
            add(f"units: {unit}: {form}", words or [], "unit", (unit, form))
    return table


def _mapping(name: str, data: dict[str, Any], section: str) -> dict[Any, Any]:
    value = data.get(section) or {}
    if not isinstance(value, dict):
        raise ValueError(f"{name}: {section}: expected a mapping, got {value!r}")
    return value


# ---------------------------------------------------------------- public API


def find_dates(
    text: str,
    published: dt.datetime,
    start: int = 0,
    end: int | None = None,
    tokens: Sequence[Token] | None = None,
    numbers: Sequence[NumberMention] | None = None,
) -> list[DateRange]:
    """Every temporal expression in ``text[start:end]``, resolved against ``published``
    (days counted in its own time zone), sorted by position, longest first where two
    overlap. ``tokens`` and ``numbers``, when given, are that stretch's tokens and numbers
    (a document is tokenised once)."""
    end = len(text) if end is None else end
    if tokens is None:
        tokens = tokenize(text, start, end)
    if numbers is None:
        numbers = find_numbers(text, start, end, tokens)
    items = _items(text, tokens, numbers)
    found = _numeric_dates(text, published.date(), start, end) + _worded_dates(
        text, items, published
    )
    # longest first; a date overlapping one already chosen is left out. The chosen never
    # overlap, so their starts and ends rise together: one look-up finds the neighbour.
    starts: list[int] = []
    chosen: list[DateRange] = []
    for date in sorted(found, key=lambda d: d.span.start - d.span.end):
        k = bisect.bisect_left(starts, date.span.end)
        if k and chosen[k - 1].span.end > date.span.start:
            continue
        starts.insert(k, date.span.start)
        chosen.insert(k, date)
    return chosen


def resolve_date(expression: str, published: dt.datetime) -> DateRange | None:
    """The date one expression stands for ("أمس الأحد", "15 يناير", "last week"); dateparser
    is asked when rasd's own rules find nothing."""
    found = find_dates(expression, published)
    if found:
        return max(found, key=lambda d: d.span.end - d.span.start)
    return _dateparser_date(expression, published)


# ---------------------------------------------------------------- numeric dates

_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_CLITICS = language_profile("ar").clitics
# Not inside a word or a number; a conjunction or a preposition (و/ف، ب/ل) may stand before.
_BEFORE = (
    r"(?<![^\W\d_"
    + "".join(_CLITICS.conjunctions + _CLITICS.prepositions)
    + r"])(?<![\d./-])"
)
_YMD = re.compile(rf"{_BEFORE}({_D}{{4}})([-/.])({_D}{{1,2}})\2({_D}{{1,2}})(?![\w/-]|\.{_D})")
_DMY = re.compile(rf"{_BEFORE}({_D}{{1,2}})([-/.])({_D}{{1,2}})\2({_D}{{4}})(?![\w/-]|\.{_D})")


def _numeric_dates(text: str, today: dt.date, start: int, end: int) -> list[DateRange]:
    """2024/01/15, 2024-01-15, 2024.01.15, 15-1-2024, 15/01/2024 (day first unless the
    month would be above 12)."""
    out = []
    for pattern in (_YMD, _DMY):
        for m in pattern.finditer(text, start, end):
            a, _, b, c = m.groups()
            a, b, c = int(fold(a)), int(fold(b)), int(fold(c))
            orders = [(a, b, c)] if pattern is _YMD else [(c, b, a), (c, a, b)]
            for year, month, day in orders:
                date = _date(year, month, day)
                if date is not None:
                    out.append(DateRange(date, date, 1, Span(m.start(), m.end(), m.group())))
                    break
    return out


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# ---------------------------------------------------------------- dates in words


def _worded_dates(text: str, items: list[_Item], published: dt.datetime) -> list[DateRange]:
    rules = _Rules(items, published)
    out = []
    i = 0
    while i < len(items):
        # every rule begins at a date word or a number: other words are passed over
        found = rules.longest(i) if items[i].tags or items[i].number is not None else None
        if found is None:
            i += 1
            continue
        j, (date_from, date_to, precision) = found
        first, last = items[i].start, items[j - 1].end
        out.append(DateRange(date_from, date_to, precision, Span(first, last, text[first:last])))
        i = j
    return out


def _items(text: str, tokens: Sequence[Token], numbers: Sequence[NumberMention]) -> list[_Item]:
    """Tokens read as date words (with their tags) or numbers, and the plain words that
    follow them as far as a date expression can reach; the words in between are left out
    (a barrier item stands for them), so the grammar runs only where a date word or a
    number was found."""
    starts = [m.span.start for m in numbers]
    items: list[_Item] = []
    tables = {"ar": _lexicon("ar"), "en": _lexicon("en")}
    live_until = 0  # tokens before this index may be read by an expression begun earlier
    k = 0  # the first number not yet passed
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        while k < len(starts) and starts[k] < tok.start:
            k += 1
        number = numbers[k] if k < len(starts) and starts[k] < tok.end else None
        if number is not None or _may_begin(tok.norm):
            live_until = i + _REACH
        elif i >= live_until:
            if items and items[-1] is not _BARRIER:
                items.append(_BARRIER)
            i += 1
            continue
        hit = tables["ar" if is_arabic_word(tok.norm) else "en"].match(text, tokens, i)
        if number is not None and (hit is None or number.span.end >= tokens[hit.last - 1].end):
            last = _token_index_ending_at(tokens, i, number.span.end)
            items.append(_Item(number.span.start, number.span.end, tok.norm, {}, number))
            i = last + 1
        elif hit is not None:
            end_ = tokens[hit.last - 1].end
            items.append(_Item(hit.start, end_, tok.norm, hit.payload, waw=hit.waw))
            i = hit.last
        else:
            items.append(_Item(tok.start, tok.end, tok.norm, _ordinal(tok.norm)))
            i += 1
    return items


# How many tokens past a date word or a number an expression may still read: between two
# words that may begin an expression it reads at most three others ("يناير) عام 2024":
# a bracket and a year word; "ليل السبت على الأحد": a joiner). Tokens further from any
# such word are not read.
_REACH = 6
_BARRIER = _Item(-1, -1, "")


# Tags no expression begins with: "على" between two days, "of", "للميلاد", "ago".
_NEVER_FIRST = frozenset({"joiner", "hijri_era", "gregorian_era", "year_word", "of", "ago_after"})


@lru_cache(maxsize=1 << 16)
def _may_begin(norm: str) -> bool:
    """Can a date expression begin at a token of this folded form (a number aside)?"""
    return bool(_beginnings("ar" if is_arabic_word(norm) else "en", norm)) or (
        _ordinal(norm) is not _NO_TAGS
    )


def _beginnings(language: str, norm: str) -> list[str]:
    """The forms of a word that begin a date phrase an expression may begin with."""
    firsts = _first_words(language)
    return [form for form, _ in _lexicon(language).first_forms(norm) if form in firsts]


@cache
def _first_words(language: str) -> frozenset[str]:
    return frozenset(
        words[0]
        for words, tags in _lexicon(language).phrases().items()
        if not tags.keys() <= _NEVER_FIRST
    )


@lru_cache(maxsize=1 << 16)
def _ordinal(norm: str) -> dict[str, Any]:
    """ "15th" -> {"ordinal": 15}; any other word: no tags."""
    ordinal = re.fullmatch(r"([0-9]{1,2})(?:st|nd|rd|th)", norm)
    return {"ordinal": int(ordinal.group(1))} if ordinal else _NO_TAGS


def _token_index_ending_at(tokens: Sequence[Token], i: int, end: int) -> int:
    while tokens[i].end < end:
        i += 1
    return i


_Found = tuple[int, tuple[dt.date, dt.date, int]]  # item index after the expression, range

# The tags an expression of each rule can begin with (written dates and "ago" also begin
# with a number).
_RELATIVE_DAY_FIRST = frozenset({"relative_day", "part", "day_word"})
_WEEKDAY_FIRST = frozenset({"shift", "night", "part", "day_word", "weekday"})
_WRITTEN_FIRST = frozenset(
    {"day_word", "weekday", "ordinal", "month_word", "month", "hijri_month"}
)
_PERIOD_FIRST = frozenset({"shift", "period"})
_AGO_FIRST = frozenset({"recent", "ago_before", "unit"})


class _Rules:
    """The grammar of date expressions over items; each rule reads from item ``i`` and
    returns where it stopped and the dates, or None."""

    def __init__(self, items: list[_Item], published: dt.datetime) -> None:
        self.items = items
        self.published = published
        self.today = published.date()

    def longest(self, i: int) -> _Found | None:
        """The longest expression beginning at item ``i`` (each rule is tried only where
        its first item can stand)."""
        item = self.items[i]
        best = None
        for rule, first_tags, numbers in (
            (self.relative_day, _RELATIVE_DAY_FIRST, False),
            (self.weekday, _WEEKDAY_FIRST, False),
            (self.written, _WRITTEN_FIRST, True),
            (self.period, _PERIOD_FIRST, False),
            (self.ago, _AGO_FIRST, True),
        ):
            if not (numbers and item.number is not None) and first_tags.isdisjoint(item.tags):
                continue
            found = rule(i)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    # -- helpers

    def tag(self, j: int, name: str) -> Any:
        return self.items[j].tags.get(name) if j < len(self.items) else None

    def skip(self, j: int, *names: str) -> int:
        """Past item ``j`` if it carries one of the tags."""
        return j + 1 if any(self.tag(j, n) is not None for n in names) else j

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
        if weekday is None:
            return None
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
                year, j = self.year(j, hijri)
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
            year, k = self.year(self.skip_comma(k + 1), hijri)
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
        month_range = _hijri_month(year, number) if hijri else _month(year, number)
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

    def day_of(self, month: int, day: int, year: int | None, hijri: bool) -> dt.date | None:
        """The date; without a year, the latest one on or before publication."""
        if year is not None:
            return _hijri_date(year, month, day) if hijri else _date(year, month, day)
        year = Gregorian.fromdate(self.today).to_hijri().year if hijri else self.today.year
        for y in (year, year - 1):
            date = _hijri_date(y, month, day) if hijri else _date(y, month, day)
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
            first, last = _month(*_add_months(today.year, today.month, shift))
        else:
            first, last = dt.date(today.year + shift, 1, 1), dt.date(today.year + shift, 12, 31)
        return i + 2, (first, today if shift == 0 else last, 3)

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
        name, form = unit
        if count is not None:
            amount = None if count.vague else count.value
        else:
            amount = {"singular": 1, "dual": 2}.get(form)
        dates = self.elapsed(name, amount)
        return None if dates is None else (j + after, dates)

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
            return None
        if unit == "week":
            day = today - 7 * amount * _ONE_DAY
            return day, day, 2
        return *_month(*_add_months(today.year, today.month, -amount)), 3


# ---------------------------------------------------------------- calendars


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + shift
    return index // 12, index % 12 + 1


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    next_year, next_month = _add_months(year, month, 1)
    return dt.date(year, month, 1), dt.date(next_year, next_month, 1) - _ONE_DAY


def _hijri_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ValueError, OverflowError):
        return None


def _hijri_month(year: int, month: int) -> tuple[dt.date, dt.date] | None:
    try:
        length = Hijri(year, month, 1).month_length()
    except (ValueError, OverflowError):
        return None
    first, last = _hijri_date(year, month, 1), _hijri_date(year, month, length)
    return None if first is None or last is None else (first, last)


# ---------------------------------------------------------------- dateparser fallback


def _dateparser_date(expression: str, published: dt.datetime) -> DateRange | None:
    """What dateparser makes of an expression rasd's rules do not know: a day or a month."""
    if not re.search(r"[^\W\d_]", expression):
        return None
    from dateparser.date import DateDataParser  # slow to import, and seldom needed

    base = published.replace(tzinfo=None)
    data = DateDataParser(
        languages=["ar", "en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    ).get_date_data(expression)
    if data.date_obj is None or data.period not in ("day", "month"):
        return None
    day = data.date_obj.date()
    span = Span(0, len(expression), expression)
    if data.period == "month":
        return DateRange(*_month(day.year, day.month), 3, span)
    return DateRange(day, day, 1, span)
