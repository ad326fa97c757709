"""Dating: the day (or range) an event happened, from its own clause, the lines around it or
the text before it; and when words that recall the past still tell of a recent event."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.events.candidate import Candidate
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.settings import SETTINGS
from rasd.model import DateRange, Document, date_span
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import folded_words
from rasd.text.sentences import ends_sentence

if TYPE_CHECKING:
    from rasd.events.focus import Focus

_THAT = folded_words("complementizers")  # "قالت مصادر إن ...": what follows is what is told
# What follows the date of a dateline: the outlet in brackets, then a dash or a slash.
_DATELINE_END = re.compile(r"\s*(?:\([^)\n]{1,40}\))?\s*[-\u2013\u2014/]")


def date_event(sentence: SentenceMentions, clause: Clause, cand: Candidate, focus: Focus) -> None:
    """Give ``cand`` the date its clause (or else its sentence) names, nearest the trigger;
    else the date the text so far is about; else the publication day (none without one)."""
    dates = [d for d in sentence.dates if not is_date_line(sentence, d)]
    in_clause = [d for d in dates if d.span and clause.holds(d.span.start)]
    own = in_clause or dates
    if own:
        # a day the event happened on beats a day something has gone on since
        # and so does the day of the act over the day it was told or claimed on, when the
        # clause gives both ("The group on Tuesday claimed an attack on the town on Sunday")
        best = min(
            own,
            key=lambda d: (
                since(sentence, d),
                _told_or_claimed_on(sentence, d, cand),
                abs(date_span(d).start - cand.trigger_span.start),
            ),
        )
        if (since(sentence, best) or _goes_on_after(sentence, best)) and focus.published:
            # "since Saturday", "broke out on Monday and still goes on": until publication
            best = DateRange(best.date_from, focus.published, 2, best.span)
        # "أعلنت الحكومة، اليوم الثلاثاء، مقتل ثلاثة بقصف": the day of the telling, which
        # dates the act only until a report of it says when
        cand.date, cand.date_explicit = best, True
        cand.told_on = _told_or_claimed_on(sentence, best, cand)
        cand.evidence["date"] = date_span(best)
    elif (fallback := focus.fallback_date(sentence)) is not None:
        cand.date = fallback
        cand.evidence["date"] = date_span(fallback)
    elif focus.published is not None:
        cand.date = DateRange(focus.published, focus.published, precision=2)
    # else: no date the text gives and no publication day: the date stays unknown


def is_date_line(sentence: SentenceMentions, date: DateRange) -> bool:
    """A line that is nothing but a date ("ديسمبر 26, 2023"), or the date of a dateline
    ("TRIPOLI, Aug 16 (Reuters) —", "القاهرة 8 يوليو 2017 /"): it dates the page, not an
    event."""
    if date.span is None:
        return False
    if len(date.span.text) >= SETTINGS.events.date_line_share * len(sentence.text.strip()):
        return True
    head = sentence.text[: date.span.start - sentence.start]
    # (a written date may have taken the outlet's opening bracket: "Aug 16 (")
    tail = sentence.text[date.span.end - sentence.start - date.span.text.endswith("(") :]
    return len(head.split()) <= SETTINGS.events.dateline_words and ends_a_dateline(tail)


def ends_a_dateline(tail: str) -> bool:
    """Does ``tail`` open with a dateline's end: its dash or slash, after the outlet in
    brackets if any ("(Reuters) —", " – ")?"""
    return bool(_DATELINE_END.match(tail))


def _day_of_telling(sentence: SentenceMentions, date: DateRange, cand: Candidate) -> bool:
    """A day right after a word of telling and its teller ("أعلنت الحكومة، اليوم الثلاثاء،
    مقتل ثلاثة", "said on Tuesday"), before the act it tells of; not one after "إن"/"أن",
    in what is told ("قالت مصادر إن ثلاثة قتلوا اليوم")."""
    span = date_span(date)
    return span.end <= cand.trigger_span.start and any(
        c.end <= span.start
        and sentence.words_between(c.end, span.start) <= SETTINGS.events.telling_reach
        and not any(t.norm in _THAT for t in sentence.tokens if c.end <= t.start < span.start)
        for c in sentence.cue(Cue.REPORT)
    )


def _told_or_claimed_on(sentence: SentenceMentions, date: DateRange, cand: Candidate) -> bool:
    """The day of telling (:func:`_day_of_telling`), or a day right before a word of claiming
    ("The group on Tuesday claimed an attack"), before the act. (Not one before a word of
    telling: "والأسبوع الفائت، أفادت ميليشيا بأنها هاجمت" dates the attack, within that week.)"""
    span = date_span(date)
    return _day_of_telling(sentence, date, cand) or any(
        span.end <= c.start <= cand.trigger_span.start
        and sentence.words_between(span.end, c.start) == 0
        for c in sentence.cue(Cue.CLAIM)
    )


def since(sentence: SentenceMentions, date: DateRange) -> bool:
    """A date right after "منذ"/"since": when something began, not a day events happened."""
    return any(
        c.end <= date_span(date).start and sentence.words_between(c.end, date_span(date).start) == 0
        for c in sentence.cue(Cue.SINCE)
    )


def _goes_on_after(sentence: SentenceMentions, date: DateRange) -> bool:
    """ "اندلعت الاثنين الماضي ولا تزال مستمرة": a word of going on right after the day."""
    end = date_span(date).end
    return any(
        c.start >= end and sentence.words_between(end, c.start) <= 2
        for c in sentence.cue(Cue.BACKGROUND)
    )


def in_comparison(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """ "الأعنف منذ أشهر", "the deadliest since the war began": the background word is part
    of a superlative that measures today's event against the past."""
    return any(c.start < cue.end and cue.start < c.end for c in sentence.cue(Cue.COMPARISON))


def day_told_after(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """ "في وقت سابق من اليوم" (earlier today): a day told right after the background word
    dates a recent event, which is news, not background."""
    return any(
        d.precision == 1
        and date_span(d).start >= cue.end
        and sentence.words_between(cue.end, date_span(d).start) <= 1
        for d in sentence.dates
    )


def date_below(doc: Document, sentences: list[SentenceMentions], k: int) -> DateRange | None:
    """ "التحام القوات في الخرطوم" on a line of its own inside the body: a subheading, which
    announces the paragraph below it and is dated by that paragraph's first day."""
    sentence = sentences[k]
    if not sentence.triggers or sentence.dates or sentence.is_title or k + 1 >= len(sentences):
        return None
    if ends_sentence(sentence.text) or len(sentence.text.split()) > SETTINGS.text.subheading_words:
        return None
    if "\n" not in doc.text[sentence.end : sentences[k + 1].start]:
        return None
    days = [d for d in sentences[k + 1].dates if d.precision == 1]
    return days[0] if days else None


def stretches_broken_down(
    doc: Document, sentences: list[SentenceMentions]
) -> list[DateRange | None]:
    """ "وبلغت حصيلة القتلى 329 منذ مطلع العام 2024، هم:" then one line per side ("24 من
    التنظيم ...", "و37 مدنياً ..."): the items a sentence ending in a colon opens, each a line
    that begins with a count or a bullet, break down what it tells and are dated by its
    widest date (a stretch: no day's news). The breakdown ends at the first line that is no
    such item, or at a paragraph's end. One date, or None, per sentence."""
    out: list[DateRange | None] = []
    opened: DateRange | None = None
    for k, sentence in enumerate(sentences):
        if k and "\n\n" in doc.text[sentences[k - 1].end : sentence.start]:
            opened = None  # another paragraph
        if opened is not None and not _ITEM.match(sentence.text):
            opened = None
        if sentence.dates:
            out.append(None)
            ends = sentence.text.rstrip().endswith(":")
            opened = max(sentence.dates, key=lambda d: d.date_to - d.date_from) if ends else None
        else:
            out.append(None if sentence.is_title else opened)
    return out


# An item of a breakdown: a line that begins with a count ("24 من", "و37 مدنياً") or a bullet.
_AND, _ZERO, _NINE = chr(0x0648), chr(0x0660), chr(0x0669)  # و, and the Arabic-Indic digits
_ITEM = re.compile(rf"^\s*(?:[-\u2013\u2022*\u00b7]|{_AND}?\s*[0-9{_ZERO}-{_NINE}])")
