"""Clauses: the stretches of a sentence an event is read from, cut at clause-break words
("while", "تزامن مع", ";") and where another toll with an act of its own opens: a count
joined by "و" after a comma or after a toll with its own act, or a place's share of a toll
("بينهم عشرون في قصف ...")."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rasd.knowledge.lexicon import Cue
from rasd.text.normalize import AND_CLITICS, COMMAS, fold, folded_words
from rasd.text.tokens import token_keys

if TYPE_CHECKING:
    from rasd.annotate.mentions import SentenceMentions

_SUBORDINATORS = folded_words("subordinators")
_AMONG = folded_words("subset_words", "ar")  # "بينهم": a share of the toll told before
_IN = folded_words("casualty_in_words", "ar")  # "بينهم عشرون في قصف": where they died
_TELLINGS = (Cue.REPORT, Cue.ACCUSATION, Cue.DENIAL, Cue.CLAIM)
_AND_EN = folded_words("and", "en")
_PEOPLE_EN = folded_words("people_nouns", "en")


@dataclass(slots=True)
class Clause:
    """A stretch of a sentence between clause breaks ("while", "تزامن مع", ";")."""

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:  # see SentenceMentions.__init__
        self.start, self.end = start, end

    def holds(self, offset: int) -> bool:
        return self.start <= offset < self.end


def clauses_of(sentence: SentenceMentions) -> list[Clause]:
    """The sentence cut at its clause-break words, and where another toll with an act of its
    own opens ("قتل ثلاثة بغارة على سرمين، واثنان بقصف على إدلب": two acts, two places)."""
    breaks = sentence.cue(Cue.CLAUSE_BREAK)
    cuts = sorted(
        {m.start for m in breaks}
        | _toll_openings(sentence)
        | _opening_aside(sentence)
        | _speaker_openings(sentence)
    )
    if not cuts:
        return [Clause(sentence.start, sentence.end)]
    bounds = [sentence.start, *cuts, sentence.end]
    return [Clause(a, b) for a, b in zip(bounds, bounds[1:]) if b > a] or [
        Clause(sentence.start, sentence.end)
    ]


def _toll_openings(sentence: SentenceMentions) -> set[int]:
    """Where a count joined by "و" follows a comma (or, with no comma, a toll with its own
    act) and its own act follows before the next comma: "، واثنان بقصف مدفعي على إدلب" (not
    "إلى 90 قتيلا، و300 مصاب، بعدما": the same toll's wounded); and where "بينهم" opens a
    place's share of a toll with its own act ("قتل ثلاثون، بينهم عشرون في قصف مبنى في جباليا":
    not "بينهم عشرون طفلا", the toll's children)."""
    tokens = sentence.tokens
    counts = sorted(n.span.start for n in sentence.numbers)
    commas = [t.start for t in tokens if t.text in COMMAS] + [sentence.end]
    out = set()
    for k in range(len(tokens) - 1):
        opening = tokens[k + 1]
        if _english_toll_after_comma(sentence, k, counts, commas):
            out.add(opening.start)
            continue
        if opening.norm in _AMONG and _share_with_its_act(sentence, k + 1, counts, commas):
            out.add(opening.start)
            continue
        if not opening.norm.startswith(AND_CLITICS) or not any(
            opening.start <= c < opening.end for c in counts
        ):
            continue
        if tokens[k].text not in COMMAS and not _own_act_before(sentence, counts, opening.start):
            continue
        stop = min(c for c in commas if c > opening.start)
        if any(opening.end <= t.start < stop for t in sentence.triggers):
            out.add(opening.start)
    return out


def _english_toll_after_comma(
    sentence: SentenceMentions, k: int, counts: list[int], commas: list[int]
) -> bool:
    """ "..., and a man was killed by drone fire in Beit Lahia", "..., and two others died in
    Rafah": after a comma at token ``k``, "and", a count or a person, and an act and a place
    of its own before the next comma (not "..., and two others were wounded in the raid")."""
    tokens = sentence.tokens
    if tokens[k].text not in COMMAS or k + 3 >= len(tokens) or tokens[k + 1].norm not in _AND_EN:
        return False
    who = tokens[k + 2 : k + 4]
    if not any(t.start in counts or t.norm in _PEOPLE_EN for t in who):
        return False
    stop = min(c for c in commas if c > tokens[k + 1].start)
    return any(who[-1].end <= t.start < stop for t in sentence.triggers) and any(
        who[-1].end <= p.span.start < stop for p in sentence.places
    )


def _share_with_its_act(
    sentence: SentenceMentions, k: int, counts: list[int], commas: list[int]
) -> bool:
    """After "بينهم" at token ``k``: a count, then "في" or an act, and an act before the next
    comma."""
    tokens = sentence.tokens
    if k + 2 >= len(tokens) or tokens[k + 1].start not in counts:
        return False
    after = tokens[k + 2]
    stop = min(c for c in commas if c > after.start)
    acts = [t.start for t in sentence.triggers if after.start <= t.start < stop]
    return bool(acts) and (after.norm in _IN or acts[0] < after.end)


def _own_act_before(sentence: SentenceMentions, counts: list[int], start: int) -> bool:
    """ "بينهم عشرون في قصف مبنى في جباليا وستة في قصف منزل": with no comma, a count joined
    by "و" opens another toll when the count before it has an act of its own between them
    (not "قتل عشرون وستة جرحى بقصف": one toll, its dead and wounded)."""
    before = [c for c in counts if c < start]
    return bool(before) and any(before[-1] < t.start < start for t in sentence.triggers)


def _speaker_openings(sentence: SentenceMentions) -> set[int]:
    """ "مسيرات تضرب ميناء بورتسودان والجيش يتهم الدعم السريع": a name joined by "و" and
    followed by its word of telling, accusing or denying opens another clause: the speaker's,
    not a side of the act before it."""
    tellings = [c.start for name in _TELLINGS for c in sentence.cue(name)]
    out = set()
    for actor in sentence.actors:
        first = sentence.tokens[sentence.token_index(actor.span.start)]
        if (
            first.start > sentence.start
            and first.norm.startswith(AND_CLITICS)
            and any(
                actor.span.end <= t and sentence.words_between(actor.span.end, t) == 0
                for t in tellings
            )
        ):
            out.add(first.start)
    return out


def _opening_aside(sentence: SentenceMentions) -> set[int]:
    """ "فيما تتواصل المواجهات بين الجيش والدعم السريع، قتل 30 شخصاً في هجوم بمسيرة": a
    subordinating word ("while") that opens the sentence opens a clause the first comma
    closes (not "كما", "also", whose act goes on past the comma: "كما قصفت البلدة، ما أدى
    إلى مقتل ثلاثة")."""
    tokens = sentence.tokens
    if not tokens or not any(
        m.start == tokens[0].start
        and _subordinating(sentence.text[m.start - sentence.start : m.end - sentence.start])
        for m in sentence.cue(Cue.CLAUSE_BREAK)
    ):
        return set()
    comma = next((t.start for t in tokens[1:] if t.text in COMMAS), None)
    return set() if comma is None else {comma}


def _subordinating(words: str) -> bool:
    """Is a clause-break phrase a subordinating word ("فيما", "وبينما", "while")?"""
    folded = fold(words)
    return folded in _SUBORDINATORS or bool(token_keys(folded) & _SUBORDINATORS)
