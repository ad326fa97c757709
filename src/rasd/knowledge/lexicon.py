"""Event lexicons: the words that announce an event, the weapons that fix its sub-event
type, and the closed word classes (casualties, claims, denials, interceptions, ...) the
extractor reads around them.

One YAML file per language, ``rasd/data/lexicon/{language}.yaml``; English is a second
data file on the same code. Schema::

    language: ar
    triggers:                 # each phrase of an entry becomes one Trigger
      - words: ["قصف*", "فتح* … النار على", ...]  # "…": a gap of a few words (a subject)
        event_type: Explosions/Remote violence      # one of ACLED's six (taxonomy.yaml)
        sub_event_type: Shelling/artillery/missile attack
        plover: ASSAULT                             # a PLOVER 2 event type
        voice: active                               # active | passive | noun | defence
        weak: false                                 # optional, default false
    weapons:
      - words: ["هاون", ...]
        weapon: mortar
        sub_event_type: Shelling/artillery/missile attack   # or null
    cues:
      killed: [...]           # names from CUE_NAMES only

Users extend a lexicon without touching the package: every file matching
``$RASD_HOME/lexicon/{language}*.yaml`` (for instance ``ar-local.yaml``) is merged into the
packaged one, its triggers, weapons and cue phrases added to the packaged ones. Explicit
``extra`` files passed to :meth:`Lexicon.load` replace that lookup. Every file is validated
on load; a bad entry raises :class:`LexiconError` naming the file and the entry.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from mypy_extensions import mypyc_attr

from rasd.knowledge.files import data_file, read_yaml
from rasd.knowledge.frozen import by_fields
from rasd.knowledge.language import language_profile
from rasd.knowledge.taxonomy import TAXONOMY, EventType
from rasd.text.matcher import PhraseMatcher, PhraseTables, phrase_words


class Voice(StrEnum):
    """The roles ACLED gives the words around a trigger (see lexicon/ar.yaml)."""

    ACTIVE = "active"  # the subject is actor1, the object actor2
    PASSIVE = "passive"  # the subject is actor2
    NOUN = "noun"  # a verbal noun: actor1 from an adjective, a genitive or an agent
    DEFENCE = "defence"  # "صد الجيش هجوما لداعش": the subject is actor2, the attacker actor1
    SPEAKER = "speaker"  # "قصفنا", "we struck": the one quoted is actor1, the object actor2


VOICES = tuple(Voice)


class Cue(StrEnum):
    """The closed word classes the rules read around a trigger (``cues`` in a lexicon)."""

    CLAUSE_BREAK = "clause_break"
    AFFILIATION = "affiliation"
    ATTRIBUTION = "attribution"
    REFERENCE = "reference"
    CAUSE = "cause"
    AFTER = "after"
    SINCE = "since"
    RUMOUR = "rumour"
    BETWEEN = "between"
    KILLED = "killed"
    INJURED = "injured"
    ONE_VICTIM = "one_victim"
    PERSON = "person"
    FORMATION = "formation"
    TWO_VICTIMS = "two_victims"
    NO_CASUALTIES = "no_casualties"
    CLAIM = "claim"
    DENIAL = "denial"
    REPORT = "report"
    INTERCEPT = "intercept"
    IMPACT = "impact"
    FUTURE = "future"
    NEGATION = "negation"
    PASSIVE_MARKER = "passive_marker"
    PASSIVE_AGENT = "passive_agent"
    TARGET = "target"
    CIVILIAN_TARGET = "civilian_target"
    BACKGROUND = "background"
    PLUPERFECT = "pluperfect"
    NO_RESISTANCE = "no_resistance"
    LOCATION_PREP = "location_prep"
    DESTINATION = "destination"
    TRANSFER = "transfer"  # the wounded or goods moved somewhere: never a launch
    NOT_EVENT = "not_event"  # a phrase holding a trigger word that tells no event
    UNIT = "unit"
    ARSENAL = "arsenal"
    CLASH = "clash"
    PROTEST = "protest"
    MILITARY_TARGET = "military_target"
    HEDGE = "hedge"
    ACCUSATION = "accusation"
    WAR = "war"
    CONFRONTATION = "confrontation"
    FEUD = "feud"
    ANNIVERSARY = "anniversary"
    TOLD_AGAIN = "told_again"
    ORIGIN = "origin"
    STATIONED = "stationed"
    DIED = "died"
    CAPTIVES = "captives"
    COMPARISON = "comparison"
    FRAME = "frame"
    FLIGHT = "flight"
    RUNNING_TOLL = "running_toll"  # "the toll rose to": a total so far, no act of its own


CUE_NAMES = tuple(Cue)

# The names of the lexicon's own tables in a document-wide phrase trie (cue tables are
# named by their cue).
TRIGGERS = "triggers"
WEAPONS = "weapons"
GAP_HEADS = "gap heads"  # the words before the gap of a gapped trigger ("فتح* … النار على")
GAP_TAILS = "gap tails"  # and the words after it
GAP = "…"

_TOP_KEYS = {"language", "triggers", "weapons", "cues"}
_TRIGGER_KEYS = {"words", "event_type", "sub_event_type", "plover", "voice", "weak"}
_WEAPON_KEYS = {"words", "weapon", "sub_event_type", "explosive"}


# The Arabic dual's endings (nominative, oblique) and the feminine ending, free and bound.
_AR = language_profile("ar")
_DUAL_SUFFIXES = tuple(sorted(_AR.words("dual_suffixes")))
(_FEMININE,) = _AR.words("feminine_ending")
(_FEMININE_BOUND,) = _AR.words("feminine_bound_ending")


class LexiconError(ValueError):
    """A lexicon file that does not follow the schema."""


@dataclass(frozen=True)
class Trigger:
    """A phrase that announces an event, and the event it announces."""

    words: str  # the phrase as written in the lexicon
    event_type: EventType
    sub_event_type: str
    plover: str
    voice: Voice
    weak: bool = False

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen


FIREARM = "firearm"  # the weapon class of guns (Weapon.weapon)
RIOT_CONTROL = "riot control"  # tear gas, batons, water cannon: force met a crowd


@dataclass(frozen=True)
class Weapon:
    """A weapon phrase; ``sub_event_type`` is the Explosions/Remote violence sub-event type
    it implies, or None for weapons that do not decide it (firearms, knives, tear gas, and
    bombs, dropped from the air or planted); ``explosive`` whether it explodes."""

    phrase: str
    weapon: str
    sub_event_type: str | None
    explosive: bool = False

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return by_fields(self)  # see rasd.knowledge.frozen


# Pickled into the compiled knowledge: a class mypyc compiles unpickles without calling
# __init__ (which takes the language) only when "serializable" (see knowledge/gazetteer.py).
@mypyc_attr(serializable=True, allow_interpreted_subclasses=True)
class Lexicon:
    """The triggers, weapons and cues of one language, as phrase matchers."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.triggers: PhraseMatcher[Trigger] = PhraseMatcher()
        self.weapons: PhraseMatcher[Weapon] = PhraseMatcher()
        self.cues: dict[Cue, PhraseMatcher[Cue]] = {name: PhraseMatcher() for name in Cue}
        # gapped triggers: (head, tail) -> trigger; the heads and tails as phrase tables
        self.gapped: dict[tuple[str, str], Trigger] = {}
        self.gap_heads: PhraseMatcher[str] = PhraseMatcher()
        self.gap_tails: PhraseMatcher[str] = PhraseMatcher()
        self._gap_parts: set[tuple[str, str]] = set()  # ("head"|"tail", part) already added
        # each head's tails as folded words, with the trigger they make together
        self._tails_of: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}

    @classmethod
    def load(cls, language: str, extra: list[Path] | None = None) -> Lexicon:
        """The packaged lexicon of ``language`` merged with ``extra`` files (by default the
        user's ``$RASD_HOME/lexicon/{language}*.yaml``). Cached per language and file set."""
        if extra is None:
            extra = _user_files(language)
        return _load(language, tuple(Path(p) for p in extra))

    def add_to(self, tables: PhraseTables) -> None:
        """Add the lexicon's tables to a document-wide phrase trie: ``TRIGGERS``,
        ``WEAPONS`` and one table per cue class, named by the cue."""
        for table, matcher in (
            (TRIGGERS, self.triggers),
            (WEAPONS, self.weapons),
            (GAP_HEADS, self.gap_heads),
            (GAP_TAILS, self.gap_tails),
        ):
            for phrase, payload in matcher.phrases:
                tables.add(table, phrase, payload)
        for name, cues in self.cues.items():
            for phrase, cue in cues.phrases:
                tables.add(name, phrase, cue)

    def _add_gapped(self, phrase: str, trigger: Trigger, source: str, where: str) -> None:
        head, _, tail = (part.strip() for part in phrase.partition(GAP))
        if not head or not tail or GAP in tail:
            raise LexiconError(f"{source}: {where}: {phrase!r}: one gap, with words either side")
        for side, matcher, part in (("head", self.gap_heads, head), ("tail", self.gap_tails, tail)):
            if (side, part) not in self._gap_parts:
                _add(matcher, part, part, source, where)
                self._gap_parts.add((side, part))
        self.gapped[head, tail] = trigger
        self._tails_of.setdefault(head, []).append((phrase_words(tail), trigger))

    def gapped_trigger(self, head: str, tail: str) -> Trigger | None:
        """The trigger a head and a tail make together. The tails are one phrase table, so
        a tail is read as the phrase that wins there ("صاروخين" of "أطلق* … صاروخين"), which
        may be another head's: then the head's own tails are tried on its words ("سقوط …
        صاروخ*" reads "سقوط صاروخين")."""
        found = self.gapped.get((head, tail))
        if found is not None:
            return found
        words = phrase_words(tail)
        return next(
            (trigger for own, trigger in self._tails_of.get(head, []) if _words_fit(own, words)),
            None,
        )

    def _duals(self, words: list[str]) -> list[str]:
        """The dual of each one-word Arabic feminine noun: "غارة" -> "غارتان", "غارتين" (two
        strikes are strikes too). Masculine duals are listed where they are meant: made for
        every noun they also read words that are no trigger's."""
        if self.language != "ar":
            return []
        stems = [
            w[: -len(_FEMININE)] + _FEMININE_BOUND
            for w in words
            if " " not in w and "*" not in w and w.endswith(_FEMININE)
        ]
        return [s + ending for s in stems for ending in _DUAL_SUFFIXES if s + ending not in words]

    def cue(self, name: str) -> PhraseMatcher[Cue]:
        """The phrases of a cue class, named by its ``Cue`` or by the name itself."""
        return self.cues[Cue(name)]

    def _merge(self, data: Any, source: str) -> None:
        if not isinstance(data, dict):
            raise LexiconError(f"{source}: expected a mapping at the top level")
        _check_keys(data, _TOP_KEYS, source, "the file")
        if data.get("language") != self.language:
            raise LexiconError(
                f"{source}: language is {data.get('language')!r}, expected {self.language!r}"
            )
        for i, entry in enumerate(_list(data, "triggers", source)):
            where = f"triggers[{i}]"
            words = _entry_words(entry, _TRIGGER_KEYS, source, where)
            where = f"triggers[{i}] ({words[0]!r})"
            event_type = entry.get("event_type")
            sub_event_type = entry.get("sub_event_type")
            if event_type not in TAXONOMY.sub_event_types:
                raise LexiconError(f"{source}: {where}: unknown event_type {event_type!r}")
            event_type = EventType(event_type)
            if sub_event_type not in TAXONOMY.sub_event_types[event_type]:
                raise LexiconError(
                    f"{source}: {where}: sub_event_type {sub_event_type!r} "
                    f"is not a sub-event type of {event_type.value!r}"
                )
            if entry.get("plover") not in TAXONOMY.plover_types:
                raise LexiconError(f"{source}: {where}: unknown plover {entry.get('plover')!r}")
            if entry.get("voice") not in VOICES:
                raise LexiconError(f"{source}: {where}: voice must be one of {', '.join(VOICES)}")
            weak = entry.get("weak", False)
            if not isinstance(weak, bool):
                raise LexiconError(f"{source}: {where}: weak must be true or false")
            nouns = entry["voice"] == Voice.NOUN
            for phrase in words + (self._duals(words) if nouns else []):
                trigger = Trigger(
                    phrase, event_type, sub_event_type, entry["plover"], Voice(entry["voice"]), weak
                )
                if GAP in phrase:
                    self._add_gapped(phrase, trigger, source, where)
                else:
                    _add(self.triggers, phrase, trigger, source, where)
        explosions = TAXONOMY.sub_event_types[EventType.EXPLOSIONS]
        for i, entry in enumerate(_list(data, "weapons", source)):
            words = _entry_words(entry, _WEAPON_KEYS, source, f"weapons[{i}]")
            where = f"weapons[{i}] ({words[0]!r})"
            weapon, sub_event_type = entry.get("weapon"), entry.get("sub_event_type")
            if not isinstance(weapon, str) or not weapon:
                raise LexiconError(f"{source}: {where}: weapon must be a name")
            if sub_event_type is not None and sub_event_type not in explosions:
                raise LexiconError(
                    f"{source}: {where}: sub_event_type {sub_event_type!r} is not an "
                    "Explosions/Remote violence sub-event type"
                )
            explosive = entry.get("explosive", sub_event_type is not None)
            if not isinstance(explosive, bool):
                raise LexiconError(f"{source}: {where}: explosive must be true or false")
            for phrase in words:
                found = Weapon(phrase, weapon, sub_event_type, explosive)
                _add(self.weapons, phrase, found, source, where)
        cues = data.get("cues") or {}
        if not isinstance(cues, dict):
            raise LexiconError(f"{source}: cues must be a mapping of cue name to phrases")
        for name, phrases in cues.items():
            where = f"cues.{name}"
            if name not in self.cues:
                raise LexiconError(f"{source}: {where}: unknown cue; known: {', '.join(Cue)}")
            for phrase in _phrases(phrases, source, where):
                _add(self.cues[Cue(name)], phrase, Cue(name), source, where)


@cache
def _load(language: str, extra: tuple[Path, ...]) -> Lexicon:
    lexicon = Lexicon(language)
    resource = data_file("lexicon", f"{language}.yaml")
    if not resource.is_file():
        raise LexiconError(f"no lexicon for language {language!r}")
    lexicon._merge(read_yaml(resource), str(resource))
    for path in extra:
        try:
            data = read_yaml(path)
        except yaml.YAMLError as err:
            raise LexiconError(f"{path}: not valid YAML: {err}") from err
        lexicon._merge(data, str(path))
    return lexicon


def _user_files(language: str) -> list[Path]:
    home = os.environ.get("RASD_HOME")
    if not home:
        return []
    return sorted((Path(home) / "lexicon").glob(f"{language}*.yaml"))


def _check_keys(entry: dict[str, Any], allowed: set[str], source: str, where: str) -> None:
    unknown = set(entry) - allowed
    if unknown:
        raise LexiconError(f"{source}: {where}: unknown key(s) {', '.join(sorted(unknown))}")


def _list(data: dict[str, Any], key: str, source: str) -> list[Any]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise LexiconError(f"{source}: {key} must be a list")
    return value


def _entry_words(entry: Any, allowed: set[str], source: str, where: str) -> list[str]:
    if not isinstance(entry, dict):
        raise LexiconError(f"{source}: {where}: expected a mapping")
    _check_keys(entry, allowed, source, where)
    return _phrases(entry.get("words"), source, where)


def _phrases(value: Any, source: str, where: str) -> list[str]:
    if not isinstance(value, list) or not value:
        raise LexiconError(f"{source}: {where}: expected a non-empty list of phrases")
    for phrase in value:
        if not isinstance(phrase, str) or not phrase.strip():
            raise LexiconError(f"{source}: {where}: bad phrase {phrase!r}")
    return value


def _add(matcher: PhraseMatcher[Any], phrase: str, payload: Any, source: str, where: str) -> None:
    try:
        matcher.add(phrase, payload)
    except ValueError as err:
        raise LexiconError(f"{source}: {where}: {err}") from err


def _words_fit(pattern: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Do folded ``words`` read as ``pattern`` (whose ``stem*`` words take any ending)?"""
    return len(pattern) == len(words) and all(
        w.startswith(p[:-1]) if p.endswith("*") else w == p for p, w in zip(pattern, words)
    )
