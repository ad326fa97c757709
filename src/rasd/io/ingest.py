"""Ingestion entry points: files, HTML pages, scraped text and JSON Lines records in; clean
Documents out.

``read_path`` reads one file and picks its reader, ``read_stream`` standard input (records
or one article, told by how it starts), ``read_feed`` the records of a JSON Lines file one by
one, a bad record among them as an IngestError (for `rasd batch`). ``feed_lines`` and
``stream_entries`` read as those two do but leave each JSON Lines record unparsed, a
:class:`RecordLine` for ``record_of_line`` to read in a worker process (`--workers N`). The
other public names are kept here for the callers of ``rasd.io.ingest`` and live in the module
that does their job: ``decode`` (rasd.io.decoding), ``identify_language``
(rasd.io.language), ``document_from_text`` (rasd.io.documents), ``document_from_html``
(rasd.io.pages), ``read_records`` and ``record_of_line`` (rasd.io.records) and
``IngestError`` (rasd.io.errors).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import NamedTuple

from rasd.io.decoding import decode
from rasd.io.documents import document_from_text, published_at
from rasd.io.errors import MAX_BYTES, IngestError, check_size, text_size
from rasd.io.identity import document_identity
from rasd.io.language import LANGUAGES, identify_language
from rasd.io.pages import document_from_html
from rasd.io.records import document_from_record, read_records, record_of_line
from rasd.model import Document

__all__ = [
    "LANGUAGES",
    "MAX_BYTES",
    "IngestError",
    "decode",
    "document_from_html",
    "document_from_text",
    "identify_language",
    "RecordLine",
    "bad_records",
    "feed_lines",
    "read_feed",
    "read_path",
    "read_records",
    "read_stream",
    "record_of_line",
    "stream_entries",
]

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SNIFFED_LINES = 5  # a stream is JSON Lines when one of these first lines starts with "{"
_HTML_START = re.compile(r"\s*<(?:!doctype|html)", re.IGNORECASE)


def _file_size(path: Path) -> int:
    """The size of a readable file; an IngestError for a missing path, a folder and the like."""
    try:
        if path.is_dir():
            raise IngestError(str(path), "is a directory, not a file")
        return path.stat().st_size
    except FileNotFoundError:
        raise IngestError(str(path), "no such file") from None
    except PermissionError:
        raise IngestError(str(path), "permission denied") from None
    except OSError as e:
        raise IngestError(str(path), f"cannot read ({e.strerror or e})") from None


def _read_bytes(path: Path, one_document: bool = True) -> bytes:
    source = str(path)
    size = _file_size(path)
    if one_document:
        check_size(source, size)
    try:
        data = path.read_bytes()
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as e:
        raise IngestError(source, f"cannot read ({e.strerror or e})") from None
    if not data.strip():
        raise IngestError(source, "empty file")
    return data


def _text_lines(lines: Iterable[bytes | str], source: str) -> Iterator[str]:
    """Lines of text from lines of bytes (UTF-8, or a single-byte Arabic encoding told line by
    line); an IngestError for "SOURCE:LINE" when a line is not text."""
    for number, line in enumerate(lines, start=1):
        if isinstance(line, str):
            yield line
            continue
        try:
            yield line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            yield decode(line, f"{source}:{number}")


class RecordLine(NamedTuple):
    """One non-blank line of JSON Lines input, read as text and not yet parsed."""

    where: str  # "SOURCE:LINE"
    text: str


def record_lines(lines: Iterable[bytes | str], source: str) -> Iterator[RecordLine | IngestError]:
    """The non-blank lines of JSON Lines input (bytes or text), a line that is not text ending
    them with an IngestError."""
    try:
        for number, line in enumerate(_text_lines(lines, source), start=1):
            if line.strip():
                yield RecordLine(f"{source}:{number}", line)
    except IngestError as e:
        yield e


def _parsed(
    entries: Iterable[RecordLine | Document | IngestError],
) -> Iterator[Document | IngestError]:
    for entry in entries:
        yield record_of_line(entry.text, entry.where) if isinstance(entry, RecordLine) else entry


def _array(records: list, source: str) -> Iterator[Document | IngestError]:
    """The records of a JSON array, numbered as the lines of a feed are (SOURCE:N)."""
    yield from read_records((json.dumps(item, ensure_ascii=False) for item in records), source)


def _whole_text(lines: list[bytes | str], source: str) -> str:
    """The text of a stream read to its end (all bytes or all text), as one document (so
    within its size limit)."""
    if lines and isinstance(lines[0], bytes):
        data = b"".join(line for line in lines if isinstance(line, bytes))
        check_size(source, len(data), "the text")
        return decode(data, source)
    text = "".join(line for line in lines if isinstance(line, str))
    check_size(source, text_size(text), "the text")
    return text


def read_stream(lines: Iterable[bytes | str], source: str) -> Iterator[Document | IngestError]:
    """Documents from a stream such as standard input, told by how it starts: JSON Lines
    records when one of its first lines starts with "{" (a bad line yields an IngestError
    for "SOURCE:LINE" and reading goes on), a JSON array of records when it starts with "[",
    else one article, HTML or plain text, named ``source``."""
    return _parsed(stream_entries(lines, source))


def stream_entries(
    lines: Iterable[bytes | str], source: str
) -> Iterator[RecordLine | Document | IngestError]:
    """What read_stream reads, its JSON Lines records left unparsed (RecordLines)."""
    stream = iter(lines)
    head: list[bytes | str] = []
    starts = []  # the first character of each of the first non-blank lines
    for line in stream:
        head.append(line)
        text = line if isinstance(line, str) else line[:8].decode("utf-8", "replace")
        if text := text.lstrip("\ufeff \t\r\n"):
            starts.append(text[0])
            if len(starts) == _SNIFFED_LINES:
                break
    if not starts:
        yield IngestError(source, "no input")
        return
    start = "{" if "{" in starts else starts[0]
    if start == "{":
        yield from record_lines(chain(head, stream), source)
        return
    try:
        text = _whole_text([*head, *stream], source)
        if start != "[":
            yield _article(text, source, source)
            return
        try:
            records = json.loads(text)
        except json.JSONDecodeError as e:
            raise IngestError(source, f"not JSON ({e.msg}, line {e.lineno})") from None
    except IngestError as e:
        yield e
        return
    yield from _array(records, source)


def _article(text: str, doc_id: str, source: str) -> Document:
    """The one Document of an HTML page or a plain text."""
    if _HTML_START.match(text):
        document = document_from_html(text, doc_id)
    else:
        document = document_from_text(text, doc_id)
    document.source = source
    return document


def _feed(
    items: Iterable[Document | IngestError], published: dt.datetime | None
) -> Iterator[Document]:
    """The documents of a collection of records; after them, an IngestError naming the first
    bad record and how many more there were."""
    errors = []
    for item in items:
        if isinstance(item, IngestError):
            errors.append(item)
            continue
        yield item if published is None else published_at(item, published)
    if errors:
        raise bad_records(errors)


def bad_records(errors: list[IngestError]) -> IngestError:
    """One error for the bad records of a file: the first, and how many more there were."""
    first = errors[0]
    more = f" (and {len(errors) - 1} more bad records)" if len(errors) > 1 else ""
    return IngestError(first.source, first.reason + more, len(errors))


def feed_lines(path: str | Path) -> Iterator[RecordLine | IngestError]:
    """The non-blank lines of a JSON Lines file, read line by line (no limit on the file's
    size), a line that is not text ending them with an IngestError; raises an IngestError for
    a file that cannot be read or is empty."""
    path = Path(path)
    source = str(path)
    _file_size(path)
    try:
        with path.open("rb") as fh:
            lines: Iterable[bytes | str] = fh
            if fh.read(2) in _UTF16_BOMS:  # not line by line: the whole file decoded at once
                lines = decode(_read_bytes(path), source).splitlines()
            else:
                fh.seek(0)
            empty = True
            for item in record_lines(lines, source):
                empty = False
                yield item
    except PermissionError:
        raise IngestError(source, "permission denied") from None
    except OSError as e:
        raise IngestError(source, f"cannot read ({e.strerror or e})") from None
    if empty:
        raise IngestError(source, "empty file")


def read_path(path: str | Path, published: dt.datetime | None = None) -> Iterator[Document]:
    """Documents from a file: HTML (.html/.htm or content that starts like HTML), JSON Lines
    (.jsonl; after the good records, an IngestError names the first bad one), one JSON
    record or an array of records (.json), else plain text. ``published`` overrides what the
    documents say. The 20 MB limit is one document's: a file of records may be larger. A
    document is named by the file (its ``doc_id`` is the file name without folder and
    extension) but identified by its URL or its text (rasd.io.identity), so that two files of
    one name in two folders stay two documents."""
    path = Path(path)
    source = str(path)
    suffix = path.suffix.lower()
    doc_id = path.stem
    if suffix == ".jsonl":
        yield from _feed(_parsed(feed_lines(path)), published)
        return
    text = decode(_read_bytes(path, one_document=suffix != ".json"), source)
    if suffix == ".json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as e:
            raise IngestError(source, f"not JSON ({e.msg}, line {e.lineno})") from None
        if isinstance(record, list):
            yield from _feed(_array(record, source), published)
            return
        document = document_from_record(record, source, name=doc_id)
        if published is not None:
            document = published_at(document, published)
    elif suffix in (".html", ".htm") or _HTML_START.match(text):
        document = document_from_html(text, doc_id, published=published)
    else:
        document = document_from_text(text, doc_id, published)
    if not document.text and suffix != ".json":
        # no article text: told apart from other such files by what the file holds
        document.identity = document_identity(text, document.url)
    document.source = source
    yield document


def read_feed(path: str) -> Iterator[Document | IngestError]:
    """The records of a JSON Lines file one by one, read line by line, a bad record yielded
    as an IngestError for "SOURCE:LINE" among them; an IngestError raised for a file that
    cannot be read or is empty."""
    return _parsed(feed_lines(path))
