"""Place names as the gazetteer keys them: folded Latin words, the Latin articles and hyphens
a key leaves out, :func:`name_key`, the matching form of a whole Arabic or English name, and
:func:`unit_keys`, the keys one Arabic word of a text may stand for, and
:class:`KeyVariants`, the other spellings a key is found by."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.knowledge.files import DataSource, data_file, read_data
from rasd.knowledge.frozen import by_fields
from rasd.knowledge.places import GazetteerError
from rasd.text.normalize import AND_CLITICS, COMMAS, OPENERS, folded_words, is_arabic_word
from rasd.text.tokens import Token, entry_key, token_keys, tokenize

_PLURAL_CUES = folded_words("plural_place_words", "ar")


def read_latin_articles(source: DataSource) -> dict[str, str]:
    """Latin article -> the letters the next word begins with after it (``"ez": "z"``), from
    a file like ``data/places/latin_articles.yaml``; :class:`GazetteerError` naming it when
    malformed."""
    data = read_data(source, GazetteerError, "the Latin articles")
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in data.items()
    ):
        raise GazetteerError(f'{source}: expected lines of "article": "letters"')
    return data


# article -> the letters the next word then begins with (ez-Zor, ar-Raqqa, at-Tanf)
_SUN = read_latin_articles(data_file("places", "latin_articles.yaml"))
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


def may_be_skipped(norm: str) -> bool:
    """Can a token of this form be left out of a name key (see :func:`skippable`)?"""
    return (
        norm == "-"
        or bool(_APOSTROPHES.fullmatch(norm))
        or (norm in _SUN and not is_arabic_word(norm))
    )


def skippable(tokens: list[Token], i: int) -> bool:
    """Latin tokens a name key leaves out: hyphens between words, the article al/el and its
    assimilated forms (ez-Zor, ar-Raqqa, at-Tanf), and an ayn written as a mark of its own
    at a word's start ("Bi’r al ‘Abd"; in "El‘ad" the mark is inside the word)."""
    norm = tokens[i].norm
    if is_arabic_word(norm):
        return False
    if _APOSTROPHES.fullmatch(norm):
        return True
    j = i + 1
    if norm != "-" and j < len(tokens) and tokens[j].norm == "-":
        j += 1
    elif j < len(tokens) and _APOSTROPHES.fullmatch(tokens[j].norm):
        if tokens[j].start == tokens[i].end:
            return False  # "El‘ad": no article before a mark written inside the word
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
        elif not skippable(tokens, i):
            words.append(latin_word(tok.norm))
    return " ".join(w for w in words if w)


def unit_keys(norm: str, common: set[str], capitals: set[str]) -> tuple[str, ...]:
    """An Arabic word's keys, most specific first; () for a Latin word. A frequent word is
    read whole, or as clitics and a country, a governorate or a city as it is written
    ("بصنعاء", "واليمن")."""
    if not is_arabic_word(norm):
        return ()
    keys: Iterable[str] = token_keys(norm)
    if entry_key(norm) in common:
        named = {k for k in keys if k in capitals}
        keys = {norm, entry_key(norm)} | named | {entry_key(k) for k in named}
    return tuple(sorted(keys, key=lambda k: (-len(k), k)))


def word_before_name(tokens: list[Token], first: int) -> int:
    """The index of the word before a name that starts at token ``first``, past an opening
    quote or bracket (قاعدة "تقدم", قناة (الميادين)); -1 when there is none."""
    at = first - 1
    while at >= 0 and tokens[at].text in OPENERS:
        at -= 1
    return at


def joined_words(tokens: list[Token]) -> str:
    """The tokens' text, a space for each character between two of them."""
    return tokens[0].text + "".join(
        " " * (t.start - p.end) + t.text for p, t in zip(tokens, tokens[1:], strict=False)
    )


def opens_list(tokens: list[Token], first: int) -> bool:
    """Does a plural place word stand right before the name at ``first`` ("بلدات", "قرى")?"""
    return first > 0 and bool(token_keys(tokens[first - 1].norm) & _PLURAL_CUES)


def continues_list(tokens: list[Token], last: int, first: int, key: str) -> int | None:
    """Is the name ``key`` at ``first`` the next of a list whose previous name ends at
    ``last``, after "،" or "و" (0), or carrying the conjunction ("وكفركلا": its length, but
    "واسط" is Wasit)? None if not."""
    between = tokens[last:first]
    if between:
        joined = len(between) == 1 and (between[0].text in COMMAS or between[0].norm in AND_CLITICS)
        return 0 if joined else None
    word = tokens[first].norm if first < len(tokens) else ""
    head = key.split(" ", 1)[0]
    return next(
        (len(a) for a in AND_CLITICS if word.startswith(a) and name_key(word[len(a) :]) == head),
        None,
    )


_STEM = 3  # letters a word keeps when an ending is changed (no two-letter names)


@dataclass(frozen=True)
class KeyVariants:
    """How writers spell a name otherwise: they join a first word to the next ("كفرنبل" for
    "كفر نبل"), spell a first word several ways ("tal tamr", "tell tamr"), and leave off or
    change an ending of the last word ("التحيتا" for "التحيتاء")."""

    joinable: set[str]
    spellings: dict[str, tuple[str, ...]]
    endings: list[tuple[str, str]]

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # pickled with the gazetteer, compiled too (rasd.knowledge.frozen)

    def of(self, keys: Iterable[str]) -> list[str]:
        """The keys and their variants (a guard "!" kept on each)."""
        out = list(keys)
        for key in list(out):
            guard = "!" if key.startswith("!") else ""
            words = key.lstrip("!").split(" ")
            if len(words) >= 2:
                if words[0] in self.joinable:
                    out.append(guard + " ".join([words[0] + words[1], *words[2:]]))
                out += [guard + " ".join([w, *words[1:]]) for w in self.spellings.get(words[0], ())]
            out += [
                guard + " ".join([*words[:-1], words[-1][: -len(ending)] + variant])
                for ending, variant in self.endings
                if words[-1].endswith(ending) and len(words[-1]) - len(ending) >= _STEM
            ]
        return out
