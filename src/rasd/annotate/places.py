"""Place names in the text and the words around them, before any is resolved.

``find_places`` finds names with the gazetteer and reads the words around them: a cue
(مدينة، قاعدة، مطار، airport ...) and a relation ("غربي مدينة القامشلي", "بريف دير الزور
الشرقي", "north of Raqqa", "on the road between"), which set ``relation`` and
``geo_precision`` as ACLED does (1 the place itself, 2 near a town or part of it; resolution
makes it 3 for a governorate or a region). The relation words are in the language profiles.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from rasd.annotate.numbers import parse_number
from rasd.knowledge.gazetteer import Gazetteer, PlaceMention
from rasd.knowledge.language import language_profile
from rasd.knowledge.place_names import word_before_name
from rasd.knowledge.places import Relation, RelationKind
from rasd.knowledge.settings import SETTINGS
from rasd.model import Span
from rasd.text.normalize import QUOTES, fold, folded_words, is_arabic_word
from rasd.text.tokens import Token, token_keys, tokenize

_AR = language_profile("ar")
_EN = language_profile("en")
_ARTICLE = fold(_AR.clitics.article)
_AR_DIRECTIONS = {fold(k): v for k, v in _AR.directions.items()}
_NISBA = tuple(fold(e) for e in _AR.words("adjective_endings"))
# Arabic relation words are compared as written in the profile (they are folded forms).
_AR_NEAR = _AR.words("near")
_AR_COUNTRYSIDE = _AR.words("countryside")
_AR_ROAD = _AR.words("road")
_AR_ROAD_FILLERS = _AR.words("road_fillers")
_AR_FROM = _AR.words("from")
_EN_DIRECTIONS = set(_EN.directions)
_EN_ADJECTIVES = _EN.direction_adjectives
_EN_NEAR = _EN.words("near")
_EN_ROAD = _EN.words("road")
_EN_COUNTRYSIDE = _EN.words("countryside")
_EN_AREA_NOUNS = _EN.words("area_nouns")
_EN_RURAL = _EN.words("rural")
_EN_OF = _EN.words("of")
_EN_BETWEEN = _EN.words("between")
_AR_BETWEEN = _AR.words("between")
_EN_NAME_ARTICLES = _EN.words("name_articles")
_AR_SITE_WORDS = _AR.words("site_words")
_EN_SITE_WORDS = _EN.words("site_words")
_AR_SITE_TITLES = _AR.words("site_name_titles")
_AR_MEDIA_WORDS = _AR.words("media_words")
_AR_TOLD_TO = _AR.words("told_to")
_AR_TOLD_TO_OUTLETS = frozenset(fold(w) for w in _AR.words("told_to_outlets"))
_AR_DATED_NAME_WORDS = _AR.words("dated_name_words") | _AR_SITE_WORDS
_EN_NAMED_AFTER = _EN.words("site_words") | _EN.words("media_words") | _EN.words("clock_words")
_AR_CLOCK_WORDS = _AR.words("clock_words")
_AR_CAPITAL = _AR.words("capital_words")
_EN_TITLES = _EN.words("person_titles")
_AND = folded_words("and")
# Words of a distance and their length in km ("كيلومترا", "km", "miles").
_UNITS = {w: 1.0 for w in folded_words("kilometre_words")} | {
    w: 1.609 for w in folded_words("mile_words")
}
_GLUED_DISTANCE = re.compile(r"(\d+(?:\.\d+)?)(\D+)")
_ROAD = Relation(RelationKind.ROAD_BETWEEN)
_NEAR = Relation(RelationKind.NEAR)
_COUNTRYSIDE = Relation(RelationKind.COUNTRYSIDE_OF)
# Compass adjectives as an Arabic relation's direction reads them ("north-western").
_ADJ = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "northwest": "north-western",
    "northeast": "north-eastern",
    "southwest": "south-western",
    "southeast": "south-eastern",
}


def find_places(
    text: str,
    gazetteer: Gazetteer,
    start: int = 0,
    end: int | None = None,
    tokens: list[Token] | None = None,
) -> list[PlaceMention]:
    """Toponyms in ``text[start:end]`` with their cue and relation words; not yet resolved.
    ``tokens``, when given, are that stretch's tokens (a document is tokenised once)."""
    if tokens is None:
        tokens = tokenize(text, start, end)
    mentions = [
        m
        for m in gazetteer.find(tokens, text)
        if not _named_after(tokens, m) and not _after_title(tokens, m)
    ]
    read_relations(tokens, mentions, gazetteer)
    return mentions


def read_relations(tokens: list[Token], mentions: list[PlaceMention], gazetteer: Gazetteer) -> None:
    """Each mention's relation ("west of", "on the road between") and English cue, read
    from the words around it and from the mention before it (in order of position)."""
    for k, m in enumerate(mentions):
        _read_relation(tokens, m, mentions[k - 1] if k else None, gazetteer)
        _extend_cue(tokens, m, gazetteer)


def _named_after(tokens: list[Token], m: PlaceMention) -> bool:
    """ "شارع عمر المختار", "جسر النبي إبراهيم الخليل", "Baghdad Street": the name of a
    street, a bridge or a square, which stands elsewhere than the place it is named after;
    "بتوقيت بيروت", "Beirut time": a time zone."""
    if m.cue is not None:
        return False
    if m.last < len(tokens) and tokens[m.last].norm in _EN_NAMED_AFTER:
        return True  # "Baghdad Street", "Syria TV"
    if after_media_word(tokens, m.first) or _told_to(tokens, m.first):
        return True  # "لقناة الميادين", "قال مصدر لـ«عدن الغد»"
    if m.first == 0 or not is_arabic_word(tokens[m.first - 1].norm):
        return False
    if _keys(tokens[m.first - 1]) & (_AR_SITE_WORDS | _AR_CLOCK_WORDS):
        return True  # "شارع بغداد", "بتوقيت بيروت"
    return (  # "جسر النبي إبراهيم الخليل"
        m.first >= 2
        and bool(_keys(tokens[m.first - 1]) & _AR_SITE_TITLES)
        and bool(_keys(tokens[m.first - 2]) & _AR_SITE_WORDS)
    )


def _told_to(tokens: list[Token], index: int) -> bool:
    """Does token ``index`` open a quoted name right after "لـ" ("لـ«تعز الآن»")?"""
    return index >= 2 and tokens[index - 1].text in QUOTES and tokens[index - 2].norm in _AR_TOLD_TO


def after_media_word(tokens: list[Token], index: int) -> bool:
    """Does token ``index`` follow a word for a news outlet, past an opening quote or
    bracket ("لقناة (الميادين)", "وكالة بغداد اليوم")? A name there is the outlet's."""
    at = word_before_name(tokens, index)
    if at < 0 or not is_arabic_word(tokens[at].norm):
        return False
    if _keys(tokens[at]) & _AR_MEDIA_WORDS:
        return True  # "لقناة الميادين"
    # a website a source spoke to, whose name may begin before the place's: "لموقع صدى الموصل"
    return any(tokens[k].norm in _AR_TOLD_TO_OUTLETS for k in range(max(0, at - 1), at + 1))


def in_a_name(
    span: Span, tokens: list[Token], token_starts: list[int], gazetteer: Gazetteer
) -> bool:
    """Is a date at ``span`` part of a name: a news outlet's, right after a word for an outlet
    ("وكالة 2 ديسمبر", "صحيفة 26 سبتمبر"), or one word ending a name made of a place name
    and that word ("اليوم" in "وكالة بغداد اليوم"); or a place's, right after a word for a
    place that is not the (the Egyptian "مدينة السادس من أكتوبر", "جسر 6 أكتوبر")?"""
    index = bisect.bisect_left(token_starts, span.start)
    if index >= len(tokens):
        return False
    if after_media_word(tokens, index) or _after_dated_name_word(tokens, index):
        return True
    return (
        index >= 2
        and tokens[index].end == span.end
        and after_media_word(tokens, index - 1)
        and bool(gazetteer.matches(tokens[index - 1 : index]))
    )


def _after_dated_name_word(tokens: list[Token], index: int) -> bool:
    at = word_before_name(tokens, index)
    if at < 0 or not is_arabic_word(tokens[at].norm):
        return False
    keys = _keys(tokens[at])
    words = keys & _AR_DATED_NAME_WORDS
    return bool(words) and not any(_ARTICLE + w in keys for w in words)  # "في المدينة أمس"


def _after_title(tokens: list[Token], m: PlaceMention) -> bool:
    """ "Prime Minister Adel Abdul Mahdi": a name right after a person's title is the
    person's."""
    return m.first > 0 and tokens[m.first - 1].norm in _EN_TITLES


def _keys(tok: Token) -> frozenset[str]:
    return token_keys(tok.norm) if is_arabic_word(tok.norm) else frozenset({tok.norm})


def _direction(tok: Token) -> str | None:
    return _direction_of(tok.norm)


@lru_cache(maxsize=1 << 16)
def _direction_of(norm: str) -> str | None:
    """The compass direction an Arabic word form names (شمال، الغربي), remembered per form."""
    for key in token_keys(norm) if is_arabic_word(norm) else (norm,):
        base = key[len(_ARTICLE) :] if key.startswith(_ARTICLE) else key
        if base.endswith(_NISBA) and base[: -len(_NISBA[0])] in _AR_DIRECTIONS:
            base = base[: -len(_NISBA[0])]
        if base in _AR_DIRECTIONS:
            return _AR_DIRECTIONS[base]
    return None


def _read_relation(
    tokens: list[Token], m: PlaceMention, prev: PlaceMention | None, gazetteer: Gazetteer
) -> None:
    i = m.first - 1
    if i >= 0 and (gazetteer.cue_of(tokens[i]) or _keys(tokens[i]) & _AR_CAPITAL):
        i -= 1  # "غربي مدينة القامشلي", "شمال العاصمة بغداد": between relation and name
    if i >= 0 and _keys(tokens[i]) & _AR_FROM:
        i -= 1  # "إلى الشرق من"
    before = tokens[i] if i >= 0 else None
    after = tokens[m.last] if m.last < len(tokens) else None
    if before is None:
        pass
    elif is_arabic_word(before.norm):
        m.relation = _arabic_relation(tokens, i, after)
    else:
        m.relation = _english_relation(tokens, i, after)
    if m.relation is None and prev is not None and prev.relation == _ROAD:
        if _next_in_pair(tokens, prev, m, gazetteer):
            m.relation = _ROAD
    if (
        m.relation is None
        and after is not None
        and after.norm == "-"
        and m.last + 2 <= len(tokens)
        and tokens[m.last + 1].text[:1].isupper()
        and _en_road_after(tokens, m.last)
    ):
        m.relation = _ROAD
    if (
        m.relation is None
        and after is not None
        and not is_arabic_word(after.norm)
        and after.norm in _EN_COUNTRYSIDE
    ):
        m.relation = _COUNTRYSIDE
    if m.relation is not None and m.relation.kind == RelationKind.DIRECTION_OF and i > 0:
        km = _distance_before(tokens, i)
        if km:
            m.relation = replace(m.relation, km=km)
    m.geo_precision = 2 if m.relation else 1


def _distance_before(tokens: list[Token], i: int) -> float | None:
    """ "على بعد 70 كيلومترا شمال شرقي مقديشو", "some 200 km north of Mogadishu": the
    distance (in km) told a few words before the direction word at ``i``."""
    for k in range(i - 1, max(i - SETTINGS.geocode.distance_words, 0) - 1, -1):
        word = tokens[k].norm
        glued = _GLUED_DISTANCE.fullmatch(word)  # "200km"
        if glued and glued.group(2) in _UNITS:
            return float(glued.group(1)) * _UNITS[glued.group(2)]
        unit = _UNITS.get(word)
        if unit is not None and k > 0:
            number = tokens[k - 1].norm.replace(",", "")
            if number.replace(".", "", 1).isdigit():
                return float(number) * unit
            worded = parse_number(tokens[k - 1].text)  # "على بعد أربعين كيلومتراً"
            return float(worded) * unit if worded is not None else None
    return None


def _next_in_pair(
    tokens: list[Token], prev: PlaceMention, m: PlaceMention, gazetteer: Gazetteer
) -> bool:
    """Is ``m`` the second end of a road ``prev`` opens: "X-Y", "X وY", "بلدة X ومدينة Y"?"""
    gap = tokens[prev.last : m.first]
    if not gap:  # "والقليلية": the "and" is on the name's own word
        return True
    if len(gap) != 1:
        return False
    word = gap[0].norm
    if word == "-" or word in _AND:
        return True
    return word[:1] in _AND and is_arabic_word(word) and gazetteer.cue_of(gap[0]) is not None


def _arabic_relation(tokens: list[Token], i: int, after: Token | None) -> Relation | None:
    before = tokens[i]
    keys = _keys(before)
    direction = _direction(before)
    if direction and i > 0:
        previous = _direction(tokens[i - 1])
        if previous:
            direction = previous + direction  # شمال غرب -> northwest
    if keys & _AR_COUNTRYSIDE:
        suffix = _direction(after) if after else None
        return Relation(RelationKind.COUNTRYSIDE_OF, _ADJ[suffix] if suffix else None)
    if direction:
        return Relation(RelationKind.DIRECTION_OF, direction)
    if keys & _AR_NEAR:
        return _NEAR
    if _is_road(tokens, i) or keys & _AR_BETWEEN:
        return _ROAD
    return None


def _is_road(tokens: list[Token], i: int) -> bool:
    while i >= 0 and tokens[i].norm in _AR_ROAD_FILLERS:
        i -= 1
    return i >= 0 and bool(_keys(tokens[i]) & _AR_ROAD)


def _en_road_after(tokens: list[Token], j: int) -> bool:
    return any(t.norm in _EN_ROAD for t in tokens[j + 1 : j + 5])


def _english_relation(tokens: list[Token], i: int, after: Token | None) -> Relation | None:
    word = tokens[i].norm
    prev = tokens[i - 1].norm if i > 0 else ""
    if word in _EN_NAME_ARTICLES or word == "-":
        return None
    if word in _EN_OF and i > 0:
        if prev in _EN_DIRECTIONS:
            if i > 2 and tokens[i - 2].norm == "-" and tokens[i - 3].norm in _EN_DIRECTIONS:
                return Relation(RelationKind.DIRECTION_OF, f"{tokens[i - 3].norm}{prev}")
            return Relation(RelationKind.DIRECTION_OF, prev)
        if prev in _EN_AREA_NOUNS:
            adjective = tokens[i - 2].norm if i > 1 else ""
            if adjective in _EN_ADJECTIVES:
                return Relation(RelationKind.COUNTRYSIDE_OF, adjective)
            return _COUNTRYSIDE if prev in _EN_COUNTRYSIDE else None
        if prev in _EN_NEAR:
            return _NEAR
    if word in _EN_NEAR:
        return _NEAR
    if word in _EN_RURAL:
        return _COUNTRYSIDE
    if word in _EN_ADJECTIVES:
        if after is not None and after.norm in _EN_COUNTRYSIDE:
            return Relation(RelationKind.COUNTRYSIDE_OF, word)
        return Relation(RelationKind.PART_OF, word)
    if word in _EN_BETWEEN and any(t.norm in _EN_ROAD for t in tokens[max(0, i - 3) : i]):
        return _ROAD
    return None


def _extend_cue(tokens: list[Token], m: PlaceMention, gazetteer: Gazetteer) -> None:
    """An English cue follows the name: "the Ain al-Asad airbase", "Idlib province"."""
    if m.cue is None and m.last < len(tokens) and not is_arabic_word(tokens[m.last].norm):
        m.cue = gazetteer.cue_of(tokens[m.last])
