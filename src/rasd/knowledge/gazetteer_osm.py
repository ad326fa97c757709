"""Importing OpenStreetMap populated places: a GeoJSON export (HOT / Overpass) of the
settlements of a country, with their Arabic names (``name:ar``).

Each feature with a ``place`` tag of a settlement kind (``data/places/osm_places.tsv``) and a
name becomes a place of that country. The country is given by the caller (an ISO 3166-1 code,
with its English name where ``countries.tsv`` lacks it), since such exports carry none; the
admin1 comes from ``is_in:state``-like tags, else from the nearest governorate the gazetteer
knows in that country. The file is written in the gazetteer format to the user data dir,
which :meth:`Gazetteer.load` reads after the shipped file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rasd.knowledge.gazetteer import Gazetteer
from rasd.knowledge.gazetteer_files import (
    add_user_country,
    data_path,
    user_countries,
    user_dir,
    write_rows,
)
from rasd.knowledge.gazetteer_import import ImportReport, Progress
from rasd.knowledge.gazetteer_sources import PlaceEntry, unit_variants
from rasd.knowledge.place_kinds import radius_of
from rasd.knowledge.places import GazetteerError, Place

_ADMIN1_TAGS = ("is_in:state", "addr:state", "is_in:province", "addr:province", "is_in:region")


def read_osm_kinds(path: Path) -> dict[str, str]:
    """OSM ``place`` value -> gazetteer kind (``data/places/osm_places.tsv``)."""
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cells = line.split("\t")
            if len(cells) != 2:
                raise GazetteerError(f"{path}:{n}: expected an OSM place value and a kind")
            out[cells[0].strip()] = cells[1].strip()
    return out


def import_osm_places(
    path: Path,
    country: str,
    country_name: str | None = None,
    dest_dir: Path | None = None,
    progress: Progress = None,
) -> ImportReport:
    """Import the settlements of an OSM GeoJSON file as places of ``country`` (ISO code)."""
    say = progress or (lambda _msg: None)
    iso = country.strip().upper()
    name = country_name or user_countries().get(iso)
    if len(iso) != 2 or not iso.isalpha():
        raise GazetteerError(f"--country {country!r}: expected a two-letter ISO 3166-1 code")
    if name is None:
        raise GazetteerError(
            f"--country {iso}: not a country of countries.tsv; give its English name with "
            "--country-name"
        )
    features = _features(path)
    kinds = read_osm_kinds(data_path("osm_places.tsv"))
    known = Gazetteer.load(user=False)
    dest = (dest_dir or user_dir()) / f"osm-{path.stem}.tsv.gz"
    report = ImportReport(source=path, out=dest)
    rows = []
    for feature in features:
        report.read += 1
        props = feature.get("properties") or {}
        kind = kinds.get(str(props.get("place", "")))
        point = _point(feature.get("geometry"))
        name_en = str(props.get("name:en") or props.get("name") or "").strip()
        name_ar = str(props.get("name:ar") or "").strip()
        if kind is None or point is None or not (name_en or name_ar):
            why = "kind" if kind is None else "coordinates" if point is None else "name"
            report.skipped[why] = report.skipped.get(why, 0) + 1
            continue
        lat, lon = point
        admin1 = next((str(props[t]) for t in _ADMIN1_TAGS if props.get(t)), None)
        if admin1 is None:
            admin1 = known.nearest_admin1(lat, lon, iso)[0]
        osm_id = props.get("osm_id") or feature.get("id") or f"{lat:.5f},{lon:.5f}"
        place = Place(
            id=f"osm:{osm_id}",
            name=name_en or name_ar,
            name_ar=name_ar or None,
            kind=kind,
            lat=lat,
            lon=lon,
            country=name,
            iso=iso,
            admin1=admin1,
            population=_population(props.get("population")),
            radius_km=radius_of(kind),
            source="osm",
        )
        report.with_arabic += bool(name_ar)
        names = [name_en, *unit_variants(name_ar), str(props.get("name") or "")]
        rows.append((place, PlaceEntry(place, names).keys(set())))
        if report.read % 5000 == 0:
            say(f"{report.read} features read")
    if not rows:
        raise GazetteerError(f"{path}: no populated place with a name and a point")
    report.kept = write_rows(dest, rows, f"OpenStreetMap populated places (ODbL), {path.name}")
    add_user_country(iso, name)
    return report


def _features(path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"{path}: not GeoJSON ({exc.msg}, line {exc.lineno})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise GazetteerError(f"{path}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise GazetteerError(f"{path}: a FeatureCollection without a list of features")
    return [f for f in features if isinstance(f, dict)]


def _point(geometry: Any) -> tuple[float, float] | None:
    """(lat, lon) of a Point, or the mean of a polygon's ring (an area drawn as a shape)."""
    if not isinstance(geometry, dict):
        return None
    coords: Any = geometry.get("coordinates")
    try:
        if geometry.get("type") == "Point":
            return float(coords[1]), float(coords[0])
        if geometry.get("type") == "Polygon":
            ring = coords[0]
            return sum(float(c[1]) for c in ring) / len(ring), sum(float(c[0]) for c in ring) / len(
                ring
            )
    except (TypeError, ValueError, IndexError, ZeroDivisionError):
        return None
    return None


def _population(value: Any) -> int | None:
    try:
        return int(str(value).replace(",", "").strip())
    except (TypeError, ValueError):
        return None
