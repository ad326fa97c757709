"""Placing: where an event happened. The one stage that decides it.

An event goes to the most specific place its clause names (else its sentence's, else the
place the article is about); places of the same rank named side by side make one event each;
reference points ("west of X"), destinations ("towards X"), parts named before their town,
homonyms abroad and stray places named once in another country are set aside.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rasd.annotate.geocode import PlaceMention
from rasd.annotate.mentions import Clause, SentenceMentions
from rasd.annotate.unlisted import is_unlisted
from rasd.events.candidate import Candidate
from rasd.events.dating import ends_a_dateline, is_date_line
from rasd.events.place_lists import distinct_places, listed_places, rank
from rasd.events.reporting import referred_to
from rasd.knowledge.gazetteer import Place
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.place_kinds import ADMIN_KINDS, SETTLEMENT_KINDS, fits_cue
from rasd.knowledge.place_names import name_key
from rasd.knowledge.places import RelationKind, km_between, place_of, within
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import EventType
from rasd.model import Span, date_span
from rasd.text.matcher import PhraseMatch
from rasd.text.normalize import AND_CLITICS, COMMAS, folded_words, is_arabic
from rasd.text.tokens import token_keys

if TYPE_CHECKING:
    from rasd.events.focus import Focus

_S = SETTINGS.placing
_SPECIFICITY = _S.specificity
_FROM = folded_words("from")
_AND = folded_words("and")
_PEOPLE = folded_words("people_nouns")
_ORIGIN = folded_words("origin_words")
_PRONOUNS = folded_words("origin_pronouns", "ar")
_SONS = folded_words("sons_words", "ar")
_ORIGIN_FROM = _FROM | folded_words("origin_prepositions", "en")  # "المنحدر من", "hailing from"
_FORCE_WORDS = folded_words("force_words", "ar")
_UNIT_IN_BRACKETS = re.compile(r"\s*\(\s*\S+\s*$")  # " (قضاء " before a unit's name
_SEAT_WORDS = folded_words("seat_words", "ar")


def places_for(
    sentence: SentenceMentions,
    clause: Clause,
    focus: Focus,
    near: int,
    event_type: EventType,
    attacked: Span | None = None,
) -> tuple[Sequence[PlaceMention | None], bool]:
    """The place(s) of an event and whether its own sentence names them: the most specific
    ones its clause names, else the sentence's, else the place in focus; not where forces
    are said to be stationed, unless they are the ``attacked``. Places of the same rank
    named side by side make one event each."""
    named = [
        m
        for m in sentence_event_places(sentence)
        if not _named_as_cause(sentence, near, m) and not _others_post(sentence, attacked, m)
    ]
    named = [m for m in named if not _of_a_recalled_act(sentence, near, m)] or named
    named = [m for m in named if not _names_a_force(sentence, m)] or named
    named = [m for m in named if not _seat_of_an_office(sentence, m)]
    named = [
        m for m in named if not _heads_the_sentence(sentence, m) and not _filed_at(sentence, m)
    ] or named
    for scope in ([m for m in named if clause.holds(m.span.start)], named):
        usable = [m for m in scope if not homonym(m, focus.country) and not unspoken(m, focus)]
        if usable:
            return most_specific(sentence, usable, near), True
    if any(unspoken(m, focus) for m in named):
        return [None], False  # its only place is a homonym abroad: not moved elsewhere
    if any(m.place is not None and _names_a_war(sentence, m) for m in sentence.places):
        return [None], False  # "attacks since the Gaza war began": not moved elsewhere
    fallback = focus.fallback_place(sentence, event_type)
    if fallback is None:  # "shot down before reaching the base": the destination is all there is
        usable = [
            p
            for p in sentence.places
            if p.place is not None and p.place.kind != "country" and not _moved_to(sentence, p)
        ]
        if usable:
            return most_specific(sentence, usable, near), True
    return [fallback], False


def _heads_the_sentence(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "غزة: استشهد ثلاثة بقصف شرق رفح", "- محافظة إدلب: ...": a place in the heading before
    the colon (a dateline, a round-up's section) holds what the sentence names."""
    return sentence.is_section and mention.span.end <= sentence.start + sentence.text.index(":")


def _filed_at(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "كسلا، 3 فبراير 2025 – ...", "Garowe, Somalia — ...": a place opening the sentence,
    then a comma and the dateline's date or country and its dash, is where the report was
    filed: the event's place only when the sentence names no other."""
    if mention.span.start != sentence.start:
        return False
    rest = sentence.text[mention.span.end - sentence.start :].lstrip()
    if rest[:1] not in COMMAS:
        return False
    if any(
        is_date_line(sentence, d) for d in sentence.dates if date_span(d).start > mention.span.end
    ):
        return True
    return any(
        m.place is not None
        and m.place.kind == "country"
        and sentence.words_between(mention.span.end, m.span.start) == 0
        and ends_a_dateline(sentence.text[m.span.end - sentence.start :])
        for m in sentence.places
    )


def _names_a_force(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "بالتعاون مع آسايش السليمانية": a place right after a word for a force or an office
    names that force, not where the event was."""
    k = sentence.token_index(mention.span.start)
    return k > 0 and bool(token_keys(sentence.tokens[k - 1].norm) & _FORCE_WORDS)


def _seat_of_an_office(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "حكومة الوفاق الوطني في طرابلس", "وزارة الصحة بالخرطوم": the seat of a government or
    an office that speaks of the event, a few words after its name, is not where the event
    was (the place in focus is, when the sentence names no other)."""
    k = sentence.token_index(mention.span.start)
    before = sentence.tokens[max(0, k - _S.seat_reach) : k]
    return any(token_keys(t.norm) & _SEAT_WORDS for t in before)


def _of_a_recalled_act(sentence: SentenceMentions, near: int, mention: PlaceMention) -> bool:
    """ "وبعد استهداف عائلة قرب مطار بغداد يوم 28 سبتمبر، أقدمت على إطلاق صاروخين باتجاه
    الجادرية": a place named after an act the sentence recalls ("after ..."), before the
    trigger at ``near``, is the recalled act's."""
    return any(
        t.end <= mention.span.start < near and referred_to(sentence, t)
        for t in sentence.triggers
        if t.start != near
    )


def _named_as_cause(sentence: SentenceMentions, near: int, mention: PlaceMention) -> bool:
    """ "تضامنا مع غزة", "in solidarity with Gaza": a place named after a word of what the act
    (at ``near``) is for or against is its cause, not where it happened."""
    return any(
        near < cue.start and cue.end <= mention.span.start for cue in sentence.cue(Cue.CAUSE)
    )


def protest_sites(sentence: SentenceMentions, clause: Clause, near: int) -> list[PlaceMention]:
    """ "Protests came out in Idlib, in Kafr Takharim and in al-Atarib": each town named in
    the clause is a protest of its own (reference points like "north-west of Idlib" are not,
    nor the places it is held for)."""
    towns = [
        m
        for m in sentence_event_places(sentence)
        if clause.holds(m.span.start)
        and not _named_as_cause(sentence, near, m)
        and m.geo_precision == 1
        and rank(place_of(m)) >= _SPECIFICITY["admin3"]
    ]
    # "حي الحسينية شمالي بغداد": the city is where the quarter is, not a second protest
    towns = [
        m
        for m in towns
        if rank(place_of(m)) > _SPECIFICITY["city"]
        or not any(
            rank(place_of(o)) > rank(place_of(m))
            and km_between(place_of(o), place_of(m)) < _S.quarter_of_city_km
            for o in towns
        )
    ]
    distinct = distinct_places(towns)
    return distinct if len(distinct) > 1 else []


def sentence_event_places(sentence: SentenceMentions) -> list[PlaceMention]:
    """The places an event of the sentence can be at (:func:`event_places` of all the places
    it names), read once per sentence: a clause's are those among them that it holds."""
    return sentence.derived(_all_event_places)


def _all_event_places(sentence: SentenceMentions) -> list[PlaceMention]:
    return event_places(sentence, sentence.places)


def event_places(sentence: SentenceMentions, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Places an event can be at: resolved, not a whole country, not a destination."""
    return [
        m
        for m in mentions
        if m.place is not None
        and m.place.kind != "country"
        and not _after_destination(sentence, m)
        and not _part_of_next(sentence, m)
        and not _bracketed_unit(sentence, m)
        and not _names_a_war(sentence, m)
        and not _home_of(sentence, m)
        and not _came_from(sentence, m)
    ]


def most_specific(
    sentence: SentenceMentions, mentions: list[PlaceMention], near: int | None = None
) -> list[PlaceMention]:
    """The most specific places; several when the sentence lists them ("A، B و C")."""

    def score(m: PlaceMention) -> int:
        # a place the event is in ("في جبل الزاوية") beats one it is only told relative to
        # ("جنوبي إدلب"), unless that is all there is
        return rank(place_of(m)) - _relative_penalty(m)

    mentions = _outside_reference_points(mentions)
    top = max(score(m) for m in mentions)
    best = [m for m in mentions if score(m) == top]
    if near is not None:  # of equals, the one nearest the trigger, after it rather than before
        best.sort(key=lambda m: (m.span.start < near, abs(m.span.start - near)))
    listed = listed_places(
        sentence, [m for m in mentions if rank(place_of(m)) >= _SPECIFICITY["city"]], best[0]
    )
    return listed if len(listed) > 1 else [best[0]]


def same_place(a: PlaceMention, b: PlaceMention, loose: bool = False) -> bool:
    """Within a few km (a headline's "near X": within 50), or one is a governorate-wide
    mention ("ريف حلب") holding the other, or a region holding what lies within its reach.
    Two towns named apart are two places unless one lies within the other. A village the
    gazetteer lacks, placed at its unit, is the same as another place only when named alike
    or for a headline ("a blast in Damascus" and the body's quarter of Damascus) or when the
    other is governorate-wide ("محافظة دير الزور"): two such villages of one list are two
    places."""
    reach = _S.headline_km if loose else _S.same_place_km
    p, q = place_of(a), place_of(b)
    if p.id == q.id:
        return True
    if is_unlisted(p) and is_unlisted(q) and name_key(p.name) == name_key(q.name):
        return True  # one village named twice, whichever unit each sentence put it in
    wide_p = rank(p) <= _SPECIFICITY["admin1"] or a.geo_precision == 3
    wide_q = rank(q) <= _SPECIFICITY["admin1"] or b.geo_precision == 3
    # a governorate-wide one holds the other; a region of a governorate's size ("البقاع",
    # the Mawasi strip) what lies within its reach in its country, whatever the governorate
    if _reaching_region(p) or _reaching_region(q):
        holds = p.country == q.country and within(p, q)
    else:
        holds = bool(p.admin1 and p.admin1 == q.admin1)
    if is_unlisted(p) or is_unlisted(q):
        # only a governorate-wide mention holds a village the gazetteer lacks, or a headline
        # that names its governorate's town ("shelling on a village west of Taiz")
        return holds and (
            loose or (wide_p and not is_unlisted(p)) or (wide_q and not is_unlisted(q))
        )
    if not loose and p.kind in SETTLEMENT_KINDS and q.kind in SETTLEMENT_KINDS:
        # two towns named apart are two places, unless one lies within the other
        return within(p, q)
    return km_between(p, q) <= reach or (holds and (wide_p or wide_q))


def _reaching_region(place: Place) -> bool:
    """A region no wider than placing.region_reach_km (a valley, a strip, a corridor), which
    holds what lies within its reach; wider ones (a desert, a river) hold their governorate's."""
    return place.kind == "region" and place.radius_km <= _S.region_reach_km


def homonym(mention: PlaceMention, country: str | None) -> bool:
    """ "حي الرميلة" in a Raqqa report read as Iraq's Rumaila oil field: a place in another
    country than the article's, of another kind than its cue word announces."""
    place = place_of(mention)
    if country is None or place.country in (None, country) or not mention.cue:
        return False
    return not fits_cue(mention.cue, place.kind)


def unspoken(mention: PlaceMention, focus: Focus) -> bool:
    """ "صلاح الدين", a quarter of Tripoli, read as Iraq's governorate: a place without a cue
    word (or a frequent word after one) in another country than the article's, which nothing
    else in the article (no other place, no actor, no dateline) speaks of."""
    place = place_of(mention)
    if focus.country is None or place.country is None or place.country == focus.country:
        return False
    if mention.cue and not mention.guarded:
        return False  # a frequent word ("مدن الساحل") is a name abroad only if more says so
    return focus.spoken[place.country] <= 1


def stray(cand: Candidate, countries: Counter[str | None]) -> bool:
    """A place named once, with no cue word, in another country than the rest of the
    article's places (``countries``: how often each is named): most likely a homonym
    ("الرميلة", a Raqqa quarter, read as Iraq's oil field)."""
    mention = cand.place
    if mention is None or mention.cue or place_of(mention).country is None:
        return False
    main = max(sorted(countries, key=str), key=countries.__getitem__)  # ties: by name
    mine = place_of(mention).country
    return (
        mine != main
        and countries[main] >= SETTINGS.merging.stray_main_mentions
        and (countries[mine] == 1)
    )


def _part_of_next(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "أشرفية صحنايا": a name right before a town's name is a part of that town (and read
    alone it may be a namesake elsewhere)."""
    return any(
        other is not mention
        and other.place is not None
        and rank(other.place) >= _SPECIFICITY["city"]
        and other.span.start > mention.span.end
        and sentence.text[
            mention.span.end - sentence.start : other.span.start - sentence.start
        ].strip()
        == ""
        and not other.span.text.startswith(AND_CLITICS)  # "قسرك وخراب الجير": a list
        for other in sentence.places
    )


def _bracketed_unit(sentence: SentenceMentions, mention: PlaceMention) -> bool:
    """ "منطقة حانين (قضاء بنت جبيل)": a unit named in brackets right after a place says
    where that place lies; it is no place of its own."""
    if mention.cue not in ADMIN_KINDS:
        return False
    told = _UNIT_IN_BRACKETS.search(sentence.text[: mention.span.start - sentence.start])
    if told is None:
        return False
    named = told.start()  # where the place the bracket follows ends
    return any(m.span.end - sentence.start == named for m in sentence.places)


def _outside_reference_points(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "في محافظة كركوك، شمال العاصمة بغداد": a place told only as a compass reference,
    in another governorate than a place the event is said to be in, is no place of the
    event."""
    if len(mentions) < 2 or not any(_compass(m) for m in mentions):
        return mentions
    placed = {place_of(m).admin1 for m in mentions if not _compass(m)}
    kept = [m for m in mentions if not _compass(m) or place_of(m).admin1 in placed]
    return kept if placed and kept else mentions


def _compass(mention: PlaceMention) -> bool:
    relation = mention.relation
    return (
        relation is not None and relation.compass and relation.kind != RelationKind.COUNTRYSIDE_OF
    )


def _relative_penalty(mention: PlaceMention) -> int:
    """How far a mention stands from where the event was: "west of X" names a reference point
    (direction_penalty), "the countryside of X" a wide area (countryside_penalty); "near X"
    and X itself name the place (0)."""
    if _compass(mention):
        return _S.direction_penalty
    return _S.countryside_penalty if mention.geo_precision == 3 else 0


def _after_destination(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "نقل جنودها إلى قاعدتي قسرك والحسكة": where forces went, not where it happened. (Where
    rockets went is where they struck: "صواريخ من جنوب لبنان باتجاه المطلة".)"""
    return any(not _launched_at(sentence, cue) for cue in _destinations_of(sentence, place))


def _destinations_of(sentence: SentenceMentions, place: PlaceMention) -> list[PhraseMatch[Cue]]:
    """The words of going somewhere ("إلى", "towards") a few words before ``place``."""
    return [
        cue
        for cue in sentence.cue(Cue.DESTINATION)
        if cue.end <= place.span.start
        and sentence.words_between(cue.end, place.span.start) <= _S.destination_reach
    ]


def _names_a_war(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "escalation of the war in Gaza", "since the Gaza war began", "حرب اليمن": the war's
    place, not where the event happened."""
    return any(
        (cue.end <= place.span.start and sentence.words_between(cue.end, place.span.start) == 0)
        or (
            place.span.end <= cue.start
            and sentence.words_between(place.span.end, cue.start) == 0
            and not is_arabic(sentence.tokens[sentence.token_index(cue.start)].norm)
        )
        for cue in sentence.cue(Cue.WAR)
    )


def _home_of(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "مقتل شاب من بلدة مجدل سلم", "a man from Nabatieh", "المجند المنحدر من قرية X", "a
    conscript originally from X", "وهو من أبناء بلدة X": where a person is from, not where
    the event happened."""
    k = sentence.token_index(place.span.start) - (1 if place.cue else 0)
    words = [t.norm for t in sentence.tokens[max(0, k - 3) : k]]
    if len(words) == 3 and words[0] in _PRONOUNS and words[1] in _FROM and words[2] in _SONS:
        return True  # "وهو من أبناء بلدة الخيام"
    if len(words) >= 2 and words[-2] in _ORIGIN and words[-1] in _ORIGIN_FROM:
        return True
    if k < 2 or sentence.tokens[k - 1].norm not in _FROM:
        return False
    person = sentence.tokens[k - 2]
    return person.norm in _PEOPLE or any(
        c.start <= person.start < c.end
        for name in (Cue.PERSON, Cue.ONE_VICTIM)
        for c in sentence.cue(name)
    )


def _came_from(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "تعزيزات تم حشدها من ذمار وإب وحجة": where forces came from, the whole list, not
    where the event happened ("من أبناء قصرة", but not "من أبناء بلدة قصرة": the people
    of the town an attack on "the town" killed)."""
    return any(_told_after(sentence, cue, place) for cue in sentence.cue(Cue.ORIGIN))


def _others_post(sentence: SentenceMentions, attacked: Span | None, place: PlaceMention) -> bool:
    """ "قصفت قوات النظام المتمركزة في معسكر جورين قرى ...": where forces are stationed is
    not where they strike, unless they are the ones attacked, named right before the cue
    ("struck US troops stationed at Ain al-Asad"). (Read for the attacker only, kept where
    no target is named, the rule left one spurious event more on the check set.)"""
    return any(
        _told_after(sentence, cue, place, past_kind_word=True)
        and not (
            attacked is not None
            and cue.start >= attacked.end
            and sentence.words_between(attacked.end, cue.start) == 0
        )
        for cue in sentence.cue(Cue.STATIONED)
    )


def _told_after(
    sentence: SentenceMentions,
    cue: PhraseMatch[Cue],
    place: PlaceMention,
    past_kind_word: bool = False,
) -> bool:
    """Is ``place`` (in a list, or past its own kind word "معسكر") what ``cue`` leads to?"""
    if cue.end > place.span.start:
        return False
    between = sentence.text[cue.end - sentence.start : place.span.start - sentence.start]
    for other in sentence.places:
        if cue.end <= other.span.start and other.span.end <= place.span.start:
            between = between.replace(other.span.text, " ")
    words = between.split()
    if past_kind_word and place.cue is not None and words:
        words = words[:-1]  # "معسكر": the kind word right before the name
    return all(w in _AND or w in COMMAS for w in words)


def _moved_to(sentence: SentenceMentions, place: PlaceMention) -> bool:
    """ "ونقل إلى مشفى في دمشق", "نقلت الضحايا إلى مشفى في المالكية": where the wounded were
    taken, never where it happened."""
    return any(_moved(sentence, cue) for cue in _destinations_of(sentence, place))


def _moved(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """A word of moving the wounded or goods a few words before the destination."""
    return any(
        t.end <= cue.end and sentence.words_between(t.end, cue.start) <= _S.destination_reach
        for t in sentence.cue(Cue.TRANSFER)
    )


def _launched_at(sentence: SentenceMentions, cue: PhraseMatch[Cue]) -> bool:
    """A weapon named a few words before the destination, unless what went there was moved
    ("بطلقات نارية، ليُنقل إلى مشفى": the wounded, not the bullets)."""
    if _moved(sentence, cue):
        return False
    return any(
        w.end <= cue.start and sentence.words_between(w.end, cue.start) <= _S.destination_reach
        for w in sentence.weapons
    )
