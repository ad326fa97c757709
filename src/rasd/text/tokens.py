"""Tokens: words and punctuation with their offsets in the clean text, tokenised once per
document; and the forms a folded Arabic word may stand for once its clitics are off."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import accumulate, compress, count, repeat
from operator import add, is_not, itemgetter
from typing import NamedTuple, TypeVar

from mypy_extensions import mypyc_attr

from rasd.knowledge.language import language_profile
from rasd.model import Span
from rasd.text.normalize import fold, fold_word, is_arabic


class Token(NamedTuple):
    start: int
    end: int
    text: str  # as in the clean text
    norm: str  # folded

    @property
    def span(self) -> Span:
        return Span(self.start, self.end, self.text)


V = TypeVar("V")


def norms_of(tokens: Sequence[Token]) -> list[str]:
    """The folded forms of tokens, in order (of the tokens :func:`tokenize` gives, those it
    gathered: a document's tokens are passed over several times). Read, never changed."""
    if isinstance(tokens, Tokens):
        return tokens.norms
    return list(map(_NORM, tokens))


def starts_of(tokens: Sequence[Token]) -> list[int]:
    """Where tokens start, in order (of the tokens :func:`tokenize` gives, gathered when first
    asked). Read, never changed."""
    if not isinstance(tokens, Tokens):
        return list(map(_START, tokens))
    if tokens.starts is None:
        tokens.starts = list(map(_START, tokens))
    return tokens.starts


_NORM = itemgetter(3)  # Token.norm, read without the attribute look-up
_START = itemgetter(0)  # Token.start


@mypyc_attr(native_class=False)  # mypyc compiles no subclass of list
class Tokens(list[Token]):
    """The tokens of a text as :func:`tokenize` gives them, with their folded forms in order
    (``norms``), gathered once, and where they start (``starts``, see :func:`starts_of`).
    Never changed once made (a slice is a plain list)."""

    norms: list[str]
    starts: list[int] | None = None


class PerForm(dict[str, V]):
    """What a function gives for a word form, worked out on the first ask and remembered:
    ``memo[norm]``. A document repeats its words, so mapping ``memo.__getitem__`` over its
    forms (:func:`norms_of`) costs about one dictionary look-up a token. Forgets all when
    full (a long archive's rare forms), as the function's results never change."""

    def __init__(self, work: Callable[[str], V], size: int = 1 << 16) -> None:
        super().__init__()
        self._work, self._size = work, size

    def __missing__(self, norm: str) -> V:
        if len(self) >= self._size:
            self.clear()
        value = self[norm] = self._work(norm)
        return value


# A word is a run of letters, digits, diacritics, tatweel and inner apostrophes/hyphens;
# punctuation is kept as one-character tokens so that phrases never match across it.
_TOKEN = re.compile(
    r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+(?:['’][\w]+)*|[^\s\w]", re.UNICODE
)


def tokenize(text: str, start: int = 0, end: int | None = None) -> Tokens:
    """Tokens of ``text[start:end]`` with offsets into ``text``.

    No token holds white space, so the text is read piece by piece between spaces: the
    tokens of a piece (most pieces are one word) are worked out once per piece and
    remembered. Clean text has one space between words, so the pieces, where they start
    (the lengths of the pieces before, and a space after each) and a token for each are made
    by built-in maps, with no Python step per piece; only the pieces that are not one word
    (a word and its comma, a line break, two spaces, a piece not seen before) are then
    replaced by their tokens one by one (about one piece in ten)."""
    end = len(text) if end is None else end
    pieces = text[start:end].split(" ")
    lengths = list(map(len, pieces))
    begins = list(accumulate(map(add, lengths, repeat(1)), initial=start))
    found = list(map(_PIECES.get, pieces))
    out = Tokens(
        map(tuple.__new__, repeat(Token), zip(begins, map(add, begins, lengths), pieces, found))
    )
    # from the end, so that the indices of the pieces before stay right
    for k in reversed(list(compress(count(), map(is_not, map(type, found), repeat(str))))):
        out[k : k + 1] = _tokens_at(pieces[k], begins[k], found[k])
    out.norms = list(map(_NORM, out))
    return out


def _tokens_at(piece: str, begin: int, found: str | _PieceTokens | None) -> list[Token]:
    """The tokens of a piece between spaces that starts at ``begin``, given what is
    remembered of it (``found``: None when nothing)."""
    if found is None:
        words = piece.split()
        if words != [piece]:  # white space other than a space inside (a line break), or none
            out, at = [], 0
            for word in words:
                at = piece.find(word, at)
                out += _tokens_at(word, begin + at, _PIECES.get(word))
                at += len(word)
            return out
        found = _piece_tokens(piece)
    make = tuple.__new__
    if isinstance(found, str):
        return [make(Token, (begin, begin + len(piece), piece, found))]
    return [make(Token, (begin + a, begin + b, word, norm)) for a, b, word, norm in found]


_PieceTokens = tuple[tuple[int, int, str, str], ...]
# piece of text without white space -> its folded form when it is one word, else its tokens'
# (start, end, text, folded form) with offsets into the piece
_PIECES: dict[str, str | _PieceTokens] = {}


def _piece_tokens(piece: str) -> str | _PieceTokens:
    """The tokens of a piece of text without white space, remembered (see ``tokenize``)."""
    tokens: list[tuple[int, int, str, str]] = []
    at = 0
    for word in _TOKEN.findall(piece):
        begin = piece.find(word, at)
        at = begin + len(word)
        norm = fold_word(word)
        if norm:
            tokens.append((begin, at, word, norm))
    whole = len(tokens) == 1 and tokens[0][2] == piece
    found = tokens[0][3] if whole else tuple(tokens)
    if len(_PIECES) >= 1 << 18:
        _PIECES.clear()  # a long archive's rare pieces: start again rather than grow
    _PIECES[piece] = found
    return found


_AR = language_profile("ar").clitics
CONJUNCTIONS = tuple(fold(c) for c in _AR.conjunctions)  # the clitics "و", "ف"
_PREPOSITIONS = tuple(fold(p) for p in _AR.prepositions)
_ARTICLE = fold(_AR.article)
_LAM_ARTICLE = fold(_AR.lam_article)
_POSSESSIVE = language_profile("en").clitics.possessive


@lru_cache(maxsize=1 << 18)
def token_keys(norm: str) -> frozenset[str]:
    """Forms a folded token may stand for once Arabic clitics are taken off:
    وبالقصف -> {وبالقصف, بالقصف, القصف, قصف, ...}. Latin tokens lose a possessive 's."""
    keys = {norm}
    if not is_arabic(norm):
        if norm.endswith(_POSSESSIVE):
            keys.add(norm[: -len(_POSSESSIVE)])
        return frozenset(keys)
    stems = {norm}
    if norm[0] in CONJUNCTIONS and len(norm) > 3:
        stems.add(norm[1:])
    for stem in list(stems):
        if stem[0] in _PREPOSITIONS and len(stem) > 3:
            stems.add(stem[1:])
        if stem.startswith(_LAM_ARTICLE) and len(stem) > 4:
            stems.add(_ARTICLE + stem[len(_LAM_ARTICLE) :])
            stems.add(stem[len(_LAM_ARTICLE) :])
    for stem in list(stems):
        if stem.startswith(_ARTICLE) and len(stem) > 3:
            stems.add(stem[len(_ARTICLE) :])
    return frozenset(keys | stems)


def past_clitics(norm: str) -> frozenset[str]:
    """An Arabic word past a conjunction and a preposition, however short what is left:
    وبتل -> {بتل, تل}, بام -> {ام} (``token_keys`` keeps three letters at least)."""
    out = set()
    stem = norm
    if stem[:1] in CONJUNCTIONS and len(stem) > 2:
        stem = stem[1:]
        out.add(stem)
    if stem[:1] in _PREPOSITIONS and len(stem) > 2:
        out.add(stem[1:])
    return frozenset(out)


def is_definite(norm: str) -> bool:
    """Does a folded Arabic word carry the article, past a conjunction and a preposition:
    المدينة, والمدينة, بالمدينة, للمدينة."""
    stem = norm[1:] if norm[:1] in CONJUNCTIONS and len(norm) > 3 else norm
    if stem.startswith(_LAM_ARTICLE) and len(stem) > 4:
        return True
    if stem[:1] in _PREPOSITIONS and stem[1:].startswith(_ARTICLE) and len(stem) > 4:
        return True
    return stem.startswith(_ARTICLE) and len(stem) > 3


# An alef written with a hamza begins a root ("ألقت", "إلغاء"), never the article.
_HAMZA_ALEFS = language_profile("ar").words("hamza_alefs")


def written_definite(token: Token) -> bool:
    """Does a word carry the article as written ("الغارات", "والقصف"), not an alef with a
    hamza that folding made look like it ("ألقت", "وإلقاء")?"""
    if not is_definite(token.norm):
        return False
    at = token.norm.find(_ARTICLE)
    letters = [ch for ch in token.text if fold(ch)]  # the letters folding keeps
    return at < 0 or at >= len(letters) or letters[at] not in _HAMZA_ALEFS


def entry_key(norm: str) -> str:
    """The key a dictionary word is stored under: folded, article taken off."""
    if is_arabic(norm) and norm.startswith(_ARTICLE) and len(norm) > 3:
        return norm[len(_ARTICLE) :]
    return norm
