"""The gazetteer: places with Arabic and English names, an index for finding them in tokens.

The shipped file ``rasd/data/gazetteer.tsv.gz`` is built by
:mod:`rasd.knowledge.gazetteer_build` from OpenSyria, OCHA Iraq, GeoNames and the project's
curated list. Places imported by the user (``import_geonames``, ``import_ocha_places``) are
written as files of the same format to the user data dir, ``$RASD_HOME/gazetteer/`` or,
without ``RASD_HOME``, ``$XDG_DATA_HOME/rasd/gazetteer/`` (default
``~/.local/share/rasd/gazetteer/``), and :meth:`Gazetteer.load` reads them after the shipped
file.

File format (TSV, optionally gzip'd, one place a line, ``#`` comments): id, kind, iso, admin1,
admin2, lat, lon, population, radius_km, source, name, name_ar, keys. ``keys`` holds the
matching forms of every name, ``|``-separated, each a space-separated word list as made by
:func:`name_key`; a key written ``!key`` only matches after a cue word (قرية، بلدة ...).
"""

from __future__ import annotations

import gzip
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rasd.model import Span
from rasd.text.normalize import is_arabic_word
from rasd.text.tokens import Token, entry_key, token_keys, tokenize

COUNTRIES = {
    "SY": "Syria",
    "IQ": "Iraq",
    "LB": "Lebanon",
    "JO": "Jordan",
    "TR": "Turkey",
    "IL": "Israel",
    "PS": "Palestine",
    "YE": "Yemen",
    "IR": "Iran",
    "SA": "Saudi Arabia",
    "EG": "Egypt",
    "KW": "Kuwait",
    "DJ": "Djibouti",
    "ER": "Eritrea",
    "OM": "Oman",
}
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
POINT_KINDS = frozenset(
    {
        "city",
        "town",
        "village",
        "base",
        "airport",
        "oilfield",
        "crossing",
        "dam",
        "prison",
        "camp",
        "neighbourhood",
        "port",
        "site",
    }
)
AREA_KINDS = frozenset({"country", "admin1", "region", "sea"})


class GazetteerError(Exception):
    """A gazetteer file or an import source that cannot be used; the message names the file."""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    name_ar: str | None
    kind: str
    lat: float
    lon: float
    country: str | None
    iso: str | None
    admin1: str | None = None
    admin2: str | None = None
    population: int | None = None
    radius_km: float = 2.0
    source: str = ""


@dataclass
class PlaceMention:
    """A toponym in the text, its candidate places and, once resolved, the chosen one."""

    span: Span
    candidates: list[Place]
    place: Place | None = None
    geo_precision: int = 1  # 1 the place itself, 2 near it or part of it, 3 a region
    relation: str | None = None  # "west of", "countryside of", "near", "road between", ...
    text: str = ""
    cue: str | None = None  # the kind a cue word before the name asks for: "base", "admin1" ...
    first: int = field(default=0, repr=False)  # token indices of the name
    last: int = field(default=0, repr=False)


# ---------------------------------------------------------------- name keys

_SUN = {
    "al": "",
    "el": "",
    "ad": "d",
    "ed": "d",
    "adh": "dh",
    "ar": "r",
    "er": "r",
    "as": "s",
    "es": "s",
    "ash": "sh",
    "esh": "sh",
    "at": "t",
    "et": "t",
    "ath": "th",
    "az": "z",
    "ez": "z",
    "an": "n",
    "en": "n",
}
_GLUED = re.compile(r"^[ae]zz")
_APOSTROPHES = re.compile("['ʿʾ‘’`´]")


def latin_word(norm: str) -> str:
    """A folded Latin word as place names are keyed: no accents or apostrophes, no 's."""
    if norm.endswith("'s"):
        norm = norm[:-2]
    if not norm.isascii():
        norm = "".join(
            c for c in unicodedata.normalize("NFKD", norm) if not unicodedata.combining(c)
        )
    norm = _APOSTROPHES.sub("", norm)
    return norm[2:] if _GLUED.match(norm) else norm


def _skippable(tokens: list[Token], i: int) -> bool:
    """Latin tokens a name key leaves out: hyphens between words, the article al/el and its
    assimilated forms (ez-Zor, ar-Raqqa, at-Tanf)."""
    norm = tokens[i].norm
    if is_arabic_word(norm):
        return False
    j = i + 1
    if norm != "-" and j < len(tokens) and tokens[j].norm == "-":
        j += 1
    nxt = tokens[j].norm if j < len(tokens) else ""
    if not nxt[:1].isalpha() or is_arabic_word(nxt):
        return False
    if norm == "-":
        prev = tokens[i - 1].norm if i else ""
        return prev[-1:].isalnum() and not is_arabic_word(prev)
    return norm in _SUN and nxt.startswith(_SUN[norm])


def name_key(name: str) -> str:
    """The matching form of a place name: folded words, Arabic article and Latin articles
    and hyphens off, space-separated. ``"Deir ez-Zor"`` -> ``"deir zor"``; ``"دير الزور"``
    -> ``"دير زور"``."""
    tokens = tokenize(name)
    words = []
    for i, tok in enumerate(tokens):
        if is_arabic_word(tok.norm):
            words.append(tok.norm if len(entry_key(tok.norm)) < 3 else entry_key(tok.norm))
        elif not _skippable(tokens, i):
            words.append(latin_word(tok.norm))
    return " ".join(w for w in words if w)


# ---------------------------------------------------------------- files


def user_dir() -> Path:
    """Where imported places live: ``$RASD_HOME/gazetteer`` or ``~/.local/share/rasd/gazetteer``."""
    if os.environ.get("RASD_HOME"):
        return Path(os.environ["RASD_HOME"]) / "gazetteer"
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "rasd" / "gazetteer"


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


def read_cues(path: Path) -> dict[str, str]:
    """Cue words before a name (مدينة، قاعدة، airport ...) -> the kind of place they announce."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, kind = line.split("\t")
            out[name_key(word)] = kind.strip()
    return out


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (
        math.sin((p2 - p1) / 2) ** 2
        + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 12742 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------- the gazetteer


@dataclass(frozen=True)
class NameMatch:
    first: int  # token indices, last exclusive
    last: int
    key: str
    candidates: list[Place]
    cue: str | None  # kind announced by the cue word just before, if any
    guarded: bool  # a common word: only a place after a cue


_OPENERS = {'"', "«", "“", "(", "'", "„"}


def _open(place: Place) -> bool:
    """A place whose name is matched even where it is also a frequent word. Arabic names of
    Turkish towns are often old common words (السويدية is Samandağ), so only big ones."""
    big = 500_000 if place.iso == "TR" else 50_000
    return place.kind in ("country", "admin1", "admin2") or (place.population or 0) >= big


class Gazetteer:
    """Places and a name index over them (Arabic and English names and variants)."""

    def __init__(self, stop_names: set[str] | None = None, cues: dict[str, str] | None = None):
        self.places: list[Place] = []
        self.files: list[Path] = []
        self._by_id: dict[str, Place] = {}
        self._by_key: dict[str, list[Place]] = {}
        self._names: _Trie = {}  # name keys word by word; _END marks a whole name
        self._guarded: set[str] = set(stop_names or ())
        self.cues: dict[str, str] = dict(cues or {})
        self._common: set[str] = set()  # frequent words: never read as clitic + name
        self._joinable: set[str] = read_word_list(data_path("joined_prefixes.txt"))
        # per word form: (Latin?, its keys, the names that may begin with it)
        self._unit_keys: dict[str, tuple[bool, frozenset[str], _Heads]] = {}
        self._ranked: dict[str, list[Place]] = {}

    @classmethod
    def load(cls, path: Path | None = None, user: bool = True) -> Gazetteer:
        """The shipped gazetteer (or ``path``), plus the user's imported files when ``user``."""
        gaz = cls(read_word_list(data_path("stop_names.txt")), read_cues(data_path("cues.tsv")))
        gaz.add_file(path or shipped_path())
        folder = user_dir()
        if user and path is None and folder.is_dir():
            for extra in sorted(folder.glob("*.tsv*")):
                gaz.add_file(extra)
        gaz.guard_common_words(read_word_list(data_path("common_words_ar.txt")))
        return gaz

    def guard_common_words(self, words: set[str]) -> None:
        """One-word names that are frequent words count only after a cue word, unless a
        governorate, a district or a large town bears them."""
        self._common = words
        self._unit_keys.clear()
        for key in words & self._by_key.keys():
            if not any(_open(place) for place in self._by_key[key]):
                self._guarded.add(key)

    def add_file(self, path: Path) -> int:
        if not path.exists():
            raise GazetteerError(f"{path}: no such gazetteer file")
        n = 0
        for row in read_rows(path):
            try:
                place = _place(row)
            except ValueError as exc:
                raise GazetteerError(f"{path}: bad row for {row[0]}: {exc}") from exc
            self.add(place, row[12].split("|") if row[12] else ())
            n += 1
        self.files.append(path)
        return n

    def add(self, place: Place, keys: Iterable[str]) -> None:
        """Index ``place`` under ``keys`` (from :func:`name_key`; ``!key`` needs a cue)."""
        self._ranked.clear()
        self._unit_keys.clear()
        if place.id in self._by_id:  # a later file overrides an earlier one
            self.places.remove(self._by_id[place.id])
            for ps in self._by_key.values():
                if self._by_id[place.id] in ps:
                    ps.remove(self._by_id[place.id])
        self.places.append(place)
        self._by_id[place.id] = place
        for key in self._with_joined(keys):
            if key.startswith("!"):
                key = key[1:]
                self._guarded.add(key)
            if not key or key in self.cues:
                continue
            words = tuple(key.split(" "))
            if len(words) == 1 and len(key) < 3:
                continue
            bucket = self._by_key.setdefault(key, [])
            if place not in bucket:
                bucket.append(place)
            node = self._names
            for word in words:
                node = node.setdefault(word, {})
            node[_END] = {}

    def _with_joined(self, keys: Iterable[str]) -> list[str]:
        """The keys, plus "كفرنبل" for "كفر نبل" where the first word is one writers join."""
        out = list(keys)
        for key in list(out):
            words = key.lstrip("!").split(" ")
            if len(words) >= 2 and words[0] in self._joinable:
                joined = " ".join([words[0] + words[1], *words[2:]])
                out.append(("!" if key.startswith("!") else "") + joined)
        return out

    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (any spelling the index knows, clitics and article allowed)."""
        hits = self._by_key.get(name_key(name))
        if hits is None:
            tokens = tokenize(name)
            found = self.matches(tokens, capitals=False)
            if len(found) == 1 and found[0].first == 0 and found[0].last == len(tokens):
                return found[0].candidates
        return _ranked(hits or [])

    def matches(self, tokens: list[Token], capitals: bool = True) -> list[NameMatch]:
        """Place names in ``tokens``, longest first, not overlapping (guarded ones included).
        With ``capitals``, an English name must begin with a capital letter."""
        units = self._units(tokens)
        out = []
        i = 0
        while i < len(units):
            best = None  # (n units, key length, key)
            for key, node in units[i][2]:  # longest key first
                tails: list[tuple[str, ...]] = []
                _complete_names(node, units, i + 1, [], tails)
                if not tails:
                    continue
                tail = min(tails, key=lambda t: (-len(t), t))
                if best is None or (len(tail) + 1, len(key)) > best[:2]:
                    best = (len(tail) + 1, len(key), " ".join((key, *tail)))
            if best is None:
                i += 1
                continue
            first, last = units[i][0], units[i + best[0] - 1][0] + 1
            lead = tokens[first].text
            if capitals and not is_arabic_word(tokens[first].norm) and not lead[:1].isupper():
                i += 1  # English place names are capitalised
                continue
            out.append(
                NameMatch(
                    first,
                    last,
                    best[2],
                    self._ranked_by_key(best[2]),
                    self._cue_before(tokens, first),
                    best[2] in self._guarded,
                )
            )
            i += best[0]
        return out

    def find(self, tokens: list[Token]) -> list[PlaceMention]:
        """Place names in ``tokens`` as unresolved mentions; common words only after a cue."""
        out = []
        for m in self.matches(tokens):
            if m.guarded and m.cue is None:
                continue
            start, end = tokens[m.first].start, tokens[m.last - 1].end
            text = tokens[m.first].text + "".join(
                " " * (t.start - p.end) + t.text
                for p, t in zip(
                    tokens[m.first : m.last - 1], tokens[m.first + 1 : m.last], strict=True
                )
            )
            out.append(
                PlaceMention(
                    Span(start, end, text),
                    m.candidates,
                    text=text,
                    cue=m.cue,
                    first=m.first,
                    last=m.last,
                )
            )
        return out

    def _ranked_by_key(self, key: str) -> list[Place]:
        ranked = self._ranked.get(key)
        if ranked is None:
            ranked = self._ranked[key] = _ranked(self._by_key[key])
        return ranked

    def _units(self, tokens: list[Token]) -> list[tuple[int, frozenset[str], _Heads]]:
        """Per token kept for matching: its index, the keys it may stand for (Arabic:
        clitics off one by one, unless the whole word is a frequent word, as فرقه "its
        teams" is not ف + الرقة; Latin: one key, articles and hyphens skipped), and the
        names that may begin with it: (key, tails), longest key first. Remembered per word
        form."""
        out = []
        for i, tok in enumerate(tokens):
            form = self._unit_keys.get(tok.norm)
            if form is None:
                form = self._unit_keys[tok.norm] = self._word_form(tok.norm)
            latin, keys, heads = form
            if not latin or not _skippable(tokens, i):
                out.append((i, keys, heads))
        return out

    def _word_form(self, norm: str) -> tuple[bool, frozenset[str], _Heads]:
        keys = _unit_keys(norm, self._common)
        latin = not keys
        if latin:
            keys = (latin_word(norm),)
        heads = tuple((key, self._names[key]) for key in keys if key in self._names)
        return latin, frozenset(keys), heads

    def cue_of(self, token: Token) -> str | None:
        for key in (
            token_keys(token.norm) if is_arabic_word(token.norm) else {latin_word(token.norm)}
        ):
            if key in self.cues:
                return self.cues[key]
        return None

    def _cue_before(self, tokens: list[Token], first: int) -> str | None:
        """The cue word before a name, past an opening quote or bracket: قاعدة "تقدم"."""
        at = first - 1
        while at >= 0 and tokens[at].text in _OPENERS:
            at -= 1
        return self.cue_of(tokens[at]) if at >= 0 else None

    def admin_of(self, place: Place) -> Place | None:
        """The admin1 place ``place`` lies in (itself for an admin1)."""
        if place.kind == "admin1":
            return place
        if not place.admin1:
            return None
        for p in self._by_key.get(name_key(place.admin1), ()):
            if p.kind == "admin1" and p.iso == place.iso:
                return p
        return None

    def nearest_admin1(
        self, lat: float, lon: float, iso: str | None = None
    ) -> tuple[str | None, str | None]:
        """(admin1, admin2) of the nearest admin3/admin2 centroid or town with a known admin1,
        within country ``iso`` when given."""
        best, dist = None, 1e9
        for p in self.places:
            if p.admin1 is None or (iso and p.iso != iso) or p.kind not in _ADMIN_PROBES:
                continue
            d = haversine_km(lat, lon, p.lat, p.lon)
            if d < dist:
                best, dist = p, d
        if best is None:
            return None, None
        return best.admin1, best.admin2

    def count_by_country(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.places:
            out[p.country or "-"] = out.get(p.country or "-", 0) + 1
        return dict(sorted(out.items(), key=lambda kv: -kv[1]))


_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a name in a _Trie
_Heads = tuple[tuple[str, _Trie], ...]


def _complete_names(
    node: _Trie,
    units: list[tuple[int, frozenset[str], _Heads]],
    j: int,
    path: list[str],
    out: list[tuple[str, ...]],
) -> None:
    """Every name below ``node`` that the units from ``j`` on complete: its remaining
    words (the tail) into ``out``."""
    if _END in node:
        out.append(tuple(path))
    if j >= len(units) or len(node) == (_END in node):
        return
    for key in units[j][1]:
        child = node.get(key)
        if child is not None:
            path.append(key)
            _complete_names(child, units, j + 1, path, out)
            path.pop()


_ADMIN_PROBES = frozenset({"admin2", "admin3", "city", "town"})
_KIND_RANK = {
    "country": 9,
    "city": 7,
    "admin1": 6,
    "base": 6,
    "airport": 6,
    "crossing": 6,
    "dam": 6,
    "oilfield": 6,
    "prison": 6,
    "camp": 6,
    "port": 6,
    "town": 5,
    "admin2": 4,
    "neighbourhood": 4,
    "sea": 4,
    "region": 4,
    "village": 3,
    "site": 3,
    "admin3": 2,
}
_ADMIN = frozenset({"admin1", "admin2", "admin3"})


def prior(place: Place) -> float:
    """How likely a place is meant, all else equal: cities and bases before districts and
    villages; the population of a settlement (not of an admin unit) counts too."""
    pop = math.log10(place.population + 1) if place.population and place.kind not in _ADMIN else 0
    return (
        _KIND_RANK.get(place.kind, 3) * 0.5 + pop * 0.4 + (0.5 if place.source == "curated" else 0)
    )


def _ranked(places: list[Place]) -> list[Place]:
    return sorted(places, key=lambda p: (-prior(p), p.id))


def _unit_keys(norm: str, common: set[str]) -> tuple[str, ...]:
    """An Arabic word's keys, most specific first; () for a Latin word."""
    if not is_arabic_word(norm):
        return ()
    keys: Iterable[str] = token_keys(norm)
    if entry_key(norm) in common:
        keys = {norm, entry_key(norm)}
    return tuple(sorted(keys, key=lambda k: (-len(k), k)))


def _place(row: list[str]) -> Place:
    iso = row[2] or None
    return Place(
        id=row[0],
        kind=row[1],
        iso=iso,
        country=COUNTRIES.get(iso) if iso else None,
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


def gazetteer_info() -> str:
    """Attribution and licences of the shipped gazetteer (ATTRIBUTION.md)."""
    return data_path("ATTRIBUTION.md").read_text(encoding="utf-8")
