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
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from itertools import compress, count
from typing import Any

from rasd.annotate.date_grammar import (
    NO_TAGS,
    WEEKDAYS,
    DateGrammar,
    DateItem,
    calendar_date,
    month_days,
)
from rasd.annotate.numbers import NumberMention, PhraseTable, find_numbers
from rasd.knowledge.files import data_file, read_yaml
from rasd.knowledge.language import language_profile
from rasd.model import DateRange, Span, date_span
from rasd.text.normalize import fold, is_arabic_word
from rasd.text.tokens import PerForm, Token, norms_of, starts_of, tokenize

UNITS = ("hour", "day", "week", "month")
UNIT_FORMS = ("singular", "dual", "plural")

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
    "past_words": "past",
    "same_day": "same_day",
    "counted_after": "counted",
}
_SHIFT_SECTIONS = {"previous": -1, "current": 0, "next": 1}
_VALUE_SECTIONS = {
    "relative_days": "relative_day",
    "months": "month",
    "hijri_months": "hijri_month",
    "ordinals": "ordinal",
}


@cache
def calendar_words(language: str) -> frozenset[str]:
    """The names of weekdays and months (folded): "Sunday", "March"."""
    data = read_yaml(data_file("dates", f"{language}.yaml"))
    return frozenset(
        fold(w) for kind in ("weekdays", "months") for words in data[kind].values() for w in words
    )


@cache
def _lexicon(language: str) -> PhraseTable[dict[str, Any]]:
    name = f"data/dates/{language}.yaml"
    data = read_yaml(data_file("dates", f"{language}.yaml"))
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
    return find_dates_against(text, (published,), start, end, tokens, numbers)[0]


def find_dates_against(
    text: str,
    times: Sequence[dt.datetime],
    start: int = 0,
    end: int | None = None,
    tokens: Sequence[Token] | None = None,
    numbers: Sequence[NumberMention] | None = None,
) -> list[list[DateRange]]:
    """:func:`find_dates` against each of several publication times, in order. The words
    and the numeric dates do not depend on the time: they are read once (a text of unknown
    publication time is read against two, see :mod:`rasd.annotate.mentions`)."""
    end = len(text) if end is None else end
    if tokens is None:
        tokens = tokenize(text, start, end)
    if numbers is None:
        numbers = find_numbers(text, start, end, tokens)
    items = _items(text, tokens, numbers)
    numeric = _numeric_dates(text, start, end)
    return [_chosen(numeric + _worded_dates(text, items, published)) for published in times]


def _chosen(found: list[DateRange]) -> list[DateRange]:
    """The dates found, longest first; a date overlapping one already chosen is left out.
    The chosen never overlap, so their starts and ends rise together: one look-up finds
    the neighbour. Sorted by position."""
    starts: list[int] = []
    ends: list[int] = []
    chosen: list[DateRange] = []
    for date in sorted(found, key=_shorter):
        span = date_span(date)
        k = bisect.bisect_left(starts, span.end)
        if k and ends[k - 1] > span.start:
            continue
        starts.insert(k, span.start)
        ends.insert(k, span.end)
        chosen.insert(k, date)
    return chosen


def _shorter(date: DateRange) -> int:
    """Sorts longest first."""
    span = date_span(date)
    return span.start - span.end


def resolve_date(expression: str, published: dt.datetime) -> DateRange | None:
    """The date one expression stands for ("أمس الأحد", "15 يناير", "last week"); dateparser
    is asked when rasd's own rules find nothing."""
    found = find_dates(expression, published)
    if found:
        return min(found, key=_shorter)
    return _dateparser_date(expression, published)


# ---------------------------------------------------------------- numeric dates

_D = "[0-9\u0660-\u0669\u06f0-\u06f9]"
_CLITICS = language_profile("ar").clitics
# A numeric date is not inside a word or a number: it follows no letter (but a conjunction
# or a preposition, و/ف، ب/ل), no digit and no . / -. (Checked on the character before a
# match rather than by a look-behind, so that the patterns begin with a digit and the
# regular expression engine can skip to the digits.)
_NOT_BEFORE = re.compile(
    r"[^\W\d_" + "".join(_CLITICS.conjunctions + _CLITICS.prepositions) + r"]|[\d./-]"
)
_DIGIT = re.compile(_D)
_YMD = re.compile(rf"({_D}{{4}})([-/.])({_D}{{1,2}})\2({_D}{{1,2}})(?![\w/-]|\.{_D})")
_DMY = re.compile(rf"({_D}{{1,2}})([-/.])({_D}{{1,2}})\2({_D}{{4}})(?![\w/-]|\.{_D})")


def _standing_alone(
    pattern: re.Pattern[str], text: str, digits: list[int], end: int
) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` that do not continue a word or a number, left to right,
    each searched for from the end of the last (or, after one that continues a word, from
    the character after its start). A match begins with a digit, so it is tried only at
    ``digits`` (the offsets of the digits, in order): the first digit from where the search
    goes on at which the pattern matches is where a search would find it."""
    pos = 0
    for at in digits:
        if at < pos or (m := pattern.match(text, at, end)) is None:
            continue
        if m.start() > 0 and _NOT_BEFORE.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def _numeric_dates(text: str, start: int, end: int) -> list[DateRange]:
    """2024/01/15, 2024-01-15, 2024.01.15, 15-1-2024, 15/01/2024 (day first unless the
    month would be above 12)."""
    out: list[DateRange] = []
    digits = [m.start() for m in _DIGIT.finditer(text, start, end)]
    for pattern in (_YMD, _DMY):
        for m in _standing_alone(pattern, text, digits, end):
            a, _, b, c = m.groups()
            a, b, c = int(fold(a)), int(fold(b)), int(fold(c))
            orders = [(a, b, c)] if pattern is _YMD else [(c, b, a), (c, a, b)]
            for year, month, day in orders:
                date = calendar_date(year, month, day)
                if date is not None:
                    out.append(DateRange(date, date, 1, Span(m.start(), m.end(), m.group())))
                    break
    return out


# ---------------------------------------------------------------- dates in words


def _worded_dates(text: str, items: list[DateItem], published: dt.datetime) -> list[DateRange]:
    rules = DateGrammar(items, published)
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


def _items(text: str, tokens: Sequence[Token], numbers: Sequence[NumberMention]) -> list[DateItem]:
    """The items date expressions are read from: from each token where one may begin (a date
    word or a number), that token and the date words, numbers and marks that follow it.
    No rule reads past a plain word, so the rest of the text is never read; a barrier item
    stands between two such runs."""
    token_starts = starts_of(tokens)
    number_at: dict[int, NumberMention] = {}  # token index -> the first number begun in it
    for number in numbers:
        number_at.setdefault(bisect.bisect_right(token_starts, number.span.start) - 1, number)
    worded = compress(count(), map(_MAY_BEGIN.__getitem__, norms_of(tokens)))
    begins = sorted(number_at.keys() | set(worded))
    reader = _ItemReader(text, tokens, number_at)
    for begin in begins:
        if begin < reader.next:
            continue  # read as part of an earlier run
        if reader.next < begin:
            reader.items.append(_BARRIER)
        reader.next = begin
        reader.read_run()
    return reader.items


# Marks a date expression may read between its words: "الأحد، 15", "كانون الثاني/يناير",
# "(يناير)", "Jan. 15".
_MARKS = frozenset({",", "(", "/", ")", "."})


class _ItemReader:
    """Reads tokens into date items, from ``next`` on."""

    def __init__(
        self, text: str, tokens: Sequence[Token], number_at: dict[int, NumberMention]
    ) -> None:
        self.text, self.tokens, self.number_at = text, tokens, number_at
        self.items: list[DateItem] = []
        self.next = 0  # the next token to read
        self.tables = {"ar": _lexicon("ar"), "en": _lexicon("en")}

    def read_run(self) -> None:
        """The item at ``next``, then as long as the next token is a date word, a number or
        a mark."""
        tokens, text = self.tokens, self.text
        first = True
        while self.next < len(tokens):
            i = self.next
            tok = tokens[i]
            if not first and "\n" in text[tokens[i - 1].end : tok.start]:
                # an expression ends with its line: "... Rises to 16" / "July 23, 2022"
                self.items.append(_BARRIER)
                return
            number = self.number_at.get(i)
            hit = self.tables["ar" if is_arabic_word(tok.norm) else "en"].match(text, tokens, i)
            if number is not None and (hit is None or number.span.end >= tokens[hit.last - 1].end):
                last = _token_index_ending_at(tokens, i, number.span.end)
                self.items.append(
                    DateItem(number.span.start, number.span.end, tok.norm, {}, number)
                )
                self.next = last + 1
            elif hit is not None:
                end_ = tokens[hit.last - 1].end
                self.items.append(DateItem(hit.start, end_, tok.norm, hit.payload, waw=hit.waw))
                self.next = hit.last
            else:
                tags = _ordinal(tok.norm)
                if not first and tags is NO_TAGS and tok.norm not in _MARKS:
                    return  # a plain word: no expression reads on
                self.items.append(DateItem(tok.start, tok.end, tok.norm, tags))
                self.next = i + 1
            first = False


_BARRIER = DateItem(-1, -1, "")


# Tags no expression begins with: "على" between two days, "of", "للميلاد", "ago".
_NEVER_FIRST = frozenset({"joiner", "hijri_era", "gregorian_era", "of", "ago_after"})


def _may_begin(norm: str) -> bool:
    """Can a date expression begin at a token of this folded form (a number aside)?"""
    return bool(_beginnings("ar" if is_arabic_word(norm) else "en", norm)) or (
        _ordinal(norm) is not NO_TAGS
    )


_MAY_BEGIN = PerForm(_may_begin)


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
    return {"ordinal": int(ordinal.group(1))} if ordinal else NO_TAGS


def _token_index_ending_at(tokens: Sequence[Token], i: int, end: int) -> int:
    while tokens[i].end < end:
        i += 1
    return i


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
        return DateRange(*month_days(day.year, day.month), 3, span)
    return DateRange(day, day, 1, span)
