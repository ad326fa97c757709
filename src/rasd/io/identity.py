"""What makes two inputs the same document.

A document's identity comes from its URL (the one given, or the page's canonical link), else
from the record's own id, else from a digest of its clean text; never from a file name, since
two folders can hold two different ``article.txt``. Identities carry their kind as a prefix,
so that a record id can never pass for a URL: ``url:https://...``, ``id:...``,
``sha256:...``. The file name stays the document's ``doc_id``: its name for people and the key
gold files are matched by.
"""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit

KEY_LENGTH = 12  # hex digits of an identity's key: a collision in 16**12 is no worry


def text_digest(text: str) -> str:
    """The SHA-256 hex digest of a text (its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normal_url(url: str) -> str:
    """The URL as an identity compares it: scheme and host in lower case, no fragment, no
    trailing slash on the path (the same page with or without them)."""
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") if parts.path != "/" else ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def document_identity(text: str, url: str | None = None, record_id: str | None = None) -> str:
    """The identity of a document: its URL, else the record's own id, else its text's
    digest."""
    if url and url.strip():
        return f"url:{normal_url(url)}"
    if record_id and record_id.strip():
        return f"id:{record_id.strip()}"
    return f"sha256:{text_digest(text)}"


def identity_key(identity: str) -> str:
    """A short key of an identity, for event ids and names: the first hex digits of its
    digest."""
    return text_digest(identity)[:KEY_LENGTH]
