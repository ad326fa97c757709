"""Building the shipped gazetteer and importing extra places.

``build_gazetteer`` reads the open sources in ``shared/data`` (OpenSyria admin units, OCHA Iraq
admin units, GeoNames cities500 for the region) and the project's curated list into one file,
``rasd/data/gazetteer.tsv.gz``. ``import_geonames`` and ``import_ocha_places`` turn a GeoNames
country dump or an OCHA populated-places CSV into a file of the same format in the user data
dir (see :func:`rasd.knowledge.gazetteer.user_dir`), which :meth:`Gazetteer.load` then
reads as well.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from rasd.knowledge.gazetteer import (
    COUNTRIES,
    Gazetteer,
    GazetteerError,
    Place,
    data_path,
    haversine_km,
    name_key,
    shipped_path,
    user_dir,
    write_rows,
)
from rasd.text.normalize import fold, is_arabic

Progress = Callable[[str], None] | None

HEADER = """rasd gazetteer, built by rasd.knowledge.gazetteer_build from:
OpenSyria data-geography (CC BY 4.0), OCHA Iraq COD-AB / Iraq CSO (CC BY-IGO 3.0),
GeoNames cities500 (CC BY 4.0, geonames.org) and the rasd curated list (CC BY 4.0).
See rasd/data/places/ATTRIBUTION.md."""

_SETTLEMENTS = frozenset({"city", "town", "village"})
_RADIUS = {"admin1": 50.0, "admin2": 20.0, "admin3": 8.0, "city": 4.0, "town": 2.0, "village": 1.5}
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʿʾ‘ .-]{2,}$")
_MARKAZ = re.compile(r"^(مركز|ناحية|قضاء|منطقة|markaz|center of)\s+", re.IGNORECASE)


@dataclass
class BuildReport:
    out: Path
    places: int = 0
    by_source: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    merged: int = 0  # curated towns merged into the GeoNames entry at the same place
    guarded: int = 0  # names that only count after a cue word (common words)
    size_bytes: int = 0


@dataclass
class ImportReport:
    source: Path
    out: Path
    read: int = 0
    kept: int = 0
    with_arabic: int = 0
    skipped: dict[str, int] = field(default_factory=dict)


class _Entry:
    """A place being built and every name it is known by."""

    __slots__ = ("place", "names", "curated")

    def __init__(self, place: Place, names: Iterable[str], curated: bool = False):
        self.place = place
        self.names = [n.strip() for n in dict.fromkeys(names) if n and n.strip()]
        self.curated = curated  # names reviewed by hand: never guarded automatically

    @property
    def open_names(self) -> bool:
        """Names that are never guarded automatically: curated, administrative or big places."""
        return (
            self.curated
            or self.place.kind in ("admin1", "admin2")
            or (self.place.population or 0) >= 100_000
        )

    def keys(self, guard: set[str]) -> list[str]:
        out = []
        for name in self.names:
            key = name_key(name)
            if key and key not in out and f"!{key}" not in out:
                out.append(f"!{key}" if key in guard else key)
        return out


# ---------------------------------------------------------------- tables


def admin1_table() -> dict[tuple[str, str], str]:
    """(scheme, code) -> ACLED-style admin1 name, from data/places/admin1.tsv."""
    out = {}
    for line in data_path("admin1.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            scheme, code, name = line.split("\t")
            out[(scheme, code)] = name
    return out


def _variants(name: str) -> list[str]:
    """A name plus the form without a leading مركز / ناحية / Markaz ("مركز الشدادي" -> الشدادي)."""
    bare = _MARKAZ.sub("", name)
    return [name, bare] if bare != name else [name]


def _split(cell: str | None) -> list[str]:
    return [x for x in (cell or "").split("|") if x.strip()]


def _latin_ok(name: str) -> bool:
    """A Latin alternate name worth keeping: capitalised, Latin letters, not an all-caps code."""
    return bool(_LATIN_NAME.match(name)) and not name.isupper()


# ---------------------------------------------------------------- sources


def _opensyria(path: Path, admin1: dict) -> list[_Entry]:
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    by_id = {r["id"]: r for r in rows}
    out = []
    for r in rows:
        level = int(r["level"])
        pcode = r["ocha_pcode"]
        parent = by_id.get(r["parent_id"])
        admin2 = (
            r["name_en"] if level == 2 else (parent["name_en"] if level == 3 and parent else None)
        )
        kind = f"admin{level}"
        place = Place(
            id=f"ocha:{pcode}",
            name=r["name_en"],
            name_ar=r["name_ar"],
            kind=kind,
            lat=float(r["latitude"]),
            lon=float(r["longitude"]),
            country="Syria",
            iso="SY",
            admin1=admin1[("ocha", pcode[:4])],
            admin2=admin2,
            population=int(r["population"]) if r["population"] else None,
            radius_km=_RADIUS[kind],
            source="opensyria",
        )
        names = [*_variants(r["name_ar"]), *_variants(r["name_en"])]
        for alias in _split(r["aliases_ar"]):
            names.extend(_variants(alias))
        for alias in _split(r["aliases_en"]):
            if alias[:1].isupper() or alias.startswith("al-"):
                names.extend(_variants(alias))
        if level == 1:
            names.append(admin1[("ocha", pcode[:4])])
        out.append(_Entry(place, names))
    return out


def _ocha_iraq(path: Path, admin1: dict) -> list[_Entry]:
    out = []
    for r in csv.DictReader(path.open(encoding="utf-8")):
        level = int(r["level"])
        kind = f"admin{level}"
        name1 = admin1[("ocha", r["pcode"][:5])]
        admin2 = r["name_en"] if level == 2 else (r["adm2_en"] or None)
        place = Place(
            id=f"ocha:{r['pcode']}",
            name=r["name_en"],
            name_ar=r["name_ar"],
            kind=kind,
            lat=float(r["latitude"]),
            lon=float(r["longitude"]),
            country="Iraq",
            iso="IQ",
            admin1=name1,
            admin2=admin2 if level > 1 else None,
            radius_km=_RADIUS[kind],
            source="ocha-iraq",
        )
        names = [*_variants(r["name_ar"]), *_variants(r["name_en"])]
        if level == 1:
            names += [name1, f"محافظة {r['name_ar']}", f"{name1} Governorate", f"{name1} province"]
        out.append(_Entry(place, names))
    return out


def _geonames_place(
    gid: str,
    name: str,
    iso: str,
    code: str,
    lat: float,
    lon: float,
    population: int | None,
    admin1: dict,
    kind: str | None = None,
) -> Place | None:
    a1 = admin1.get(("geonames", f"{iso}.{code}"))
    if a1 is None and iso == "TR":
        return None  # Turkey: border provinces only
    if iso == "IL" and code == "WE":
        iso = "PS"  # settlements in the West Bank
    pop = population or 0
    kind = kind or ("city" if pop >= 100_000 else "town" if pop >= 5_000 else "village")
    return Place(
        id=f"geonames:{gid}",
        name=name,
        name_ar=None,
        kind=kind,
        lat=lat,
        lon=lon,
        country=COUNTRIES.get(iso),
        iso=iso,
        admin1=a1,
        population=population or None,
        radius_km=_RADIUS.get(kind, 2.0),
        source="geonames",
    )


def _cities500(path: Path, admin1: dict) -> list[_Entry]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            place = _geonames_place(
                r["geonameid"],
                r["name"],
                r["countrycode"],
                r["admin1code"],
                float(r["latitude"]),
                float(r["longitude"]),
                int(r["population"] or 0),
                admin1,
            )
            if place is None:
                continue
            arabic = _split(r["names_ar"])
            place = replace(place, name_ar=arabic[0] if arabic else None)
            latin = [n for n in _split(r["alternatenames"]) if _latin_ok(n)]
            out.append(_Entry(place, [r["name"], *arabic, *latin]))
    return out


def _curated(path: Path) -> tuple[list[_Entry], dict[str, list[str]]]:
    """The curated places, and the extra names ("alias" rows) for places of the sources."""
    out, aliases = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 10)[:10]
        slug, kind, iso, admin1, lat, lon, radius, name, name_ar, variants = cells
        if kind == "alias":
            aliases[slug.lstrip("=")] = _split(variants)
            continue
        try:
            place = Place(
                id=f"curated:{slug}",
                name=name,
                name_ar=name_ar or None,
                kind=kind,
                lat=float(lat),
                lon=float(lon),
                country=COUNTRIES.get(iso),
                iso=iso or None,
                admin1=admin1 or None,
                radius_km=float(radius or 2),
                source="curated",
            )
        except ValueError as exc:
            raise GazetteerError(f"{path}:{n}: {exc}") from exc
        out.append(_Entry(place, [name, name_ar, *_split(variants)], curated=True))
    return out, aliases


def common_words(shared_data: Path) -> set[str]:
    """Arabic words of the UniversalPetrarch dictionaries (general vocabulary): a place name
    that is one of them only counts after a cue word."""
    folder = shared_data / "universalpetrarch-arabic"
    words: set[str] = set()
    for name in ("CAMEO.ar.0.5.txt", "agents.all.ar.txt", "synsets.ar.txt"):
        if (folder / name).exists():
            text = (folder / name).read_text(encoding="utf-8", errors="replace")
            words.update(re.findall("[\u0621-\u064a]{3,}", fold(text)))
    return {name_key(w) for w in words}


# ---------------------------------------------------------------- build


def build_gazetteer(
    shared_data: Path,
    out: Path | None = None,
    curated: Path | None = None,
    progress: Progress = None,
) -> BuildReport:
    """Build the gazetteer file from ``shared_data`` (the folders described in its
    SOURCES.md) and the curated list; returns counts per source and country."""
    say = progress or (lambda _msg: None)
    out = out or shipped_path()
    admin1 = admin1_table()
    sources = {
        "opensyria": shared_data / "opensyria-geography" / "syria_admin_ar.csv",
        "ocha-iraq": shared_data / "ocha-iraq-admin" / "iraq_admin_ar.csv",
        "geonames": shared_data / "geonames-cities500-region" / "geonames_cities500_region.tsv",
    }
    for label, path in sources.items():
        if not path.exists():
            raise GazetteerError(f"{path}: missing source file for {label}")
    say("reading OpenSyria and OCHA Iraq admin units")
    entries = _opensyria(sources["opensyria"], admin1) + _ocha_iraq(sources["ocha-iraq"], admin1)
    say("reading GeoNames cities500")
    towns = _cities500(sources["geonames"], admin1)
    _fill_admin2(towns, entries)
    say("reading the curated list")
    cur, aliases = _curated(curated or data_path("curated.tsv"))
    report = BuildReport(out=out)
    cur = _merge_curated(cur, towns, report)
    _fill_admin1(cur, entries + towns)
    entries += towns + cur
    for e in entries:
        if e.place.id in aliases:
            e.names.extend(aliases.pop(e.place.id))
            e.curated = True
    if aliases:
        raise GazetteerError(f"curated aliases for unknown places: {', '.join(sorted(aliases))}")

    open_keys = {name_key(n) for e in entries if e.open_names for n in e.names}
    guard = common_words(shared_data) - open_keys
    rows = []
    for e in entries:
        keys = e.keys(set() if e.open_names else guard)
        report.guarded += sum(k.startswith("!") for k in keys)
        rows.append((e.place, keys))
        report.by_source[e.place.source] = report.by_source.get(e.place.source, 0) + 1
        country = e.place.country or "-"
        report.by_country[country] = report.by_country.get(country, 0) + 1
    say(f"writing {out}")
    report.places = write_rows(out, rows, HEADER)
    report.size_bytes = out.stat().st_size
    return report


def _fill_admin2(towns: list[_Entry], admins: list[_Entry]) -> None:
    """Admin2 of Syrian and Iraqi towns: that of the nearest admin3/admin2 centroid in the
    same admin1."""
    probes: dict[str | None, list[Place]] = {}
    for e in admins:
        if e.place.kind in ("admin2", "admin3"):
            probes.setdefault(e.place.admin1, []).append(e.place)
    for e in towns:
        near = probes.get(e.place.admin1) if e.place.iso in ("SY", "IQ") else None
        if near:
            best = min(near, key=lambda p: haversine_km(e.place.lat, e.place.lon, p.lat, p.lon))
            e.place = replace(e.place, admin2=best.admin2)


def _fill_admin1(cur: list[_Entry], known: list[_Entry]) -> None:
    gaz = Gazetteer()
    for e in known:
        gaz.add(e.place, ())
    for e in cur:
        p = e.place
        if p.iso and p.kind != "country" and (p.admin1 is None or p.admin2 is None):
            a1, a2 = gaz.nearest_admin1(p.lat, p.lon, p.iso)
            if p.admin1 is None or p.admin1 == a1:
                e.place = replace(p, admin1=p.admin1 or a1, admin2=a2)


def _merge_curated(cur: list[_Entry], towns: list[_Entry], report: BuildReport) -> list[_Entry]:
    """A curated town that GeoNames has (a shared name, within 6 km) only adds its names and
    admin1 to the GeoNames entry."""
    by_key: dict[str, list[_Entry]] = {}
    for t in towns:
        for name in t.names:
            by_key.setdefault(name_key(name), []).append(t)
    kept = []
    for e in cur:
        twin = None
        if e.place.kind in _SETTLEMENTS:
            for name in e.names:
                for t in by_key.get(name_key(name), ()):
                    if haversine_km(e.place.lat, e.place.lon, t.place.lat, t.place.lon) < 6:
                        twin = t
                        break
                if twin:
                    break
        if twin is None:
            kept.append(e)
            continue
        twin.names.extend(n for n in e.names if n not in twin.names)
        twin.curated = True
        twin.place = replace(
            twin.place,
            admin1=e.place.admin1 or twin.place.admin1,
            name_ar=twin.place.name_ar or e.place.name_ar,
        )
        report.merged += 1
    return kept


# ---------------------------------------------------------------- imports

_GEONAMES_COLUMNS = 19
_GEONAMES_FEATURES = {
    "AIRP": "airport",
    "AIRB": "base",
    "AIRF": "airport",
    "MILB": "base",
    "INSM": "base",
    "DAM": "dam",
    "CMP": "camp",
    "CMPRF": "camp",
    "OILF": "oilfield",
    "GASF": "oilfield",
    "PRN": "prison",
    "PSTB": "crossing",
    "PRT": "port",
    "PPLX": "neighbourhood",
    "RGN": "region",
    "MT": "region",
    "MTS": "region",
    "ISL": "region",
    "VAL": "region",
    "PLN": "region",
}


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
        place = _geonames_place(
            cells[0], cells[1], cells[8], cells[10], lat, lon, pop, admin1, kind
        )
        if place is None:
            report.skipped["province"] = report.skipped.get("province", 0) + 1
            continue
        alternates = _split(cells[3].replace(",", "|"))
        arabic = [a for a in alternates if is_arabic(a)]
        latin = [a for a in alternates if _latin_ok(a)]
        place = replace(place, name_ar=arabic[0] if arabic else None)
        report.with_arabic += bool(arabic)
        rows.append((place, _Entry(place, [cells[1], cells[2], *arabic, *latin]).keys(set())))
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
        rows.append((place, _Entry(place, [name_en, name_ar]).keys(set())))
        if n % 5000 == 0:
            say(f"{n} rows read")
    report.kept = write_rows(dest, rows, f"OCHA populated places (CC BY-IGO 3.0), {path.name}")
    return report
