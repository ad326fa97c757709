"""Gazetteer files: where they live, and reading and writing their TSV format.

The shipped file ``rasd/data/gazetteer.tsv.gz`` is built by
:mod:`rasd.knowledge.gazetteer_build`. Places imported by the user (``import_geonames``,
``import_ocha_places``) are written as files of the same format to the user data dir,
``$RASD_HOME/gazetteer/`` or, without ``RASD_HOME``, ``$XDG_DATA_HOME/rasd/gazetteer/``
(default ``~/.local/share/rasd/gazetteer/``), and :meth:`Gazetteer.load` reads them after the
shipped file.

File format (TSV, optionally gzip'd, one place a line, ``#`` comments): id, kind, iso, admin1,
admin2, lat, lon, population, radius_km, source, name, name_ar, keys. ``keys`` holds the
matching forms of every name, ``|``-separated, each a space-separated word list as made by
:func:`name_key`; a key written ``!key`` only matches after a cue word (قرية، بلدة ...).
The word lists beside it in ``rasd/data/places/`` (stop names, cue words ...) are read here
too.
"""

from __future__ import annotations

import gzip
import os
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path

from rasd.knowledge.place_kinds import COUNTRIES
from rasd.knowledge.place_names import KeyVariants, name_key
from rasd.knowledge.places import GazetteerError, Place
from rasd.text.normalize import fold

COLUMNS = (
    "id",
    "kind",
    "iso",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "radius_km",
    "source",
    "name",
    "name_ar",
    "keys",
)


def user_dir() -> Path:
    """Where imported places live: ``$RASD_HOME/gazetteer`` or ``~/.local/share/rasd/gazetteer``."""
    if os.environ.get("RASD_HOME"):
        return Path(os.environ["RASD_HOME"]) / "gazetteer"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "rasd" / "gazetteer"


USER_COUNTRIES = "countries.txt"  # in the user's gazetteer folder: "ISO<TAB>name" lines


def user_countries() -> dict[str, str]:
    """The countries of countries.tsv and those the user's imports added (an import of a
    country rasd does not know names it)."""
    out = dict(COUNTRIES)
    path = user_dir() / USER_COUNTRIES
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            iso, _, name = line.partition("\t")
            if iso.strip() and name.strip():
                out.setdefault(iso.strip(), name.strip())
    return out


def add_user_country(iso: str, name: str) -> None:
    """Remember a country an import named, for the places of later loads."""
    if user_countries().get(iso) == name:
        return
    path = user_dir() / USER_COUNTRIES
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"{iso}\t{name}\n")


def shipped_path() -> Path:
    return Path(str(resources.files("rasd") / "data" / "gazetteer.tsv.gz"))


def data_path(name: str) -> Path:
    return Path(str(resources.files("rasd") / "data" / "places" / name))


def read_rows(path: Path) -> Iterator[list[str]]:
    """The rows of a gazetteer file (gzip'd or not), comments and header skipped."""
    try:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip() or line.startswith("#") or line.startswith("id\t"):
                    continue
                row = line.rstrip("\n").split("\t")
                if len(row) != len(COLUMNS):
                    raise GazetteerError(f"{path}:{n}: {len(row)} columns, {len(COLUMNS)} expected")
                yield row
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise GazetteerError(f"{path}: cannot read gazetteer file: {exc}") from exc


def place_of_row(row: list[str], countries: dict[str, str] | None = None) -> Place:
    """The place a row of a gazetteer file describes (its country named from ``countries``,
    by default those of countries.tsv); ValueError for a bad number."""
    iso = row[2] or None
    return Place(
        id=row[0],
        kind=row[1],
        iso=iso,
        country=(countries or COUNTRIES).get(iso) if iso else None,
        admin1=row[3] or None,
        admin2=row[4] or None,
        lat=float(row[5]),
        lon=float(row[6]),
        population=int(row[7]) if row[7] else None,
        radius_km=float(row[8] or 2),
        source=row[9],
        name=row[10],
        name_ar=row[11] or None,
    )


def write_rows(path: Path, rows: Iterable[tuple[Place, Iterable[str]]], header: str = "") -> int:
    """Write places with their keys in the gazetteer format; returns the number of rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    opener = gzip.open if path.suffix == ".gz" else open
    n = 0
    with opener(path, "wt", encoding="utf-8") as fh:
        for line in header.splitlines():
            fh.write(f"# {line}\n")
        fh.write("\t".join(COLUMNS) + "\n")
        for p, keys in rows:
            cells = (
                p.id,
                p.kind,
                p.iso or "",
                p.admin1 or "",
                p.admin2 or "",
                f"{p.lat:.5f}",
                f"{p.lon:.5f}",
                "" if p.population is None else str(p.population),
                f"{p.radius_km:g}",
                p.source,
                p.name,
                p.name_ar or "",
                "|".join(keys),
            )
            fh.write("\t".join(c.replace("\t", " ") for c in cells) + "\n")
            n += 1
    return n


def read_word_list(path: Path) -> set[str]:
    """A one-word-or-phrase-a-line file, ``#`` comments; returns the name keys."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(name_key(line))
    return out


def read_key_variants() -> KeyVariants:
    """The variants of the shipped word lists (joined_prefixes.txt, variant_spellings.txt,
    variant_endings.txt)."""
    return KeyVariants(
        read_word_list(data_path("joined_prefixes.txt")),
        read_spellings(data_path("variant_spellings.txt")),
        read_endings(data_path("variant_endings.txt")),
    )


def read_endings(path: Path) -> list[tuple[str, str]]:
    """Pairs of word endings a line, two apart by a space (``#`` comments): a name's last
    word with the first ending is also found with the second."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = fold(line.split("#", 1)[0]).split()
        if len(fields) == 2:
            out.append((fields[0], fields[1]))
        elif fields:
            raise GazetteerError(f"{path}:{n}: expected two endings, got {len(fields)}")
    return out


def read_spellings(path: Path) -> dict[str, tuple[str, ...]]:
    """Groups of Latin spellings of one word a line (``#`` comments): each word -> the
    others."""
    out: dict[str, tuple[str, ...]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        group = fold(line.split("#", 1)[0]).split()
        for word in group:
            out[word] = tuple(w for w in group if w != word)
    return out


def read_cues(path: Path) -> dict[str, str]:
    """Cue words before a name (مدينة، قاعدة، airport ...) -> the kind of place they announce."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            out[name_key(word)] = kind.strip()
    return out


def gazetteer_info() -> str:
    """Attribution and licences of the shipped gazetteer (ATTRIBUTION.md)."""
    return data_path("ATTRIBUTION.md").read_text(encoding="utf-8")
