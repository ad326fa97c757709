"""Publication times: ISO 8601 values from metadata and date lines at the top of an article.

Publication times are always timezone-aware. A page that gives a clock time without a zone is
read in the zone of its outlet, found from a city or country word in the date line or the
header lines above the article (``zones`` in data/ingest/datelines.yaml), else at UTC+03:00. A
page that gives only a date is read as 12:00 on that day, in the same zone: noon keeps the
calendar day whatever the true hour was within a few hours of offset.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo

from rasd.knowledge.files import data_file, read_yaml

HEADER_LINES = 15  # date lines and headlines are looked for in this many first lines
_ARABIC_INDIC = str.maketrans({chr(base + d): str(d) for base in (0x660, 0x6F0) for d in range(10)})
_DIGIT = re.compile(r"\d")
_DATE_SEARCH_CHARS = 60  # a date line's date starts within this many characters
_DATE_MAX_WORDS_BEFORE = 3  # ... after at most this many words ("BEIRUT, Oct 13, 2023")
_CLOCK_SEARCH_CHARS = 40  # its clock time, if any, within this many characters after the date


@dataclass(frozen=True)
class _DateWords:
    dates: tuple[re.Pattern[str], ...]
    month_numbers: dict[str, int]
    clock: re.Pattern[str]
    pm_words: frozenset[str]
    am_words: frozenset[str]
    zone_words: re.Pattern[str]  # any zone word, in any case
    uncased_zone_words: re.Pattern[str]  # the zone words whose letters have no case (Arabic)
    zones: dict[str, ZoneInfo]
    default_zone: dt.tzinfo
    date_only_hour: int


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _date_words() -> _DateWords:
    data = read_yaml(data_file("ingest", "datelines.yaml"))
    month_numbers = {
        name.casefold(): int(number) for number, names in data["months"].items() for name in names
    }
    month = rf"(?<!\w)(?P<month>{_alternation(month_numbers)})\.?(?!\w)"
    other_month = rf"(?:\s*/\s*(?:{_alternation(month_numbers)}))?"
    day, year = r"(?<!\d)(?P<day>\d{1,2})", r"(?P<year>(?:19|20)\d\d)(?!\d)"
    joiner = (
        rf"(?:(?:{_alternation(data['day_month_words'])})\s+)?" if data["day_month_words"] else ""
    )
    dates = (
        r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)",
        rf"{day}(?P<sep>[./-])(?P<month>\d{{1,2}})(?P=sep){year}",
        # "\u060c" is the Arabic comma
        rf"{day}\s+{joiner}{month}{other_month}\s*[,\u060c]?\s*{year}",
        rf"{month}\s+{day},?\s+{year}",
    )
    ampm = _alternation([*data["pm_words"], *data["am_words"]])
    zones = {
        _zone_key(word): ZoneInfo(name) for name, words in data["zones"].items() for word in words
    }
    return _DateWords(
        dates=tuple(re.compile(p, re.IGNORECASE) for p in dates),
        month_numbers=month_numbers,
        clock=re.compile(
            rf"(?<![\d:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])(?:\s*(?P<ampm>{ampm})(?!\w))?",
            re.IGNORECASE,
        ),
        pm_words=frozenset(w.casefold() for w in data["pm_words"]),
        am_words=frozenset(w.casefold() for w in data["am_words"]),
        zone_words=re.compile(rf"(?<!\w)(?:{_alternation(zones)})(?!\w)", re.IGNORECASE),
        uncased_zone_words=re.compile(
            rf"(?<!\w)(?:{_alternation(w for w in zones if _uncased(w))})(?!\w)"
        ),
        zones=zones,
        default_zone=dt.timezone(dt.timedelta(hours=data["default_utc_offset_hours"])),
        date_only_hour=data["date_only_hour"],
    )


def _uncased(text: str) -> bool:
    """No character of ``text`` has an upper or a lower case form other than itself."""
    return text.lower() == text == text.upper()


def to_datetime(value: str) -> dt.datetime | None:
    """An ISO 8601 date or datetime; a naive one is read at UTC+03:00, a bare date at noon."""
    words = _date_words()
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value.strip()) == 10:
        parsed = parsed.replace(hour=words.date_only_hour)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=words.default_zone)


@dataclass(frozen=True)
class DateLine:
    """The date line found: its index among the non-blank lines, and the time it gives."""

    index: int
    published: dt.datetime


def zone_in(text: str) -> ZoneInfo | None:
    """The zone of the first city or country word in ``text`` that names an outlet's clock.
    A text none of whose letters has a case (Arabic) holds no Latin word in any case: there
    only the words without case are looked for, by a pattern that does not fold case (faster)."""
    words = _date_words()
    found = (words.uncased_zone_words if _uncased(text) else words.zone_words).search(text)
    return words.zones.get(_zone_key(found.group(0))) if found else None


def _zone_key(word: str) -> str:
    """A city word folded for the zone table: "İSTANBUL" (whose case folding keeps the dot
    above as a mark of its own) is "istanbul"."""
    folded = unicodedata.normalize("NFD", word.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def find_date_line(lines: list[str]) -> DateLine | None:
    """The first of the top lines that starts with a full date ("2024.01.15 | 15:45 دمشق",
    "ديسمبر 26, 2023", "BEIRUT, Oct 13, 2023 (wire) —"), read as a publication time."""
    words = _date_words()
    for index, line in enumerate([line for line in lines if line][:HEADER_LINES]):
        if not _DIGIT.search(line, 0, _DATE_SEARCH_CHARS):
            continue  # every date has its year in digits
        ascii_digits = line.translate(_ARABIC_INDIC)
        found = min(
            (m for p in words.dates if (m := p.search(ascii_digits[:_DATE_SEARCH_CHARS]))),
            key=lambda m: m.start(),
            default=None,
        )
        if found is None or len(ascii_digits[: found.start()].split()) > _DATE_MAX_WORDS_BEFORE:
            continue
        month = found.group("month")
        try:
            day = dt.date(
                int(found.group("year")),
                int(month) if month.isdigit() else words.month_numbers[month.casefold()],
                int(found.group("day")),
            )
        except ValueError:
            continue
        rest = ascii_digits[found.end() :]
        clock = words.clock.search(rest[:_CLOCK_SEARCH_CHARS])
        header = [line for line in lines if line][: index + 4]
        zone = zone_in(line) or next((z for z in map(zone_in, header) if z), words.default_zone)
        if clock is None:
            time = dt.time(words.date_only_hour)
        else:
            hour = int(clock.group("hour"))
            ampm = (clock.group("ampm") or "").casefold()
            if ampm in words.pm_words and hour < 12:
                hour += 12
            elif ampm in words.am_words and hour == 12:
                hour = 0
            time = dt.time(hour, int(clock.group("minute")))
        return DateLine(index, dt.datetime.combine(day, time, tzinfo=zone))
    return None
