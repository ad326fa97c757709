"""The compiled knowledge: everything rasd loads, built once and kept as one file.

Reading the YAML dictionaries, the gazetteer and building the phrase trie takes about a
second; unpickling the finished objects takes a tenth of that. The file lives in
``$RASD_CACHE`` (else ``$XDG_CACHE_HOME/rasd``, else ``~/.cache/rasd``) under a name that is
a digest of rasd's version, the Python version, rasd's code and every data file it was
built from (the packaged ones and the user's in ``$RASD_HOME`` and the gazetteer folder:
path, size and modification time), so a changed or added file builds it afresh.
``RASD_CACHE=off`` turns it off. A cache that cannot be read or written is passed over:
knowledge is then built from the data files, as without a cache.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from rasd import compiled_modules
from rasd.knowledge.files import data_file
from rasd.knowledge.gazetteer_files import user_dir

T = TypeVar("T")
_PICKLE_ERRORS = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                  IndexError, TypeError, ValueError, RecursionError)  # fmt: skip


def cache_dir() -> Path | None:
    """Where compiled knowledge is kept, or None when caching is off."""
    configured = os.environ.get("RASD_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "rasd"


def source_files() -> list[Path]:
    """Every file the knowledge is built from: rasd's data and the user's own, and rasd's
    code (the compiled objects are instances of its classes), compiled modules included."""
    packaged = Path(str(data_file()))
    files = [p for p in packaged.rglob("*") if p.is_file() and "bench" not in p.parts]
    files += list(packaged.parent.rglob("*.py"))
    files += list(compiled_modules().values())  # a compiled build pickles its own classes
    home = os.environ.get("RASD_HOME")
    if home:
        files += [p for p in Path(home).rglob("*") if p.is_file()]
    gazetteer = user_dir()
    if gazetteer.is_dir():
        files += [p for p in gazetteer.iterdir() if p.is_file()]
    return sorted(set(files))


def fingerprint() -> str:
    """A digest of what the knowledge is built from (see the module's docstring)."""
    from rasd import __version__

    digest = hashlib.sha256(f"{__version__} {sys.version}".encode())
    for path in source_files():
        stat = path.stat()
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


def load_compiled(build: Callable[[], T], name: str = "resources") -> T:
    """The object ``build`` makes, from the cache when it holds one made from the same
    files, else built (and then stored for the next process)."""
    folder = cache_dir()
    path = folder / f"{name}-{fingerprint()}.pickle" if folder is not None else None
    if path is not None and path.is_file():
        try:
            with _collector_paused(), path.open("rb") as fh:
                return pickle.load(fh)
        except _PICKLE_ERRORS:
            pass  # a damaged or foreign file: build afresh and replace it
    with _collector_paused():
        built = build()
    if path is not None:
        _store(built, path)
    return built


def _store(value: object, path: Path) -> None:
    """Write atomically; a folder that cannot be written leaves no file and no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{path.name.split('-')[0]}-*.pickle"):
            old.unlink(missing_ok=True)  # made from files that have since changed
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
    except (OSError, pickle.PicklingError, RecursionError, AttributeError, TypeError):
        try:
            Path(fh.name).unlink(missing_ok=True)
        except (NameError, UnboundLocalError, OSError):
            pass


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Building or unpickling makes hundreds of thousands of objects at once; the garbage
    collector would walk them again and again (five times the cost) for nothing. They live
    as long as the process, so afterwards they are frozen (``gc.freeze``): the collector
    never walks them again, neither at once nor in every later full collection."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()
