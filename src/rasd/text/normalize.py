"""Folding: the form words are matched in.

Matching happens on a folded form of the text (hamza and alef forms, ta marbuta, alef
maqsura, diacritics, tatweel, Arabic-Indic digits, case); the characters folded are listed in
the language profiles (``rasd/data/lang/``). Tokens keep the offsets of the clean text, so
evidence always points at real characters.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rasd.knowledge.language import LANGUAGES, language_profile

# Diacritics, Quranic marks, tatweel, zero-width and directional marks.
_DROP = re.compile(
    "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f\u202a-\u202e]"
)
ARABIC_LETTER = re.compile("[\u0621-\u064a]")
COMMAS = frozenset({"\u060c", ","})  # the Arabic and the Latin comma, as tokens
# Quotation marks a name or a word may stand in: «...», "...", “...”.
QUOTES = frozenset("\"'«»“”„")
# Marks that open a quotation or a bracket before a name: قاعدة "تقدم", قناة (الميادين)
OPENERS = frozenset("\"«“('„")


def _folding() -> dict[int, str]:
    table: dict[str, str] = {
        **{chr(0x660 + d): str(d) for d in range(10)},  # Arabic-Indic digits
        **{chr(0x6F0 + d): str(d) for d in range(10)},  # Eastern Arabic-Indic digits
        "\u2019": "'",
        "\u2018": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
    }
    for code in LANGUAGES:
        table.update(language_profile(code).folding)
    return str.maketrans(table)


_FOLD = _folding()


def fold(text: str) -> str:
    """The matching form of a string: lower case, no diacritics or tatweel, one alef, ه for ة,
    ي for ى, ASCII digits. Not length-preserving; tokens keep the offsets."""
    text = unicodedata.normalize("NFKC", text)
    return _DROP.sub("", text).translate(_FOLD).lower()


fold_word = lru_cache(maxsize=1 << 18)(fold)
fold_word.__doc__ = "fold() of one word, remembered: a document repeats its words."


def is_arabic(text: str) -> bool:
    """Does the text hold an Arabic letter?"""
    return bool(ARABIC_LETTER.search(text))


is_arabic_word = lru_cache(maxsize=1 << 18)(is_arabic)
is_arabic_word.__doc__ = "is_arabic() of one word, remembered."


def folded_words(name: str, *languages: str) -> frozenset[str]:
    """A closed word class of the language profiles (of every language unless some are
    named), folded as the text is: ``folded_words("and", "ar")``."""
    codes = languages or LANGUAGES
    return frozenset(fold(w) for code in codes for w in language_profile(code).words(name))


# The Arabic conjunction written joined to the next word ("وكفرنبل"): what such a word
# begins with, for str.startswith.
AND_CLITICS = tuple(folded_words("and", "ar"))
