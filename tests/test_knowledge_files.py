"""The knowledge files the code reads by name: the taxonomy, the language profiles and the
reading of sentences too long to be sentences."""

import dataclasses
import datetime as dt

import pytest

from rasd.annotate.mentions import find_mentions
from rasd.knowledge.language import language_profile
from rasd.knowledge.resources import default_resources
from rasd.knowledge.settings import SETTINGS
from rasd.knowledge.taxonomy import TAXONOMY, ActorKind, EventType, TaxonomyError, _taxonomy
from rasd.model import Document


def raw_taxonomy() -> dict:
    return {
        "event_types": {
            t.value: {
                "plover": TAXONOMY.plover[t],
                "sub_event_types": list(subs),
                **({"crowd_actor": TAXONOMY.crowd_actor[t]} if t in TAXONOMY.crowd_actor else {}),
            }
            for t, subs in TAXONOMY.sub_event_types.items()
        },
        "plover_types": sorted(TAXONOMY.plover_types),
        "untargeted_sub_event_types": sorted(TAXONOMY.untargeted),
        "actor_kinds": {k.value: dataclasses.asdict(v) for k, v in TAXONOMY.kinds.items()},
        "arrested_actor": TAXONOMY.arrested_actor,
        "hurt_actor": TAXONOMY.hurt_actor,
        "no_country": TAXONOMY.no_country,
    }


def test_the_taxonomy_table_matches_the_code():
    assert _taxonomy(raw_taxonomy()) == TAXONOMY
    assert TAXONOMY.kinds[ActorKind.PROTESTERS].inter == 6


def test_a_taxonomy_without_one_of_acleds_six_types_is_refused():
    raw = raw_taxonomy()
    del raw["event_types"][EventType.RIOTS.value]
    with pytest.raises(TaxonomyError, match="event_types"):
        _taxonomy(raw)


def test_a_sub_event_type_the_code_names_must_be_in_the_table():
    raw = raw_taxonomy()
    raw["event_types"]["Strategic developments"]["sub_event_types"].remove("Arrests")
    with pytest.raises(TaxonomyError, match="Arrests"):
        _taxonomy(raw)


def test_a_word_class_the_code_does_not_declare_cannot_be_asked_for():
    with pytest.raises(KeyError, match="unknown word class"):
        language_profile("ar").words("victims")


def test_relation_words_come_from_the_profiles():
    assert "north" in language_profile("en").directions
    assert language_profile("ar").words("road")


def test_a_page_without_punctuation_is_read_in_pieces_of_a_sentences_length():
    longest = SETTINGS.text.longest_sentence_tokens
    text = " ".join(["قصف"] * (longest * 2 + 10))
    doc = Document("unbroken", text, published=dt.datetime(2024, 1, 15, tzinfo=dt.UTC))
    doc.language = "ar"
    sentences = find_mentions(doc, default_resources()).sentences
    assert [len(s.tokens) for s in sentences] == [longest, longest, 10]
    assert all(text[s.start : s.end] == s.text for s in sentences)
