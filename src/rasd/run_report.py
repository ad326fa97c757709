"""What a run of `rasd extract` or `rasd ingest` says on standard error: one line for each
warning and error, a progress bar while it works (at a terminal only, and not with --quiet),
and a closing summary of what it read, skipped, failed and wrote, and how long it took."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tqdm import tqdm

    from rasd.io.export import Result
    from rasd.model import Document

_READ_AHEAD = 1 << 20  # bytes read at a time when counting the records of a .jsonl file


def counted(number: int, noun: str) -> str:
    """'1 document', '2 documents'."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


def left_alone(document: Document) -> bool:
    """Whether extraction skips the document: it has no text, or a language rasd does not
    read."""
    return document.language not in ("ar", "en") or not document.text.strip()


def expected_documents(inputs: list[str]) -> int | None:
    """How many documents the inputs hold, for the progress bar: one a file, one a non-blank
    line of a .jsonl file; None when it cannot be known before reading (standard input, a
    .json array, a feed, a URL)."""
    total = 0
    for name in inputs:
        path = Path(name)
        try:
            if name == "-" or (path.suffix.lower() == ".json" and _starts_an_array(path)):
                return None
            if "://" in name or path.suffix.lower() in (".rss", ".atom", ".xml"):
                return None
            total += _records_in(path) if path.suffix.lower() == ".jsonl" else 1
        except OSError:
            total += 1  # reading it will say what is wrong
    return total


def _starts_an_array(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def _records_in(path: Path) -> int:
    count = 0
    with path.open("rb") as fh:
        tail = b""
        while chunk := fh.read(_READ_AHEAD):
            lines = (tail + chunk).split(b"\n")
            tail = lines.pop()
            count += sum(1 for line in lines if line.strip())
    return count + (1 if tail.strip() else 0)


class RunReport:
    """Warnings and errors as they come (one line each), the progress bar and the summary;
    counts the documents read, skipped (no text, a language rasd does not read, or already
    stored) and failed, and the events written."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.failures = 0
        self.unusable = False  # rasd's own knowledge could not be loaded: nothing can be done
        self.read = self.skipped = self.events = 0
        self.already_stored = 0  # of those skipped
        self.started = time.perf_counter()
        self._bar: tqdm | None = None

    def error(self, message: str, failed: int = 1) -> None:
        """One line for an input (or ``failed`` records of it) that could not be processed."""
        self.failures += failed
        self._say(f"rasd: error: {message}")

    def warn(self, message: str) -> None:
        if not self.quiet:
            self._say(f"rasd: warning: {message}")

    def _say(self, line: str) -> None:
        if self._bar is not None:
            self._bar.write(line, file=sys.stderr)  # above the bar, which is drawn again
        else:
            print(line, file=sys.stderr)

    @property
    def shows_progress(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    def start(self, total: int | None) -> None:
        """Draw the progress bar of ``total`` documents (None: unknown, a count and a rate)."""
        if self.shows_progress:
            from tqdm import tqdm

            self._bar = tqdm(
                total=total, unit="doc", file=sys.stderr, leave=False, dynamic_ncols=True
            )

    def done(self, result: Result | None) -> None:
        """One document through extraction (None: extraction failed on it)."""
        if result is not None:
            self.tally(left_alone(result.document), len(result.events))
        elif self._bar is not None:
            self._bar.update()

    def tally(self, skipped: bool, events: int) -> None:
        """One document through extraction (in a worker process): whether it was skipped and
        how many events it gave."""
        self.read += 1
        self.skipped += skipped
        self.events += events
        if self._bar is not None:
            self._bar.update()

    def passed_over(self) -> None:
        """One document read and left alone: the store holds it already."""
        self.read += 1
        self.skipped += 1
        self.already_stored += 1
        if self._bar is not None:
            self._bar.update()

    def summary(self) -> str:
        seconds = time.perf_counter() - self.started
        return (
            f"rasd: {counted(self.read, 'document')} read, {self.skipped:,} skipped,"
            f" {self.failures:,} failed; {counted(self.events, 'event')} written"
            f" in {seconds:.1f} s"
        )

    def finish(self) -> None:
        """Take the bar away and print the summary (not with --quiet, nor when nothing could
        be done)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if not self.quiet and not self.unusable:
            print(self.summary(), file=sys.stderr)
