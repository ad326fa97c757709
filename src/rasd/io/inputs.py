"""What the inputs named on the command line hold: files, folders (read recursively), feeds
and URLs, each read by its reader."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from rasd.io.errors import IngestError
from rasd.io.feeds import is_url, looks_like_feed, read_feed_file, read_url
from rasd.io.ingest import read_path
from rasd.model import Document

# the files of a folder that are read: pages, texts, records and feeds
FOLDER_SUFFIXES = frozenset({".html", ".htm", ".txt", ".json", ".jsonl", ".rss", ".atom", ".xml"})


def _hidden(path: Path, folder: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(folder).parts)


def expand(names: Iterable[str]) -> Iterator[str]:
    """The inputs with each folder replaced by the files in it and its subfolders (of the
    kinds in FOLDER_SUFFIXES, hidden ones left out), in name order."""
    for name in names:
        path = Path(name)
        if name == "-" or is_url(name) or not path.is_dir():
            yield name
            continue
        found = [
            str(file)
            for file in sorted(path.rglob("*"))
            if file.is_file() and file.suffix.lower() in FOLDER_SUFFIXES and not _hidden(file, path)
        ]
        yield from found or [name]  # an empty folder: reading it says so


def read_input(name: str) -> Iterator[Document]:
    """The documents of one input (not standard input): a URL's feed entries or page, a feed
    file's entries, else what rasd.io.ingest.read_path reads; an IngestError for one that
    cannot be read."""
    if is_url(name):
        yield from read_url(name)
    elif Path(name).is_dir():
        kinds = ", ".join(sorted(FOLDER_SUFFIXES))
        raise IngestError(name, f"a folder with no file rasd reads in it ({kinds})")
    elif looks_like_feed(Path(name)):
        yield from read_feed_file(Path(name))
    else:
        yield from read_path(name)
