"""Documents from clean lines: the headline as title, the publication time, the language.

The ``text`` of every Document is the cleaned text (furniture lines dropped, spaces collapsed,
zero-width characters removed, NFC), and every later offset refers to it. Lines are joined by
"\\n" and paragraphs (blank lines in the input, blocks in HTML) by "\\n\\n".
"""

from __future__ import annotations

import datetime as dt
import re

from rasd.io.cleaning import clean_lines
from rasd.io.datelines import HEADER_LINES, DateLine, find_date_line, zone_in
from rasd.io.identity import document_identity
from rasd.io.language import identify_language, unsupported_language
from rasd.knowledge.settings import SETTINGS
from rasd.model import Document

_HEADLINE = SETTINGS.ingest
_COMMAS = re.compile("[,\u060c]")  # the Latin and the Arabic comma
_ENDS_SENTENCE = re.compile(r"(?<!\.)[.:]$")  # a full stop or a colon, not an ellipsis

# Without a publication time no date is taken from the clock: relative dates stay unread.
NO_PUBLICATION_DATE = (
    "no publication date found (give --published): relative dates such as yesterday or "
    "Sunday are not resolved, and events dated only by them have no date"
)


def _zone_only(line: str) -> bool:
    """A dateline such as "بيروت – خاص" or "بغداد/ المدى" rather than a headline."""
    return len(line.split()) <= 3 and zone_in(line) is not None


def find_title(lines: list[str], date_line: DateLine | None) -> str | None:
    """The longest line of the header (the lines above the first body paragraph) that looks
    like a headline: a few words at least, no final full stop, and short and terse (settings:
    ingest.headline_*): a long line or one of many commas is the lead paragraph."""
    header: list[str] = []
    for index, line in enumerate([line for line in lines if line][:HEADER_LINES]):
        paragraph = len(line) > _HEADLINE.headline_max_characters or (
            len(_COMMAS.findall(line)) > _HEADLINE.headline_max_commas
        )
        if paragraph or (len(line) > 60 and _ENDS_SENTENCE.search(line)):
            break
        if date_line is None or index != date_line.index:
            header.append(line)
    headlines = [
        line
        for line in header
        if len(line.split()) >= _HEADLINE.headline_min_words
        and not _ENDS_SENTENCE.search(line)
        and not _zone_only(line)
    ]
    return max(headlines, key=len, default=None)


def published_at(doc: Document, published: dt.datetime) -> Document:
    """The document with a publication time the caller gives (``--published``), and no
    warning that it lacks one."""
    doc.published = published
    doc.warnings = [w for w in doc.warnings if w != NO_PUBLICATION_DATE]
    return doc


def build_document(
    doc_id: str,
    lines: list[str],
    title: str | None,
    published: dt.datetime | None,
    url: str | None,
    language: str | None,
    warnings: list[str],
) -> Document:
    """The Document of clean ``lines``; the publication time from a date line unless
    ``published``, the language identified unless ``language`` is given; its identity from
    ``url``, else from the text."""
    text = "\n".join(lines)
    if published is None:
        date_line = find_date_line(lines)
        published = date_line.published if date_line else None
    if published is None:
        warnings.append(NO_PUBLICATION_DATE)
    if language is None:
        language = identify_language(text)
        if language == "other" and text:
            warnings.append(unsupported_language(text))
    return Document(
        doc_id=doc_id,
        text=text,
        title=title,
        published=published,
        url=url,
        language=language,
        warnings=warnings,
        identity=document_identity(text, url),
    )


def document_from_text(
    text: str,
    doc_id: str,
    published: dt.datetime | None = None,
    url: str | None = None,
    language: str | None = None,
) -> Document:
    """A Document from plain or scraped text: furniture dropped, the headline as title (and kept
    in the text), the publication time from a date line near the top unless ``published``, the
    language identified unless ``language`` is given."""
    lines = clean_lines(text)
    date_line = find_date_line(lines)
    if published is None and date_line is not None:
        published = date_line.published
    warnings = [] if lines else ["no article text found"]
    title = find_title(lines, date_line)
    return build_document(doc_id, lines, title, published, url, language, warnings)
