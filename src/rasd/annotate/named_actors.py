"""Actors as a sentence names them: unnamed gunmen of a named group are that group, and a
state named after a place preposition is where, not who. (Used by :mod:`rasd.annotate.mentions`
while it reads a sentence.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasd.knowledge.actors import ActorMention, Via
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.taxonomy import ActorKind
from rasd.model import Span
from rasd.text.normalize import fold, folded_words
from rasd.text.tokens import CONJUNCTIONS, token_keys

if TYPE_CHECKING:
    from rasd.annotate.mentions import SentenceMentions

_FROM = folded_words("from")
_COUNTRYSIDE = folded_words("countryside", "ar")
_LOCATIVE_CLITICS = tuple(folded_words("locative_clitics", "ar"))

_OF = folded_words("from", "ar") | folded_words("of", "en")


def partitives(sentence: SentenceMentions, actors: list[ActorMention]) -> list[ActorMention]:
    """ "مسلحون من حركة الشباب", "gunmen of the RSF": unnamed gunmen of a named group are
    that group; and "مستوطنون مسلحون", "Islamic State militants": a word for gunmen right
    after a group describes it, the group named to its end."""
    out: list[ActorMention] = []
    for actor in actors:
        last = out[-1] if out else None
        if (
            last is not None
            and actor.entry.kind == ActorKind.UNIDENTIFIED
            and last.entry.kind != ActorKind.UNIDENTIFIED
            and " " not in actor.span.text
            and not fold(actor.span.text).startswith(CONJUNCTIONS)
            and sentence.words_between(last.span.end, actor.span.start) == 0
            and not _between(sentence, last.span.end, actor.span.start)
        ):
            out[-1] = _joined(sentence, last, actor, last)
            continue
        if (
            last is not None
            and last.entry.kind == ActorKind.UNIDENTIFIED
            and actor.entry.kind != ActorKind.UNIDENTIFIED
            and not actor.entry.generic
            and _between(sentence, last.span.end, actor.span.start) in _OF
        ):
            out[-1] = _joined(sentence, last, actor, actor)
            continue
        out.append(actor)
    return out


def _joined(
    sentence: SentenceMentions, first: ActorMention, then: ActorMention, named: ActorMention
) -> ActorMention:
    """One mention of ``named``'s actor over the words of ``first`` and ``then``."""
    start, end = first.span.start, then.span.end
    span = Span(start, end, sentence.text[start - sentence.start : end - sentence.start])
    return ActorMention(span, named.entry, named.via, named.country, named.others)


def _between(sentence: SentenceMentions, start: int, end: int) -> str:
    return fold(sentence.text[start - sentence.start : end - sentence.start].strip())


def named_as_place(sentence: SentenceMentions, actor: ActorMention) -> bool:
    """ "في دمشق", "بدمشق", "in Tehran", "من الرياض": a capital or a state after a place
    preposition or "from" is where, not who."""
    if actor.via != Via.STATE:
        return False
    k = sentence.token_index(actor.span.start)  # how many tokens end before it
    if k < len(sentence.tokens) and _in_capital(sentence.tokens[k].norm, actor):
        return True
    before = sentence.tokens[k - 1 : k] if k else []
    if before and (before[0].norm in _FROM or token_keys(before[0].norm) & _COUNTRYSIDE):
        return True  # "تبث من الرياض", "fired from Lebanon", "بريف دمشق": where, not who
    return bool(before) and any(
        before[0].start >= c.start and before[0].end <= c.end
        for c in sentence.cue(Cue.LOCATION_PREP)
    )


def _in_capital(norm: str, actor: ActorMention) -> bool:
    """ "بدمشق": a locative preposition joined to a one-word state name (a capital)."""
    capitals = {fold(s) for s in actor.entry.states if " " not in s.strip()}
    return any(norm.startswith(c) and norm[len(c) :] in capitals for c in _LOCATIVE_CLITICS)
