"""The gazetteer index: places under every key of their names, and the look-ups over it.

:class:`Gazetteer` loads the shipped file and the user's imported ones (their format and
places: :mod:`rasd.knowledge.gazetteer_files`), indexes the name keys
(:func:`~rasd.knowledge.place_names.name_key`) word by word, and finds place names in tokens,
Arabic clitics and Latin articles allowed; the candidates of a name come ranked by
:func:`~rasd.knowledge.place_kinds.prior`. (The other gazetteer modules' names stay
importable from here.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress, count
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from mypy_extensions import mypyc_attr

from rasd.knowledge.gazetteer_files import (
    COLUMNS,
    data_path,
    gazetteer_info,
    place_of_row,
    read_cues,
    read_key_variants,
    read_rows,
    read_word_list,
    shipped_path,
    user_countries,
    user_dir,
    write_rows,
)
from rasd.knowledge.gazetteer_sources import UNIT_WORDS
from rasd.knowledge.language import language_profile
from rasd.knowledge.place_kinds import (
    ADMIN_PROBES,
    AREA_KINDS,
    COUNTRIES,
    POINT_KINDS,
    matched_when_common,
    prior,
)
from rasd.knowledge.place_names import (
    continues_list,
    joined_words,
    latin_word,
    may_be_skipped,
    name_key,
    opens_list,
    skippable,
    unit_keys,
    word_before_name,
)
from rasd.knowledge.places import GazetteerError, Place, PlaceMention, haversine_km
from rasd.model import Span
from rasd.text.normalize import fold, is_arabic_word
from rasd.text.tokens import (
    PerForm,
    Token,
    is_definite,
    norms_of,
    past_clitics,
    token_keys,
    tokenize,
)

__all__ = [
    "AREA_KINDS",
    "COLUMNS",
    "COUNTRIES",
    "POINT_KINDS",
    "Gazetteer",
    "GazetteerError",
    "NameMatch",
    "Place",
    "PlaceMention",
    "data_path",
    "gazetteer_info",
    "haversine_km",
    "latin_word",
    "name_key",
    "prior",
    "read_cues",
    "read_rows",
    "read_word_list",
    "shipped_path",
    "user_dir",
    "write_rows",
]

# ---------------------------------------------------------------- the gazetteer


class NameMatch(NamedTuple):
    first: int  # token indices, last exclusive
    last: int
    key: str
    candidates: list[Place]
    cue: str | None  # kind announced by the cue word just before, if any
    guarded: bool  # a common word: only a place after a cue


_FORMS_REMEMBERED = 1 << 18  # word forms remembered, at most (then memory starts again)


# Compass words are never names by themselves (Iraq's Al-Shamal is "the north" in any text)
_COMPASS = frozenset(
    name_key(word) for code in ("ar", "en") for word in language_profile(code).directions
)


_AR_ARTICLE = language_profile("ar").clitics.article
_CLITIC_KINDS = frozenset({"country", "admin1", "city"})


def _with_article(place: Place, key: str) -> bool:
    """Is the Arabic name a place is known by under ``key`` written with the article?"""
    name = place.name_ar or ""
    return name_key(name) == key and fold(name).startswith(_AR_ARTICLE)


def _bare(tokens: list[Token], m: NameMatch) -> bool:
    """Is the name one Arabic word without the article ("منزله", not "المنزلة")?"""
    norm = tokens[m.first].norm
    return m.last - m.first == 1 and is_arabic_word(norm) and not is_definite(norm)


def _own_keys(place: Place) -> set[str]:
    """The keys of the names a place is known by: its English and its Arabic name."""
    return {name_key(n) for n in (place.name, place.name_ar) if n}


# Pickled into the compiled knowledge (rasd.knowledge.compiled). When mypyc compiles this
# module, only a "serializable" class unpickles without calling __init__ (which here takes
# arguments or reads files), and mypyc 2.4 runs such a class's __init__ when Python calls
# it only if it also allows interpreted subclasses. Pure Python ignores the decorator.
@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class Gazetteer:
    """Places and a name index over them (Arabic and English names and variants)."""

    def __init__(
        self, stop_names: set[str] | None = None, cues: dict[str, str] | None = None
    ) -> None:
        self.places: list[Place] = []
        self.files: list[Path] = []
        self._by_id: dict[str, Place] = {}
        self._by_key: dict[str, list[Place]] = {}
        self._names: _Trie = {}  # name keys word by word; _END marks a whole name
        self._guarded: set[str] = set(stop_names or ())
        self.cues: dict[str, str] = dict(cues or {})
        self._common: set[str] = set()  # frequent words: never read as clitic + name
        # frequent words that name a big place only with the article: منزله "his house" is
        # not المنزلة
        self._definite: set[str] = set()
        self._capitals: set[str] = set()  # names read after a clitic even in a frequent word
        self._variants = read_key_variants()
        self._joinable = self._variants.joinable
        self._weak_cues = {name_key(w) for w in read_word_list(data_path("weak_cues.txt"))}
        # per word form: (may it be left out?, its keys, the names that may begin with it)
        self._unit_keys: PerForm[_Unit] = PerForm(self._word_form, _FORMS_REMEMBERED)
        self._ranked: dict[str, list[Place]] = {}
        # word form -> the kind its cue announces
        self._cue_memo: PerForm[str | None] = PerForm(self._cue_of_form, _FORMS_REMEMBERED)

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
        governorate, a district or a large town bears them as its own name (not as one of
        the other spellings a source lists: "بلا" for Jerusalem, "ابي" for El Obeid)."""
        self._common = words
        self._unit_keys.clear()
        not_after_clitics = read_word_list(data_path("not_after_clitics.txt"))
        self._capitals = {
            fold(place.name_ar)
            for place in self.places
            if place.name_ar
            and place.kind in _CLITIC_KINDS
            and name_key(place.name_ar) not in not_after_clitics
        }
        for key in words & self._by_key.keys():
            owners = [
                place
                for place in self._by_key[key]
                if matched_when_common(place) and key in _own_keys(place)
            ]
            if not owners:
                self._guarded.add(key)
            elif all(_with_article(place, key) for place in owners):
                self._definite.add(key)

    def is_common(self, word: str) -> bool:
        """Is a folded word a frequent word (``common_words_ar.txt``), a place name or not?"""
        return name_key(word) in self._common

    def add_file(self, path: Path) -> int:
        if not path.exists():
            raise GazetteerError(f"{path}: no such gazetteer file")
        n = 0
        countries = user_countries()
        for row in read_rows(path):
            try:
                place = place_of_row(row, countries)
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
        for key in self._variants.of(keys):
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
        at, units = self._units(tokens)
        out = []
        i = 0  # the first unit a new name may start at
        # the units a name may begin at: those with heads
        for k in compress(count(), map(itemgetter(2), units)):
            if k < i:
                continue
            i = k
            best = None  # (n units, key length, key)
            for key, node in units[i][2]:  # longest key first
                tails: list[tuple[str, ...]] = []
                _complete_names(node, units, i + 1, [], tails)
                if not tails:
                    continue
                tail = tails[0] if len(tails) == 1 else min(tails, key=lambda t: (-len(t), t))
                if best is None or (len(tail) + 1, len(key)) > best[:2]:
                    best = (len(tail) + 1, len(key), " ".join((key, *tail)))
            if best is None:
                continue
            first, last = at[i], at[i + best[0] - 1] + 1
            lead = tokens[first].text
            if capitals and not is_arabic_word(tokens[first].norm) and not lead[:1].isupper():
                continue  # English place names are capitalised
            key = best[2]
            cue = self._cue_before(tokens, first)
            # tuple.__new__: a NameMatch (and below a Span) without NamedTuple's own
            # __new__, a Python function, which compiled code calls slowly
            match = (first, last, key, self._ranked_by_key(key), cue, key in self._guarded)
            out.append(tuple.__new__(NameMatch, match))
            i += best[0]
        return out

    def find(self, tokens: list[Token], text: str | None = None) -> list[PlaceMention]:
        """Place names in ``tokens`` as unresolved mentions; common words only after a cue.
        ``text``: the text the tokens' offsets point into, which a name's words are read from."""
        out = []
        listing: tuple[int, str] | None = None  # where the last name of a list ends, its cue
        for m in self.matches(tokens):
            joined = None if listing is None else continues_list(tokens, listing[0], m.first, m.key)
            if listing is not None and joined is not None and m.cue is None:
                m = m._replace(cue=listing[1])  # "بلدات عيتا الشعب وكفركلا والخيام": one cue
            elif m.guarded and (m.cue is None or self._weak_cue_before(tokens, m.first)):
                continue  # a frequent word needs a cue word that names a kind of place
            if m.cue is None and m.key in self._definite and _bare(tokens, m):
                continue  # the name carries the article, the word does not
            if m.key in _COMPASS:
                continue  # "قرى شمال الضفة": a direction, whatever stands before it
            if m.last - m.first == 1 and self._in_longer_name(tokens, m.first):
                continue  # "وادي خليل" is not Hebron, "دير سريان" no place called الدير
            start, end = tokens[m.first].start + (joined or 0), tokens[m.last - 1].end
            words = tokens[m.first : m.last]
            name = text[start:end] if text is not None else joined_words(words)[joined or 0 :]
            out.append(
                PlaceMention(
                    tuple.__new__(Span, (start, end, name)),
                    m.candidates,
                    text=name,
                    cue=m.cue,
                    guarded=m.guarded,
                    first=m.first,
                    last=m.last,
                )
            )
            listed = joined is not None or opens_list(tokens, m.first)
            listing = (m.last, m.cue) if listed and m.cue is not None else None
        return out

    def _ranked_by_key(self, key: str) -> list[Place]:
        ranked = self._ranked.get(key)
        if ranked is None:
            ranked = self._ranked[key] = _ranked(self._by_key[key])
        return ranked

    def _units(self, tokens: list[Token]) -> tuple[Sequence[int], list[_Unit]]:
        """The tokens kept for matching (their indices) and, per token kept, its word form's
        unit: whether it may be left out, the keys it may stand for (Arabic: clitics off one
        by one, unless the whole word is a frequent word, as فرقه "its teams" is not ف +
        الرقة; Latin: one key, articles and hyphens skipped), and the names that may begin
        with it: (key, tails), longest key first. Remembered per word form."""
        found = list(map(self._unit_keys.__getitem__, norms_of(tokens)))
        may_skip = compress(count(), map(itemgetter(0), found))  # a hyphen, a Latin article
        left_out = {i for i in may_skip if skippable(tokens, i)}
        if not left_out:
            return range(len(found)), found
        kept = [i for i in range(len(found)) if i not in left_out]
        return kept, [found[i] for i in kept]

    def _word_form(self, norm: str) -> _Unit:
        """(may the token be left out of a name, its keys, the names that may begin with
        it)."""
        keys = unit_keys(norm, self._common, self._capitals)
        if not keys:  # a Latin word
            keys = (latin_word(norm),)
        heads = [(key, self._names[key]) for key in keys if key in self._names]
        if is_arabic_word(norm):
            # a word read whole (a frequent word, or one too short to lose its clitics) may
            # still, past its clitics, be a word that begins names of two words or more (a
            # unit's or a cue word, a joined prefix): "بولاية الجزيرة", "بمدينة الصدر",
            # "بأم درمان"
            heads += [
                (key, {word: node for word, node in self._names[key].items() if word != _END})
                for key in token_keys(norm) | past_clitics(norm)
                if key not in keys and key in self._names and self._begins_longer_names(key)
            ]
        return may_be_skipped(norm), frozenset(keys), tuple(heads)

    def _begins_longer_names(self, key: str) -> bool:
        return key in self.cues or key in self._joinable or key in UNIT_WORDS

    def cue_of(self, token: Token) -> str | None:
        """The kind a cue word announces ("قرية" a village), None for any other word. An
        Arabic cue with the article refers back and is followed by an adjective, not a
        name: "المدينة المطلة على البحر". Remembered per word form."""
        return self._cue_memo[token.norm]

    def cues_in(self, tokens: Sequence[Token]) -> list[tuple[int, str]]:
        """The cue words among ``tokens``: (index, kind), in order (see :meth:`cue_of`)."""
        kinds = map(self._cue_memo.__getitem__, norms_of(tokens))
        return [(i, kind) for i, kind in enumerate(kinds) if kind is not None]

    def _cue_of_form(self, norm: str) -> str | None:
        arabic = is_arabic_word(norm)
        if arabic and is_definite(norm):
            return None
        for key in token_keys(norm) if arabic else {latin_word(norm)}:
            if key in self.cues:
                return self.cues[key]
        return None

    def _cue_before(self, tokens: list[Token], first: int) -> str | None:
        """The cue word before a name, past an opening quote or bracket: قاعدة "تقدم"."""
        at = word_before_name(tokens, first)
        return self.cue_of(tokens[at]) if at >= 0 else None

    def begins_names(self, norm: str) -> bool:
        """Is a folded word one that begins place names (وادي، تل، عين، كفر ...:
        joined_prefixes.txt), past its clitics?"""
        return bool(token_keys(norm) & self._joinable)

    def _in_longer_name(self, tokens: list[Token], at: int) -> bool:
        """Is a one-word name part of a longer one: after a word that begins names, or itself
        such a word without the article, bound to the next ("دير سريان"; "الدير" is one)?"""
        if at > 0 and self.begins_names(tokens[at - 1].norm):
            return True
        word, after = tokens[at], tokens[at + 1] if at + 1 < len(tokens) else None
        return (
            after is not None
            and self.begins_names(word.norm)
            and not is_definite(word.norm)
            and is_arabic_word(after.norm)
            and after.start - word.end <= 1
        )

    def _weak_cue_before(self, tokens: list[Token], first: int) -> bool:
        """Is the word before a name an area word (منطقة), which any noun may follow?"""
        return first > 0 and bool(token_keys(tokens[first - 1].norm) & self._weak_cues)

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
            if p.admin1 is None or (iso and p.iso != iso) or p.kind not in ADMIN_PROBES:
                continue
            d = haversine_km(lat, lon, p.lat, p.lon)
            if d < dist:
                best, dist = p, d
        if best is None:
            return None, None
        return best.admin1, best.admin2


_Trie = dict[str, "_Trie"]
_END = ""  # the key that marks the end of a name in a _Trie
_Heads = tuple[tuple[str, _Trie], ...]
_Unit = tuple[bool, frozenset[str], _Heads]  # (may it be left out, its keys, the names it heads)


def _complete_names(
    node: _Trie,
    units: list[_Unit],
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


def _ranked(places: list[Place]) -> list[Place]:
    return sorted(places, key=lambda p: (-prior(p), p.id))
