"""Importing extra places: a GeoNames country dump or an OCHA populated-places CSV.

``import_geonames`` and ``import_ocha_places`` turn the file into one of the gazetteer format
in the user data dir (see :func:`rasd.knowledge.gazetteer_files.user_dir`), which
:meth:`Gazetteer.load` then reads after the shipped file. The GeoNames feature codes taken
besides populated places, and the kind each becomes, are read from
``rasd/data/places/geonames_features.tsv``.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rasd.knowledge.files import DataSource, data_file
from rasd.knowledge.gazetteer_files import user_dir, write_rows
from rasd.knowledge.gazetteer_sources import (
    PlaceEntry,
    admin1_table,
    geonames_place,
    latin_ok,
    split_cell,
)
from rasd.knowledge.place_kinds import COUNTRIES, KINDS
from rasd.knowledge.places import GazetteerError, Place
from rasd.text.normalize import is_arabic

Progress = Callable[[str], None] | None


@dataclass
class ImportReport:
    source: Path
    out: Path
    read: int = 0
    kept: int = 0
    with_arabic: int = 0
    skipped: dict[str, int] = field(default_factory=dict)


def read_geonames_features(source: DataSource) -> dict[str, str]:
    """GeoNames feature code -> gazetteer kind, from a file like
    ``data/places/geonames_features.tsv``; :class:`GazetteerError` naming it when malformed."""
    try:
        text = source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{source}: cannot read the GeoNames features: {exc}") from exc
    out = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 2 or not all(cells):
            raise GazetteerError(f"{source}:{n}: expected a feature code and a kind")
        if cells[1] not in KINDS.ranks:
            raise GazetteerError(f"{source}:{n}: {cells[1]!r} is not a kind of kinds.yaml")
        out[cells[0]] = cells[1]
    return out


_GEONAMES_COLUMNS = 19
_GEONAMES_FEATURES = read_geonames_features(data_file("places", "geonames_features.tsv"))


def import_geonames(
    path: Path, dest_dir: Path | None = None, progress: Progress = None
) -> ImportReport:
    """Import a GeoNames country dump (``SY.zip`` or the unzipped ``SY.txt``): populated
    places (class P) and the sites conflict news names (airports, bases, dams, camps, oil
    fields, prisons, border posts ...). Arabic names are the Arabic-script alternates."""
    say = progress or (lambda _msg: None)
    dest = (dest_dir or user_dir()) / f"geonames-{path.stem}.tsv.gz"
    report = ImportReport(source=path, out=dest)
    admin1 = admin1_table()
    rows = []
    for n, cells in enumerate(_geonames_lines(path), 1):
        report.read += 1
        if len(cells) != _GEONAMES_COLUMNS:
            raise GazetteerError(
                f"{path}: line {n} has {len(cells)} columns, "
                f"{_GEONAMES_COLUMNS} expected (GeoNames dump format)"
            )
        fclass, fcode = cells[6], cells[7]
        kind = None if fclass == "P" else _GEONAMES_FEATURES.get(fcode)
        if fclass != "P" and kind is None:
            report.skipped["feature"] = report.skipped.get("feature", 0) + 1
            continue
        if fcode in ("PPLA", "PPLC") and kind is None:
            kind = "city"
        try:
            lat, lon, pop = float(cells[4]), float(cells[5]), int(cells[14] or 0)
        except ValueError as exc:
            raise GazetteerError(f"{path}: line {n}: bad number: {exc}") from exc
        place = geonames_place(cells[0], cells[1], cells[8], cells[10], lat, lon, pop, admin1, kind)
        if place is None:
            report.skipped["province"] = report.skipped.get("province", 0) + 1
            continue
        alternates = split_cell(cells[3].replace(",", "|"))
        arabic = [a for a in alternates if is_arabic(a)]
        latin = [a for a in alternates if latin_ok(a)]
        place = replace(place, name_ar=arabic[0] if arabic else None)
        report.with_arabic += bool(arabic)
        rows.append((place, PlaceEntry(place, [cells[1], cells[2], *arabic, *latin]).keys(set())))
        if n % 50_000 == 0:
            say(f"{n} lines read")
    report.kept = write_rows(dest, rows, f"GeoNames (CC BY 4.0, geonames.org), from {path.name}")
    return report


def _geonames_lines(path: Path) -> Iterable[list[str]]:
    if not path.exists():
        raise GazetteerError(f"{path}: no such file")
    try:
        if path.suffix.lower() == ".zip":
            if not zipfile.is_zipfile(path):
                raise GazetteerError(f"{path}: not a zip file")
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n]
                if not names:
                    raise GazetteerError(f"{path}: the zip holds no GeoNames .txt file")
                with zf.open(names[0]) as fh:
                    for line in io.TextIOWrapper(fh, encoding="utf-8"):
                        if line.strip():
                            yield line.rstrip("\n").split("\t")
        else:
            with path.open(encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        yield line.rstrip("\n").split("\t")
    except (OSError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from exc


_OCHA_REQUIRED = ("admin1pcode", "latitude", "longitude")
_OCHA_NAME_LEVELS = ("admin4", "admin3", "admin2")


def import_ocha_places(
    path: Path, dest_dir: Path | None = None, progress: Progress = None
) -> ImportReport:
    """Import an OCHA populated-places CSV (HDX ``syr_pplp``-style: admin1Name_en, admin1Pcode,
    ..., admin4Name_en, admin4Name_ar, admin4Pcode, longitude, latitude). Headers are matched
    case-insensitively; a missing required column raises :class:`GazetteerError`."""
    say = progress or (lambda _msg: None)
    dest = (dest_dir or user_dir()) / f"ocha-{path.stem}.tsv.gz"
    report = ImportReport(source=path, out=dest)
    admin1 = admin1_table()
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from exc
    reader = csv.DictReader(io.StringIO(text))
    header = {(h or "").strip().lower().replace(" ", "_"): h for h in reader.fieldnames or []}
    level = next(
        (lv for lv in _OCHA_NAME_LEVELS if f"{lv}name_en" in header and f"{lv}pcode" in header),
        None,
    )
    missing = [c for c in _OCHA_REQUIRED if c not in header]
    if level is None:
        missing.append("admin4Name_en + admin4Pcode (or admin3 / admin2)")
    if missing:
        raise GazetteerError(
            f"{path}: not an OCHA populated-places CSV, missing column(s): {', '.join(missing)}"
        )

    def cell(row: dict, name: str) -> str:
        return (row.get(header.get(name.lower(), ""), "") or "").strip()

    rows = []
    for n, row in enumerate(reader, 2):
        report.read += 1
        pcode = cell(row, f"{level}pcode")
        try:
            lat, lon = float(cell(row, "latitude")), float(cell(row, "longitude"))
        except ValueError:
            report.skipped["coordinates"] = report.skipped.get("coordinates", 0) + 1
            continue
        a1code = cell(row, "admin1pcode")
        iso = a1code[:2].upper()
        a1 = admin1.get(("ocha", a1code)) or cell(row, "admin1name_en") or None
        name_en, name_ar = cell(row, f"{level}name_en"), cell(row, f"{level}name_ar")
        if not pcode or not (name_en or name_ar):
            report.skipped["name"] = report.skipped.get("name", 0) + 1
            continue
        place = Place(
            id=f"ocha:{pcode}",
            name=name_en or name_ar,
            name_ar=name_ar or None,
            kind="village",
            lat=lat,
            lon=lon,
            country=COUNTRIES.get(iso),
            iso=iso if iso in COUNTRIES else None,
            admin1=a1,
            admin2=cell(row, "admin2name_en") or None,
            radius_km=1.5,
            source="ocha-pplp",
        )
        report.with_arabic += bool(name_ar)
        rows.append((place, PlaceEntry(place, [name_en, name_ar]).keys(set())))
        if n % 5000 == 0:
            say(f"{n} rows read")
    report.kept = write_rows(dest, rows, f"OCHA populated places (CC BY-IGO 3.0), {path.name}")
    return report
