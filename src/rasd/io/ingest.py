"""Ingestion: files, HTML pages, scraped text and JSON Lines records in; clean Documents out.

The ``text`` of every Document is the cleaned text (furniture lines dropped, spaces collapsed,
zero-width characters removed, NFC), and every later offset refers to it. Lines are joined by
"\\n" and paragraphs (blank lines in the input, blocks in HTML) by "\\n\\n".

Publication times are always timezone-aware. A page that gives a clock time without a zone is
read in the zone of its outlet, found from a city or country word in the date line or the
header lines above the article (``zones`` in data/furniture.yaml), else at UTC+03:00. A page
that gives only a date is read as 12:00 on that day, in the same zone: noon keeps the calendar
day whatever the true hour was within a few hours of offset.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from zoneinfo import ZoneInfo

import lxml.html
import trafilatura
import yaml
from charset_normalizer import from_bytes
from lxml import etree
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

from rasd.model import Document

MAX_BYTES = 20_000_000
LANGUAGES = ("ar", "en")
# Languages py3langid may choose from: the two we handle and those most often mistaken for them.
_CANDIDATE_LANGUAGES = ["ar", "en", "fa", "ur", "ku", "tr", "he", "fr", "de", "es", "it", "ru"]
_MIN_LETTERS = 20
_HEADER_LINES = 15  # date lines and headlines are looked for in this many first lines


class IngestError(Exception):
    """An input that cannot become a Document; ``str()`` is "SOURCE: reason"."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class _Furniture:
    lines: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    related: tuple[str, ...]
    related_item_max_chars: int
    dates: tuple[re.Pattern[str], ...]
    month_numbers: dict[str, int]
    clock: re.Pattern[str]
    pm_words: frozenset[str]
    am_words: frozenset[str]
    zone_words: re.Pattern[str]
    zones: dict[str, ZoneInfo]
    default_zone: dt.tzinfo
    date_only_hour: int


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def _furniture() -> _Furniture:
    data = yaml.safe_load((files("rasd") / "data" / "furniture.yaml").read_text("utf-8"))
    month_numbers = {
        name.casefold(): int(number) for number, names in data["months"].items() for name in names
    }
    month = rf"(?<!\w)(?P<month>{_alternation(month_numbers)})\.?(?!\w)"
    other_month = rf"(?:\s*/\s*(?:{_alternation(month_numbers)}))?"
    day, year = r"(?<!\d)(?P<day>\d{1,2})", r"(?P<year>(?:19|20)\d\d)(?!\d)"
    dates = (
        r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<sep>[./-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?!\d)",
        rf"{day}(?P<sep>[./-])(?P<month>\d{{1,2}})(?P=sep){year}",
        rf"{day}\s+(?:من\s+)?{month}{other_month}\s*[,،]?\s*{year}",
        rf"{month}\s+{day},?\s+{year}",
    )
    ampm = _alternation([*data["pm_words"], *data["am_words"]])
    zones = {
        word.casefold(): ZoneInfo(name) for name, words in data["zones"].items() for word in words
    }
    return _Furniture(
        lines=frozenset(data["lines"]),
        patterns=tuple(re.compile(p) for p in data["patterns"]),
        related=tuple(marker.casefold() for marker in data["related"]),
        related_item_max_chars=data["related_item_max_chars"],
        dates=tuple(re.compile(p, re.IGNORECASE) for p in dates),
        month_numbers=month_numbers,
        clock=re.compile(
            rf"(?<![\d:])(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)(?![\d:])(?:\s*(?P<ampm>{ampm})(?!\w))?",
            re.IGNORECASE,
        ),
        pm_words=frozenset(w.casefold() for w in data["pm_words"]),
        am_words=frozenset(w.casefold() for w in data["am_words"]),
        zone_words=re.compile(rf"(?<!\w)(?:{_alternation(zones)})(?!\w)", re.IGNORECASE),
        zones=zones,
        default_zone=dt.timezone(dt.timedelta(hours=data["default_utc_offset_hours"])),
        date_only_hour=data["date_only_hour"],
    )


# ---------------------------------------------------------------- bytes and language

_ARABIC_INDIC = str.maketrans({chr(base + d): str(d) for base in (0x660, 0x6F0) for d in range(10)})
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _arabic_share(text: str) -> float:
    """Share of the non-ASCII letters that are Arabic: near 1 for a right guess at Arabic."""
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters) if letters else 0.0


def decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else windows-1256/ISO-8859-6 or
    another single-byte encoding found by charset-normalizer, checked to give Arabic letters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(source, f"bad UTF-16 text ({e.reason})") from None
    if b"\x00" in data[:65536]:
        raise IngestError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(data).best()
    guessed = str(guess) if guess is not None else None
    if guessed is not None and _arabic_share(guessed) >= 0.5:
        return guessed
    decoded = []
    for encoding in ("cp1256", "iso8859_6"):
        try:
            decoded.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = max(decoded, key=_arabic_share, default=None)
    if best is not None and _arabic_share(best) >= 0.5:
        return best
    if guessed is not None and len(_CONTROL.findall(guessed)) < 0.01 * len(guessed):
        return guessed
    raise IngestError(source, "binary file, not text")


@cache
def _language_identifier() -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(_CANDIDATE_LANGUAGES)
    return identifier


def identify_language(text: str) -> str:
    """The language of ``text``: "ar", "en" or "other" (also for fewer than 20 letters)."""
    if sum(c.isalpha() for c in text) < _MIN_LETTERS:
        return "other"
    language, _ = _language_identifier().classify(text)
    return language if language in LANGUAGES else "other"


# ---------------------------------------------------------------- cleaning


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", text).replace("\u00a0", " ").replace("\t", " ")


def _is_furniture(line: str) -> bool:
    """``line`` is trimmed but its inner spaces are not yet collapsed (menus use runs of them)."""
    furniture = _furniture()
    return " ".join(line.split()) in furniture.lines or any(
        p.fullmatch(line) for p in furniture.patterns
    )


def _opens_related_block(line: str) -> bool:
    return len(line) <= 40 and line.casefold().startswith(_furniture().related)


_BULLET = re.compile(r"^[-–—*•·]\s")


def _is_related_item(line: str) -> bool:
    return len(line) <= _furniture().related_item_max_chars and (
        bool(_BULLET.match(line)) or not re.search(r"(?<!\.)\.$", line)
    )


def _clean_lines(text: str) -> list[str]:
    """The article's lines, trimmed, with furniture and related-article blocks dropped; ""
    stands for a paragraph break (never two in a row, none at either end)."""
    lines = [line.strip() for line in _normalize(text).split("\n")]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if _opens_related_block(line):
            while i < len(lines):
                if lines[i] and _is_related_item(lines[i]):
                    i += 1
                elif not lines[i] and i + 1 < len(lines) and _BULLET.match(lines[i + 1]):
                    i += 1
                else:
                    break
            line = ""
        elif line and _is_furniture(line):
            continue
        line = re.sub(r" {2,}", " ", line)
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return kept


# ---------------------------------------------------------------- dates


def _to_datetime(value: str) -> dt.datetime | None:
    """An ISO 8601 date or datetime; a naive one is read at UTC+03:00, a bare date at noon."""
    furniture = _furniture()
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value.strip()) == 10:
        parsed = parsed.replace(hour=furniture.date_only_hour)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=furniture.default_zone)


@dataclass(frozen=True)
class _DateLine:
    index: int
    published: dt.datetime


def _zone_in(text: str) -> ZoneInfo | None:
    found = _furniture().zone_words.search(text)
    return _furniture().zones[found.group(0).casefold()] if found else None


def _find_date_line(lines: list[str]) -> _DateLine | None:
    """The first of the top lines that starts with a full date ("2024.01.15 | 15:45 دمشق",
    "ديسمبر 26, 2023", "BEIRUT, Oct 13, 2023 (wire) —"), read as a publication time."""
    furniture = _furniture()
    for index, line in enumerate([line for line in lines if line][:_HEADER_LINES]):
        ascii_digits = line.translate(_ARABIC_INDIC)
        found = min(
            (m for p in furniture.dates if (m := p.search(ascii_digits[:60]))),
            key=lambda m: m.start(),
            default=None,
        )
        if found is None or len(ascii_digits[: found.start()].split()) > 3:
            continue
        month = found.group("month")
        try:
            day = dt.date(
                int(found.group("year")),
                int(month) if month.isdigit() else furniture.month_numbers[month.casefold()],
                int(found.group("day")),
            )
        except ValueError:
            continue
        rest = ascii_digits[found.end() :]
        clock = furniture.clock.search(rest[:40])
        header = [line for line in lines if line][: index + 4]
        zone = _zone_in(line) or next(
            (z for z in map(_zone_in, header) if z), furniture.default_zone
        )
        if clock is None:
            time = dt.time(furniture.date_only_hour)
        else:
            hour = int(clock.group("hour"))
            ampm = (clock.group("ampm") or "").casefold()
            if ampm in furniture.pm_words and hour < 12:
                hour += 12
            elif ampm in furniture.am_words and hour == 12:
                hour = 0
            time = dt.time(hour, int(clock.group("minute")))
        return _DateLine(index, dt.datetime.combine(day, time, tzinfo=zone))
    return None


# ---------------------------------------------------------------- documents


def _find_title(lines: list[str], date_line: _DateLine | None) -> str | None:
    """The longest line of the header (the lines above the first body paragraph) that looks
    like a headline: at least three words, at most 220 characters, no final full stop."""
    header: list[str] = []
    for index, line in enumerate([line for line in lines if line][:_HEADER_LINES]):
        if len(line) > 220 or (len(line) > 60 and re.search(r"(?<!\.)[.:]$", line)):
            break
        if date_line is None or index != date_line.index:
            header.append(line)
    headlines = [
        line
        for line in header
        if len(line.split()) >= 3 and not re.search(r"(?<!\.)[.:]$", line) and not _zone_only(line)
    ]
    return max(headlines, key=len, default=None)


def _zone_only(line: str) -> bool:
    """A dateline such as "بيروت – خاص" or "بغداد/ المدى" rather than a headline."""
    return len(line.split()) <= 3 and _zone_in(line) is not None


def _document(
    doc_id: str,
    lines: list[str],
    title: str | None,
    published: dt.datetime | None,
    url: str | None,
    language: str | None,
    warnings: list[str],
) -> Document:
    text = "\n".join(lines)
    if published is None:
        date_line = _find_date_line(lines)
        published = date_line.published if date_line else None
    if published is None:
        warnings.append("no publication date found")
    if language is None:
        language = identify_language(text)
        if language == "other" and text:
            warnings.append("language not identified")
    return Document(
        doc_id=doc_id,
        text=text,
        title=title,
        published=published,
        language=language,
        url=url,
        warnings=warnings,
    )


def document_from_text(
    text: str,
    doc_id: str,
    published: dt.datetime | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document from plain or scraped text: furniture dropped, the headline as title (and kept
    in the text), the publication time from a date line near the top unless ``published``."""
    lines = _clean_lines(text)
    date_line = _find_date_line(lines)
    if published is None and date_line is not None:
        published = date_line.published
    warnings = [] if lines else ["no article text found"]
    title = _find_title(lines, date_line)
    return _document(doc_id, lines, title, published, url, language, warnings)


_PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time' or @name='article:published_time']/@content",
    "//meta[@itemprop='datePublished' or @name='pubdate' or @name='publishdate'"
    " or @name='publish-date' or @name='date' or @name='dc.date' or @name='DC.date.issued'"
    " or @property='og:published_time']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//time[@datetime][1]/@datetime",
)
# The headline and the standfirst under it: trafilatura drops them from some pages and keeps
# them on others; they lead the text on every page, as on plain-text pages (events in
# headlines count).
_LEAD_XPATH = (
    "(//h1)[1] | (//h1)[1]/following-sibling::*[1][self::h2 or self::p][contains(@class, 'sub')"
    " or contains(@class, 'summary') or contains(@class, 'lead') or contains(@class, 'standfirst')"
    " or contains(@class, 'excerpt') or contains(@class, 'dek')]"
)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article")


def _published_in_page(tree: lxml.html.HtmlElement) -> dt.datetime | None:
    for xpath in _PUBLISHED_XPATHS:
        for value in tree.xpath(xpath):
            if parsed := _to_datetime(str(value)):
                return parsed
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        found = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if found and (parsed := _to_datetime(found.group(1))):
            return parsed
    return None


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    for element in tree.xpath("//script|//style|//nav|//noscript|//template|//head"):
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def document_from_html(
    html: str | bytes,
    doc_id: str,
    url: str | None = None,
    published: dt.datetime | None = None,
    language: str | None = None,
) -> Document:
    """A Document from an HTML page: the main text by trafilatura (or the page's visible text
    when trafilatura finds none), the title, and the publication time from the page's metadata,
    else from a date line in its text, unless ``published`` is given."""
    if isinstance(html, bytes):
        html = decode(html, doc_id)
    warnings: list[str] = []
    try:
        tree = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        tree = None
    extracted = trafilatura.bare_extraction(
        html, url=url, favor_recall=True, with_metadata=True, include_comments=False
    )
    text = extracted.text if extracted is not None and extracted.text else ""
    title = extracted.title if extracted is not None else None
    if not text.strip() and tree is not None:
        text = _visible_text(tree)
    paragraphs = [line for line in _clean_lines(text) if line]
    if paragraphs and tree is not None:
        flat = " ".join(" ".join(paragraphs).split())
        lead = [" ".join(e.text_content().split()) for e in tree.xpath(_LEAD_XPATH)]
        paragraphs[:0] = [line for line in lead if line and line not in flat]
    lines = [line for paragraph in paragraphs for line in ("", paragraph)][1:]
    if not lines:
        warnings.append("no article text found")
    if published is None and tree is not None:
        published = _published_in_page(tree)
    if published is None and extracted is not None and extracted.date:
        published = _to_datetime(extracted.date[:10])
    if title is None and tree is not None:
        title = next(
            (t.strip() for t in tree.xpath("//h1//text()|//title/text()") if t.strip()), None
        )
    return _document(doc_id, lines, title, published, url, language, warnings)


# ---------------------------------------------------------------- files and records


def read_records(lines: Iterable[str], source: str) -> Iterator[Document | IngestError]:
    """Documents from JSON Lines records ``{doc_id, text | html, url, published, language}``;
    a bad line yields an IngestError for "SOURCE:LINE" and reading goes on."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            document = _document_from_record(json.loads(line), f"{source}-{number}", where)
        except json.JSONDecodeError as e:
            yield IngestError(where, f"not JSON ({e.msg}, column {e.colno})")
        except IngestError as e:
            yield e
        else:
            yield document


def _document_from_record(record: object, default_id: str, where: str) -> Document:
    if not isinstance(record, dict):
        raise IngestError(where, "a record must be a JSON object")
    body = {key: record.get(key) for key in ("text", "html")}
    if not any(isinstance(v, str) and v.strip() for v in body.values()):
        raise IngestError(where, 'a record needs a non-empty "text" or "html"')
    published = record.get("published")
    if published is not None:
        published = _to_datetime(published) if isinstance(published, str) else None
        if published is None:
            raise IngestError(
                where, f'"published" is not an ISO 8601 date: {record["published"]!r}'
            )
    language = record.get("language")
    if language is not None and language not in (*LANGUAGES, "other"):
        raise IngestError(where, f'"language" must be "ar", "en" or "other", not {language!r}')
    doc_id = str(record.get("doc_id") or default_id)
    url = record.get("url")
    if isinstance(body["text"], str) and body["text"].strip():
        document = document_from_text(body["text"], doc_id, published, url, language)
    else:
        document = document_from_html(body["html"], doc_id, url, published, language)
    document.source = where
    return document


def _read_bytes(path: Path) -> bytes:
    source = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IngestError(source, "is a directory, not a file")
        if size > MAX_BYTES:
            raise IngestError(
                source,
                f"file is {size / 1e6:.1f} MB, larger than the {MAX_BYTES // 1_000_000} MB limit",
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(source, "no such file") from None
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as e:
        raise IngestError(source, f"cannot read ({e.strerror or e})") from None
    if not data.strip():
        raise IngestError(source, "empty file")
    return data


def read_path(path: str | Path, published: dt.datetime | None = None) -> Iterator[Document]:
    """Documents from a file: HTML (.html/.htm or content that starts like HTML), JSON Lines
    (.jsonl; after the good records, an IngestError names the first bad one), one JSON
    record (.json), else plain text. ``published`` overrides what the documents say."""
    path = Path(path)
    source = str(path)
    text = decode(_read_bytes(path), source)
    suffix = path.suffix.lower()
    doc_id = path.stem
    if suffix == ".jsonl":
        errors = []
        for item in read_records(text.splitlines(), source):
            if isinstance(item, IngestError):
                errors.append(item)
                continue
            if published is not None:
                item.published = published
            yield item
        if errors:
            first = errors[0]
            more = f" (and {len(errors) - 1} more bad records)" if len(errors) > 1 else ""
            raise IngestError(first.source, first.reason + more)
        return
    if suffix == ".json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as e:
            raise IngestError(source, f"not JSON ({e.msg}, line {e.lineno})") from None
        document = _document_from_record(record, doc_id, source)
        if published is not None:
            document.published = published
    elif suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype|html)", text, re.IGNORECASE):
        document = document_from_html(text, doc_id, published=published)
    else:
        document = document_from_text(text, doc_id, published)
    document.source = source
    yield document
