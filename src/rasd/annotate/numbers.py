"""Numbers in Arabic and English news: digits, number words and vague quantities.

"خمسة وعشرون", "ثلاثمئة", "3 آلاف", "twenty-five", "a dozen" are read as exact numbers;
"عشرات", "dozens", "several" get ACLED's conservative value and ``vague=True``. The words
live in ``data/numbers/{ar,en}.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import compress, count
from typing import Generic, NamedTuple, TypeVar

from rasd.knowledge.files import data_file, read_yaml
from rasd.knowledge.language import language_profile
from rasd.model import Span
from rasd.text.normalize import fold, folded_words, is_arabic_word
from rasd.text.tokens import PerForm, Token, norms_of, tokenize

_SECTIONS = ("numbers", "teen_ones", "scales", "vague")
T = TypeVar("T")
_DIGITS = re.compile(r"[0-9]+")
_DATE_OR_DECIMAL_MARKS = {"/", ":", ".", "-"}
_TENS = range(20, 100, 10)


class NumberMention(NamedTuple):
    span: Span  # offsets into the text given to find_numbers
    value: int
    vague: bool = False  # "dozens", "عشرات", "several": ACLED's conservative value
    approximate: bool = False  # "about", "نحو", "قرابة"
    said_from: int = 0  # where it is said from: its approximator's start ("ما لا يقل عن 25")


@dataclass
class _Entry:
    """What one word or phrase can be: an addend, a teen prefix, a multiplier, a vague
    quantity, an approximator, or a blocked look-alike (الاثنين is Monday)."""

    number: int | None = None
    teen_one: int | None = None
    scale: int | None = None
    vague: int | None = None
    approximator: bool = False
    blocked: bool = False
    digits: bool = False


class PhraseHit(NamedTuple, Generic[T]):
    first: int  # token indices [first, last)
    last: int
    payload: T
    start: int  # offset of the word proper, after any clitic: "خمسة" in "وبخمسة"
    waw: bool  # a و was taken off: "وعشرون"


class PhraseTable(Generic[T]):
    """Phrases of folded words; the first word may carry Arabic clitics and the article.
    (A sibling of rasd.text.matcher.PhraseTables that also reports where the word proper
    starts and whether a و was taken off, which number and date phrases need.) Only the
    first word carries clitics, so a token none of whose forms begins a phrase is passed
    over at the cost of one look-up."""

    def __init__(self, new: Callable[[], T]) -> None:
        self._phrases: dict[tuple[str, ...], T] = {}
        self._firsts: dict[str, set[int]] = {}  # first word -> lengths of its phrases
        # per word form: the forms that begin a phrase, and those phrases' lengths, longest first
        self._forms: dict[str, tuple[list[tuple[str, bool]], list[int]]] = {}
        self._new = new

    def entry(self, phrase: str) -> T:
        words = tuple(t.norm for t in tokenize(phrase))
        self._firsts.setdefault(words[0], set()).add(len(words))
        self._forms.clear()
        if words not in self._phrases:
            self._phrases[words] = self._new()
        return self._phrases[words]

    def phrases(self) -> dict[tuple[str, ...], T]:
        """The phrases (folded words) and their payloads."""
        return self._phrases

    def first_forms(self, norm: str) -> list[tuple[str, bool]]:
        """The forms of a folded word (see :func:`clitic_forms`) that begin a phrase."""
        return self._beginnings(norm)[0]

    def _beginnings(self, norm: str) -> tuple[list[tuple[str, bool]], list[int]]:
        found = self._forms.get(norm)
        if found is None:
            forms = [(form, waw) for form, waw in clitic_forms(norm) if form in self._firsts]
            lengths = sorted({n for form, _ in forms for n in self._firsts[form]}, reverse=True)
            found = (forms, lengths)
            if len(self._forms) < 1 << 16:
                self._forms[norm] = found
        return found

    def match(self, text: str, tokens: Sequence[Token], i: int) -> PhraseHit[T] | None:
        """The longest phrase at token ``i``, fewest clitic letters taken off first."""
        if i >= len(tokens):
            return None
        token = tokens[i]
        norm = token.norm
        forms, lengths = self._forms.get(norm) or self._beginnings(norm)
        phrases = self._phrases
        for n in lengths:
            if n > len(tokens) - i:
                continue
            rest = tuple([t.norm for t in tokens[i + 1 : i + n]]) if n > 1 else ()
            for form, waw in forms:
                payload = phrases.get((form, *rest))
                if payload is not None:
                    cut = len(norm) - len(form) if norm.endswith(form) else 0
                    start = skip_letters(text, token.start, cut) if cut else token.start
                    # tuple.__new__: a PhraseHit without NamedTuple's own __new__, a
                    # Python function, which compiled code calls slowly
                    return tuple.__new__(PhraseHit, (i, i + n, payload, start, waw))
        return None


_CLITICS = language_profile("ar").clitics
_AND = folded_words("and", "ar")
_CONJUNCTIONS = ("", *(fold(c) for c in _CLITICS.conjunctions))
_PREPOSITIONS = tuple(fold(p) for p in _CLITICS.number_prepositions)
_ARTICLE = fold(_CLITICS.article)
_LAM_ARTICLE = fold(_CLITICS.lam_article)
_POSSESSIVE = language_profile("en").clitics.possessive


@lru_cache(maxsize=1 << 16)
def clitic_forms(norm: str) -> tuple[tuple[str, bool], ...]:
    """A folded word and what it may be once و/ف, ب/ل/ك and ال are taken off (or an
    English possessive 's), fewest letters removed first, each with a flag telling
    whether a و was removed. Stems shorter than three letters are not offered (لست is
    not ل + ست)."""
    if not is_arabic_word(norm):
        if norm.endswith(_POSSESSIVE):
            return ((norm, False), (norm[: -len(_POSSESSIVE)], False))
        return ((norm, False),)
    forms = {norm: False}
    for conj in _CONJUNCTIONS:
        if not norm.startswith(conj):
            continue
        after_conj = norm[len(conj) :]
        stems = [after_conj] + [
            after_conj[len(p) :] for p in _PREPOSITIONS if after_conj.startswith(p)
        ]
        if after_conj.startswith(_LAM_ARTICLE):
            stems.append(_ARTICLE + after_conj[len(_LAM_ARTICLE) :])
        stems += [stem[len(_ARTICLE) :] for stem in stems if stem.startswith(_ARTICLE)]
        for stem in stems:
            if len(stem) >= 3:
                forms.setdefault(stem, conj in _AND)
    return tuple(sorted(forms.items(), key=lambda f: len(norm) - len(f[0])))


def skip_letters(text: str, pos: int, letters: int) -> int:
    """The offset of the first letter after ``letters`` letters from ``pos`` (diacritics
    are not letters)."""
    for _ in range(letters):
        pos += 1
        while not fold(text[pos]):
            pos += 1
    return pos


@cache
def _lexicon(language: str) -> PhraseTable[_Entry]:
    name = f"data/numbers/{language}.yaml"
    data = read_yaml(data_file("numbers", f"{language}.yaml"))
    if not isinstance(data, dict):
        raise ValueError(f"{name}: expected a mapping of sections")
    lexicon = PhraseTable(_Entry)
    for section in _SECTIONS:
        for value, words in (data.get(section) or {}).items():
            if not isinstance(value, int) or value <= 0 or not _is_word_list(words):
                raise ValueError(f"{name}: {section}: bad entry {value!r}: {words!r}")
            for word in words:
                setattr(lexicon.entry(word), section.rstrip("s"), value)
    for section in ("approximators", "not_numbers"):
        words = data.get(section) or []
        if not _is_word_list(words):
            raise ValueError(f"{name}: {section}: expected a list of words, got {words!r}")
        for word in words:
            entry = lexicon.entry(word)
            if section == "approximators":
                entry.approximator = True
            else:
                entry.blocked = True
    return lexicon


def _is_word_list(words: object) -> bool:
    return isinstance(words, list) and all(isinstance(w, str) and fold(w).strip() for w in words)


def find_numbers(
    text: str, start: int = 0, end: int | None = None, tokens: Sequence[Token] | None = None
) -> list[NumberMention]:
    """Every number in ``text[start:end]``, with offsets into ``text``; ``tokens``, when
    given, are that stretch's tokens (a document is tokenised once)."""
    tokens = _prepare(tokenize(text, start, end) if tokens is None else tokens)
    out: list[NumberMention] = []
    i = 0  # the grammar runs only where a number word or digits begin, left to right
    for begin in compress(count(), map(_MAY_BEGIN.__getitem__, norms_of(tokens))):
        if begin < i:
            continue  # read as part of the number before
        mention, i = _read(text, tokens, begin)
        if mention is not None:
            out.append(mention)
    return out


def parse_number(word: str) -> int | None:
    """The value of a single number word or short phrase ("خمسة وعشرون", "a dozen")."""
    word = word.strip()
    mentions = find_numbers(word)
    if len(mentions) == 1 and mentions[0].span.text == word:
        return mentions[0].value
    return None


# Digits written joined to a conjunction or preposition: و3, ب10.
# ... or to the article: "الـ24 ساعة", "الساعات الـ48 الماضية".
_JOINED = "".join(fold(c) for c in _CLITICS.conjunctions + _CLITICS.prepositions)
_CLITIC_DIGITS = re.compile(f"((?:[{_JOINED}]*{fold(_CLITICS.article)})|[{_JOINED}]+)([0-9]+)")
_JOINERS = frozenset({"-", *folded_words("and")})


def _may_begin(norm: str) -> bool:
    """Can a number (or its approximator) begin at a token of this folded form?"""
    if _DIGITS.fullmatch(norm):
        return True
    return bool(_lexicon("ar" if is_arabic_word(norm) else "en").first_forms(norm))


_MAY_BEGIN = PerForm(_may_begin)
_ENDS_IN_DIGIT = PerForm(lambda norm: norm[-1].isdigit())


def _prepare(tokens: Sequence[Token]) -> Sequence[Token]:
    """Joins 1,200 (and ١٬٢٠٠) into one token and splits و3 into و + 3 (``tokens`` themselves
    when there is neither)."""
    out: list[Token] = []
    changed = False
    done = 0  # tokens before this one are in ``out``
    for k in compress(count(), map(_ENDS_IN_DIGIT.__getitem__, norms_of(tokens))):
        out += tokens[done:k]
        done = k + 1
        tok = tokens[k]
        clitic = _CLITIC_DIGITS.fullmatch(tok.norm)
        if clitic:  # the article may be drawn out with a tatweel: "الـ24"
            changed = True
            cut = tok.start + next(k for k, ch in enumerate(tok.text) if ch.isdigit())
            out.append(Token(tok.start, cut, tok.text[: cut - tok.start], clitic.group(1)))
            tok = Token(cut, tok.end, tok.text[cut - tok.start :], clitic.group(2))
        if (
            len(out) >= 2
            and out[-1].norm == ","
            and _DIGITS.fullmatch(out[-2].norm)
            and out[-2].end == out[-1].start == tok.start - 1
            and re.fullmatch("[0-9]{3}", tok.norm)
        ):
            head = out[-2]
            changed = True
            out[-2:] = [
                Token(head.start, tok.end, head.text + "," + tok.text, head.norm + tok.norm)
            ]
        else:
            out.append(tok)
    out += tokens[done:]
    return out if changed else tokens


def _read(text: str, tokens: Sequence[Token], i: int) -> tuple[NumberMention | None, int]:
    """The number starting at token ``i`` (after an optional approximator) and the index
    to continue from."""
    word = _word_at(text, tokens, i)
    approximate = word is not None and word.payload.approximator
    approximator = word.start if word is not None else i
    if word is not None and approximate:
        word = _word_at(text, tokens, word.last)
    if word is None or word.payload.blocked:
        return None, (word.last if word is not None else i + 1)
    run = _Run()
    if not run.take(word, joined=False, arabic=is_arabic_word(tokens[word.first].norm)):
        return None, word.first + 1
    j = word.last
    while j < len(tokens):
        joiner = tokens[j].norm in _JOINERS or (tokens[j].norm == "of" and run.vague)
        nxt = _word_at(text, tokens, j + 1 if joiner else j)
        if nxt is None or nxt.payload.blocked:
            break
        if not run.take(nxt, joiner or nxt.waw, is_arabic_word(tokens[nxt.first].norm)):
            break
        j = nxt.last
    begin = word.start
    stop = tokens[j - 1].end
    span = Span(begin, stop, text[begin:stop])
    said_from = approximator if approximate else begin
    return NumberMention(span, run.value, run.vague, approximate, said_from), j


def _word_at(text: str, tokens: Sequence[Token], i: int) -> PhraseHit[_Entry] | None:
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if _DIGITS.fullmatch(tok.norm):
        if _in_date_or_decimal(tokens, i):
            return None
        return PhraseHit(i, i + 1, _Entry(number=int(tok.norm), digits=True), tok.start, False)
    lexicon = _lexicon("ar" if is_arabic_word(tok.norm) else "en")
    word = lexicon.match(text, tokens, i)
    if word is not None and word.payload.teen_one:
        after = lexicon.match(text, tokens, word.last)
        if after is None or after.payload.number != 10 or after.waw:
            return None
        teen = _Entry(number=word.payload.teen_one + 10)
        return PhraseHit(i, after.last, teen, word.start, word.waw)
    return word


def _in_date_or_decimal(tokens: Sequence[Token], i: int) -> bool:
    """15/1/2024, 10:30, 2.5, 15-1 and 15% are not counts."""
    tok = tokens[i]
    if i + 1 < len(tokens) and tokens[i + 1].start == tok.end:
        nxt = tokens[i + 1]
        if nxt.norm in ("%", "\u066a"):
            return True
        if nxt.norm in _DATE_OR_DECIMAL_MARKS and i + 2 < len(tokens):
            after = tokens[i + 2]
            if after.start == nxt.end and _DIGITS.fullmatch(after.norm):
                return True
    if i >= 2 and tokens[i - 1].end == tok.start and tokens[i - 1].norm in _DATE_OR_DECIMAL_MARKS:
        before = tokens[i - 2]
        return before.end == tokens[i - 1].start and bool(_DIGITS.fullmatch(before.norm))
    return False


class _Run:
    """Adds words up the way number phrases are built: units before tens with و in Arabic
    (خمسة وعشرون), tens before units in English (twenty-five), hundreds and thousands
    first, multipliers after what they multiply (ثلاثة آلاف, two hundred)."""

    def __init__(self) -> None:
        self.total = 0  # finished thousands and millions
        self.group = 0  # the part since the last thousand/million
        self.last: int | None = None  # the last addend
        self.room = 0  # a further addend must be below this; 0: only a multiplier may follow
        self.vague = False

    @property
    def value(self) -> int:
        return self.total + self.group

    def take(self, word: PhraseHit[_Entry], joined: bool, arabic: bool) -> bool:
        e = word.payload
        if e.approximator or e.blocked:
            return False
        if self.last is None and e.vague:
            self.group, self.last, self.vague = e.vague, 0, True
            return True
        if e.scale and (self.group or self.last is None):
            return self._multiply(e.scale, joined)
        if e.number is None or (
            self.last is not None and (e.digits or not self._continues(e.number, joined, arabic))
        ):
            return False
        self.group += e.number
        self.last = 0 if e.digits else e.number
        if e.digits:
            self.room = 0
        elif e.number % 100 == 0:
            self.room = 100
        else:
            self.room = 10 if e.number in _TENS and not arabic else 0
        return True

    def _continues(self, n: int, joined: bool, arabic: bool) -> bool:
        last = self.last or 0
        if arabic and 1 <= last <= 9:
            return (n == 10 and not joined) or (n in _TENS and joined)  # ثلاثة عشر، خمسة وعشرون
        return 0 < n < self.room and (joined or not arabic)

    def _multiply(self, scale: int, joined: bool) -> bool:
        if joined and not self.vague:
            return False
        group = self.group or 1
        if group >= scale:
            return False
        if scale < 1000:
            self.group = group * scale
        else:
            self.total += group * scale
            self.group = 0
        self.last, self.room = scale, scale
        return True
