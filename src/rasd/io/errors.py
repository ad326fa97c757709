"""The one error of ingestion: an input that cannot become a Document."""

from __future__ import annotations


class IngestError(Exception):
    """An input that cannot become a Document; ``str()`` is "SOURCE: reason"."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
