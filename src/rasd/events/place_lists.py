"""Places named side by side: which names of a sentence make one list ("A، B و C"), and
which of them lie far enough apart to be one event each. (Used by :mod:`rasd.events.placing`.)"""

from __future__ import annotations

import re

from rasd.annotate.mentions import SentenceMentions
from rasd.annotate.unlisted import is_unlisted
from rasd.knowledge.gazetteer import Place, PlaceMention
from rasd.knowledge.place_kinds import ADMIN_KINDS, QUARTER
from rasd.knowledge.places import RelationKind, km_between, place_of
from rasd.knowledge.settings import SETTINGS
from rasd.text.normalize import AND_CLITICS, fold, folded_words

_S = SETTINGS.placing
_SPECIFICITY = _S.specificity
_AND_WORDS = folded_words("and", "en")
_NOT_AND = folded_words("not_and_words", "ar")  # "ولاية", "وسط": no "and" in them
_LIST_MARKS = ("\u060c", ",", ":", "(", " - ", " \u2013 ")  # commas, a colon, a bracket, a dash
_VILLAGES = frozenset({"town", "village"})
_BRACKETED = re.compile(r"\([^()]*\)")
_WORD = re.compile(r"\w+")


def rank(place: Place) -> int:
    """How specific a kind of place is (settings: placing.specificity)."""
    return _SPECIFICITY.get(place.kind, _S.facility)


def listed_places(
    sentence: SentenceMentions, mentions: list[PlaceMention], anchor: PlaceMention
) -> list[PlaceMention]:
    """The places named side by side with ``anchor`` ("قاعدة A، قاعدة B ومطار C"), each far
    enough from the others to be a separate event."""
    runs: list[list[PlaceMention]] = []
    for m in sorted(mentions, key=lambda m: m.span.start):
        if runs and _list_step(sentence, runs[-1][-1], m):
            runs[-1].append(m)
        else:
            runs.append([m])
    run = next((r for r in runs if anchor in r), [anchor])
    return distinct_places(
        [
            m
            for m in run
            if (m.geo_precision == 1 or is_unlisted(m.place) or _outskirts_of_all(m, run))
            and not _road_end(m)
        ]
    )


def _outskirts_of_all(mention: PlaceMention, run: list[PlaceMention]) -> bool:
    """ "أطراف بلدات A وB وC": the word before the first name of a list tells the outskirts
    of each town of it, the first as well (not "Sinjar and near Makhmour": a place told
    near another, within a list, is a reference)."""
    relation = mention.relation
    return (
        len(run) > 1
        and mention is run[0]
        and relation is not None
        and relation.kind == RelationKind.NEAR
    )


def _road_end(mention: PlaceMention) -> bool:
    """One of the two places a road, or a spot, lies between: the pair is one place."""
    return mention.relation is not None and mention.relation.kind == RelationKind.ROAD_BETWEEN


def _list_step(sentence: SentenceMentions, a: PlaceMention, b: PlaceMention) -> bool:
    """B follows A in a list ("A، B", "A و B", "A and B"), not as where A lies ("A في B",
    "بلدة A، بقضاء B": a unit word before B alone)."""
    between = sentence.text[a.span.end - sentence.start : b.span.start - sentence.start]
    units = _BRACKETED.findall(between)  # "حانين (قضاء بنت جبيل)، ومروحين": A's unit
    unit_words = sum(len(_WORD.findall(unit)) for unit in units)
    if sentence.words_between(a.span.end, b.span.start) - unit_words > _S.list_gap:
        return False
    between = _BRACKETED.sub("", between)
    words = between.split()
    joined = sentence.text[b.span.start - sentence.start].startswith(AND_CLITICS) or any(
        w in _AND_WORDS or (w.startswith(AND_CLITICS) and fold(w) not in _NOT_AND) for w in words
    )
    if not joined and b.cue in ADMIN_KINDS and a.cue != b.cue:
        return False
    return joined or any(mark in between for mark in _LIST_MARKS)


def distinct_places(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Mentions of different places (a second name for the same spot does not count)."""
    out: list[PlaceMention] = []
    for m in mentions:
        if all(_apart(place_of(m), place_of(o)) for o in out):
            out.append(m)
    return out


def _apart(a: Place, b: Place) -> bool:
    """Two villages 5 km apart are two places; a quarter 5 km from a city's centre is in it."""
    if a.id == b.id:
        return False
    if is_unlisted(a) or is_unlisted(b):  # names the gazetteer lacks, placed at their unit
        # villages are apart; quarters of one city ("أحياء "كلابة" و"عصيفرة" بتعز") are not
        return not (a.kind == b.kind == QUARTER and km_between(a, b) <= _S.same_place_km)
    if a.kind in _VILLAGES and b.kind in _VILLAGES:
        return km_between(a, b) > _S.other_place_km
    town_level = min(rank(a), rank(b)) >= _SPECIFICITY["town"]  # quarters and sites
    return km_between(a, b) > (_S.other_site_km if town_level else _S.same_place_km)
