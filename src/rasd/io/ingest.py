"""Ingestion entry points: files, HTML pages, scraped text and JSON Lines records in; clean
Documents out.

``read_path`` reads one file and picks its reader; the other public names are kept here for
the callers of ``rasd.io.ingest`` and live in the module that does their job: ``decode``
(rasd.io.decoding), ``identify_language`` (rasd.io.language), ``document_from_text``
(rasd.io.documents), ``document_from_html`` (rasd.io.pages), ``read_records``
(rasd.io.records) and ``IngestError`` (rasd.io.errors).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

from rasd.io.decoding import decode
from rasd.io.documents import document_from_text, published_at
from rasd.io.errors import IngestError
from rasd.io.identity import document_identity
from rasd.io.language import LANGUAGES, identify_language
from rasd.io.pages import document_from_html
from rasd.io.records import document_from_record, read_records
from rasd.model import Document

__all__ = [
    "LANGUAGES",
    "MAX_BYTES",
    "IngestError",
    "decode",
    "document_from_html",
    "document_from_text",
    "identify_language",
    "read_path",
    "read_records",
]

MAX_BYTES = 20_000_000


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
    record (.json), else plain text. ``published`` overrides what the documents say. A
    document is named by the file (its ``doc_id`` is the file name without folder and
    extension) but identified by its URL or its text (rasd.io.identity), so that two files of
    one name in two folders stay two documents."""
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
            yield item if published is None else published_at(item, published)
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
        document = document_from_record(record, source, name=doc_id)
        if published is not None:
            document = published_at(document, published)
    elif suffix in (".html", ".htm") or re.match(r"\s*<(?:!doctype|html)", text, re.IGNORECASE):
        document = document_from_html(text, doc_id, published=published)
    else:
        document = document_from_text(text, doc_id, published)
    if not document.text and suffix != ".json":
        # no article text: told apart from other such files by what the file holds
        document.identity = document_identity(text, document.url)
    document.source = source
    yield document
