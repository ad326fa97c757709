"""JSON records to Documents: one per line of a JSON Lines feed, or one in a .json file.

A record is ``{doc_id, text | html, url, published, language, outlet}``; a record that gives
its language is not identified again. The record is the same document as another with the same
URL, else the same ``doc_id``, else the same text (rasd.io.identity); a record without a
``doc_id`` is named by its identity's key.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from rasd.io.datelines import to_datetime
from rasd.io.documents import document_from_text
from rasd.io.errors import IngestError, check_size, text_size
from rasd.io.identity import document_identity, identity_key
from rasd.io.language import LANGUAGES
from rasd.io.pages import document_from_html
from rasd.model import Document


def read_records(lines: Iterable[str], source: str) -> Iterator[Document | IngestError]:
    """Documents from JSON Lines records ``{doc_id, text | html, url, published, language,
    outlet}``; a bad line yields an IngestError for "SOURCE:LINE" and reading goes on."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield record_of_line(line, f"{source}:{number}")


def record_of_line(line: str, where: str) -> Document | IngestError:
    """The Document of one line of JSON Lines, or an IngestError for "WHERE" (the file and
    line) saying why the line is not a record."""
    try:
        return document_from_record(json.loads(line), where)
    except json.JSONDecodeError as e:
        return IngestError(where, f"not JSON ({e.msg}, column {e.colno})")
    except IngestError as e:
        return e


def document_from_record(record: object, where: str, name: str | None = None) -> Document:
    """The Document of one parsed JSON record, its ``source`` set to ``where``; named by its
    ``doc_id``, else ``name``, else its identity's key. Raises IngestError for a record that
    is not an object or has no text, a bad date, language, url or outlet."""
    if not isinstance(record, dict):
        raise IngestError(where, "a record must be a JSON object")
    body = {key: record.get(key) for key in ("text", "html")}
    if not any(isinstance(v, str) and v.strip() for v in body.values()):
        raise IngestError(where, 'a record needs a non-empty "text" or "html"')
    for key, value in body.items():
        if isinstance(value, str):
            check_size(where, text_size(value), f'the record\'s "{key}"')
    published = record.get("published")
    if published is not None:
        published = to_datetime(published) if isinstance(published, str) else None
        if published is None:
            raise IngestError(
                where, f'"published" is not an ISO 8601 date: {record["published"]!r}'
            )
    language = record.get("language")
    if language is not None and language not in (*LANGUAGES, "other"):
        raise IngestError(where, f'"language" must be "ar", "en" or "other", not {language!r}')
    for key in ("url", "outlet"):
        if record.get(key) is not None and not isinstance(record[key], str):
            raise IngestError(where, f'"{key}" must be a string, not {record[key]!r}')
    own_id = str(record["doc_id"]) if record.get("doc_id") not in (None, "") else None
    url = record.get("url") or None
    if isinstance(body["text"], str) and body["text"].strip():
        document = document_from_text(body["text"], "", published, url, language)
    else:
        html = body["html"]
        assert isinstance(html, str)  # no text, so an html (checked above)
        document = document_from_html(html, "", url, published, language)
    # a page with no article text is told apart from other such pages by its markup
    content = document.text or str(body["text"] or body["html"])
    document.identity = document_identity(content, document.url, own_id)
    document.doc_id = own_id or name or identity_key(document.identity)
    document.outlet = record.get("outlet") or document.outlet
    document.source = where
    return document
