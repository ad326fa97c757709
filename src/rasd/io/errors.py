"""The one error of ingestion, an input that cannot become a Document, and the size limit of
one document."""

from __future__ import annotations

# One document's limit: a file, a record's text or html, or the text on standard input. A
# collection of records (.jsonl, a .json array) is as large as it likes.
MAX_BYTES = 20_000_000


class IngestError(Exception):
    """An input that cannot become a Document; ``str()`` is "SOURCE: reason". ``records``: how
    many bad records of a file it stands for."""

    def __init__(self, source: str, reason: str, records: int = 1) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.records = records


def check_size(source: str, size: int, what: str = "file") -> None:
    """Raise an IngestError naming ``source`` when ``what`` (``size`` bytes) is over the limit
    of one document."""
    if size > MAX_BYTES:
        raise IngestError(
            source,
            f"{what} is {size / 1e6:.1f} MB, larger than the {MAX_BYTES // 1_000_000} MB limit",
        )


def text_size(text: str) -> int:
    """The size of ``text`` in UTF-8, counted only when it could be over the limit."""
    return len(text.encode("utf-8")) if len(text) > MAX_BYTES // 4 else len(text)
