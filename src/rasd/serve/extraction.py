"""Extraction as the desk runs it: one document at a time through rasd.pipeline (the
server's threads share one set of loaded dictionaries)."""

from __future__ import annotations

import threading

from rasd.io.export import Result
from rasd.model import Document
from rasd.pipeline import process

_ONE_AT_A_TIME = threading.Lock()


def extract(document: Document) -> Result:
    """The document's events, as `rasd ingest` would find them."""
    with _ONE_AT_A_TIME:
        return process(document)
