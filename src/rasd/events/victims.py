"""Victims: the people a sentence names as killed or hurt, who are no event's attackers.

"قتل عنصران من قوات النظام بانفجار", "لقي جندي مصرعه", "three soldiers killed in a blast".
"""

from __future__ import annotations

from rasd.annotate.mentions import SentenceMentions
from rasd.events.sides import UNARMED, Mention
from rasd.knowledge.actors import ActorMention, Via
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.settings import SETTINGS
from rasd.text.normalize import AND_CLITICS, folded_words, is_arabic

_REACH = SETTINGS.roles
_DEATH_NOUNS = tuple(folded_words("death_nouns", "ar"))
_AUXILIARIES = folded_words("auxiliaries", "en")
_CAUSE_WORDS = folded_words("cause_words")
_CASUALTY_CUES = (Cue.KILLED, Cue.INJURED)
_IN_WORDS = folded_words("casualty_in_words", "ar")
_RANK_WORDS = folded_words("rank_words", "ar")
_SUBSET_WORDS = folded_words("subset_words")


def named_as_victim(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قتل عنصران من قوات النظام بانفجار": named right after a casualty word, with no word
    of its cause between ("killed in an RSF strike": the RSF did it); or right before the
    noun of one's death ("لقي جندي مصرعه"). Their number counts as one word ("قتل ما لا يقل
    عن 25 جنديا")."""
    counted = next(
        (
            n.said_from
            for n in sentence.numbers
            if n.span.end <= actor.span.start
            and sentence.words_between(n.span.end, actor.span.start) == 0
        ),
        actor.span.start,
    )
    if _kills_whom_follows(sentence, actor):
        return False
    return (
        any(
            c.end <= counted
            and sentence.words_between(c.end, counted) <= _REACH.victim_reach
            and not any(
                c.end <= t.start < actor.span.start and t.norm in _CAUSE_WORDS
                for t in sentence.tokens
            )
            for name in _CASUALTY_CUES
            for c in sentence.cue(name)
        )
        or any(
            actor.span.end <= c.start
            and sentence.words_between(actor.span.end, c.start) == 0
            and sentence.tokens[sentence.token_index(c.start)].norm.startswith(_DEATH_NOUNS)
            for c in sentence.cue(Cue.KILLED)
        )
        or _reduced_passive_victim(sentence, actor)
        or _told_before_their_casualty(sentence, actor)
        or _joined_to_a_victim(sentence, actor)
        or _among_the_victims(sentence, actor, counted)
    )


def _among_the_victims(sentence: SentenceMentions, actor: Mention, counted: int) -> bool:
    """ "قتل تسعة من أفراد الشرطة، بينهم ضابطان", "seven killed, including two officers":
    named right after a word of a subset of the dead or hurt told before it."""
    if not after_subset_word(sentence, counted):
        return False
    subset = sentence.tokens[sentence.token_index(counted) - 1].start
    return any(c.end <= subset for name in _CASUALTY_CUES for c in sentence.cue(name))


def after_subset_word(sentence: SentenceMentions, offset: int) -> bool:
    """Is the word at ``offset`` right after a word of a subset ("بينهم", "including")?"""
    at = sentence.token_index(offset)
    return at > 0 and sentence.tokens[at - 1].norm in _SUBSET_WORDS


def _joined_to_a_victim(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قتلت ثلاث قياديات في وحدات حماية المرأة وقوات سوريا الديمقراطية": joined by "و" to
    a victim named right before it, it is one of the victims too."""
    if not sentence.tokens[sentence.token_index(actor.span.start)].norm.startswith(AND_CLITICS):
        return False
    return any(
        other.span.end <= actor.span.start
        and sentence.words_between(other.span.end, actor.span.start) == 0
        and named_as_victim(sentence, other)
        for other in sentence.actors
    )


def _kills_whom_follows(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "قتل مسلحو حركة الشباب 12 جنديا": an armed side right after the killing word, and
    the killed, counted or named, right after it: the verb is active, its subject killed."""
    if actor.entry is None or actor.entry.kind in UNARMED:
        return False
    if not any(
        c.end <= actor.span.start and sentence.words_between(c.end, actor.span.start) == 0
        for c in sentence.cue(Cue.KILLED)
    ):
        return False  # not right after the killing word
    k = sentence.token_index(actor.span.end)
    if k >= len(sentence.tokens) or not is_arabic(actor.span.text):
        return False
    after = sentence.tokens[k]
    if after.norm.startswith(AND_CLITICS):
        return False  # "قتل جنود الجيش وعناصر الشرطة": the killed, two groups of them
    return any(n.span.start == after.start for n in sentence.numbers) or any(
        a.span.start == after.start and a.via != Via.ADJECTIVE for a in sentence.actors
    )


def _told_before_their_casualty(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "ضابطا وأربعة جنود قتلوا في هجوم", "جنديين اثنين أصيبا بالهجوم": named (their number
    between, if any) right before an Arabic casualty verb that its cause or the sentence's
    end follows, not an object it acts on ("جنود قتلوا مدنيين": they killed)."""
    tokens = sentence.tokens
    k = sentence.token_index(actor.span.end)
    if k < len(tokens) and any(n.span.start == tokens[k].start for n in sentence.numbers):
        k += 1  # "جنديين اثنين"
    if k >= len(tokens) or not is_arabic(tokens[k].norm):
        return False
    if not any(c.start == tokens[k].start for n in _CASUALTY_CUES for c in sentence.cue(n)):
        return False
    after = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        after is None
        or after.norm in _CAUSE_WORDS
        or after.norm in _IN_WORDS
        or any(t.start == after.start for t in sentence.triggers)
        or any(w.start == after.start for w in sentence.weapons)
    )


def _reduced_passive_victim(sentence: SentenceMentions, actor: Mention) -> bool:
    """ "Three soldiers killed in a blast", "two civilians were wounded by shelling": named
    right before an English casualty word (past its auxiliary) that its cause follows."""
    tokens = sentence.tokens
    k = sentence.token_index(actor.span.end)
    while k < len(tokens) and tokens[k].norm in _AUXILIARIES:
        k += 1
    return (
        k + 1 < len(tokens)
        and not is_arabic(tokens[k].norm)
        and tokens[k + 1].norm in _CAUSE_WORDS
        and any(c.start == tokens[k].start for n in _CASUALTY_CUES for c in sentence.cue(n))
    )


def ranks(sentence: SentenceMentions) -> list[ActorMention]:
    """ "اثنان منهم برتبة ضابط": a rank the dead held, no side."""
    return [
        a
        for a in sentence.actors
        if (k := sentence.token_index(a.span.start)) and sentence.tokens[k - 1].norm in _RANK_WORDS
    ]
