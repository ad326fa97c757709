"""Language profiles: what the code needs to know about a language's script and its small
closed word classes, read from ``rasd/data/lang/{code}.yaml``.

Every word class the rules ask for is declared in :data:`WORD_CLASSES`, and every profile
section is checked against it on load, so a misspelt class name fails loudly instead of
silently matching nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from rasd.knowledge.files import data_file, read_yaml

LANGUAGES = ("ar", "en")

# The closed word classes the rules read, and what each is for.
WORD_CLASSES: dict[str, str] = {
    "and": "the word for 'and' (in Arabic also its clitic)",
    "not_victims": "words right after a casualty word that name no victim",
    "plural_endings": "endings of plural nouns: no single victim",
    "nominative_plural_endings": "the ending of a plural as a subject (Arabic -uuna)",
    "dual_endings": "endings of dual nouns: two victims",
    "dual_suffixes": "the dual's endings, nominative and oblique, added to trigger nouns",
    "articles": "articles before a noun",
    "passive_auxiliaries": "the auxiliary of a passive before a casualty word",
    "not_names": "words that end an agent's words without naming anyone",
    "adjective_endings": "the ending that makes a compass word an adjective",
    "near": "words before a place: near it",
    "countryside": "words before (Arabic) or after (English) a place: its countryside",
    "area_nouns": "nouns of an area around a place, before 'of'",
    "rural": "an adjective before a place: its countryside",
    "road": "words for a road, before the places it joins",
    "dated_name_words": "a place named after a date (a city or quarter): the date is its name",
    "site_words": "a street, bridge or square named after a person or a place (not there)",
    "clock_words": "the word of a time zone named after a city (Beirut time): not there",
    "media_words": "a news outlet named after a place (Mayadin TV, Syria TV): not there",
    "site_name_titles": "a title between a site word and the name it is named after",
    "capital_words": "the word 'capital' between a compass word and a city's name",
    "people_nouns": "nouns for people whose home town may follow ('a man from X')",
    "origin_words": "words before 'from' that tell a person's home town ('originally from X')",
    "origin_pronouns": "pronouns before 'from the sons of town X' that tell a home town",
    "sons_words": "words for the sons or people of a town ('he is from the sons of town X')",
    "origin_prepositions": "the preposition between an origin word and the home town (English;"
    " Arabic uses 'from')",
    "person_titles": "titles before a person's name, which is then no place",
    "road_fillers": "words between a road word and the places it joins",
    "from": "the preposition after a compass word: to the east of",
    "of": "the preposition after a compass word or an area noun",
    "between": "the preposition between the places a road joins",
    "name_articles": "articles that belong to a name",
    "abbreviations": "abbreviations whose stop ends no sentence",
    "group_references": "words that point back at a group named before, no name of their own",
    "subset_words": "words before a part of a toll ('including two officers'): not the toll",
    "cause_words": "words after a casualty word that open its cause: no victim is named past them",
    "casualty_in_words": "'in' words after a casualty verb, which make its subject the victim",
    "complementizers": "'that' words after which the subject comes before its verb",
    "announcing_verbs": "verbs of announcing, whose subject did the killing only a doer announces",
    "agentive_killings": "killing nouns only their doer announces ('the elimination of')",
    "definite_articles": "the article of a word told as known ('the clashes')",
    "hamza_alefs": "letters that look like the article's first once folded, but begin a root",
    "ability_verbs": "verbs of managing ('the army managed to kill'): their subject did it",
    "ability_links": "the word between a verb of managing and what was managed ('to')",
    "possessive_endings": "pronoun endings of a noun: 'her child' is a person word",
    "one_victim_endings": "pronoun endings of a casualty word for one victim ('his killing')",
    "two_victim_endings": "pronoun endings of a casualty word for two victims",
    "feminine_ending": "the feminine ending of a noun standing alone (ta marbuta)",
    "feminine_bound_ending": "the feminine ending as written before a pronoun ending",
    "pluperfect_particles": "the particle between 'had' and the verb of a past perfect",
    "not_and_words": "words that begin with the letter of 'and' and are words of their own",
    "plural_place_words": "place words that name several places, before a list of names",
    "list_openers": "a word that opens a list of places, before 'from' (Arabic kullan min)",
    "place_descriptions": "words that describe a place after its place word, no name",
    "name_endings": "words that end a village's name after it: upper, lower, greater",
    "locative_clitics": "a preposition written joined to the next word, 'in': bi-Dimashq",
    "object_clitics": "a preposition joined to the object of a verbal noun after its agent",
    "belonging_words": "words of belonging between a weapon and its user",
    "indefinite_articles": "the articles of a noun told for the first time",
    "kilometre_words": "words of a distance in kilometres, after its number",
    "mile_words": "words of a distance in miles, after its number",
    "death_nouns": "nouns of one's death, right after the person who met it",
    "relative_pronouns": "pronouns that open a relative clause after a comma",
    "rank_words": "words before the rank the dead held: 'with the rank of officer', no side",
    "told_to_outlets": "an outlet's word with 'to' joined: the name after it is the outlet's",
    "told_to": "a preposition before the quoted outlet a source spoke to: 'told «Aden al-Ghad»'",
    "past_adjectives": "adjectives that make an act a past one: 'the previous protests'",
    "force_words": "words that name a force or an office by its place: 'Sulaymaniyah Asayish'",
    "seat_words": "a government or an office whose seat follows: 'the ministry in Khartoum'",
    "subordinators": "words that open a clause leaning on the next one: 'while', 'whereas'",
    "auxiliaries": "the auxiliaries of an English passive, singular or plural",
    "verb_modifiers": "adverbs and auxiliaries between an English subject and its verb",
    "broken_plurals": "plural nouns of people with no plural ending: several victims, not one",
}


class LanguageProfileError(ValueError):
    """A language profile that does not follow the schema; the message names the file."""


@dataclass(frozen=True)
class Clitics:
    """Letters that attach before a stem, in the order they attach."""

    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    number_prepositions: tuple[str, ...]
    article: str
    lam_article: str  # preposition + article written as one: "لل"
    possessive: str = ""  # English "'s"


@dataclass(frozen=True)
class Nisba:
    """How a nationality adjective is inflected: تركي -> تركية، تركيان، تركيين ..."""

    ending: str = ""  # the ending of the adjective as listed
    inflections: tuple[str, ...] = ()  # endings added to it: feminine, dual, plural


@dataclass(frozen=True)
class LanguageProfile:
    code: str
    folding: dict[str, str]
    clitics: Clitics
    word_classes: dict[str, frozenset[str]]
    directions: dict[str, str]  # compass word -> direction
    direction_adjectives: dict[str, str]  # compass adjective -> direction
    nisba: Nisba

    def words(self, name: str) -> frozenset[str]:
        """A closed word class by name, as written in the profile (not folded)."""
        if name not in WORD_CLASSES:
            raise KeyError(f"unknown word class {name!r}; known: {', '.join(WORD_CLASSES)}")
        return self.word_classes.get(name, frozenset())


@cache
def language_profile(code: str) -> LanguageProfile:
    """The profile of ``code`` ("ar" or "en")."""
    if code not in LANGUAGES:
        raise LanguageProfileError(f"no language profile for {code!r}")
    source = data_file("lang", f"{code}.yaml")
    data = read_yaml(source)
    where = str(source)
    if not isinstance(data, dict) or data.get("code") != code:
        raise LanguageProfileError(f"{where}: expected a mapping with code: {code}")
    folding = data.get("folding") or {}
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in folding.items()):
        raise LanguageProfileError(f"{where}: folding maps characters to characters")
    directions = {}
    for section in ("directions", "direction_adjectives"):
        raw = data.get(section) or {}
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in raw.items()):
            raise LanguageProfileError(f"{where}: {section} maps words to directions")
        directions[section] = dict(raw)
    return LanguageProfile(
        code,
        dict(folding),
        _clitics(data, where),
        _word_classes(data, where),
        directions["directions"],
        directions["direction_adjectives"],
        _nisba(data, where),
    )


def _nisba(data: dict[str, Any], where: str) -> Nisba:
    raw = data.get("nisba") or {}
    inflections = raw.get("inflections") or []
    if not isinstance(inflections, list) or not all(isinstance(e, str) for e in inflections):
        raise LanguageProfileError(f"{where}: nisba: inflections must be a list of endings")
    return Nisba(str(raw.get("ending") or ""), tuple(inflections))


def _clitics(data: dict[str, Any], where: str) -> Clitics:
    raw = data.get("clitics") or {}
    try:
        return Clitics(
            conjunctions=tuple(raw.get("conjunctions") or ()),
            prepositions=tuple(raw.get("prepositions") or ()),
            number_prepositions=tuple(raw.get("number_prepositions") or ()),
            article=raw.get("article") or "",
            lam_article=raw.get("lam_article") or "",
            possessive=raw.get("possessive") or "",
        )
    except (TypeError, AttributeError) as err:
        raise LanguageProfileError(f"{where}: clitics: {err}") from None


def _word_classes(data: dict[str, Any], where: str) -> dict[str, frozenset[str]]:
    raw = data.get("words") or {}
    if not isinstance(raw, dict):
        raise LanguageProfileError(f"{where}: words must map class names to word lists")
    out = {}
    for name, words in raw.items():
        if name not in WORD_CLASSES:
            raise LanguageProfileError(f"{where}: words.{name}: unknown word class")
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise LanguageProfileError(f"{where}: words.{name}: expected a list of words")
        out[name] = frozenset(words)
    return out
