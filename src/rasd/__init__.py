"""rasd: conflict event data from Arabic and English news."""

import datetime as dt
import hashlib
import json
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

_HERE = Path(__file__).parent


def compiled_modules(package: Path = _HERE) -> dict[str, Path]:
    """rasd's modules compiled by mypyc (``RASD_COMPILE=1``, see setup.py), by name: none in
    a pure Python install or a source tree."""
    found = {}
    for folder in (package, *(d for d in package.iterdir() if (d / "__init__.py").is_file())):
        for path in folder.iterdir():
            for suffix in EXTENSION_SUFFIXES:
                if path.name.endswith(suffix):
                    stem = path.name.removesuffix(suffix)
                    parts = ["rasd", folder.name, stem] if folder != package else ["rasd", stem]
                    found[".".join(p for p in parts if p != "__init__")] = path
                    break  # the longest suffix first: ".cpython-311-x86_64-linux-gnu.so", ".so"
    return found


def _check_compiled(package: Path = _HERE) -> None:
    """A compiled module is imported in place of the .py beside it: refuse one that was not
    built from that .py (an edited source, an extension copied or built by hand), which
    would go on running the old code without a word. setup.py records the sources' digests
    in ``_compiled.json``."""
    compiled = compiled_modules(package)
    if not compiled:
        return
    try:
        digests = json.loads((package / "_compiled.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        digests = {}
    for name, extension in sorted(compiled.items()):
        stem = "__init__" if extension.name.startswith("__init__.") else name.split(".")[-1]
        source = extension.parent / f"{stem}.py"
        if not source.is_file():
            continue  # nothing there to run instead
        if digests.get(name) != hashlib.sha256(source.read_bytes()).hexdigest():
            raise ImportError(
                f"rasd: {extension} was not compiled from the {source.name} beside it (changed"
                " since, or built outside setup.py), and would be run in its place. Reinstall"
                " rasd (RASD_COMPILE=1 pip install .), or delete the compiled files to run the"
                " Python source."
            )


_check_compiled()

from rasd.model import Actor, DateRange, Document, Event, Location, Span  # noqa: E402

__version__ = "0.1.0"
__all__ = ["Actor", "DateRange", "Document", "Event", "Location", "Span", "extract"]


def extract(
    text_or_html: str,
    published: dt.datetime | dt.date | str | None = None,
    url: str | None = None,
    doc_id: str = "document",
) -> list[Event]:
    """Events in an article given as plain text or HTML; ``published`` is a datetime, a date
    or an ISO 8601 string (see rasd.pipeline.extract)."""
    from rasd.pipeline import extract as _extract

    return _extract(text_or_html, published=published, url=url, doc_id=doc_id)
