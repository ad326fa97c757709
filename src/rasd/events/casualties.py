"""Casualties: how many were killed and injured, from the numbers next to casualty words.

Reads one clause of a sentence's mentions: numbers ("قتل خمسة", "3 wounded"), dual nouns
("عنصرين"), single victims ("قتل شاب", "a journalist was killed", "مقتل مدني ومقاتل") and
"no casualties" statements. The words themselves are cue classes of the lexicon.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.annotate.numbers import NumberMention
from rasd.events.victims import after_subset_word
from rasd.knowledge.actors import ActorKind
from rasd.knowledge.language import LANGUAGES, language_profile
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.resources import default_resources
from rasd.knowledge.settings import SETTINGS
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import AND_CLITICS, COMMAS, QUOTES, fold, folded_words, is_arabic
from rasd.text.tokens import token_keys

_REACH = SETTINGS.casualties


def _words(name: str) -> frozenset[str]:
    return frozenset(w for code in LANGUAGES for w in language_profile(code).words(name))


_AND = folded_words("and")
_FROM = folded_words("from")
_ARTICLES = _words("articles")
_AUXILIARIES = _words("passive_auxiliaries")
# Compared with the folded word as written in the profile (so "على", whose folded form is
# "علي", does not take part).
_NOT_VICTIMS = _words("not_victims")
_PLURAL_ENDINGS = tuple(sorted(_words("plural_endings")))
_DUAL_ENDINGS = tuple(sorted(_words("dual_endings")))
_BROKEN_PLURALS = folded_words("broken_plurals")
_ONE_VICTIM_ENDINGS = tuple(language_profile("ar").words("one_victim_endings"))
_TWO_VICTIM_ENDINGS = tuple(language_profile("ar").words("two_victim_endings"))
_FEMININE_AS_WRITTEN = language_profile("ar").words("feminine_ending")


# The possessive endings a person word may carry: "طفلها" (her child)
_POSSESSIVES = tuple(sorted(folded_words("possessive_endings"), key=len, reverse=True))
# "زوجته": before a pronoun the feminine ending is written as another letter
(_FREE_FEMININE,) = (fold(w) for w in language_profile("ar").words("feminine_ending"))
(_BOUND_FEMININE,) = (fold(w) for w in language_profile("ar").words("feminine_bound_ending"))


class Toll(NamedTuple):
    """Deaths and injuries a clause reports; None where it gives no figure."""

    fatalities: int | None
    injuries: int | None


def in_a_running_toll(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """ "ليرتفع عدد القتلى إلى 40", "bringing the death toll to 40": a total so far, the
    dead of no one act."""
    reach = SETTINGS.events.running_toll_reach
    return any(
        c.start <= cue.start and sentence.words_between(c.end, cue.start) <= reach
        for c in sentence.cue(Cue.RUNNING_TOLL)
    )


def count_casualties(sentence: SentenceMentions, clause: Clause) -> Toll:
    """Deaths and injuries from the numbers next to casualty words ("قتل خمسة", "3 wounded")
    in the event's clause; a casualty word with one victim and no number counts one; "no
    casualties" counts zero. ("Missiles hit the base hours after a strike killed five": the
    five belong to the strike.)"""

    def here(cue_name: Cue) -> list[PhraseMatch[Cue]]:
        return [c for c in sentence.cue(cue_name) if clause.holds(c.start)]

    totals: dict[str, int | None] = {"fatalities": None, "injuries": None}
    if here(Cue.NO_CASUALTIES):
        totals = {"fatalities": 0, "injuries": 0}
    cues = [(c, "fatalities") for c in here(Cue.KILLED)]
    cues += [(c, "injuries") for c in here(Cue.INJURED)]
    cues = [(c, attr) for c, attr in cues if not in_a_running_toll(sentence, c)]
    cues.sort(key=lambda item: item[0].start)
    counted: dict[int, list[int | None]] = {id(c): [] for c, _ in cues}
    counts = sentence.derived(_people_counts)
    wholes: dict[int, NumberMention] = {}  # a part's index -> the count it is part of
    for k, number in enumerate(counts):
        if k and after_subset_word(sentence, number.span.start):
            wholes[k] = counts[k - 1]
    placed: set[int] = set()
    for k, number in enumerate(counts):
        cue = _cue_of_number(sentence, number, [c for c, _ in cues])
        if k in wholes:
            # "seven soldiers, including two officers, were killed": the part is not the
            # toll; its casualty word counts the whole, unless the whole found its own
            whole = wholes[k]
            if cue is None or id(whole) in placed:
                continue
            number = whole
        if cue is not None:
            placed.add(id(number))
            value = None if number.vague else number.value
            if (
                value is not None
                and _opens_clause(sentence, number)
                and number.span.start > cue.end
            ):
                # "مقتل قيادي ... واثنين من مرافقيه": the one named first, and two more
                value += 1 if _singular_victim(sentence, cue) else 0
            counted[id(cue)].append(value)
    joined = _joined_tolls(sentence, [c for c, _ in cues])
    for cue, attr in cues:
        if id(cue) in joined:
            continue  # "قتل وأصيب 10": the dead and the wounded together, neither known
        values = counted[id(cue)]
        listed = _victim_groups(sentence, cue)
        if listed is not None:
            values = [listed]
        elif not values and _dual_victims(sentence, cue):
            values = [2]
        elif not values and (told := _pronoun_victims(sentence, cue)):
            values = [told]
        elif not values and _one_victim(sentence, cue):
            values = [1]
        elif not values and _singular_victim(sentence, cue):
            values = [1 + _more_victims(sentence, cue)]
        elif not values:
            values = [before] if (before := _victims_before(sentence, cue)) else []
        known = [v for v in values if v is not None]
        if known:
            totals[attr] = max(totals.get(attr) or 0, *known)
    if not cues and (elided := _toll_told_before(sentence, clause)) is not None:
        totals[elided[0]] = elided[1]
    return Toll(totals["fatalities"], totals["injuries"])


def _toll_told_before(sentence: SentenceMentions, clause: Clause) -> tuple[str, int] | None:
    """ "قتل ثلاثة بغارة على سرمين، واثنان بقصف على إدلب": a clause that opens with a count
    (or with "بينهم" and a count: "بينهم عشرون في قصف مبنى") and names no casualty word of
    its own counts what the last casualty word before it counts (the dead, here two)."""
    opening = next(
        (
            n
            for n in sentence.numbers
            if clause.holds(n.span.start)
            and (
                n.span.start <= clause.start + 1
                or (
                    after_subset_word(sentence, n.span.start)
                    and sentence.words_between(clause.start, n.span.start) <= 1
                )
            )
        ),
        None,
    )
    before = [
        c for name in (Cue.KILLED, Cue.INJURED) for c in sentence.cue(name) if c.end <= clause.start
    ]
    if opening is None or opening.vague or not before:
        return None
    last = max(before, key=lambda c: c.start)
    return ("fatalities" if last.payload == Cue.KILLED else "injuries"), opening.value


def told_joined_toll(sentence: SentenceMentions, clause: Clause) -> bool:
    """Whether the clause tells its dead and wounded in one figure ("قتل وأصيب 29")."""
    cues = [
        c for c in sentence.cue(Cue.KILLED) + sentence.cue(Cue.INJURED) if clause.holds(c.start)
    ]
    return bool(_joined_tolls(sentence, sorted(cues, key=lambda c: c.start)))


def _joined_tolls(sentence: SentenceMentions, cues: list[PhraseMatch[Cue]]) -> set[int]:
    """Casualty words of both kinds side by side ("قتل وأصيب 10", "killed and wounded ten"):
    one figure counts both, so it tells neither. The ids of such cues. (With the victim
    told before them, each word has its own: "وامرأة قُتلت وأصيب طفلان".)"""
    joined: set[int] = set()
    for a, b in zip(cues, cues[1:]):
        if {a.payload, b.payload} != {Cue.KILLED, Cue.INJURED} or b.start < a.end:
            continue
        if _victims_before(sentence, a):
            continue
        between = [t.norm for t in sentence.tokens if a.end <= t.start < b.start]
        if not between or (len(between) == 1 and between[0] in _AND):
            joined |= {id(a), id(b)}
    return joined


def _people_counts(sentence: SentenceMentions) -> list[NumberMention]:
    """Numbers that may count people: not dates, rockets, kilometres or days, nor the number
    in a unit's name ("اللواء 47", "Brigade 47")."""
    dates = [d.span for d in sentence.dates if d.span]
    things = [w.start for w in sentence.weapons] + [c.start for c in sentence.cue(Cue.UNIT)]
    names = [c.end for c in sentence.cue(Cue.FORMATION)]
    counts = [
        n
        for n in sentence.numbers
        if not any(d.start <= n.span.start < d.end for d in dates)
        and not _a_year(sentence, n)
        and not any(t >= n.span.end and sentence.words_between(n.span.end, t) == 0 for t in things)
        and not (
            any(e <= n.span.start and sentence.words_between(e, n.span.start) == 0 for e in names)
            and not _opens_clause(sentence, n)  # "قتل آمر فوج واثنان": and two more
        )
    ]
    return counts


def _a_year(sentence: SentenceMentions, number: NumberMention) -> bool:
    """ "attacks since 2023, killing four sailors": four digits in the years' range that
    count nothing (a mark or the sentence's end right after them) are a year the dates did
    not read, not a toll ("killed 2000 people" counts)."""
    if not (_REACH.first_year <= number.value <= _REACH.last_year and len(number.span.text) == 4):
        return False
    k = sentence.token_index(number.span.end)
    return k >= len(sentence.tokens) or not sentence.tokens[k].norm[:1].isalpha()


def _cue_of_number(
    sentence: SentenceMentions, number: NumberMention, cues: list[PhraseMatch[Cue]]
) -> PhraseMatch[Cue] | None:
    """The casualty word a number goes with: the nearest one before it ("قتل خمسة"), else the
    nearest after it ("خمسة قتلى", "ستة عدد الذين قتلوا"), never across another one."""
    after = [c for c in cues if c.start >= number.span.end]
    if after and sentence.words_between(number.span.end, after[0].start) == 0:
        return after[0]  # "٨٠ جريحاً": a number binds to the noun right after it
    if (
        after
        and _opens_clause(sentence, number)
        and sentence.words_between(number.span.end, after[0].start) <= _REACH.number_reach
    ):
        return after[0]  # "was killed and six others were wounded": a new clause
    before = [c for c in cues if c.end <= number.span.start]
    if before and sentence.words_between(before[-1].end, number.span.start) <= _REACH.number_reach:
        return before[-1]
    if (
        after
        and sentence.words_between(number.span.end, after[0].start) <= _REACH.number_reach_after
    ):
        return after[0]
    return None


def _opens_clause(sentence: SentenceMentions, number: NumberMention) -> bool:
    """A number right after "and"/"و" begins the next clause of a toll."""
    index = sentence.token_index(number.span.start)
    token = sentence.tokens[index] if index < len(sentence.tokens) else None
    previous = sentence.tokens[index - 1].norm if index > 0 else ""
    joined = (
        token is not None and token.norm.startswith(AND_CLITICS) and token.start < number.span.start
    )
    return previous in _AND or joined


def _singular_victim(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """ "قتل شاب", "a man was killed": a casualty word with a single victim and no number."""
    first = sentence.token_index(cue.start)
    if first > 0 and sentence.tokens[first - 1].norm in _AUXILIARIES:
        return True  # "a journalist was killed"
    index = _word_after(sentence, cue)
    if index >= len(sentence.tokens):
        return False
    index = _past_killers(sentence, index)
    if index >= len(sentence.tokens):
        return False
    if sentence.tokens[index].norm in _ARTICLES and index + 1 < len(sentence.tokens):
        index += 1  # "shot dead a farmer"
    token = sentence.tokens[index]
    marks: list[PhraseMatch[Any]] = [*sentence.triggers, *sentence.weapons]
    marks += sentence.cue(Cue.KILLED) + sentence.cue(Cue.INJURED)
    if any(t.start == token.start for t in marks):
        return False  # "والجرحى بقصف", "قتلا وأصيب": the next word is no victim
    word = token.norm
    if not word.isalpha() or len(word) <= 2 or word in _NOT_VICTIMS:
        return False
    return not word.endswith(_PLURAL_ENDINGS) and not token_keys(word) & _BROKEN_PLURALS


def _past_killers(sentence: SentenceMentions, index: int) -> int:
    """ "قتل مسلحون مجهولون شابا": the index of the word after the killers named at
    ``index`` (``index`` itself when none are: "قتل جندي" is one soldier, killed)."""
    persons = {c.start for c in sentence.cue(Cue.PERSON)}
    killers = [
        a
        for a in sentence.actors
        if a.span.start == sentence.tokens[index].start
        and a.entry.kind != ActorKind.CIVILIANS
        and a.span.start not in persons
    ]
    return sentence.token_index(killers[0].span.end - 1) + 1 if killers else index


def _more_victims(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> int:
    """ "بمقتل مدني ومقاتل": other single victims joined to the first one by "و"."""
    people = sentence.cue(Cue.PERSON)
    index = sentence.token_index(cue.end - 1) + 2
    more = 0
    while index < len(sentence.tokens) and more < _REACH.joined_victims:
        token = sentence.tokens[index]
        joined = token.text.startswith(AND_CLITICS)
        if not joined or not any(p.start == token.start for p in people):
            break
        more += 1
        index += 1
    return more


def _victim_groups(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> int | None:
    """ "قتل أربعة أطفال وثلاث نساء ورجل" (eight), "قتلت امرأة وطفلها" (two): groups of
    victims joined by "و" or a comma right after the casualty word, summed; None unless
    two groups or more are listed."""
    tokens, people = sentence.tokens, _person_starts(sentence)
    numbers = {n.span.start: n for n in sentence.numbers}
    index = sentence.token_index(cue.end - 1) + 1
    total = groups = 0
    after_mark = False  # a comma or a lone "و" just read: the next group needs no clitic
    while index < len(tokens) and groups < _REACH.joined_victims:
        token = tokens[index]
        if groups and (token.text in COMMAS or token.norm in _AND):
            after_mark = True
            index += 1
            continue
        joined = bool(groups) and token.text.startswith(AND_CLITICS) and len(token.norm) > 2
        if groups and not joined and not after_mark:
            break
        after_mark = False
        skip = len(AND_CLITICS[0]) if joined else 0
        number = numbers.get(token.start + skip) or numbers.get(token.start)
        if number is not None and not number.vague:
            total += number.value
            index = sentence.token_index(number.span.end - 1) + 2  # the number and its noun
            if index + 1 < len(tokens) and tokens[index].norm in _FROM:
                index += 2  # "ثلاثة عناصر من الجيش"
        elif _is_person(token.norm[skip:], people, token.start) and not _tells(sentence, index):
            total += 2 if token.norm.endswith(_DUAL_ENDINGS) else 1
            index += 1
        else:
            break
        groups += 1
    return total if groups >= 2 else None


def _tells(sentence: SentenceMentions, index: int) -> bool:
    """ "killing 12 civilians, activists said": people right before a word of telling are
    the source, not more victims."""
    following = sentence.tokens[index + 1].start if index + 1 < len(sentence.tokens) else None
    return any(r.start == following for r in sentence.cue(Cue.REPORT))


def _victims_before(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> int:
    """ "وامرأة قُتلت", "وطفلان أصيبا": one person (two for a dual of a person word) told
    right before the casualty word, which then reads as a passive; 0 for any other word."""
    index = sentence.token_index(cue.start) - 1
    if index < 0:
        return 0
    token = sentence.tokens[index]
    if any(p.start == token.start for p in sentence.cue(Cue.PERSON)):
        return 1
    word = token.norm[len(AND_CLITICS[0]) :] if token.text.startswith(AND_CLITICS) else token.norm
    return 2 if _dual_of_person(word) else 0


def _person_starts(sentence: SentenceMentions) -> set[int]:
    return {p.start for p in sentence.cue(Cue.PERSON)} | {
        a.span.start for a in sentence.actors if a.entry.kind == ActorKind.CIVILIANS
    }


def _is_person(word: str, starts: set[int], start: int) -> bool:
    """A word for one person or a group of them (a person word or a civilians' name), one
    with a possessive ending ("طفلها", her child), or the dual of a person word ("جنديان")."""
    if start in starts:
        return True
    if _dual_of_person(word):
        return True
    words = _person_words()
    for end in _POSSESSIVES:
        if word.endswith(end):
            stem = word[: -len(end)]
            if stem in words or (
                stem.endswith(_BOUND_FEMININE)
                and stem[: -len(_BOUND_FEMININE)] + _FREE_FEMININE in words
            ):
                return True
    return False


def _dual_of_person(word: str) -> bool:
    """ "جنديان": a person word with the dual ending."""
    return any(word.endswith(end) and word[: -len(end)] in _person_words() for end in _DUAL_ENDINGS)


@cache
def _person_words() -> frozenset[str]:
    """Words for one person: the person cue of the loaded lexicons (read when first asked,
    from the knowledge already loaded, not from the data files again)."""
    lexicons = default_resources().lexicons.values()
    return frozenset(fold(p) for lexicon in lexicons for p, _ in lexicon.cue(Cue.PERSON).phrases)


def _pronoun_victims(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> int:
    """ "ما أدى إلى مقتلهما" two, "أدى إلى مقتله" one: the victims a pronoun ending on the
    casualty word stands for (0 for none, or for "مقتلهم", a number not told)."""
    token = sentence.tokens[sentence.token_index(cue.end - 1)]
    letters = [c for c in token.text if c.isalpha()]  # diacritics are no letters
    if not letters or letters[-1] in _FEMININE_AS_WRITTEN:
        return 0  # "إصابة": the feminine ending, no pronoun
    if token.norm.endswith(_TWO_VICTIM_ENDINGS):
        return 2
    return 1 if token.norm.endswith(_ONE_VICTIM_ENDINGS) else 0


def _one_victim(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """ "قتيل", "a civilian was killed": the casualty word is itself one victim."""
    return any(
        o.start <= cue.start < o.end or cue.start <= o.start < cue.end
        for o in sentence.cue(Cue.ONE_VICTIM)
    )


def _dual_victims(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """An Arabic dual: the casualty word itself ("سقط قتيلان"), the noun right after it
    ("قتل حارسان", "مقتل شابين") or after its killers ("قتلت قوات الاحتلال شابين"), or
    before a word that is itself one victim ("سقوط شخصين ضحية")."""
    first = sentence.token_index(cue.start)
    after = _word_after(sentence, cue)
    if after < len(sentence.tokens):
        after = _past_killers(sentence, after)  # "قتلت قوات الاحتلال شابين"
    before = first - 1 if first > 0 and _one_victim(sentence, cue) else None
    return any(
        _is_dual(sentence, index) for index in (after - 1, after, before) if index is not None
    )


def _word_after(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> int:
    """The index of the word after a casualty word, past a quotation mark ('قتل "إرهابيان"')."""
    index = sentence.token_index(cue.end - 1) + 1
    while index < len(sentence.tokens) and sentence.tokens[index].text in QUOTES:
        index += 1
    return index


def _is_dual(sentence: SentenceMentions, index: int) -> bool:
    if index < 0 or index >= len(sentence.tokens):
        return False
    token = sentence.tokens[index]
    if any(c.start <= token.start < c.end for c in sentence.cue(Cue.TWO_VICTIMS)):
        return True
    return len(token.norm) > 4 and token.norm.endswith(_DUAL_ENDINGS) and is_arabic(token.norm)
