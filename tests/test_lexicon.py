from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from rasd.knowledge.lexicon import CUE_NAMES, GAP, Lexicon, LexiconError
from rasd.knowledge.taxonomy import EventType
from rasd.text.normalize import is_arabic
from rasd.text.tokens import tokenize

LANGUAGES = ("ar", "en")


def _data(language: str) -> dict:
    resource = files("rasd") / "data" / "lexicon" / f"{language}.yaml"
    return yaml.safe_load(resource.read_text(encoding="utf-8"))


def _sample(phrase: str) -> list:
    """The phrase as text: a `stem*` word becomes a word that begins with the stem."""
    words = [
        w[:-1] + ("ت" if is_arabic(w) else "s") if w.endswith("*") else w for w in phrase.split()
    ]
    return tokenize(" ".join(words))


def _triggers(text: str, language: str = "ar") -> list:
    return [m.payload for m in Lexicon.load(language, []).triggers.find(tokenize(text))]


# ---------------------------------------------------------------- the data


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_trigger_phrase_finds_its_event_type(language):
    lexicon = Lexicon.load(language, [])
    missed = []
    for entry in _data(language)["triggers"]:
        kind = (entry["event_type"], entry["sub_event_type"])
        for phrase in entry["words"]:
            if GAP in phrase:  # a gapped phrase is joined from its head and tail
                head, _, tail = (part.strip() for part in phrase.partition(GAP))
                gapped = lexicon.gapped[head, tail]
                found = {(gapped.event_type, gapped.sub_event_type)}
            else:
                found = {
                    (m.payload.event_type, m.payload.sub_event_type)
                    for m in lexicon.triggers.find(_sample(phrase))
                }
            if kind not in found:
                missed.append((phrase, kind, found))
    assert missed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_weapon_phrase_finds_its_weapon(language):
    lexicon = Lexicon.load(language, [])
    missed = []
    for entry in _data(language)["weapons"]:
        for phrase in entry["words"]:
            found = {
                (m.payload.weapon, m.payload.sub_event_type)
                for m in lexicon.weapons.find(_sample(phrase))
            }
            if (entry["weapon"], entry["sub_event_type"]) not in found:
                missed.append((phrase, found))
    assert missed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_cue_phrase_is_found(language):
    lexicon = Lexicon.load(language, [])
    missed = [
        (name, phrase)
        for name, phrases in _data(language)["cues"].items()
        for phrase in phrases
        if not lexicon.cue(name).find(_sample(phrase))
    ]
    assert missed == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_languages_cover_every_event_type_and_cue(language):
    lexicon = Lexicon.load(language, [])
    assert lexicon.language == language
    data = _data(language)
    assert {t["event_type"] for t in data["triggers"]} == set(EventType)
    assert all(len(lexicon.cue(name)) > 0 for name in CUE_NAMES)


def test_arabic_lexicon_has_several_hundred_trigger_phrases():
    assert len(Lexicon.load("ar", []).triggers) > 500


def test_load_is_cached_per_language():
    assert Lexicon.load("ar", []) is Lexicon.load("ar", [])
    assert Lexicon.load("ar", []) is not Lexicon.load("en", [])


# ---------------------------------------------------------------- Arabic behaviour


def test_past_verb_is_an_active_shelling_trigger():
    (trigger,) = _triggers("قصفت القوات التركية قرية")
    assert trigger.sub_event_type == "Shelling/artillery/missile attack"
    assert trigger.voice == "active"


def test_verbal_noun_with_clitic_is_a_noun_trigger():
    (trigger,) = _triggers("وبالقصف المدفعي")
    assert trigger.sub_event_type == "Shelling/artillery/missile attack"
    assert trigger.voice == "noun"


def test_weak_attack_noun_is_fixed_by_a_drone_weapon():
    lexicon = Lexicon.load("ar", [])
    tokens = tokenize("تعرضت القاعدة لهجوم نفذته طائرة مسيرة")
    (trigger,) = [m.payload for m in lexicon.triggers.find(tokens)]
    assert (trigger.words, trigger.weak, trigger.voice) == ("هجوم", True, "noun")
    (weapon,) = [m.payload for m in lexicon.weapons.find(tokens)]
    assert (weapon.weapon, weapon.sub_event_type) == ("drone", "Air/drone strike")


def test_attack_with_a_drone_is_an_air_strike():
    tokens = tokenize("تعرضت القاعدة لهجوم بطائرة مسيرة")
    (trigger,) = [m.payload for m in Lexicon.load("ar", []).triggers.find(tokens)]
    assert trigger.sub_event_type == "Air/drone strike"


def test_taarrud_marks_the_passive_even_with_the_subject_between():
    tokens = tokenize("تعرضت القاعدة لهجوم")
    (marker,) = Lexicon.load("ar", []).cue("passive_marker").find(tokens)
    assert marker.first == 0


def test_contiguous_taarrud_li_is_a_passive_trigger():
    (trigger,) = _triggers("القاعدة تعرضت لقصف مدفعي")
    assert (trigger.sub_event_type, trigger.voice) == (
        "Shelling/artillery/missile attack",
        "passive",
    )


def test_air_strike_noun_is_not_shelling():
    (trigger,) = _triggers("غارات جوية على ريف إدلب")
    assert trigger.sub_event_type == "Air/drone strike"


def test_intercept_cue_in_downing_sentence():
    lexicon = Lexicon.load("ar", [])
    tokens = tokenize("أسقطت الدفاعات الجوية صاروخين")
    assert lexicon.cue("intercept").find(tokens)
    (trigger,) = [m.payload for m in lexicon.triggers.find(tokens)]
    assert trigger.sub_event_type == "Disrupted weapons use"


def test_arrest_by_patrol():
    (trigger,) = _triggers("اعتقلت دورية ثلاثة شبان")
    assert (trigger.event_type, trigger.sub_event_type, trigger.plover) == (
        "Strategic developments",
        "Arrests",
        "COERCE",
    )


def test_detention_is_not_a_protest():
    (trigger,) = _triggers("احتجزت القوات عشرة أشخاص")
    assert trigger.sub_event_type == "Arrests"


def test_ceasefire_is_not_a_shooting():
    (trigger,) = _triggers("اتفاق وقف إطلاق النار")
    assert trigger.sub_event_type == "Agreement"


def test_abduction_to_unknown_place():
    trigger = _triggers("اختطف مسلحون شابا واقتادوه إلى جهة مجهولة")[0]
    assert trigger.sub_event_type == "Abduction/forced disappearance"


def test_base_evacuation_is_a_withdrawal():
    (trigger,) = _triggers("أخلت القوات الأميركية قاعدتها")
    assert (trigger.sub_event_type, trigger.plover) == ("Change to group/activity", "RETREAT")


def test_dispersal_makes_police_the_second_actor():
    trigger = _triggers("فرقت الشرطة المتظاهرين")[0]
    assert trigger.sub_event_type == "Protest with intervention"
    assert trigger.voice == "passive"


def test_no_casualties_phrase():
    tokens = tokenize("سقطت القذائف دون وقوع إصابات")
    assert Lexicon.load("ar", []).cue("no_casualties").find(tokens)


def test_a_number_word_is_no_verb_of_saying():
    # "بثلاثة صواريخ" (with three missiles) begins like "بث" (broadcast)
    tokens = tokenize("غارة بثلاثة صواريخ، بثت القناة صورها")
    found = Lexicon.load("ar", []).cue("report").find(tokens)
    assert [tokens[m.first].text for m in found] == ["بثت"]


def test_dawn_is_not_a_detonation():
    assert _triggers("فجر اليوم") == []


# ---------------------------------------------------------------- English behaviour


def test_protesters_storming_an_embassy_is_a_riot():
    (trigger,) = _triggers("Protesters stormed the embassy", "en")
    assert (trigger.event_type, trigger.sub_event_type) == ("Riots", "Violent demonstration")


def test_english_passive_arrest():
    (trigger,) = _triggers("Three men were arrested by police", "en")
    assert (trigger.sub_event_type, trigger.voice) == ("Arrests", "passive")


def test_month_march_is_not_a_protest():
    assert _triggers("on March 7", "en") == []


def test_general_strike_is_a_protest_not_an_air_strike():
    (trigger,) = _triggers("a general strike", "en")
    assert trigger.event_type == "Protests"


# ---------------------------------------------------------------- validation and user files


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ar-local.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_extra_file_adds_triggers(tmp_path):
    path = _write(
        tmp_path,
        """
language: ar
triggers:
  - words: ["رشقة حجارة"]
    event_type: Riots
    sub_event_type: Violent demonstration
    plover: PROTEST
    voice: noun
cues:
  killed: ["نحبه"]
""",
    )
    lexicon = Lexicon.load("ar", [path])
    (match,) = lexicon.triggers.find(tokenize("رشقة حجارة"))
    assert match.payload.event_type == "Riots"
    assert lexicon.cue("killed").find(tokenize("قضى نحبه"))


def test_rasd_home_files_are_merged(tmp_path, monkeypatch):
    (tmp_path / "lexicon").mkdir()
    _write(tmp_path / "lexicon", 'language: ar\ncues:\n  denial: ["كذبت الخبر"]\n')
    monkeypatch.setenv("RASD_HOME", str(tmp_path))
    assert Lexicon.load("ar").cue("denial").find(tokenize("كذبت الخبر"))


GOOD_TRIGGER = {
    "words": ["معركة طاحنة"],
    "event_type": "Battles",
    "sub_event_type": "Armed clash",
    "plover": "ASSAULT",
    "voice": "active",
}


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("event_type", "Battle", "unknown event_type"),
        ("sub_event_type", "Arrests", "not a sub-event type of 'Battles'"),
        ("plover", "FIGHT", "unknown plover"),
        ("voice", "middle", "voice must be"),
        ("weak", "yes", "weak must be"),
        ("when", "today", "unknown key"),
    ],
)
def test_bad_trigger_is_rejected_naming_file_and_entry(tmp_path, field, value, message):
    entry = {**GOOD_TRIGGER, field: value}
    path = _write(tmp_path, yaml.safe_dump({"language": "ar", "triggers": [entry]}))
    with pytest.raises(LexiconError, match=message) as err:
        Lexicon.load("ar", [path])
    assert str(path) in str(err.value)
    assert "triggers[0]" in str(err.value)


def test_unknown_cue_is_rejected(tmp_path):
    path = _write(tmp_path, 'language: ar\ncues:\n  gossip: ["يقال"]\n')
    with pytest.raises(LexiconError, match="cues.gossip"):
        Lexicon.load("ar", [path])


def test_weapon_with_non_explosion_sub_event_is_rejected(tmp_path):
    path = _write(
        tmp_path,
        'language: ar\nweapons:\n  - words: ["عصا"]\n    weapon: stick\n'
        "    sub_event_type: Armed clash\n",
    )
    with pytest.raises(LexiconError, match="weapons"):
        Lexicon.load("ar", [path])


def test_wrong_language_is_rejected(tmp_path):
    path = _write(tmp_path, "language: en\n")
    with pytest.raises(LexiconError, match="language"):
        Lexicon.load("ar", [path])


def test_lexicon_error_is_a_value_error():
    assert issubclass(LexiconError, ValueError)


def test_a_gapped_trigger_needs_words_on_both_sides_of_one_gap(tmp_path):
    entry = {**GOOD_TRIGGER, "words": ["فتح* … النار … على"]}
    path = _write(tmp_path, yaml.safe_dump({"language": "ar", "triggers": [entry]}))
    with pytest.raises(LexiconError, match="one gap"):
        Lexicon.load("ar", [path])


def test_a_gapped_trigger_is_kept_as_its_head_and_its_tail():
    lexicon = Lexicon.load("ar", [])
    assert ("فتح*", "النار على") in lexicon.gapped


def test_a_gapped_head_reads_a_tail_another_head_lists_exactly_by_its_own_stem():
    lexicon = Lexicon.load("ar", [])
    assert lexicon.gapped_trigger("سقوط", "صاروخين") is lexicon.gapped["سقوط", "صاروخ*"]


def test_a_bomb_is_explosive_though_it_decides_no_sub_event_type():
    (bomb,) = Lexicon.load("ar", []).weapons.find(tokenize("بقنبلة"))
    assert bomb.payload.explosive and bomb.payload.sub_event_type is None
