"""Places the gazetteer lacks: villages named after a place word ("قرية X", "قرى X وY وZ",
"كلاً من X وY", "the village of X") are read as names all the same, and placed at the unit
the sentence says they lie in ("... في ريف معرة النعمان", "in Idlib province"), with
geo_precision 2, as ACLED codes a village it cannot find; by a road whose ends lie in one
governorate, at its first end; as far off a reference as the text says ("على بعد 70
كيلومترا شمال شرقي مقديشو").

An Arabic name is one word, or two where the first is one that begins place names (عين، تل،
كفر: ``data/places/joined_prefixes.txt``), and a word that ends names after it
(``name_endings``: "حومين الفوقا"); frequent words (an adjective after the place word:
"قرية صغيرة") and words that describe a place (``place_descriptions``: "حي مكتظ") are never
names. An English one is the capitalised words after the place word and "of". Only the plural
place words and the list opener read on past the first name, over "،" and the conjunction.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress, count

from rasd.annotate.dates import calendar_words
from rasd.knowledge.gazetteer import AREA_KINDS, Gazetteer, Place, PlaceMention
from rasd.knowledge.language import language_profile
from rasd.knowledge.place_kinds import ADMIN_KINDS, SETTLEMENT_KINDS
from rasd.knowledge.place_names import OPENERS, name_key
from rasd.knowledge.places import RelationKind
from rasd.model import Span
from rasd.text.normalize import (
    AND_CLITICS,
    COMMAS,
    QUOTES,
    folded_words,
    is_arabic,
    is_arabic_word,
)
from rasd.text.tokens import Token, norms_of, token_keys

_AR = language_profile("ar")
_LIST_OPENERS = folded_words("list_openers", "ar")
_FROM = folded_words("from", "ar")
_DESCRIPTIONS = folded_words("place_descriptions", "ar")
_ENDINGS = folded_words("name_endings", "ar")
_PLURALS = folded_words("plural_place_words")
# the kinds a place word announces before a village's name: a settlement, a quarter or a camp
_SETTLED_CUES = SETTLEMENT_KINDS | {"neighbourhood", "camp"}
SOURCE = "unlisted"  # Place.source of a place made here
_UNITS = ADMIN_KINDS | {"region"}  # what holds a village told elsewhere ("جنوب لبنان")
_QUOTED_WORDS = 4  # a quoted village name has at most this many words
_LATIN_WORDS = 4  # an English village name has at most this many tokens ("al", "-", ...)
_OF = folded_words("of", "en")
_LATIN_ARTICLES = folded_words("name_articles", "en")
_DATE_WORDS = calendar_words("en")  # "the city of Sunday" names no place
_STOPS = ".!?\n"  # what ends the sentence a village's unit is looked for in


def unlisted_places(
    text: str, tokens: list[Token], known: list[PlaceMention], gazetteer: Gazetteer
) -> list[PlaceMention]:
    """Names after a settlement's place word, or in a list such a word or "كلاً من" opens,
    that no known mention covers: unresolved mentions (no candidates) with the cue's kind."""
    covered = {i for m in known for i in range(m.first, m.last)}
    starting = {m.first: m for m in known}
    out: list[PlaceMention] = []
    done = 0  # the first token a new opening may stand at
    for i, cue, listing in _openings(tokens, gazetteer):
        if i < done:
            continue
        j = first = i + (2 if cue == "list" else 1)
        while j < len(tokens):
            found, after = _name_at(text, tokens, j, covered, gazetteer, j > first)
            if found is None and j not in covered:
                break
            if listing and cue != "list" and j in starting and starting[j].cue is None:
                starting[j].cue = cue  # "أحياء A وB": a known name of the list, a quarter too
            if found is not None:
                out.append(replace(found, cue=None if cue == "list" else cue))
            if not listing:
                break
            following = _next_item(tokens, after, gazetteer)
            if following is None:
                j = i + 1
                break
            j = following
        done = max(i + 1, j)
    return out


def _openings(tokens: list[Token], gazetteer: Gazetteer) -> list[tuple[int, str, bool]]:
    """Where a place word or "كلاً من" opens names, in order: (index, the kind the place word
    announces or "list", whether a list follows)."""
    found = [
        (i, kind, bool(token_keys(tokens[i].norm) & _PLURALS))
        for i, kind in gazetteer.cues_in(tokens)
        if kind in _SETTLED_CUES
    ]
    norms = norms_of(tokens)
    found += [
        (i, "list", True)
        for i in compress(count(), map(_LIST_OPENERS.__contains__, norms[:-1]))
        if norms[i + 1] in _FROM
    ]
    return sorted(found)


def _name_at(
    text: str,
    tokens: list[Token],
    j: int,
    covered: set[int],
    gazetteer: Gazetteer,
    joined: bool,
) -> tuple[PlaceMention | None, int]:
    """The unknown name at token ``j`` (with a leading conjunction taken off, when
    ``joined``: not the list's first name, "بلدات ولغا وتل الأقرع"), and the index after
    it."""
    if j in covered:
        end = j
        while end in covered:
            end += 1
        return None, end
    if tokens[j].text in OPENERS:  # "قرية "التكلة جبارة"": the quoted words are the name
        return _quoted_name(text, tokens, j, covered)
    if not is_arabic_word(tokens[j].norm):
        return _latin_name(text, tokens, j, covered)
    first = tokens[j]
    word = first.norm
    skip = 1 if joined and _conjoined(word, gazetteer) else 0
    word = word[skip:]
    following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    if gazetteer.begins_names(word) and _may_be_name(following, gazetteer, after_head=True):
        last = j + 2  # "كفر حلبون", "خان السبل": after such a word any noun is part of the name
    elif _may_be_name(word, gazetteer):
        last = j + 1
    else:
        return None, j
    if last < len(tokens) and last not in covered and tokens[last].norm in _ENDINGS:
        last += 1  # "حومين الفوقا"
    start, end = first.start + skip, tokens[last - 1].end
    span = Span(start, end, text[start:end])
    return PlaceMention(span=span, candidates=[], text=span.text, first=j, last=last), last


def _quoted_name(
    text: str, tokens: list[Token], j: int, covered: set[int]
) -> tuple[PlaceMention | None, int]:
    """The Arabic words between the quote at token ``j`` and its close, a few at most."""
    end = min(j + 2 + _QUOTED_WORDS, len(tokens))
    close = next((k for k in range(j + 1, end) if tokens[k].text in QUOTES), j + 1)
    inside = range(j + 1, close)
    if not inside or any(k in covered or not is_arabic_word(tokens[k].norm) for k in inside):
        return None, j
    start, stop = tokens[j + 1].start, tokens[close - 1].end
    span = Span(start, stop, text[start:stop])
    return PlaceMention(
        span=span, candidates=[], text=span.text, first=j + 1, last=close
    ), close + 1


def _latin_name(
    text: str, tokens: list[Token], j: int, covered: set[int]
) -> tuple[PlaceMention | None, int]:
    """ "the village of al-Dwair", "the town of Kafr Dan": capitalised words (with the
    article's "al-" between) after the place word and "of", that name no day or month."""
    if tokens[j].norm not in _OF:
        return None, j  # "the camp. Abu Bakr said": only "village of X" names one
    j += 1
    last = j
    while last < len(tokens) and last not in covered and last - j < _LATIN_WORDS:
        word = tokens[last]
        if not (word.text[:1].isupper() or word.norm in _LATIN_ARTICLES or word.text == "-"):
            break
        last += 1
    while last > j and not tokens[last - 1].text[:1].isupper():
        last -= 1  # a name ends with a capitalised word
    if last == j or tokens[j].text == "-" or len(tokens[last - 1].text) < 3:
        return None, j
    if any(tokens[k].norm in _DATE_WORDS for k in range(j, last)):
        return None, j
    start, end = tokens[j].start, tokens[last - 1].end
    span = Span(start, end, text[start:end])
    return PlaceMention(span=span, candidates=[], text=span.text, first=j, last=last), last


def _may_be_name(word: str, gazetteer: Gazetteer, after_head: bool = False) -> bool:
    """An Arabic word that may be (part of) a name: no place word, and no frequent word
    unless it follows a word that begins names ("خان السبل")."""
    return (
        is_arabic_word(word)
        and len(word) >= 3
        and (after_head or not gazetteer.is_common(word))
        and word not in _DESCRIPTIONS
        and gazetteer.cue_of(Token(0, len(word), word, word)) is None
    )


def _next_item(tokens: list[Token], after: int, gazetteer: Gazetteer) -> int | None:
    """Where the next item of a list begins: after a comma or a lone "و", or at a word that
    carries the conjunction; None where the list ends."""
    if after >= len(tokens):
        return None
    tok = tokens[after]
    if tok.text in COMMAS or tok.norm in AND_CLITICS:
        return after + 1
    if _conjoined(tok.norm, gazetteer):
        return after
    return None


def _conjoined(word: str, gazetteer: Gazetteer) -> bool:
    """Does a word carry the conjunction: "وكفرنبل", or "وتل" before the rest of a name
    (a short word is otherwise read whole: "وسط" is not "and سط")?"""
    return word.startswith(AND_CLITICS) and (len(word) > 3 or gazetteer.begins_names(word[1:]))


def place_unlisted(mentions: list[PlaceMention], text: str) -> None:
    """Give every unlisted mention a place: the unit the next resolved name of its sentence
    stands for (else the one before it), under the mention's own name; with none in its
    sentence, the last administrative unit the text named before it (a state, a district).
    Placed at a town, geo_precision 2; at a state, a region or a country's centre, 3: the
    event is kept where the text puts it, never dropped, and says how rough that is."""
    for k, m in enumerate(mentions):
        if m.candidates or m.place is not None:
            continue
        container = _container(mentions, k, text) or _road_end(mentions, k, text)
        if container is None:
            container = _unit_told_before(mentions, k)
        if container is None:
            continue
        # near the town it was told by; anywhere in the state or region it was told in
        precision = 3 if container.kind in AREA_KINDS else 2
        m.place = Place(
            id=f"{SOURCE}:{container.id}:{name_key(m.text)}",
            name=m.text,
            name_ar=m.text if is_arabic(m.text) else None,
            kind=m.cue or "village",
            lat=container.lat,
            lon=container.lon,
            country=container.country,
            iso=container.iso,
            admin1=container.admin1,
            admin2=container.admin2,
            radius_km=container.radius_km,
            source=SOURCE,
        )
        m.geo_precision = precision


def _container(
    mentions: list[PlaceMention], k: int, text: str, roads: bool = False
) -> Place | None:
    """The resolved place named next after mention ``k`` in its sentence, else before it;
    the ends of a road ("قرب أوتوستراد دمشق – حلب") hold no village, unless ``roads`` (the
    sentence names no other: "مفرق قرية دوكركا على طريق القامشلي – المالكية")."""
    m = mentions[k]
    for other in mentions[k + 1 :]:
        if any(c in text[m.span.end : other.span.start] for c in _STOPS):
            break
        if _may_hold(other, roads):
            return other.place
    for other in reversed(mentions[:k]):
        if any(c in text[other.span.end : m.span.start] for c in _STOPS):
            break
        if _may_hold(other, roads):
            return other.place
    return None


def _road_end(mentions: list[PlaceMention], k: int, text: str) -> Place | None:
    """The first end of the road mention ``k`` lies on, when both ends lie in one governorate
    ("مفرق قرية دوكركا على طريق القامشلي – المالكية"): a village by a long road between two
    governorates could be anywhere along it."""
    end = _container(mentions, k, text, roads=True)
    m = mentions[k]
    ends = [
        o.place
        for o in mentions
        if o.place is not None
        and o.relation is not None
        and o.relation.kind == RelationKind.ROAD_BETWEEN
        and not any(
            c in text[min(o.span.end, m.span.end) : max(o.span.start, m.span.start)] for c in _STOPS
        )
    ]
    return end if end is not None and len({p.admin1 for p in ends}) == 1 else None


def _unit_told_before(mentions: list[PlaceMention], k: int) -> Place | None:
    """The administrative unit (a governorate, a district) named last before mention ``k``."""
    for other in reversed(mentions[:k]):
        if _may_hold(other) and other.place is not None and other.place.kind in _UNITS:
            return other.place
    return None


def _may_hold(mention: PlaceMention, roads: bool = False) -> bool:
    relation = mention.relation
    return (
        mention.place is not None
        and mention.place.source != SOURCE
        and (roads or relation is None or relation.kind != RelationKind.ROAD_BETWEEN)
    )


def is_unlisted(place: Place | None) -> bool:
    """Is it a place made for a name the gazetteer lacks?"""
    return place is not None and place.source == SOURCE


def placed_within(place: Place, unit: Place) -> bool:
    """Is ``place`` a name the gazetteer lacks that its sentence put in ``unit`` ("حي الروضة
    في مدينة تعز" within Taiz)?"""
    return is_unlisted(place) and place.id.startswith(f"{SOURCE}:{unit.id}:")
