"""Everything rasd knows, loaded once and shared by every document: the gazetteer, the actor
dictionary, the lexicons and the phrase trie built from them."""

from __future__ import annotations

import gc
from dataclasses import dataclass, field
from functools import cache

from rasd.knowledge.actors import ActorDictionary
from rasd.knowledge.compiled import load_compiled
from rasd.knowledge.gazetteer import Gazetteer
from rasd.knowledge.language import LANGUAGES
from rasd.knowledge.lexicon import Lexicon
from rasd.text.matcher import PhraseTables


@dataclass
class Resources:
    """Dictionaries and gazetteer, loaded once and shared by every document."""

    gazetteer: Gazetteer
    actors: ActorDictionary
    lexicons: dict[str, Lexicon]
    _tables: dict[str, PhraseTables] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> Resources:
        """Built from the data files (the packaged ones and the user's)."""
        resources = cls(
            gazetteer=Gazetteer.load(),
            actors=ActorDictionary.load(),
            lexicons={lang: Lexicon.load(lang) for lang in LANGUAGES},
        )
        for language in LANGUAGES:
            resources.tables_for(language)
        return resources

    def lexicon_for(self, language: str) -> Lexicon:
        return self.lexicons.get(language, self.lexicons["ar"])

    def tables_for(self, language: str) -> PhraseTables:
        """Every phrase table a document of ``language`` is matched against, in one trie:
        the lexicon's triggers, weapons and cues, and the actor dictionary."""
        lexicon = self.lexicon_for(language)
        if lexicon.language not in self._tables:
            tables = PhraseTables()
            lexicon.add_to(tables)
            self.actors.add_to(tables)
            self._tables[lexicon.language] = tables
        return self._tables[lexicon.language]


@cache
def default_resources() -> Resources:
    """The packaged (and the user's) knowledge, loaded on first use and shared afterwards.

    It comes from the compiled cache when one was made from the same data files
    (:mod:`rasd.knowledge.compiled`). The loaded knowledge lives as long as the process,
    so it is moved out of the garbage collector's sight (``gc.freeze``): full collections
    then no longer walk the gazetteer and the dictionaries, which keeps their cost in
    proportion to the document at hand. Reading a document makes and drops many small
    objects, few of them in cycles, so the youngest generation is collected every
    ``_YOUNG_COLLECTION`` allocations rather than Python's 700 (about 4% faster)."""
    resources = load_compiled(Resources.load)
    gc.freeze()
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, _YOUNG_COLLECTION), *older)
    return resources


_YOUNG_COLLECTION = 5000
