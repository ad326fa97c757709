"""Phrase matching: every phrase table of a language in one word trie, matched in one pass.

A phrase is a sequence of folded words; a word ending in ``*`` matches any word that begins
with it (``استهدف*`` matches استهدفت, واستهدفوا). A text word matches a phrase word when one of
its forms with clitics and article taken off (:func:`rasd.text.tokens.token_keys`) does.

:class:`PhraseTables` holds many named tables (triggers, weapons, each cue class, actor
names, ...) in one trie. :meth:`PhraseTables.scan` walks a document's tokens once: at each
token it follows the trie from the token's forms (remembered per word form), and every table
keeps, left to right, the longest of its phrases starting there that does not overlap its
previous match. Of two phrases of one table that end at the same token, the first added
wins, exact first words before prefix ones.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache
from itertools import compress, count
from typing import Any, Generic, NamedTuple, TypeVar

from rasd.text.normalize import fold
from rasd.text.tokens import PerForm, Token, entry_key, norms_of, token_keys

T = TypeVar("T")


class PhraseMatch(NamedTuple, Generic[T]):
    first: int  # index of the first token (in the token list scanned: a sentence's)
    last: int  # index after the last token
    start: int  # character offsets in the clean text
    end: int
    payload: T


# How ties between phrases of one table ending at the same token are broken: by the bucket
# the first word falls in (a prefix shorter than two letters, an exact word, then a prefix
# by its first two letters), then by the order the phrases were added.
_Order = tuple[int, str, int]
# What a word form starts: (table, order, payload) of each table's best one-word phrase, and
# the trie nodes from which longer phrases go on; None when it starts nothing.
_Start = tuple[tuple[tuple[Hashable, _Order, Any], ...], tuple["_Node", ...]]


class _Node:
    __slots__ = ("exact", "stems", "ends")

    def __init__(self) -> None:
        self.exact: dict[str, _Node] = {}  # next word -> node
        self.stems: dict[str, _Node] = {}  # next word's prefix (a "stem*" word) -> node
        self.ends: list[tuple[Hashable, _Order, Any]] = []  # (table, order, payload)

    def __reduce__(self) -> tuple[Callable[..., _Node], tuple[object, ...]]:
        # the compiled knowledge holds tens of thousands of nodes: unpickled without the
        # generic slot-by-slot state of a slotted object
        return _node, (self.exact, self.stems, self.ends)

    def step(self, keys: frozenset[str], prefixes: frozenset[str]) -> list[_Node]:
        exact, stems = self.exact, self.stems
        out = [exact[k] for k in keys if k in exact]
        if not stems:
            return out
        # the nodes are the same either way (their order decides nothing): walk the shorter
        if len(stems) <= len(prefixes):
            out += [node for stem, node in stems.items() if stem in prefixes]
        else:
            out += [stems[p] for p in prefixes if p in stems]
        return out


def _node(exact: dict[str, _Node], stems: dict[str, _Node], ends: list) -> _Node:
    node = _Node.__new__(_Node)
    node.exact, node.stems, node.ends = exact, stems, ends
    return node


@lru_cache(maxsize=1 << 18)
def _forms(norm: str) -> tuple[frozenset[str], frozenset[str]]:
    """A folded word's keys, and every prefix of them (what ``stem*`` words are tried on)."""
    keys = token_keys(norm)
    return keys, frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


_STAR_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u0640]+\*?(?:['’][\w]+)*|[^\s\w*]")


def phrase_words(phrase: str) -> tuple[str, ...]:
    """The words a phrase is stored as: folded, article off, ``*`` kept."""
    words = []
    for m in _STAR_TOKEN.finditer(phrase):
        norm = fold(m.group())
        if norm:
            words.append(norm if norm.endswith("*") else entry_key(norm))
    return tuple(words)


class PhraseTables:
    """Named phrase tables in one word trie (see the module's docstring)."""

    def __init__(self) -> None:
        self._root = _Node()
        self._added = 0
        self._starts: PerForm[_Start | None] = PerForm(self._start, 1 << 18)
        # (a form that goes on, the next form) -> the nodes the two reach: most such pairs
        # reach none, and a document asks about the same pairs again and again
        self._pairs: dict[tuple[str, str], tuple[_Node, ...]] = {}
        self.sizes: dict[Hashable, int] = {}

    def add(self, table: Hashable, phrase: str, payload: Any) -> None:
        words = phrase_words(phrase)
        if not words:
            raise ValueError(f"empty phrase: {phrase!r}")
        first = words[0]
        if first.endswith("*"):
            stem = first[:-1]
            order = (0, "", self._added) if len(stem) < 2 else (2, stem[:2], self._added)
        else:
            order = (1, first, self._added)
        node = self._root
        for word in words:
            edges = node.stems if word.endswith("*") else node.exact
            word = word.rstrip("*")
            node = edges.setdefault(word, _Node())
        node.ends.append((table, order, payload))
        self._added += 1
        self.sizes[table] = self.sizes.get(table, 0) + 1
        self._starts.clear()
        self._pairs.clear()

    def _start(self, norm: str) -> _Start | None:
        """What a word form starts: the best one-word phrase of each table, and the nodes
        from which longer phrases go on (remembered per form)."""
        nodes = self._root.step(*_forms(norm))
        single: dict[Hashable, tuple[_Order, Any]] = {}
        for node in nodes:
            for table, order, payload in node.ends:
                if table not in single or order < single[table][0]:
                    single[table] = (order, payload)
        going_on = tuple(node for node in nodes if node.exact or node.stems)
        if not single and not going_on:
            return None  # most forms start nothing: falsy, so that ``scan`` passes them over
        return (tuple((t, o, p) for t, (o, p) in single.items()), going_on)

    def _second(self, norm: str, following: str, going_on: tuple[_Node, ...]) -> tuple[_Node, ...]:
        """The nodes a phrase begun by ``norm`` reaches with the next word, remembered."""
        pair = (norm, following)
        reached = self._pairs.get(pair)
        if reached is None:
            keys, prefixes = _forms(following)
            reached = tuple(child for node in going_on for child in node.step(keys, prefixes))
            if len(self._pairs) < 1 << 18:
                self._pairs[pair] = reached
        return reached

    def scan(
        self, tokens: Sequence[Token], ranges: Iterable[tuple[int, int]]
    ) -> list[dict[Hashable, list[PhraseMatch[Any]]]]:
        """The matches of every table in each token range (a sentence), with token indices
        counted from the range's first token: one dict of table -> matches per range."""
        out = []
        pairs = self._pairs
        make = tuple.__new__  # a PhraseMatch without NamedTuple's argument handling
        # what each token starts; only tokens that start something are visited below
        norms = norms_of(tokens)
        begun = list(map(self._starts.__getitem__, norms))
        active = list(compress(count(), begun))
        for lo, hi in ranges:
            found: dict[Hashable, list[PhraseMatch[Any]]] = {}
            free: dict[Hashable, int] = {}  # table -> first token a new match may start at
            for i in active[bisect.bisect_left(active, lo) : bisect.bisect_left(active, hi)]:
                start = begun[i]
                if start is None:  # never: only the tokens that start something are active
                    continue
                single, going_on = start
                second: tuple[_Node, ...] | None = ()  # the nodes reached with the next token
                if going_on and i + 1 < hi:
                    norm, following = norms[i], norms[i + 1]
                    second = pairs.get((norm, following))
                    if second is None:
                        second = self._second(norm, following, going_on)
                token = tokens[i]
                if not second:  # one-word phrases only
                    for table, _, payload in single:
                        if free.get(table, 0) > i:
                            continue
                        match = make(
                            PhraseMatch, (i - lo, i + 1 - lo, token.start, token.end, payload)
                        )
                        listed = found.get(table)
                        if listed is None:
                            found[table] = [match]
                        else:
                            listed.append(match)
                        free[table] = i + 1
                    continue
                best: dict[Hashable, tuple[int, _Order, Any]] = {
                    table: (i + 1, order, payload)
                    for table, order, payload in single
                    if table not in free or free[table] <= i
                }
                nodes: Sequence[_Node] = second
                j = i + 2
                while True:
                    for node in nodes:
                        for table, order, payload in node.ends:
                            if free.get(table, 0) > i:
                                continue
                            held = best.get(table)
                            if held is None or j > held[0] or (j == held[0] and order < held[1]):
                                best[table] = (j, order, payload)
                    nodes = [node for node in nodes if node.exact or node.stems]
                    if not nodes or j >= hi:
                        break
                    keys, prefixes = _forms(norms[j])
                    nodes = [child for node in nodes for child in node.step(keys, prefixes)]
                    if not nodes:
                        break
                    j += 1
                for table, (last, _, payload) in best.items():
                    match = make(
                        PhraseMatch, (i - lo, last - lo, token.start, tokens[last - 1].end, payload)
                    )
                    found.setdefault(table, []).append(match)
                    free[table] = last
            out.append(found)
        return out


class PhraseMatcher(Generic[T]):
    """One phrase table on its own: ``add`` phrases, ``find`` them in a token list."""

    def __init__(self) -> None:
        self._tables = PhraseTables()
        self.phrases: list[tuple[str, T]] = []

    def add(self, phrase: str, payload: T) -> None:
        self._tables.add(0, phrase, payload)
        self.phrases.append((phrase, payload))

    def __len__(self) -> int:
        return len(self.phrases)

    def find(self, tokens: Sequence[Token]) -> list[PhraseMatch[T]]:
        return self._tables.scan(tokens, [(0, len(tokens))])[0].get(0, [])
