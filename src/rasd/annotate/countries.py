"""Which country an article is about: the one its places and actors name most, and how
much it speaks of each (read by geocoding and by the event rules that set homonyms aside)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from rasd.knowledge.gazetteer import Place, PlaceMention
from rasd.knowledge.lexicon import Cue

if TYPE_CHECKING:
    from rasd.annotate.mentions import SentenceMentions


def _sites(sentence: SentenceMentions) -> list[PlaceMention]:
    """The places a sentence names, but those named as what something is for or against
    ("تضامنا مع غزة"): they say nothing of where the article is."""
    causes = sentence.cue(Cue.CAUSE)
    if not causes:
        return sentence.places
    return [p for p in sentence.places if not any(c.end <= p.span.start for c in causes)]


def main_country(sentences: list[SentenceMentions]) -> str | None:
    """The country the article's places name most often; of equals, the one with more distinct
    places (a word read twice as a town abroad is one place), then the one its places and
    actors name more together (Russian jets over Idlib: the article is about Syria)."""
    found = [p.place for s in sentences for p in _sites(s) if p.place and p.place.country]
    places = [p.country for p in found if p.country]  # (all of them: for the type checker)
    distinct = [p.country for p in {p.id: p for p in found}.values() if p.country]
    named = places + [a.entry.country for s in sentences for a in s.actors if a.entry.country]
    if not named:
        return None
    # places first: an attacker from abroad ("قوات الاحتلال" named twice) does not make the
    # article about its own country; actors decide only where places do not
    return max(
        sorted(set(named)), key=lambda c: (places.count(c), distinct.count(c), named.count(c))
    )


def spoken_countries(
    sentences: list[SentenceMentions], actor_countries: set[str], dateline: Place | None
) -> Counter[str]:
    """How much the article speaks of each country: one for each distinct place of it that
    is named, for the dateline, and for its actors."""
    named = {(p.place.country, p.place.id) for s in sentences for p in _sites(s) if p.place}
    spoken = Counter(country for country, _ in named if country)
    spoken.update(actor_countries)
    if dateline is not None and dateline.country:
        spoken[dateline.country] += 1
    return spoken
