"""End-to-end extraction, one phenomenon a test: a short news text in, ACLED-style events out.

Read as a user's guide: each test names what the extractor does with one kind of sentence.
All sentences are written for these tests. Unless a test says otherwise the article is
published on Monday 11 March 2024, so "أمس" (yesterday) is Sunday 10 March.
Tests marked xfail describe the right behaviour that the extractor does not show yet.
"""

from __future__ import annotations

import datetime as dt

import pytest

import rasd
from rasd.annotate.mentions import find_mentions
from rasd.io.ingest import document_from_text
from rasd.knowledge.places import haversine_km
from rasd.knowledge.resources import default_resources
from rasd.model import Event
from rasd.pipeline import process

PUBLISHED = "2024-03-11T10:00:00+03:00"  # a Monday
TODAY = dt.date(2024, 3, 11)
YESTERDAY = dt.date(2024, 3, 10)  # a Sunday

SHELLING = "Shelling/artillery/missile attack"
STRIKE = "Air/drone strike"
IED = "Remote explosive/landmine/IED"
REMOTE = "Explosions/Remote violence"
STRATEGIC = "Strategic developments"
ISRAEL = "Military Forces of Israel (2022-)"
HOUTHIS = "Military Forces of Yemen (2017-) Houthi"
SYRIA = "Military Forces of Syria (2000-2024)"


def events(text: str, published: str = PUBLISHED) -> list[Event]:
    return rasd.extract(text, published=published)


def describe(event: Event) -> str:
    a1 = event.actor1.name if event.actor1 else None
    a2 = event.actor2.name if event.actor2 else None
    place = event.location.name if event.location else None
    return f"{event.sub_event_type} {event.date_from} {a1} -> {a2} @ {place}"


def only_event(text: str, published: str = PUBLISHED) -> Event:
    """The one event of a text, failing with a readable list when there are more or none."""
    found = events(text, published)
    assert len(found) == 1, [describe(e) for e in found]
    return found[0]


def actor_id(actor) -> str | None:
    return actor.id if actor is not None else None


def types(event: Event) -> tuple[str, str]:
    return event.event_type, event.sub_event_type


def sides(event: Event) -> tuple[str | None, str | None]:
    """The names of actor1 and actor2 (None where there is none)."""
    first, second = event.actor1, event.actor2
    return (first.name if first else None, second.name if second else None)


# ---------------------------------------------------------------- event types


def test_opening_fire_with_the_gunmen_named_in_between_is_an_event():
    event = only_event("فتح مسلحون مجهولون النار على سيارة مدنية أمس في بلدة طفس.")
    assert event.location.name == "Ţafas"


def test_a_repelled_attack_is_a_battle_not_shelling():
    event = only_event("صدّت قوات النظام هجوماً لتنظيم الدولة أمس على بلدة السخنة.")
    assert event.event_type == "Battles"


def test_the_attacker_of_a_repelled_attack_is_actor1():
    event = only_event("تصدت قوات النظام أمس لهجوم شنته عناصر تنظيم الدولة على بلدة السخنة.")
    assert (actor_id(event.actor1), actor_id(event.actor2)) == ("isis-syria", "mil-syria-assad")


def test_an_attack_repelled_by_an_unnamed_attacker_has_the_defender_as_target():
    event = only_event("صد الجيش أمس هجوما على بلدة السخنة.")
    assert event.actor1 is None
    assert event.actor2.name == "Military Forces of Syria (2000-2024)"


def test_a_drone_attack_that_defences_repelled_is_an_interception():
    event = only_event("تصدت الدفاعات الأرضية لهجوم بطائرات مسيرة على مدينة كوستي فجر اليوم.")
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_drone_attack_the_army_repelled_is_still_a_battle():
    text = "تصدت القوات المسلحة لهجوم بالطائرات المسيرة شنته الدعم السريع على مدينة بارا."
    assert only_event(text).event_type == "Battles"


def test_english_repelled_attack_is_a_battle_with_the_attacker_first():
    event = only_event("Syrian forces repelled an Islamic State attack on Sukhnah on Sunday.")
    assert types(event) == ("Battles", "Armed clash")
    assert actor_id(event.actor1) == "isis-syria"


def test_the_group_named_before_a_strike_that_killed_soldiers_carried_it_out():
    event = only_event("Seven soldiers were killed in an RSF drone strike on El Obeid on Sunday.")
    assert (event.actor1.name, event.fatalities) == ("Rapid Support Forces", 7)


def test_a_militant_attack_on_a_town_with_no_weapon_named_is_a_battle():
    event = only_event("هاجم تنظيم داعش مساء أمس ناحية جلولاء في محافظة ديالى.")
    assert types(event) == ("Battles", "Armed clash")


def test_a_militant_attack_with_mortars_stays_shelling():
    event = only_event("هاجم تنظيم داعش مساء أمس ناحية جلولاء بقذائف الهاون.")
    assert types(event) == (REMOTE, SHELLING)


def test_an_armys_attack_on_the_other_side_of_a_war_at_home_is_a_battle():
    event = only_event("هاجم الحوثيون أمس مواقع القوات الحكومية في مديرية حيس وقتلوا جنديين.")
    assert types(event) == ("Battles", "Armed clash")


@pytest.mark.parametrize(
    "text",
    [
        "هاجم الجيش العراقي أمس مواقع تنظيم داعش في قضاء الرطبة.",
        "هاجم الحوثيون أمس مواقع الجيش الوطني في مديرية حيس وقتلوا جنديين.",
    ],
)
def test_a_group_whose_name_other_countries_share_is_the_articles_in_a_war_at_home(text):
    event = only_event(text, published="2025-02-05T12:00:00+03:00")
    assert types(event) == ("Battles", "Armed clash")


def test_an_armys_attack_across_a_border_stays_a_strike_from_afar():
    event = only_event("Turkey attacked PKK positions near Makhmour camp in Iraq on Sunday.")
    assert event.event_type == REMOTE


def test_a_former_leader_killed_today_is_news_not_background():
    # "سابقا" here says what the man was, not when the killing happened
    event = only_event("اغتال مسلحون قياديا سابقا في المعارضة في بلدة طفس أمس.")
    assert types(event) == ("Violence against civilians", "Attack")


def test_an_attack_by_no_one_named_on_a_checkpoint_is_a_battle():
    event = only_event("قتل جنديان في هجوم على حاجز للجيش في بلدة طفس أمس.")
    assert types(event) == ("Battles", "Armed clash")


def test_an_attack_by_no_one_named_in_an_article_of_mortars_stays_shelling():
    text = "سقطت قذائف هاون على مدينة درعا أمس. وقتل جنديان في هجوم على حاجز للجيش في بلدة طفس أمس."
    assert {e.sub_event_type for e in events(text)} == {SHELLING}


def test_missiles_fired_by_a_drone_named_before_them_are_an_air_strike():
    event = only_event("أطلقت طائرة مسيرة صاروخين على مجموعة من المواطنين في رفح أمس.")
    assert types(event) == (REMOTE, STRIKE)


def test_state_forces_taking_a_town_regain_territory():
    event = only_event("سيطرت قوات النظام أمس على بلدة كفرنبل.")
    assert event.sub_event_type == "Government regains territory"


def test_a_rebel_group_taking_a_town_overtakes_territory():
    event = only_event("سيطرت هيئة تحرير الشام أمس على بلدة كفرنبل.")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_a_town_entered_without_resistance_changes_hands_without_a_battle():
    event = only_event("دخلت قوات الجيش الصومالي أمس مدينة كسمايو دون مقاومة.")
    assert (event.event_type, event.sub_event_type) == (
        STRATEGIC,
        "Non-violent transfer of territory",
    )


def test_gunmen_attacking_an_army_post_is_a_battle():
    event = only_event("قتل جنديان أمس بهجوم لمسلحين على نقطة للجيش العراقي في كركوك.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_death_after_a_strike_is_the_strikes_toll():
    event = only_event("قُتل شخص أمس إثر استهداف طائرة مسيّرة إسرائيلية لسيارة في بلدة الخيام.")
    assert (event.sub_event_type, event.fatalities) == (STRIKE, 1)


def test_calm_after_a_strike_is_no_new_event():
    assert events("عاد الهدوء إلى بلدة الخيام أمس بعد القصف الإسرائيلي.") == []


def test_what_sometimes_happens_is_no_event():
    assert events("تندلع في ريف البصرة نزاعات عشائرية تستخدم فيها أحياناً قذائف الهاون.") == []


def test_what_usually_happens_in_english_is_no_event():
    assert events("Tribal feuds near Basra usually involve mortar fire.") == []


def test_blaming_someone_for_a_strike_told_before_is_no_new_event():
    found = events(
        "قصفت طائرة مسيرة سوقاً في بلدة كفرنبل أمس. وحمّلت الحكومة في دمشق قوات النظام مسؤولية القصف."
    )
    assert [e.location.name for e in found] == ["Kafranbel"]


def test_what_the_news_comes_in_the_wake_of_is_background():
    text = (
        "An unmanned drone attacked US troops at Erbil airport late on Wednesday. It comes "
        "in the wake of rocket attacks on military installations in Iraq where US troops are "
        "based."
    )
    assert only_event(text).sub_event_type == "Air/drone strike"


def test_holding_someone_responsible_for_a_strike_in_english_is_no_new_event():
    found = events(
        "A drone struck a market in Kafranbel on Sunday. "
        "The government in Damascus held regime forces responsible for the strike."
    )
    assert [e.location.name for e in found] == ["Kafranbel"]


def test_a_headline_city_and_the_quarter_the_body_names_are_one_event():
    found = events(
        "انفجار عبوة ناسفة في دمشق\n"
        "انفجرت عبوة ناسفة أمس في حي المزرعة الشرقية بدمشق، ما أدى إلى مقتل شخصين."
    )
    assert len(found) == 1 and found[0].fatalities == 2


def test_a_capital_after_countryside_is_a_place_not_its_government():
    event = only_event("جرح مدنيون في قصف مدفعي لقوات النظام على بلدة بيت نايم بريف دمشق أمس.")
    assert event.actor2.name == "Civilians (Syria)"


@pytest.mark.parametrize(
    "text",
    [
        "قتل مسلحو حركة الشباب جنديين في هجوم على قاعدة عسكرية جنوب غربي العاصمة الصومالية أمس.",
        "Al Shabaab militants killed two soldiers at a base south-west of the Somali capital on "
        "Friday.",
    ],
)
def test_the_capital_named_by_its_countrys_adjective_is_that_capital(text):
    assert only_event(text).location.name == "Mogadishu"


def test_a_village_named_in_a_governorates_countryside_is_no_namesake_elsewhere():
    event = only_event("قتل مدني برصاص مجهولين في بلدة المليحة الشرقية بريف درعا الشرقي اليوم.")
    assert event.location.admin1 == "Daraa"


def test_a_place_before_a_colon_opening_the_sentence_holds_the_place_it_names():
    event = only_event("غزة: استشهد ثلاثة مواطنين بقصف إسرائيلي شرق رفح اليوم.")
    assert event.location.name == "Rafaḩ"


def test_the_camp_displaced_people_came_from_is_not_where_the_shells_fell():
    text = "سقطت قذائف على مركز إيواء يضم نازحين قدموا من مخيم كلمة في مدينة نيالا اليوم."
    assert only_event(text).location.name == "Nyala"


def test_a_city_and_another_governorates_countryside_are_two_places():
    found = events("قصفت قوات النظام مدينة حلب وريف إدلب اليوم.")
    assert {e.location.name for e in found} >= {"Aleppo"}


def test_the_seat_of_a_ministry_that_speaks_of_a_strike_is_not_where_it_fell():
    text = (
        "قصفت قوات الدعم السريع حي الثورة في مدينة أم درمان أمس. "
        "وقالت وزارة الصحة بالخرطوم إن القصف قتل ثلاثة مدنيين."
    )
    assert len(events(text)) == 1


def test_a_nationality_adjective_is_no_place():
    doc = document_from_text("Al Shabaab militants killed two Somali soldiers.", "adjective")
    (sentence,) = find_mentions(doc, default_resources()).sentences
    assert sentence.places == []


def test_a_capital_joined_to_in_is_a_place_not_its_government():
    event = only_event("انفجرت سيارة مفخخة أمس بدمشق.")
    assert (event.location.name, event.actor1) == ("Damascus", None)


def test_civilians_hit_at_sea_are_international():
    [event] = events(
        "A Houthi missile hit a merchant ship in the Gulf of Aden on Sunday, killing three crew."
    )
    assert event.actor2.name == "Civilians (International)"


def test_two_children_killed_by_shelling_are_civilians_and_two_dead():
    event = only_event("استشهد طفلان بقصف مدفعي على بلدة كفرنبل أمس.")
    assert (event.actor2.name, event.fatalities) == ("Civilians (Syria)", 2)


def test_missiles_moved_not_fired_are_no_event():
    assert events("نقل الحوثيون أمس منظومات صواريخ باليستية من صنعاء إلى الحديدة.") == []


def test_launch_pads_set_up_are_no_event():
    assert events("نشرت الجماعة أمس منصات إطلاق الصواريخ داخل المزارع في الحديدة.") == []


def test_a_shipment_of_shells_seized_is_no_shelling():
    assert events("Police seized a shipment of mortar shells near Basra on Sunday.") == []


def test_an_ambush_set_for_soldiers_is_an_armed_clash():
    event = only_event("نصب مسلحو داعش أمس كميناً للجنود قرب داقوق مما أودى بحياة جندي.")
    assert (event.sub_event_type, event.actor1.name) == ("Armed clash", "Islamic State (Iraq)")


def test_an_arabic_headline_puts_the_attacker_before_the_verb():
    found = events("داعش يهاجم الشرطة في كركوك\nقال مصدر أمني إن الهجوم وقع أمس.")
    assert [(e.actor1.name, e.actor2.name) for e in found] == [
        ("Islamic State (Iraq)", "Police Forces of Iraq (2022-)")
    ]


def test_an_unattributed_air_strike_in_lebanon_is_israels():
    event = only_event("استهدفت غارة جوية سيارة في بلدة الخيام أمس ما أدى إلى مقتل شخصين.")
    assert event.actor1.name == ISRAEL
    assert "actor1" not in event.evidence  # implied, not named in the text


def test_an_unattributed_drone_strike_in_syria_keeps_an_unknown_attacker():
    event = only_event("استهدفت غارة جوية سيارة في بلدة طفس أمس ما أدى إلى مقتل شخصين.")
    assert event.actor1 is None


def test_coalition_aircraft_in_yemen_are_the_saudi_led_coalition():
    event = only_event("شن طيران التحالف أمس غارات على مواقع الحوثيين في مديرية صرواح.")
    assert event.actor1.name == "Military Forces of Saudi Arabia (2015-)"


def test_coalition_aircraft_in_syria_are_the_us_led_coalition():
    event = only_event("شن طيران التحالف أمس غارات على مواقع داعش في مدينة البوكمال.")
    assert event.actor1.name == "International Coalition"


def test_army_aviation_outside_iraq_is_that_countrys_army():
    # "طيران الجيش" is also the name of an Iraqi unit; in Sudan it is Sudan's army
    event = only_event("شن طيران الجيش أمس غارات على مواقع الدعم السريع شمال مدينة نيالا.")
    assert event.actor1.name == "Military Forces of Sudan (2019-)"


def test_the_national_army_in_libya_is_the_lna():
    event = only_event("اندلعت اشتباكات بين الجيش الوطني وقوات حكومة الوحدة في طرابلس الليبية أمس.")
    assert event.actor1.name == "Libyan National Army"


def test_an_army_liberating_a_town_in_a_headline_regains_territory():
    found = events(
        "الجيش الصومالي يحرر مدينة حررديري من ميليشيات الخوارج\nقال مسؤول إن ذلك جرى أمس."
    )
    assert [(e.sub_event_type, e.actor1.name) for e in found] == [
        ("Government regains territory", "Military Forces of Somalia (2012-)")
    ]


def test_the_islamic_state_is_named_by_the_country_it_fights_in():
    found = events(
        "هاجم مسلحو داعش حاجزاً للجيش قرب مدينة العريش أمس. "
        "وهاجم مسلحو داعش أمس حاجزاً للشرطة في مدينة عدن."
    )
    assert [e.actor1.name for e in found] == ["Islamic State (Egypt)", "Islamic State (Yemen)"]


def test_shared_words_across_the_border_name_the_articles_side():
    found = events(
        "قصفت المقاومة الإسلامية موقعاً للجيش الإسرائيلي في مستوطنة المطلة أمس، فيما قصفت "
        "المدفعية الإسرائيلية بلدة كفركلا وبلدة الخيام في جنوب لبنان."
    )
    assert found[0].actor1.name == "Hezbollah"


def test_leading_away_the_man_kidnapped_is_part_of_the_kidnapping():
    event = only_event("اختطف مسلحون مواطناً من منزله في بلدة كفرنبل أمس واقتادوه إلى أحد مقارهم.")
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_the_people_held_are_no_kidnapping_of_their_own():
    assert events("أفرجت الجماعة أمس عن عشرة من المختطفين في مدينة تعز.") == []


def test_a_city_called_kidnapped_by_its_own_side_is_no_kidnapping():
    assert events("غادر الوفد أمس العاصمة المختطفة صنعاء متوجهاً إلى مأرب.") == []


def test_fire_opened_on_soldiers_is_a_battle_not_violence_against_civilians():
    event = only_event("فتح مسلحون النار على حاجز للجيش أمس في بلدة طفس.")
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_artillery_shelling_of_a_town_is_shelling():
    event = only_event("قصفت قوات النظام بالمدفعية الثقيلة بلدة كفرنبل جنوبي إدلب أمس.")
    assert types(event) == (REMOTE, SHELLING)


def test_a_strike_on_a_house_is_an_air_strike_not_an_attack_on_civilians():
    event = only_event("A strike on Sunday night in Sanaa hit a house, killing three people.")
    assert (event.event_type, event.sub_event_type) == (
        "Explosions/Remote violence",
        "Air/drone strike",
    )


def test_a_drone_hitting_a_car_is_an_air_drone_strike():
    event = only_event("استهدفت طائرة مسيرة تركية سيارة قرب مدينة عامودا أمس.")
    assert types(event) == (REMOTE, STRIKE)


def test_clashes_between_two_groups_are_an_armed_clash():
    text = "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وفصائل الجيش الوطني قرب مدينة منبج."
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_a_roadside_bomb_is_a_remote_explosive():
    event = only_event("قتل مدنيان بانفجار عبوة ناسفة في مدينة الباب أمس.")
    assert types(event) == (REMOTE, IED)


def test_detaining_young_men_is_an_arrest():
    event = only_event("اعتقلت قوات سوريا الديمقراطية ثلاثة شبان في مدينة الطبقة أمس.")
    assert types(event) == (STRATEGIC, "Arrests")
    assert actor_id(event.actor1) == "sdf"


def test_a_demonstration_is_a_peaceful_protest_by_protesters():
    event = only_event("تظاهر العشرات في مدينة السويداء اليوم مطالبين برحيل النظام.")
    assert types(event) == ("Protests", "Peaceful protest")
    assert event.actor1.name == "Protesters (Syria)"


def test_protesters_storming_and_burning_a_building_is_a_riot():
    text = "اقتحم محتجون غاضبون مبنى المحافظة في مدينة الناصرية أمس وأضرموا النار في مدخله."
    event = only_event(text)
    assert types(event) == ("Riots", "Violent demonstration")
    assert event.actor1.name == "Rioters (Iraq)"


def test_youths_in_confrontations_with_troops_are_rioters():
    text = "اندلعت مواجهات بين عشرات الشبان وقوات الاحتلال في بلدة بيتا أمس أطلق فيها الجنود الغاز."
    event = only_event(text)
    assert types(event) == ("Riots", "Violent demonstration")
    assert sides(event) == ("Rioters (Palestine)", ISRAEL)


def test_an_officer_shot_dead_by_gunmen_is_a_battle_not_violence_against_civilians():
    event = only_event("قتل مسلحون مجهولون ضابطا، اليوم الأحد، في العاصمة مقديشو.")
    assert types(event) == ("Battles", "Armed clash")


def test_a_drone_that_killed_someone_made_a_drone_strike():
    event = only_event("قتلت مسيرة إسرائيلية راعيا في خراج بلدة شبعا اليوم.")
    assert types(event) == ("Explosions/Remote violence", "Air/drone strike")


def test_bombs_defused_with_the_force_named_between_are_disrupted_weapons_use():
    event = only_event("فككت قوات الأمن ثلاث عبوات ناسفة على طريق العريش اليوم.")
    assert types(event) == ("Strategic developments", "Disrupted weapons use")


def test_a_police_officer_is_police_not_the_army():
    event = only_event("قتل مسلحون مجهولون ضابطا في الشرطة اليوم في مدينة درعا.")
    assert event.actor2.name.startswith("Police Forces of Syria")


def test_a_retired_officer_is_a_civilian():
    event = only_event("قتل مسلحون مجهولون ضابطا متقاعدا اليوم في مدينة درعا.")
    assert types(event) == ("Violence against civilians", "Attack")


def test_the_rank_the_dead_held_names_no_side():
    text = "قتل ثلاثة عناصر من الأمن العام اثنان منهم برتبة ضابط بهجوم لمسلحين في ريف حمص أمس."
    assert actor_id(only_event(text).actor2) == "hts-general-security"


def test_protesters_who_smash_shop_fronts_riot():
    event = only_event("خرج مئات المتظاهرين في مدينة السويداء اليوم وحطموا واجهات المحال التجارية.")
    assert types(event) == ("Riots", "Violent demonstration")


def test_the_disengagement_line_is_no_clash():
    text = "أقامت قوات الاحتلال نقطة عسكرية قرب خط فض الاشتباك في ريف القنيطرة اليوم."
    assert [e for e in events(text) if e.event_type == "Battles"] == []


def test_heavy_gunfire_and_explosions_heard_in_a_district_are_fighting():
    text = "Heavy gunfire and explosions rang out overnight in the Ain Zara district of Tripoli."
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_the_settlers_owning_an_attack_on_a_town_are_its_attackers():
    event = only_event("شهيد وإصابات في هجوم واسع للمستوطنين على بلدة حوارة جنوب نابلس")
    assert (actor_id(event.actor1), event.event_type) == ("settlers", "Violence against civilians")


def test_youths_clashing_with_police_in_english_are_rioters():
    event = only_event("Young men clashed with police in the town of Kut on Sunday.")
    assert types(event) == ("Riots", "Violent demonstration")


def test_demonstrators_and_policemen_hurt_in_clashes_are_a_riot_of_the_demonstrators():
    event = only_event(
        "Twelve demonstrators and 20 policemen were injured in clashes in Kut on Sunday."
    )
    assert types(event) == ("Riots", "Violent demonstration")
    assert sides(event) == (
        "Rioters (Iraq)",
        "Police Forces of Iraq (2022-)",
    )


def test_singular_accusative_counts_name_demonstrators_and_policemen():
    event = only_event("أصيب 12 متظاهرا و20 شرطيا في مواجهات في مدينة الكوت أمس.")
    assert types(event) == ("Riots", "Violent demonstration")
    assert event.actor2.name == "Police Forces of Iraq (2022-)"


def test_youths_clashing_with_troops_during_a_raid_are_rioters():
    text = "Clashes erupted between youths and Israeli troops during the raid on Beita on Sunday."
    assert types(only_event(text)) == ("Riots", "Violent demonstration")


def test_armed_clashes_with_troops_stay_a_battle():
    text = "اندلعت اشتباكات مسلحة بين فلسطينيين وقوات الاحتلال في مخيم جنين أمس."
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_police_clashing_with_demonstrators_who_throw_stones_is_their_riot():
    event = only_event("Police clashed with demonstrators who threw stones in Kut on Sunday.")
    assert types(event) == ("Riots", "Violent demonstration")
    assert sides(event) == (
        "Rioters (Iraq)",
        "Police Forces of Iraq (2022-)",
    )


def test_the_force_that_dispersed_protesters_is_the_target_not_the_crowd():
    event = only_event("فرقت قوات الأمن السودانية متظاهرين في الخرطوم أمس.")
    assert sides(event) == (
        "Protesters (Sudan)",
        "Military Forces of Sudan (2019-)",
    )


def test_dispersing_a_demonstration_is_an_intervention_even_with_no_crowd_named():
    event = only_event("فضت القوات الأمنية تظاهرة في ساحة التحرير ببغداد أمس.")
    assert types(event) == ("Protests", "Protest with intervention")


def test_tear_gas_fired_at_protesters_is_an_intervention():
    text = "أطلقت الشرطة قنابل مسيلة للدموع على المتظاهرين في مدينة البصرة أمس."
    assert types(only_event(text)) == ("Protests", "Protest with intervention")


def test_a_clash_between_troops_and_gunmen_stays_a_battle():
    event = only_event("اندلعت مواجهات بين قوات الاحتلال ومسلحين في بلدة بيتا أمس.")
    assert types(event) == ("Battles", "Armed clash")


def test_hundreds_of_protesters_coming_out_is_a_protest():
    event = only_event("خرج مئات المتظاهرين في مدينة السويداء أمس مطالبين بالإفراج عن المعتقلين.")
    assert types(event) == ("Protests", "Peaceful protest")


def test_an_angry_crowd_beating_a_man_is_mob_violence():
    event = only_event("اعتدى حشد غاضب على رجل في سوق مدينة الحلة أمس وضربوه حتى الموت.")
    assert types(event) == ("Riots", "Mob violence")


def test_lying_in_ambush_is_an_armed_clash():
    event = only_event("كمن مسلحون من حركة الشباب لقافلة عسكرية قرب بلدة أفجوي أمس.")
    assert types(event) == ("Battles", "Armed clash")
    assert event.location.name == "Afgooye"


def test_kidnapping_a_doctor_is_an_abduction():
    event = only_event("اختطف مسلحون مجهولون طبيبا في مدينة جاسم أمس.")
    assert types(event) == ("Violence against civilians", "Abduction/forced disappearance")


def test_drones_shot_down_over_a_base_are_disrupted_weapons_use():
    text = "أسقطت الدفاعات الجوية للتحالف الدولي طائرتين مسيرتين فوق قاعدة هيمو أمس."
    event = only_event(text)
    assert types(event) == (STRATEGIC, "Disrupted weapons use")
    assert actor_id(event.actor1) == "coalition"  # the interceptor
    assert event.location.name == "Himo"


def test_drones_shot_down_before_reaching_a_base_are_placed_at_the_base():
    text = "أسقطت الدفاعات الجوية طائرتين مسيرتين قبل وصولهما إلى قاعدة هيمو أمس."
    event = only_event(text)
    assert types(event) == (STRATEGIC, "Disrupted weapons use")
    assert event.location.name == "Himo"


def test_the_interceptor_named_by_a_nationality_adjective_is_actor1():
    text = "أسقطت الدفاعات الجوية الأميركية طائرتين مسيرتين فوق قاعدة هيمو أمس."
    assert actor_id(only_event(text).actor1) == "mil-us"


def test_a_bomb_a_drone_dropped_is_a_drone_strike():
    event = only_event("ألقت مسيرة إسرائيلية قنبلة على بلدة عيترون اليوم.")
    assert types(event) == ("Explosions/Remote violence", "Air/drone strike")


def test_a_bomb_thrown_by_people_named_between_is_a_grenade():
    event = only_event("ألقى مجهولون قنبلة على منزل في مدينة درعا اليوم ما أدى إلى إصابة طفل.")
    assert types(event) == ("Explosions/Remote violence", "Grenade")


def test_air_defences_struck_as_a_target_are_no_interception():
    event = only_event(
        "أعلن حزب الله أنه استهدف بمسيرات انقضاضية منصة دفاع جوي في مستوطنة المطلة اليوم."
    )
    assert types(event) == ("Explosions/Remote violence", "Air/drone strike")


def test_an_interception_where_one_rocket_lands_is_coded_as_the_attack():
    text = "اعترضت الدفاعات الجوية ثلاثة صواريخ أطلقت على قاعدة قسرك أمس وسقط أحدها داخل القاعدة."
    event = only_event(text)
    assert types(event) == (REMOTE, SHELLING)


def test_an_interception_recoded_as_the_attack_is_an_assault():
    text = "اعترضت الدفاعات الجوية ثلاثة صواريخ أطلقت على قاعدة قسرك أمس وسقط أحدها داخل القاعدة."
    assert only_event(text).plover == "ASSAULT"


def test_an_interception_and_a_landing_in_two_clauses_are_one_attack():
    text = "اعترضت الدفاعات الجوية صاروخين أطلقا على قاعدة قسرك أمس، فيما سقط صاروخ ثالث داخلها."
    assert types(only_event(text)) == (REMOTE, SHELLING)


def test_an_interception_of_other_drones_in_another_clause_leaves_the_strike_a_strike():
    text = (
        "قتلت امرأة اليوم بغارة إسرائيلية على منزل في بلدة عيترون، "
        "فيما أعلن الجيش الإسرائيلي اعتراض ثلاث مسيرات أطلقت من لبنان."
    )
    assert (REMOTE, "Air/drone strike") in [types(e) for e in events(text)]


def test_an_attack_intercepted_in_a_clause_that_refers_back_to_it_is_an_interception():
    text = "أطلق الحوثيون صاروخا باليستيا على مدينة مأرب أمس، فيما تصدت له الدفاعات الجوية."
    assert types(only_event(text)) == (STRATEGIC, "Disrupted weapons use")


def test_forces_withdrawing_from_a_base_is_a_change_to_group_activity():
    event = only_event("انسحبت القوات الأميركية من قاعدة خراب الجير أمس.")
    assert types(event) == (STRATEGIC, "Change to group/activity")
    assert actor_id(event.actor1) == "mil-us"
    assert event.actor2 is None


def test_forces_evacuating_their_base_verb_subject_object_is_a_withdrawal():
    event = only_event("أخلت القوات الأميركية قاعدتها في خراب الجير أمس.")
    assert types(event) == (STRATEGIC, "Change to group/activity")


# ---------------------------------------------------------------- actors


def test_active_voice_subject_is_actor1_and_object_actor2():
    text = "قصفت القوات التركية مواقع لقوات سوريا الديمقراطية في قرية تل تمر أمس."
    event = only_event(text)
    assert event.actor1.name.startswith("Military Forces of Turkey")
    assert actor_id(event.actor2) == "sdf"


def test_clashes_between_two_named_groups_give_both_sides():
    text = "اندلعت اشتباكات بين قوات سوريا الديمقراطية وفصائل الجيش الوطني قرب مدينة منبج أمس."
    event = only_event(text)
    assert {actor_id(event.actor1), actor_id(event.actor2)} == {"sdf", "sna"}


def test_passive_subject_of_taarradat_is_the_target():
    event = only_event("تعرضت نقطة لقوات النظام لقصف مدفعي قرب بلدة سراقب أمس.")
    assert actor_id(event.actor2) == "mil-syria-assad"
    assert actor_id(event.actor1) != "mil-syria-assad"


def test_passive_attack_with_a_weapon_keeps_the_target_as_actor2():
    event = only_event("تعرضت نقطة لقوات النظام لهجوم بالقذائف الصاروخية قرب بلدة سراقب أمس.")
    assert actor_id(event.actor2) == "mil-syria-assad"
    assert actor_id(event.actor1) != "mil-syria-assad"


def test_nationality_adjective_names_actor1():
    event = only_event("استهدفت غارة إسرائيلية موقعا لحزب الله قرب مدينة البوكمال أمس.")
    assert event.actor1.name.startswith("Military Forces of Israel")
    assert actor_id(event.actor2) == "hezbollah"


def test_a_second_attacker_named_by_its_own_act_is_no_target():
    event = only_event("قتل ثلاثة مدنيين بقصف مدفعي لقوات النظام وغارات روسية على ريف إدلب.")
    assert (actor_id(event.actor1), actor_id(event.actor2)) == ("mil-syria-assad", "civilians")


def test_nationality_adjective_after_a_casualty_clause_names_actor1():
    event = only_event("قتل ثلاثة عناصر من حزب الله بغارة إسرائيلية على مدينة البوكمال أمس.")
    assert event.actor1.name.startswith("Military Forces of Israel")
    assert actor_id(event.actor2) == "hezbollah"


def test_claim_of_responsibility_names_actor1_and_claimed_by():
    event = only_event("انفجرت سيارة مفخخة في مدينة اعزاز أمس، وتبنى تنظيم الدولة الهجوم.")
    assert event.actor1.name.startswith("Islamic State")
    assert event.claimed_by is not None and event.claimed_by.id == event.actor1.id


def test_denial_sets_denied_by_not_actor1():
    text = (
        "استهدفت طائرة مسيرة مجهولة سيارة في مدينة عامودا أمس، "
        "ونفت وزارة الدفاع التركية أي علاقة لها بالهجوم."
    )
    event = only_event(text)
    assert actor_id(event.denied_by) == "mil-turkey"
    assert actor_id(event.actor1) != "mil-turkey"


def test_the_denier_is_not_the_target_either():
    text = (
        "استهدفت طائرة مسيرة مجهولة سيارة في مدينة عامودا أمس، "
        "ونفت وزارة الدفاع التركية أي علاقة لها بالهجوم."
    )
    assert actor_id(only_event(text).actor2) != "mil-turkey"


def test_according_to_names_a_source_not_an_actor():
    event = only_event(
        "قتل مدنيان بانفجار عبوة ناسفة في مدينة الباب أمس، بحسب الجيش الوطني السوري."
    )
    assert actor_id(event.actor1) != "sna"
    assert actor_id(event.actor2) != "sna"


def test_english_according_to_names_a_source_not_an_actor():
    text = (
        "A roadside bomb killed two civilians in Azaz on Sunday, "
        "according to the Syrian National Army."
    )
    event = only_event(text)
    assert actor_id(event.actor1) != "sna"
    assert actor_id(event.actor2) == "civilians"


def test_unknown_group_after_naffadhathu_is_a_plain_text_actor():
    text = "انفجرت عبوة ناسفة بدورية في مدينة الميادين أمس، في هجوم نفذته ميليشيا عشائرية مجهولة."
    event = only_event(text)
    assert event.actor1 is not None and event.actor1.id is None
    assert "ميليشيا" in event.actor1.text


def test_unidentified_gunmen_are_an_unidentified_armed_group():
    event = only_event("اختطف مسلحون مجهولون طبيبا في مدينة جاسم أمس.")
    assert event.actor1 is None or event.actor1.name.startswith("Unidentified Armed Group")


def test_civilians_killed_by_shelling_are_actor2():
    text = "قتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة كفرنبل أمس."
    event = only_event(text)
    assert actor_id(event.actor1) == "mil-syria-assad"
    assert event.actor2.name == "Civilians (Syria)"


def test_gunmen_killing_civilians_verb_subject_object_is_an_attack():
    event = only_event("قتل مسلحون مجهولون ثلاثة مدنيين في بلدة طفس أمس.")
    assert types(event) == ("Violence against civilians", "Attack")
    assert event.fatalities == 3


def test_soldiers_killed_by_a_bomb_are_the_target_not_the_bomber():
    text = "قتل عنصران من قوات النظام بانفجار عبوة ناسفة على طريق بلدة طفس أمس."
    event = only_event(text)
    assert actor_id(event.actor1) != "mil-syria-assad"
    assert actor_id(event.actor2) == "mil-syria-assad"


def test_officers_counted_among_the_dead_are_victims_not_attackers():
    text = "قتل تسعة من أفراد الشرطة، بينهم ضابطان، أمس في هجوم على دورية في مدينة العريش."
    event = only_event(text)
    assert types(event) == ("Battles", "Armed clash")
    assert event.actor1 is None or "Unidentified" in event.actor1.name


def test_the_group_that_adopted_the_attack_is_its_attacker():
    text = "قتل تسعة من أفراد الشرطة أمس في هجوم على دورية في مدينة العريش تبناه تنظيم ولاية سيناء."
    assert only_event(text).actor1.name == "Islamic State (Egypt)"


@pytest.mark.parametrize("telling", ["تصريحات صحفية", "مؤتمر صحفي", "بيان صحفي"])
def test_press_statements_name_no_civilian_target(telling):
    text = (
        f"قال مصدر عسكري في {telling} إن نقطة تفتيش للجيش في الشيخ زويد تعرضت لهجوم مسلح "
        "من قبل مسلحين مجهولين مساء أمس."
    )
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_gunmen_attacking_with_rockets_and_machine_guns_fight_a_battle():
    text = (
        "هاجم مسلحون مساء أمس نقطة أمنية في مدينة درنة بالقذائف الصاروخية والأسلحة الرشاشة، "
        "ما أدى إلى مقتل شرطي."
    )
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_a_raid_that_met_no_armed_side_and_hurt_a_civilian_is_an_attack_on_civilians():
    text = "أصيب شاب برصاص مطاطي فجر أمس خلال اقتحام قوات الاحتلال مخيم الجلزون شمال رام الله."
    assert types(only_event(text)) == ("Violence against civilians", "Attack")


@pytest.mark.parametrize(
    "text",
    [
        "تبادلت قوة من الجيش إطلاق النار مع مسلحين في مدينة جاسم أمس.",
        "شهدت مدينة جاسم أمس اشتباكاً مسلحاً بين قوة من الجيش ومسلحين.",
        "ردت قوات الجيش على مصادر النيران بعد تعرض حاجز لها لإطلاق نار في مدينة جاسم أمس.",
    ],
)
def test_an_exchange_of_fire_told_with_words_between_or_in_the_accusative_is_a_battle(text):
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_fighters_assassinated_in_a_named_camp_are_a_battle_not_civilians_attacked():
    text = "اغتالت قوة خاصة من جيش الاحتلال ثلاثة مقاومين في مخيم طولكرم أمس."
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_gunmen_attacking_with_a_car_bomb_and_machine_guns_make_an_explosion():
    text = "هاجم مسلحون أمس نقطة أمنية في مدينة درنة بسيارة مفخخة والأسلحة الرشاشة."
    assert only_event(text).event_type == REMOTE


def test_soldiers_killed_at_least_so_many_are_victims_not_attackers():
    text = "قتل ما لا يقل عن 25 جنديا في هجومين منفصلين لمسلحين على بلدة بولكسي وسط مالي أمس."
    event = only_event(text)
    assert types(event) == ("Battles", "Armed clash")
    assert (event.actor2.name, event.fatalities) == ("Military Forces of Mali (2021-)", 25)


@pytest.mark.parametrize(
    "text",
    [
        "تمكن الجيش، صباح أمس، من القضاء على تسعة مسلحين في ولاية البويرة.",
        "وتمكن الجيش، صباح أمس، من قتل تسعة مسلحين في ولاية البويرة.",
        "قال مصدر أمني إن الجيش تمكن أمس من قتل تسعة مسلحين في ولاية البويرة.",
    ],
)
def test_an_army_that_managed_to_kill_militants_fought_them(text):
    event = only_event(text)
    assert types(event) == ("Battles", "Armed clash")
    assert sides(event) == (
        "Military Forces of Algeria",
        "Unidentified Armed Group (Algeria)",
    )
    assert event.fatalities == 9


@pytest.mark.parametrize(
    "text",
    [
        "أعلن الجيش القضاء على تسعة مسلحين في ولاية البويرة أمس.",
        "أعلن الجيش، أمس الأحد، القضاء على تسعة مسلحين في ولاية البويرة.",
    ],
)
def test_an_army_that_announced_it_eliminated_militants_fought_them(text):
    event = only_event(text)
    assert types(event) == ("Battles", "Armed clash")
    assert (event.actor1.name, event.fatalities) == ("Military Forces of Algeria", 9)


def test_an_army_that_announced_the_death_of_its_soldiers_did_not_kill_them():
    assert events("أعلن الجيش مقتل جنديين في ولاية البويرة أمس.") == []


def test_terrorists_are_an_unidentified_armed_group():
    event = only_event("قتل الجيش تسعة إرهابيين في ولاية البويرة أمس.")
    assert event.actor2.name == "Unidentified Armed Group (Algeria)"


def test_managing_to_eliminate_an_idea_is_no_killing():
    assert events("تمكن الجيش من القضاء على الإرهاب في ولاية البويرة.") == []


def test_who_managed_to_repel_an_attack_was_attacked():
    event = only_event("تمكن الجيش من صد هجوم لمسلحين على حاجز في ولاية البويرة أمس.")
    assert sides(event) == (
        "Unidentified Armed Group (Algeria)",
        "Military Forces of Algeria",
    )


def test_the_clashes_told_again_from_the_capital_are_the_clashes_told_before():
    text = (
        "اندلعت اشتباكات بين مجموعتين مسلحتين في جنزور أمس الأحد. "
        "وقالت وزارة الصحة في طرابلس إن الاشتباكات أسفرت عن مقتل ثلاثة أشخاص."
    )
    event = only_event(text)
    assert (event.location.name, event.fatalities) == ("Janzūr", 3)


def test_the_clashes_told_again_where_they_centred_are_placed_there():
    text = (
        "تجددت اشتباكات بين مقاتلي العشائر وقسد في ريف دير الزور صباح أمس. "
        "وتركزت الاشتباكات في بلدتي ذيبان والشحيل."
    )
    assert sorted(e.location.name for e in events(text)) == ["Al-Shuhayl", "Dhībān"]


def test_the_clashes_told_again_in_english_are_the_clashes_told_before():
    text = (
        "Clashes broke out between two armed groups in Zawiya on Sunday. "
        "The health ministry in Tripoli said the clashes killed three people."
    )
    event = only_event(text)
    assert (event.location.name, event.fatalities) == ("Az Zāwīyah", 3)


def test_the_battles_told_again_add_their_wounded_to_the_battle():
    text = (
        "قتل جنديان في معارك مع مسلحين في بلدة ذيبان أمس. "
        "وقالت مصادر في دير الزور إن المعارك أسفرت عن إصابة خمسة آخرين."
    )
    event = only_event(text)
    assert (event.fatalities, event.injuries) == (2, 5)


def test_after_that_the_subject_comes_before_its_verb():
    text = "أفاد مصدر أمني أمس بأن عددا من مسلحي داعش هاجم الشرطة في بلدة داقوق جنوب كركوك."
    event = only_event(text)
    assert sides(event) == (
        "Islamic State (Iraq)",
        "Police Forces of Iraq (2022-)",
    )


def test_a_unit_named_after_a_village_is_where_it_lies_not_a_second_place():
    text = (
        "قتل مواطن أمس جراء غارة نفذتها مسيرة إسرائيلية على دراجة نارية في بلدة دير سريان، "
        "بقضاء مرجعيون جنوبي البلاد."
    )
    event = only_event(text)
    assert event.location.country == "Lebanon"


def test_an_attack_whose_wounded_are_counted_is_an_event():
    event = only_event(
        "هاجمت مجموعات ملثمة مساء أمس بلدة الفندق شرقي قلقيلية، ما أدى إلى إصابة 21 مواطناً."
    )
    assert types(event) == ("Violence against civilians", "Attack")
    assert event.actor2.name == "Civilians (Palestine)"


def test_an_attack_that_burned_homes_was_on_the_ground_whatever_struck_nearby():
    text = (
        "قتل عشرة في غارات جوية على مخيم جنين أمس. "
        "وهاجمت مجموعات ملثمة مساء أمس بلدة الفندق شرقي قلقيلية وأضرمت النار في منازل ومركبات."
    )
    found = {e.location.name: types(e) for e in events(text)}
    assert found["Al Funduq"] == ("Violence against civilians", "Attack")


def test_who_fired_something_at_the_end_of_a_long_sentence_did_not_carry_out_its_attack():
    text = (
        "قصفت طائرة مسيرة سيارة في بلدة طفس أمس، وأصيب ثلاثة مدنيين بحالات اختناق في الحي "
        "المجاور جراء قنابل الغاز التي أطلقتها قوات الأمن على المحتجين."
    )
    assert [e.actor1 for e in events(text) if e.event_type == REMOTE] == [None]


# ---------------------------------------------------------------- casualties


def test_deaths_and_injuries_are_told_apart():
    text = "قتل ثلاثة مدنيين وأصيب خمسة آخرون بقصف مدفعي لقوات النظام على بلدة كفرنبل أمس."
    event = only_event(text)
    assert (event.fatalities, event.injuries) == (3, 5)
    assert event.fatalities_known


def test_casualties_written_in_digits():
    text = (
        "قتل 4 عناصر من قوات سوريا الديمقراطية وأصيب 7 آخرون "
        "بهجوم بطائرة مسيرة تركية قرب عامودا أمس."
    )
    event = only_event(text)
    assert (event.fatalities, event.injuries) == (4, 7)


def test_an_arabic_dual_counts_two():
    assert only_event("قتل مدنيان بانفجار عبوة ناسفة في مدينة الباب أمس.").fatalities == 2


def test_those_among_the_dead_are_not_counted_twice():
    event = only_event("قتل خمسة مدنيين بينهم طفلان بقصف لقوات النظام على بلدة كفرنبل أمس.")
    assert event.fatalities == 5


def test_a_casualty_word_in_the_dual_counts_two():
    assert only_event("سقط قتيلان في غارة إسرائيلية على بلدة الخيام أمس.").fatalities == 2


def test_a_dual_before_a_word_that_is_one_victim_counts_two():
    text = "أسفر القصف عن سقوط شخصين ضحية في بلدة الخيام أمس."
    assert only_event(text).fatalities == 2


def test_one_who_met_his_death_is_one_victim_of_the_attack():
    event = only_event("لقي جندي مصرعه في هجوم لمسلحين على حاجز في درعا أمس.")
    assert event.fatalities == 1
    assert event.actor2.name == "Military Forces of Syria (2000-2024)"


def test_a_broken_plural_after_killed_is_several_victims_not_one():
    event = only_event("قتل جنود في كمين قرب مدينة درعا أمس.")
    assert event.fatalities == 0 and not event.fatalities_known


def test_a_year_after_the_start_of_is_no_death_toll():
    text = "قتل 5 مدنيين في قصف على حي في الفاشر اليوم، ليرتفع عدد القتلى منذ مطلع 2023 إلى المئات."
    assert only_event(text).fatalities == 5


def test_an_english_year_after_late_is_no_death_toll():
    text = (
        "Houthi drones hit a cargo ship in the Red Sea on Sunday. Their attacks have hit "
        "dozens of ships since late 2023, killing four sailors."
    )
    assert [e.fatalities for e in events(text)] == [0]


def test_a_year_before_a_comma_is_no_death_toll():
    text = (
        "Houthi drones hit a cargo ship in the Red Sea on Sunday. Their attacks have hit "
        "dozens of ships since 2023, killing four sailors."
    )
    assert [e.fatalities for e in events(text)] == [0]


def test_a_town_written_with_ayn_marks_in_the_text_is_found():
    event = only_event(
        "Clashes broke out near Bi’r al ‘Abd on Sunday between the army and militants."
    )
    assert event.location.admin1 == "North Sinai"


def test_a_vague_toll_is_not_a_known_number():
    event = only_event("قتل عشرات المدنيين بغارات روسية على مدينة سراقب أمس.")
    assert not event.fatalities_known  # ACLED leaves "dozens" unscored
    assert event.fatalities == 0


def test_dozens_of_dead_and_wounded_count_no_precise_injuries():
    event = only_event("سقط عشرات القتلى والجرحى بقصف لقوات النظام على مدينة سراقب أمس.")
    assert not event.fatalities_known
    assert event.injuries == 0


def test_no_casualties_is_a_known_zero():
    event = only_event("قصفت قوات النظام بلدة كفرنبل أمس دون وقوع إصابات.")
    assert event.fatalities == 0
    assert event.fatalities_known


def test_unreported_casualties_are_an_unknown_zero():
    event = only_event("قصفت قوات النظام بلدة كفرنبل أمس.")
    assert event.fatalities == 0
    assert not event.fatalities_known


def test_a_genitive_dual_counts_two():
    text = "استهدفت طائرة مسيرة تركية سيارة قرب مدينة عامودا أمس، ما أدى إلى مقتل عنصرين."
    assert only_event(text).fatalities == 2


def test_people_killed_by_shelling_whom_the_text_does_not_name_are_civilians():
    event = only_event("سقط ثلاثة قتلى بقصف مدفعي على بلدة كفرنبل أمس.")
    assert event.actor2.name == "Civilians (Syria)"
    assert "actor2" not in event.evidence  # implied, not named


def test_persons_killed_by_gunmen_attacking_a_village_are_civilians_attacked():
    event = only_event("قتل سبعة أشخاص في هجوم لمسلحين على قرية بولكسي وسط مالي أمس.")
    assert types(event) == ("Violence against civilians", "Attack")
    assert (event.actor2.name, event.fatalities) == ("Civilians (Mali)", 7)


def test_a_woman_and_her_child_are_two_deaths():
    event = only_event("قتلت امرأة وطفلها أمس بقصف مدفعي على بلدة كفرنبل.")
    assert event.fatalities == 2


def test_a_woman_and_her_son_are_two_deaths():
    event = only_event("قتلت سيدة ونجلها أمس بقصف مدفعي على بلدة كفرنبل.")
    assert event.fatalities == 2


def test_a_man_and_his_wife_are_two_deaths():
    event = only_event("قتل رجل وزوجته أمس بقصف مدفعي على بلدة كفرنبل.")
    assert event.fatalities == 2


def test_dead_and_wounded_told_in_one_figure_count_no_deaths_but_keep_the_attack():
    event = only_event("أسفر الهجوم على قرية العمود أمس عن مقتل وإصابة 29 شخصا.")
    assert (event.fatalities, event.injuries) == (0, 0)


def test_a_part_of_a_toll_told_far_from_its_whole_is_not_the_toll():
    text = (
        "Seven Sudanese Armed Forces (SAF) soldiers, including two officers, were killed in a "
        "drone strike on Ed Debba on Sunday."
    )
    assert only_event(text).fatalities == 7


def test_groups_of_victims_listed_together_are_summed():
    event = only_event("قتل أربعة أطفال وثلاث نساء ورجل أمس بغارة على بلدة كفرنبل.")
    assert event.fatalities == 8


def test_the_people_who_tell_a_toll_are_not_more_victims():
    text = "The RSF shelled El Fasher on Tuesday, killing 12 civilians, activists said."
    assert only_event(text).fatalities == 12


def test_a_dual_of_a_person_word_in_a_list_of_victims_counts_two():
    event = only_event("قتل ثلاثة مدنيين وجنديان أمس بقصف مدفعي على بلدة كفرنبل.")
    assert event.fatalities == 5


def test_a_victim_told_before_the_casualty_word_is_counted():
    text = "قصفت قوات النظام بلدة كفرنبل أمس، وامرأة قُتلت وأصيب طفلان."
    assert (only_event(text).fatalities, only_event(text).injuries) == (1, 2)


def test_two_victims_told_in_the_dual_before_the_casualty_word_count_two():
    event = only_event("قصفت قوات النظام بلدة كفرنبل أمس، وطفلان قتلا وأصيبت امرأة.")
    assert (event.fatalities, event.injuries) == (2, 1)


def test_militants_eliminated_in_an_operation_are_its_dead():
    text = "شن الجيش العراقي عملية عسكرية في قضاء الطارمية اليوم أسفرت عن القضاء على ثلاثة مسلحين."
    assert only_event(text).fatalities == 3


@pytest.mark.parametrize(("ending", "dead"), [("مقتلهما", 2), ("مقتله", 1), ("مقتلهم", 0)])
def test_a_pronoun_on_the_casualty_word_counts_its_victims(ending, dead):
    text = f"أطلق مسلحون مجهولون النار على سيارة في مدينة الصنمين أمس، ما أدى إلى {ending}."
    assert only_event(text).fatalities == dead


def test_the_one_killed_named_after_the_killers_is_counted():
    assert only_event("قتل مسلحون مجهولون شابا في مدينة درعا أمس.").fatalities == 1


def test_a_leader_assassinated_by_no_one_named_is_an_attack_with_one_death():
    event = only_event("اغتيل قيادي في مدينة درعا أمس.")
    assert (types(event), event.fatalities) == (("Violence against civilians", "Attack"), 1)


def test_two_women_wounded_are_no_deaths():
    event = only_event("أصيبت امرأتان أمس بقصف مدفعي على بلدة كفرنبل.")
    assert (event.fatalities, event.injuries) == (0, 2)


def test_the_army_unnamed_is_the_events_countrys_army_of_the_day():
    event = only_event("قتل ثلاثة عناصر من الجيش وأربعة مسلحين أمس في اشتباكات ببلدة كفرنبل.")
    assert (event.actor2.name, event.fatalities) == ("Military Forces of Syria (2000-2024)", 7)


def test_an_assassinated_leader_is_one_death_and_his_group_the_target():
    event = only_event("اغتيل قيادي في حركة حماس أمس بغارة إسرائيلية في مدينة صيدا.")
    assert (event.fatalities, event.actor2.name) == (1, "Hamas")


def test_a_toll_risen_to_a_total_over_a_war_is_no_event():
    text = (
        "أعلنت وزارة الصحة في غزة اليوم ارتفاع عدد ضحايا العدوان الإسرائيلي المتواصل على القطاع "
        "إلى 34049 شهيدا."
    )
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "قتل خمسة مدنيين في غارة إسرائيلية على منزل في خان يونس أمس، ليرتفع عدد القتلى "
        "منذ الصباح إلى 40.",
        "An Israeli strike killed five people in Khan Younis on Sunday, bringing the death "
        "toll since morning to 40.",
    ],
)
def test_the_total_a_toll_has_risen_to_is_not_the_strikes_own(text):
    assert only_event(text).fatalities == 5


# ---------------------------------------------------------------- dates


def test_yesterday_is_the_day_before_publication():
    event = only_event("قصفت قوات النظام بلدة كفرنبل أمس.")
    assert (event.date_from, event.date_to) == (YESTERDAY, YESTERDAY)


def test_yesterday_with_a_weekday_name():
    event = only_event("قصفت قوات النظام بلدة كفرنبل أمس الأحد.")
    assert event.date == YESTERDAY


def test_dawn_today_is_the_publication_day():
    event = only_event("قصفت قوات النظام بلدة كفرنبل فجر اليوم.")
    assert event.date == TODAY


def test_a_past_weekday_is_the_last_such_day():
    event = only_event("قصفت قوات النظام بلدة كفرنبل يوم الخميس الماضي.")
    assert event.date == dt.date(2024, 3, 7)


def test_lines_breaking_down_a_toll_since_the_new_year_are_no_days_news():
    text = (
        "وبلغت حصيلة القتلى في البادية 120 قتيلاً منذ مطلع العام 2024، هم:\n"
        "90 من قوات النظام قتلوا في كمائن وهجمات مسلحة في بادية دير الزور والرقة.\n"
        "و30 مدنياً قتلوا بهجمات التنظيم في البادية."
    )
    assert events(text, published="2024-04-19T12:00:00+03:00") == []


def test_a_breakdown_ends_at_the_first_line_that_is_no_item():
    text = (
        "وبلغت حصيلة القتلى في البادية 120 قتيلاً منذ مطلع العام 2024، هم:\n"
        "90 من قوات النظام قتلوا في كمائن وهجمات مسلحة في بادية دير الزور.\n"
        "وقصفت قوات النظام بلدة كفرنبل بالمدفعية."
    )
    (event,) = events(text, published="2024-04-19T12:00:00+03:00")
    assert event.location.name == "Kafranbel"


def test_a_sentence_without_a_date_takes_the_previous_sentences_date():
    text = "قصفت قوات النظام بلدة كفرنبل أمس. واستهدفت طائرة مسيرة تركية سيارة في مدينة عامودا."
    strike = next(e for e in events(text) if e.sub_event_type == STRIKE)
    assert strike.date == YESTERDAY


def test_last_week_is_a_range():
    event = only_event("استهدفت طائرة مسيرة تركية سيارة في مدينة عامودا الأسبوع الماضي.")
    assert (event.date_from, event.date_to) == (dt.date(2024, 3, 4), dt.date(2024, 3, 10))
    assert event.time_precision == 2


# -------------------------------------------------- one event per actor, action, place and day


def test_a_strike_naming_no_attacker_is_the_last_named_attackers():
    found = events(
        "شنت طائرات حربية إسرائيلية غارة على بلدة عيتا الشعب في جنوب لبنان أمس. "
        "وبعد ساعات استهدفت غارة أخرى بلدة كفركلا."
    )
    assert [e.actor1.name if e.actor1 else None for e in found] == [ISRAEL, ISRAEL]


def test_a_strike_naming_no_attacker_is_the_attackers_named_next():
    found = events(
        "استهدفت غارة جوية بلدة كفركلا في جنوب لبنان أمس. "
        "وبعد ساعات شنت طائرات حربية إسرائيلية غارة ثانية على بلدة عيتا الشعب."
    )
    assert [e.actor1.name if e.actor1 else None for e in found] == [ISRAEL, ISRAEL]


def test_a_roadside_bomb_is_not_the_work_of_the_air_force_told_before_it():
    found = events(
        "شنت طائرات أمريكية غارات على مواقع للحوثيين في الحديدة أمس. "
        "وانفجرت عبوة ناسفة بدورية للجيش في مدينة تعز أمس."
    )
    bomb = next(e for e in found if e.sub_event_type == IED)
    assert bomb.actor1 is None or "Unidentified" in bomb.actor1.name


@pytest.mark.parametrize(
    "text",
    [
        "استهدفت عبوة ناسفة دورية للجيش في قضاء الطارمية أمس.",
        "انفجرت عبوة ناسفة بدورية للجيش في قضاء الطارمية أمس.",
    ],
)
def test_the_owner_of_what_a_bomb_hit_is_its_target_not_its_attacker(text):
    assert sides(only_event(text)) == (None, "Military Forces of Iraq (2022-)")


def test_a_bomber_told_in_a_clause_about_the_car_bomb_is_its_attacker():
    text = "استهدفت سيارة مفخخة يقودها انتحاري من تنظيم داعش حاجزا للجيش في قضاء الطارمية أمس."
    assert sides(only_event(text)) == ("Islamic State (Iraq)", "Military Forces of Iraq (2022-)")


def test_the_side_that_accuses_in_a_clause_of_its_own_is_not_the_attacker():
    event = only_event("ضربت مسيرات ميناء بورتسودان أمس والجيش يتهم قوات الدعم السريع.")
    assert event.actor1.name == "Rapid Support Forces"


def test_suicide_drones_make_a_drone_strike_not_a_suicide_bombing():
    event = only_event("ضربت مسيرات انتحارية ميناء بورتسودان أمس.")
    assert event.sub_event_type == STRIKE


def test_a_drone_belonging_to_the_army_is_the_armys_strike():
    event = only_event("استهدفت طائرة مسيرة تابعة للجيش مواقع للمسلحين في قضاء الطارمية أمس.")
    assert event.actor1.name == "Military Forces of Iraq (2022-)"


def test_a_strike_naming_no_target_is_on_the_attackers_last_target():
    found = events(
        "شنت طائرات أمريكية غارات على مواقع للحوثيين في الحديدة أمس. "
        "واستهدفت غارة أمريكية أخرى مدينة حجة."
    )
    assert [e.actor2.name for e in found] == [HOUTHIS, HOUTHIS]


def test_two_nearby_towns_hit_the_same_day_are_two_events():
    found = events(
        "قصفت طائرات حربية مدينة سراقب أمس ما أدى إلى مقتل طفل. "
        "وتعرضت مدينة سرمين لقصف جوي أمس أيضاً."
    )
    assert sorted(e.location.name for e in found) == ["Saraqib", "Sarmīn"]


def test_a_battle_told_from_either_side_is_one_event():
    text = (
        "صدت القوات العراقية هجوما لداعش في جلولاء مساء أمس. "
        "وهاجم تنظيم داعش مساء أمس ناحية جلولاء في محافظة ديالى واشتبك مع الجيش."
    )
    (event,) = events(text)
    assert event.event_type == "Battles"


def test_a_reply_told_in_the_same_sentence_is_an_event_of_its_own():
    text = (
        "استهدف حزب الله أمس دبابة إسرائيلية قرب بلدة كفرشوبا، ليرد الجيش الإسرائيلي "
        "بقصف بلدة الخيام."
    )
    by_place = {e.location.name: e.actor1.name for e in events(text)}
    assert by_place["Khiam"] == ISRAEL
    assert by_place["Kfar Shouba"] == "Hezbollah"


def test_the_towns_shelled_are_not_the_shelling_party():
    found = events("ورد الجيش الإسرائيلي أمس بقصف بلدتي الخيام والوزاني.")
    assert [e.actor1.name for e in found] == [ISRAEL, ISRAEL]


def test_a_blast_told_as_known_at_the_place_of_a_fight_is_part_of_it():
    text = (
        "اقتحم مسلحون من حركة الشباب فندقاً في مقديشو أمس واشتبكوا مع قوات الأمن لساعات. "
        "وأسفر التفجير الانتحاري عند مدخل الفندق في مقديشو عن مقتل 21 شخصاً."
    )
    (event,) = events(text)
    assert event.event_type == "Battles" and event.fatalities == 21


def test_strikes_told_as_known_at_another_town_are_the_next_strike_of_a_round():
    text = "شنت الطائرات الإسرائيلية غارة على بلدة الخيام أمس. وطالت الغارات أيضاً بلدة كفركلا."
    assert len(events(text)) == 2


def test_a_shell_told_as_known_in_the_city_is_the_one_told_in_its_quarter():
    text = (
        "قتل طفل أمس بقذيفة أطلقها الحوثيون على حي الروضة في مدينة تعز. "
        "وقال مصدر محلي إن القذيفة سقطت في حي مكتظ بالسكان في تعز."
    )
    assert len(events(text)) == 1


def test_a_quoted_outlet_a_source_spoke_to_is_no_place():
    doc = document_from_text("وقال مصدر محلي لـ«تعز الآن» إن قذيفة سقطت على منزل.", "outlet")
    (sentence,) = find_mentions(doc, default_resources()).sentences
    assert sentence.places == []


def test_an_attack_told_as_known_in_a_statement_of_a_later_day_is_the_one_told_before():
    text = (
        "فجر انتحاري سيارة مفخخة عند مدخل فندق في مقديشو مساء الجمعة. "
        "وقال وزير الصحة الصومالي علي حاجي آدم، صباح اليوم الأحد، إن الهجوم أسفر عن مقتل "
        "21 شخصا."
    )
    (event,) = events(text, "2022-08-21T12:00:00+03:00")
    assert (event.date_from, event.fatalities) == (dt.date(2022, 8, 19), 21)


def test_a_strike_told_with_the_weapon_as_known_is_the_one_told_before():
    text = (
        "قتلت ثلاث نساء جراء استهداف طائرة مسيرة تركية منزلا في قرية حلنج الواقعة جنوب شرقي "
        "مدينة كوباني، مساء أمس. وبحسب المراسل، فإن الطائرة المسيرة استهدفت حديقة منزل "
        "المواطنة في مدينة كوباني، ما أدى إلى مقتلها."
    )
    assert len(events(text)) == 1


def test_mortars_used_in_a_fight_are_its_weapons_not_a_shelling():
    text = (
        "اندلعت أمس اشتباكات مسلحة في المنطقة الخضراء بين سرايا السلام من جهة وقوات الأمن "
        "من جهة أخرى، استخدمت فيها قذائف الهاون واستمرت حتى ظهر اليوم."
    )
    assert [e.event_type for e in events(text)] == ["Battles"]


def test_rockets_counted_between_the_fall_and_the_weapon_are_a_shelling():
    event = only_event("أعلن مصدر أمني اليوم سقوط تسعة صواريخ على المنطقة الخضراء وسط بغداد.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_two_rockets_falling_are_a_shelling_though_another_trigger_lists_the_dual():
    # "صاروخين" is also the tail of "أطلق* … صاروخين": "سقوط … صاروخ*" must still read it
    event = only_event("أعلن مصدر أمني سقوط صاروخين داخل المنطقة الخضراء ببغداد مساء أمس.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_the_battle_told_as_known_in_a_later_sentence_is_the_one_told_before():
    text = (
        "قتل خمسة أشخاص أمس في معركة بالأسلحة النارية بين عشيرتين في البصرة. "
        "وتناقلت وسائل إعلام محلية خبر المعركة التي نشبت في قضاء الجبايش."
    )
    assert len(events(text)) == 1


def test_gunmen_attacking_a_home_attack_civilians():
    event = only_event("هاجم مسلحون مجهولون منزل مختار القرية في مدينة الناصرية مساء أمس.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_gunmen_attacking_protesters_attack_civilians():
    text = "هاجم مسلحون مجهولون المعتصمين في ساحة الحبوبي بالناصرية أمس وقتلوا اثنين منهم."
    assert only_event(text).event_type == "Violence against civilians"


def test_gunmen_attacking_a_home_in_a_fight_make_a_battle():
    text = "هاجم مسلحون منزلاً في مدينة الناصرية أمس واندلعت اشتباكات مع حراسه."
    assert only_event(text).event_type == "Battles"


def test_gunmen_right_after_killed_with_the_killed_after_them_did_the_killing():
    event = only_event("قتل مسلحو حركة الشباب 12 جنديا في هجوم على قاعدة عسكرية في مقديشو أمس.")
    assert sides(event) == (
        "Al Shabaab",
        "Military Forces of Somalia (2012-)",
    )


def test_a_name_joined_to_lam_after_the_attack_owns_it_when_the_others_are_its_dead():
    event = only_event("قتل ثلاثة عناصر من قوات النظام بهجوم لتنظيم داعش في بادية حمص أمس.")
    assert sides(event) == (
        "Islamic State (Syria)",
        "Military Forces of Syria (2000-2024)",
    )


def test_a_group_joined_by_and_to_the_dead_is_among_the_dead_not_the_attacker():
    text = (
        "قتلت ثلاث قياديات في وحدات حماية المرأة وقوات سوريا الديمقراطية أمس إثر استهداف "
        "طائرة مسيرة سيارتهن قرب مدينة القامشلي."
    )
    assert only_event(text).actor1 is None


def test_a_sentence_opening_with_while_closes_that_clause_at_its_comma():
    text = (
        "بينما تدور المواجهات بين الجيش وقوات الدعم السريع، قتل 30 شخصاً اليوم في هجوم بطائرة "
        "مسيرة لقوات الدعم السريع على مخيم للنازحين في الفاشر."
    )
    strike = next(e for e in events(text) if e.sub_event_type == "Air/drone strike")
    assert strike.actor1.name == "Rapid Support Forces"


def test_a_sentence_opening_with_also_keeps_its_toll_past_the_comma():
    text = "كما قصفت قوات النظام بلدة كفرنبل أمس، ما أدى إلى مقتل ثلاثة مدنيين."
    assert only_event(text).fatalities == 3


def test_fighting_that_goes_on_told_in_passing_is_no_event():
    text = (
        "فيما تتواصل المواجهات بين الجيش وقوات الدعم السريع في مدينة الفاشر، أعلنت الحكومة "
        "تشكيل لجنة للتحقيق."
    )
    assert events(text) == []


def test_shelling_that_goes_on_with_its_toll_is_news():
    text = "ويستمر القصف المدفعي لقوات النظام على بلدة كفرنبل، ما أدى إلى مقتل مدنيين اثنين."
    assert only_event(text).fatalities == 2


@pytest.mark.parametrize(
    "text",
    [
        "وكانت الأعداد أقل مقارنة بالتظاهرات السابقة في مدينة السويداء.",
        "The turnout was lower than at the previous protests in Sweida.",
        "انتشلت الطواقم اليوم جثماني شقيقين قضيا في غارة سابقة على حي الزيتون في غزة.",
    ],
)
def test_an_act_told_as_a_previous_one_is_background(text):
    assert events(text) == []


def test_a_day_in_what_a_source_says_is_the_acts_own_day():
    text = (
        "قالت مصادر إن ثلاثة قتلوا اليوم جراء قصف جديد على مدينة الأبيض. "
        "وكان قصف على مدينة الأبيض قد قتل اثنين يوم السبت."
    )
    assert [e.date_from for e in events(text, "2024-05-07T18:00:00+03:00")] == [
        dt.date(2024, 5, 7),
        dt.date(2024, 5, 4),
    ]


def test_a_day_long_before_the_article_does_not_date_the_sentences_after_it():
    text = (
        "Hezbollah has been trading fire with Israel since Hamas attacked Israel on October 7.\n"
        "An Israeli strike hit the village of Kfarjouz near Nabatieh, killing three people."
    )
    assert only_event(text, "2024-09-13T12:00:00+03:00").date_from == dt.date(2024, 9, 13)


def test_the_day_a_statement_was_made_gives_way_to_the_day_its_act_happened():
    text = (
        "أعلنت حكومة ولاية شمال كردفان، اليوم الثلاثاء، مقتل ثلاثة مدنيين جراء قصف مدفعي "
        "لقوات الدعم السريع على مدينة الأبيض. وأوضحت أن القذائف سقطت مساء الأحد على حي "
        "البترول في مدينة الأبيض."
    )
    event = only_event(text, "2024-05-07T18:00:00+03:00")
    assert (event.date_from, event.fatalities) == (dt.date(2024, 5, 5), 3)


@pytest.mark.parametrize(
    "text",
    [
        "أعلن تنظيم داعش، أمس الأحد، مسؤوليته عن هجوم على حاجز للجيش في كركوك يوم السبت.",
        "Islamic State on Sunday claimed an attack on an army checkpoint near Kirkuk on Saturday.",
    ],
)
def test_the_day_a_claim_was_made_gives_way_to_the_day_of_the_act_in_its_sentence(text):
    assert only_event(text).date_from == dt.date(2024, 3, 9)


def test_a_claim_made_on_a_day_and_the_attack_told_on_its_own_day_are_one_event():
    text = (
        "Islamic State on Monday claimed an attack on an army checkpoint near Kirkuk. "
        "The attack on Sunday killed two soldiers."
    )
    event = only_event(text, "2024-03-12T10:00:00+03:00")
    assert (event.date_from, event.fatalities) == (dt.date(2024, 3, 10), 2)


def test_a_claim_of_an_attack_not_told_before_is_the_report_of_it():
    event = only_event(
        "Islamic State claimed responsibility for an attack on Peshmerga fighters in Kirkuk "
        "on Sunday."
    )
    assert (event.event_type, event.actor1.name) == ("Battles", "Islamic State (Iraq)")


def test_a_past_perfect_with_the_act_as_its_subject_recalls_an_earlier_event():
    assert events("وكانت مواجهات مسلحة بين قبيلتين قد خلفت عشرة قتلى في مدينة سبها.") == []


def test_the_dead_of_a_recalled_act_in_the_next_sentence_are_not_the_events():
    text = (
        "اندلعت اشتباكات بين قبيلتين في مدينة سبها أمس. "
        "وكانت مواجهات مماثلة قد خلفت عشرة قتلى في أوقات سابقة."
    )
    assert only_event(text).fatalities == 0


def test_fighting_that_broke_out_on_a_day_and_still_goes_on_is_news():
    text = (
        "وقالت مصادر محلية إن اشتباكات مسلحة اندلعت الاثنين الماضي ولا تزال مستمرة بين "
        "عشيرتين في مدينة رداع، وخلفت حتى الآن 20 قتيلاً."
    )
    assert only_event(text).event_type == "Battles"


def test_the_place_of_a_recalled_act_is_not_the_place_of_the_news():
    text = "وبعد استهداف مطار بغداد الدولي بصواريخ الشهر الماضي سقط صاروخان اليوم في حي الجادرية."
    assert only_event(text).location.name == "Jadriya"


def test_who_announces_a_fall_of_rockets_did_not_fire_them():
    text = "أعلنت خلية الإعلام الأمني، مساء اليوم، سقوط صاروخين داخل المنطقة الخضراء في بغداد."
    assert only_event(text).actor1 is None


def test_a_place_that_names_a_force_is_not_where_the_event_was():
    text = (
        "أعلن جهاز مكافحة الإرهاب أمس إلقاء القبض على أحد عناصر داعش في محافظة كركوك خلال "
        "عملية مشتركة مع آسايش السليمانية."
    )
    assert only_event(text).location.admin1 == "Kirkuk"


def test_soldiers_right_after_killed_and_before_a_strike_are_its_dead():
    event = only_event("قتل جنود الجيش السوري بغارة إسرائيلية على مواقعهم قرب دمشق أمس.")
    assert event.actor2.name.startswith("Military Forces of Syria")


def test_a_count_after_a_group_named_further_on_does_not_make_it_the_killer():
    text = "قتل ثلاثة عناصر من الأمن العام 2 منهم برتبة ضابط بهجوم لمسلحين في ريف حمص أمس."
    assert only_event(text).actor1.name.startswith("Unidentified Armed Group")


def test_gunmen_targeting_protesters_attack_civilians():
    text = "استهدف مسلحون مجهولون المتظاهرين في ساحة الحبوبي بالناصرية أمس."
    assert only_event(text).event_type == "Violence against civilians"


def test_the_same_strike_told_twice_is_one_event():
    text = (
        "قصفت قوات النظام بلدة كفرنبل أمس بقذائف المدفعية. "
        "وجاء القصف المدفعي على كفرنبل أمس بعد يوم من هدوء نسبي."
    )
    assert len(events(text)) == 1


def test_a_later_clause_naming_the_blast_again_without_an_attacker_is_the_same_blast():
    text = "انفجرت عبوة ناسفة أمس بسيارة للشرطة في بلدة الشدادي، في حين لم تتبن أي جهة التفجير."
    assert len(events(text)) == 1


def test_a_later_clause_telling_another_kind_of_act_without_an_attacker_is_another_event():
    text = "قصفت قوات النظام بلدة كفرنبل أمس بالمدفعية، فيما استهدفت غارة جوية بلدة كفرنبل."
    assert len(events(text)) == 2


def test_three_bases_in_a_list_are_three_events():
    text = "استهدفت المقاومة الإسلامية في العراق بالصواريخ قواعد قسرك وخراب الجير والشدادي أمس."
    found = events(text)
    assert sorted(e.location.name for e in found) == ["Ash Shaddādah", "Kharab al-Jir", "Qasrak"]


def test_the_outskirts_of_towns_in_a_list_are_one_event_per_town():
    text = "قصفت المدفعية الإسرائيلية أمس أطراف بلدات الخيام وكفركلا وحولا."
    assert sorted(e.location.name for e in events(text)) == ["Houla", "Kfar Kila", "Khiam"]


def test_adjacent_villages_in_a_list_are_one_event_each():
    text = "شن الطيران الإسرائيلي أمس غارات على بلدات الخيام وكفركلا والعديسة وحولا."
    assert len(events(text)) == 4


def test_a_district_in_brackets_after_a_village_is_where_it_lies_not_a_second_place():
    event = only_event("قصفت المدفعية الإسرائيلية أمس منطقة حانين (قضاء بنت جبيل).")
    assert event.location.name == "Hanine"


def test_villages_each_with_its_district_in_brackets_are_still_a_list():
    text = "قصفت المدفعية الإسرائيلية أمس بلدة حانين (قضاء بنت جبيل)، وبلدة مروحين (قضاء صور)."
    assert sorted(e.location.name for e in events(text)) == ["Hanine", "Marwahin"]


def test_government_forces_in_a_yemeni_report_are_yemens():
    text = "هاجم الحوثيون أمس مواقع القوات الحكومية في مديرية حيس وقتلوا جنديين."
    event = only_event(text, published="2025-02-05T12:00:00+03:00")  # after Assad's fall
    assert event.actor2.name == "Military Forces of Yemen (2022-)"


def test_a_frequent_adjective_is_no_village_abroad():
    event = only_event("تظاهر العشرات في مدينة سيئون أمس احتجاجا على الغلاء وسط حرارة خانقة.")
    assert event.location.name == "Seiyun"


def test_two_quarters_of_one_city_shelled_together_are_one_event():
    text = "قصفت المدفعية الإسرائيلية أمس حيي الشجاعية والتفاح شرق مدينة غزة."
    assert len(events(text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "استشهد شاب أمس بنيران طائرة مسيرة في بلدة بيت لاهيا.",
        "A man was killed by drone fire in Beit Lahia on Sunday.",
    ],
)
def test_a_death_by_drone_fire_is_an_air_strike_not_a_shooting(text):
    assert only_event(text).sub_event_type == "Air/drone strike"


def test_a_fire_belt_laid_by_artillery_is_a_shelling():
    event = only_event("نفذت المدفعية الإسرائيلية أمس حزاما ناريا مدفعيا على أطراف بلدة ياطر.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_a_separate_incident_in_the_same_sentence_is_another_event():
    text = "قصفت المدفعية أمس بلدتي كفرنبل وحاس، وفي حادث منفصل انفجر لغم بسيارة قرب سراقب."
    assert "Remote explosive/landmine/IED" in {e.sub_event_type for e in events(text)}


def test_another_attack_that_killed_is_the_sentences_own_act():
    text = "قتل جنديان عراقيان أمس في هجوم آخر لتنظيم داعش على حاجز للجيش في كركوك."
    event = only_event(text)
    assert (event.event_type, event.fatalities) == ("Battles", 2)


def test_a_massacre_committed_by_shelling_a_home_is_the_shelling():
    text = (
        "ارتكبت المدفعية الإسرائيلية أمس مجزرة بحق عائلة في مخيم المغازي بعد قصف منزلها، "
        "ما أدى إلى مقتل ستة من أفرادها."
    )
    assert only_event(text).event_type == "Explosions/Remote violence"


def test_a_fire_belt_is_an_air_strike():
    event = only_event("نفذ الطيران الحربي الإسرائيلي أمس حزاما ناريا على بلدة ياطر.")
    assert event.sub_event_type == "Air/drone strike"


def test_the_village_a_soldier_comes_from_is_not_where_he_was_killed():
    text = "قتل المجند المنحدر من قرية تل الورد أمس بانفجار لغم على طريق قرب مدينة جبلة."
    assert only_event(text).location.name == "Jablah"


def test_the_town_a_soldier_was_originally_from_is_not_where_he_was_killed():
    text = "A soldier originally from Khiam was killed on Sunday in an Israeli strike on Tyre."
    assert only_event(text).location.name == "Tyre"


def test_the_town_a_mourned_fighter_was_a_son_of_is_not_a_second_strike():
    text = (
        "قتل عنصر من حزب الله أمس بغارة إسرائيلية على دراجة نارية في بلدة كفركلا. "
        "ونعى الحزب عنصره الذي قضى في الغارة، وهو من أبناء بلدة الخيام."
    )
    assert only_event(text).location.name == "Kfar Kila"


def test_a_protester_hit_by_a_gas_canister_is_no_bombing():
    text = "أصيب متظاهر أمس بعبوة غاز في رأسه خلال احتجاجات في بغداد."
    assert only_event(text).sub_event_type == "Protest with intervention"


def test_a_breakdown_of_a_toll_by_place_without_commas_is_one_event_per_place():
    text = (
        "قتل ثلاثون شخصا أمس في غزة، بينهم عشرون في قصف مبنى في مخيم جباليا وستة في قصف "
        "منزل بمخيم الشاطئ."
    )
    found = {e.location.name: e.fatalities for e in events(text)}
    assert found == {"Jabalia camp": 20, "Al-Shati camp": 6}


def test_the_children_among_a_toll_are_no_share_of_another_place():
    text = "قتل ثلاثون فلسطينيا أمس بينهم عشرون طفلا في قصف على مخيم جباليا."
    assert only_event(text).fatalities == 30


def test_the_dead_and_wounded_of_one_strike_are_one_toll():
    text = "قتل عشرون وستة جرحى أمس بقصف على مخيم جباليا."
    assert only_event(text).fatalities == 20


def test_a_trend_of_attacks_stepped_up_is_no_event():
    text = (
        "A drone strike hit a market in Bara on Thursday, killing six people. "
        "The RSF has increased drone attacks on army sites such as Kadugli airport, analysts say."
    )
    assert [e.location.name for e in events(text)] == ["Bārah"]


def test_undated_background_is_no_event():
    text = "خلال الأسابيع الماضية شنت الطائرات المسيرة التركية عشرات الهجمات على ريف القامشلي."
    assert events(text) == []


def test_fighting_that_goes_on_amid_the_news_is_background():
    assert events("يعاني السكان من الجوع في ظل استمرار المعارك في مدينة الفاشر.") == []


def test_earlier_today_dates_a_recent_event_rather_than_making_it_background():
    text = "وفي وقت سابق من اليوم، قصفت طائرة مسيرة سيارة في مدينة مأرب ما أدى إلى مقتل شخصين."
    assert only_event(text).date_from == dt.date(2024, 3, 11)


def test_the_fiercest_attack_in_months_is_news_not_background():
    text = (
        "شنت قوات الدعم السريع اليوم هجوما هو الأعنف منذ أشهر على مدينة الأبيض وقتلت خمسة مدنيين."
    )
    assert only_event(text).fatalities == 5


def test_earlier_with_no_day_told_stays_background():
    text = "وفي وقت سابق، قصفت طائرة مسيرة سيارة في مدينة مأرب ما أدى إلى مقتل شخصين."
    assert events(text) == []


def test_what_the_news_comes_after_is_background():
    text = (
        "قصفت طائرة مسيرة إسرائيلية سيارة في قضاء النبطية اليوم. "
        "وتأتي هذه الغارة بعد يومين من قصف مدفعي استهدف مدينة صور."
    )
    assert [e.location.name for e in events(text)] == ["Nabatîyé et Tahta"]


def test_what_the_news_comes_after_is_an_event_when_its_day_is_told():
    text = (
        "قصفت طائرة مسيرة إسرائيلية سيارة في قضاء النبطية اليوم. "
        "وتأتي هذه الغارة بعد مقتل شخصين أمس في قصف مدفعي استهدف مدينة صور."
    )
    assert "Tyre" in {e.location.name for e in events(text)}


def test_what_an_english_report_says_the_strike_comes_after_is_background():
    text = (
        "An Israeli drone struck a car near Nabatieh today. "
        "The strike comes amid Israeli artillery shelling of the city of Tyre."
    )
    assert [e.location.name for e in events(text)] == ["Nabatîyé et Tahta"]


def test_tear_gas_grenades_are_no_grenade_attack():
    text = "Riot police fired tear gas grenades across the bridge in Nasiriyah on Sunday."
    assert "Grenade" not in [e.sub_event_type for e in events(text)]


def test_assault_rifles_are_no_assault():
    text = "Gunmen carrying assault rifles were seen near the market in Basra on Sunday."
    assert events(text) == []


def test_a_man_suspected_of_making_bombs_is_no_explosion():
    text = "قال الجيش إنه يشتبه في حيازة الشاب أسلحة وتصنيعه عبوات ناسفة في نابلس أمس."
    assert events(text) == []


def test_detonators_destroyed_with_seized_bombs_are_no_explosion():
    text = "دمرت قوات الجيش أمس ثلاث قنابل تقليدية الصنع ومعدات تفجير في ولاية سكيكدة."
    assert "Explosions/Remote violence" not in [e.event_type for e in events(text)]


def test_an_attack_by_no_one_named_is_a_battle_when_only_a_distant_sentence_names_a_bomb():
    text = (
        "انفجرت عبوة ناسفة بدورية للجيش في قضاء الطارمية في أيار الماضي. "
        "وتشهد المنطقة توترا منذ سنوات. ويقول سكان إن الأوضاع تحسنت. "
        "استهدف هجوم نقطة للجيش في قضاء الطارمية اليوم ما أدى إلى مقتل جنديين."
    )
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_freeing_captives_is_no_town_retaken():
    text = "نفذت قوى الأمن عملية خاصة في ريف السويداء أمس حررت خلالها ثلاثة مخطوفين."
    assert "Government regains territory" not in [e.sub_event_type for e in events(text)]


@pytest.mark.parametrize(
    ("text", "sub_type"),
    [
        ("شنت قوات النظام قصفا مكثفا على بلدة كفرنبل بريف إدلب أمس.", SHELLING),
        ("عاود الطيران الروسي غاراته على بلدة كفرنبل بريف إدلب أمس.", "Air/drone strike"),
    ],
)
def test_a_strike_word_in_the_accusative_or_with_a_pronoun_is_a_trigger(text, sub_type):
    assert only_event(text).sub_event_type == sub_type


def test_gunmen_looting_a_market_and_burning_shops_is_looting_not_a_riot():
    event = only_event("نهب مسلحون السوق الرئيسي في مدينة النهود أمس وأحرقوا عددا من المحال.")
    assert types(event) == (STRATEGIC, "Looting/property destruction")


def test_a_threat_is_no_event():
    assert events("هددت تركيا بقصف مواقع قوات سوريا الديمقراطية في منبج.") == []


def test_protests_in_three_towns_are_three_events():
    text = "خرجت مظاهرات في مدينة سرمدا وفي بلدة كفرتخاريم وفي مدينة الأتارب اليوم."
    assert len([e for e in events(text) if e.event_type == "Protests"]) == 3


def test_shelling_going_on_since_saturday_is_dated_from_saturday_to_publication():
    event = only_event("قتل مدني جراء القصف التركي المتواصل على قرية تل تمر منذ مساء السبت.")
    assert (event.date_from, event.date_to) == (dt.date(2024, 3, 9), TODAY)


def test_maghrebi_stopping_people_is_an_arrest():
    event = only_event("وأوقفت مفرزة للجيش أمس عنصري دعم للجماعات الإرهابية بولاية المدية.")
    assert event.sub_event_type == "Arrests"


def test_stopping_talks_is_no_arrest():
    assert events("وأوقفت الحكومة أمس المفاوضات مع النقابات في العاصمة.") == []


def test_soldiers_abducted_are_an_abduction_not_a_battle():
    event = only_event("اختطف مسلحون مجهولون أمس جنديين من الجيش في مدينة تعز.")
    assert event.sub_event_type == "Abduction/forced disappearance"


def test_a_raid_that_made_no_arrests_is_no_arrest():
    text = "اقتحمت قوة إسرائيلية أمس مخيم نور شمس في عملية دهم، وانسحبت دون تسجيل اعتقالات."
    assert "Arrests" not in [e.sub_event_type for e in events(text)]


def test_an_arrest_told_plainly_stands_beside_no_other_arrests():
    text = (
        "اقتحمت قوة إسرائيلية أمس مخيم نور شمس في عملية دهم، واعتقلت شابين، "
        "دون تسجيل اعتقالات أخرى."
    )
    assert [e.sub_event_type for e in events(text)] == ["Arrests"]


def test_a_raid_that_makes_arrests_is_the_arrest_not_a_battle():
    text = "اقتحمت قوات الاحتلال مخيم جنين أمس واعتقلت خمسة شبان وسط إطلاق نار كثيف."
    event = only_event(text)
    assert types(event) == (STRATEGIC, "Arrests")
    assert event.actor1.name == ISRAEL  # the subject of the raid carries over to the arrest


def test_a_raid_with_no_one_fighting_back_is_no_battle():
    assert events("اقتحمت قوات الاحتلال بلدة بيتا جنوب نابلس أمس.") == []


def test_a_raid_with_a_casualty_is_a_battle():
    event = only_event("اقتحمت قوات الاحتلال بلدة بيتا جنوب نابلس أمس وأصيب جندي.")
    assert event.event_type == "Battles"


def test_a_raid_met_by_gunmen_is_a_battle_too():
    text = "اقتحمت قوات الاحتلال مخيم جنين أمس واعتقلت خمسة شبان واشتبكت مع مسلحين."
    assert {e.event_type for e in events(text)} == {"Battles", STRATEGIC}


def test_on_board_is_no_place():
    assert events("ودمرت عربة ولقي جميع من كانوا على متنها حتفهم أمس.") == []


def test_people_arrested_without_a_group_named_are_civilians():
    event = only_event("اعتقلت قوات سوريا الديمقراطية ثلاثة شبان في مدينة الرقة أمس.")
    assert event.actor2.name == "Civilians (Syria)"


def test_one_named_victim_and_two_more_count_three():
    event = only_event(
        "قتل قيادي في حزب الله واثنين من مرافقيه بغارة إسرائيلية على بلدة الخيام أمس."
    )
    assert event.fatalities == 3


def test_english_one_killed_and_six_wounded_are_told_apart():
    text = "A journalist was killed and six others were wounded when shells struck Khiam on Sunday."
    event = only_event(text)
    assert (event.fatalities, event.injuries) == (1, 6)


def test_the_number_in_a_units_name_is_not_a_toll():
    event = only_event("قصفت القوات التركية مقر اللواء 47 في قرية تل تمر أمس.")
    assert event.fatalities == 0 and not event.fatalities_known


def test_a_toll_for_several_villages_at_once_is_given_to_none_of_them():
    text = "هاجم مستوطنون قريتي بورين وعصيرة القبلية أمس، ما أدى إلى إصابة خمسة مواطنين."
    assert [e.injuries for e in events(text)] == [0, 0]


def test_clashes_referred_back_to_add_their_toll_to_the_event_told_earlier():
    text = (
        "اندلعت اشتباكات بين قسد وفصائل الجيش الوطني في قرية تل تمر أمس. "
        "وجاء ذلك بعد الاشتباكات التي أسفرت عن مقتل تسعة عناصر."
    )
    assert only_event(text).fatalities == 9


def test_a_recapture_told_as_what_came_before_is_no_event_in_all_its_words():
    text = "عاد آلاف النازحين إلى منازلهم في الخرطوم بعد استعادة الجيش السيطرة على العاصمة."
    assert events(text) == []


def test_an_undated_act_told_in_a_relative_clause_between_commas_is_background():
    text = (
        "The RSF, which has recently taken control of the city of Bara, shelled El Obeid on Monday."
    )
    assert {e.sub_event_type for e in events(text)} == {"Shelling/artillery/missile attack"}


def test_the_name_after_a_site_struck_owns_the_site_it_did_not_strike():
    event = only_event("أعلن الجيش قيام التحالف الدولي بقصف معسكرات داعش في الموصل أمس.")
    assert sides(event) == (
        "International Coalition",
        "Islamic State (Iraq)",
    )


def test_homes_struck_are_no_agent_of_the_shelling():
    assert only_event("قتل ثلاثة مدنيين بقصف منازل في بلدة كفرنبل أمس.").actor1 is None


def test_an_attack_with_a_bomb_on_an_army_vehicle_is_an_explosion_not_a_battle():
    text = "أصيب ثلاثة جنود في اعتداء بقنبلة استهدف مدرعة للجيش في مدينة العريش أمس."
    assert only_event(text).event_type == REMOTE


def test_a_number_in_the_outlets_name_in_a_dateline_counts_no_one():
    text = (
        "القامشلي (راديو 99)- قتل ثلاثة عناصر من قسد في هجوم لداعش على حاجز في ريف دير الزور أمس."
    )
    assert only_event(text).fatalities == 3


def test_english_killers_named_before_killed_with_the_killed_after_is_an_attack():
    event = only_event("Gunmen killed three Iraqi soldiers near Kirkuk on Monday.")
    assert (event.event_type, event.fatalities) == ("Battles", 3)
    assert event.actor2.name == "Military Forces of Iraq (2022-)"


def test_english_people_killed_in_a_named_sides_shelling_were_shelled_by_it():
    event = only_event("Three people were killed in RSF shelling on Omdurman on Sunday.")
    assert sides(event) == ("Rapid Support Forces", "Civilians (Sudan)")


def test_english_soldiers_killed_in_a_blast_are_its_victims_not_its_agents():
    event = only_event("Three soldiers killed in a blast near Kirkuk on Monday.")
    assert event.actor1 is None
    assert event.actor2.name == "Military Forces of Iraq (2022-)"


def test_a_blast_that_killed_soldiers_stays_an_explosion():
    event = only_event("Three soldiers were killed in a blast near Kirkuk on Monday.")
    assert event.sub_event_type == IED


def test_a_participle_of_targeting_after_an_operation_is_an_attack_by_its_subject():
    text = "نفذت هيئة تحرير الشام عملية أمس مستهدفة مواقع لقوات النظام في ريف إدلب."
    event = only_event(text)
    assert sides(event) == ("Hayat Tahrir al-Sham", SYRIA)


def test_a_strike_told_in_the_first_person_is_the_speakers():
    text = "وقال الجيش الإسرائيلي في بيان: قصفنا مباني لحزب الله في بلدة يارون أمس."
    event = only_event(text)
    assert sides(event) == (ISRAEL, "Hezbollah")


def test_an_english_strike_in_the_first_person_is_the_speakers_who_is_named_after():
    event = only_event('"We struck Houthi targets in Hodeidah on Monday," the US military said.')
    assert event.actor1.name == "Military Forces of the United States"


@pytest.mark.parametrize(
    "text",
    [
        "The RSF has recently taken control of the town of Bara in North Kordofan.",
        "سيطرت قوات الدعم السريع مؤخرا على مدينة بارا في شمال كردفان.",
    ],
)
def test_what_was_done_recently_is_background_not_news(text):
    assert events(text) == []


def test_an_attack_across_the_border_by_a_group_that_strikes_from_afar_is_an_explosion():
    event = only_event("هاجم حزب الله موقعا للجيش الإسرائيلي قرب الوزاني أمس.")
    assert (event.event_type, event.actor1.name) == (REMOTE, "Hezbollah")


def test_a_capital_after_from_is_where_from_not_a_party():
    text = (
        'قالت وكالة الأنباء "سبأ" التي تبث من الرياض إن مواجهات دارت بين قوات الجيش '
        "والحوثيين شمال مدينة تعز أمس."
    )
    event = only_event(text)
    assert "Saudi Arabia" not in {event.actor1.name, event.actor2.name}


def test_a_lead_naming_the_governorate_and_the_body_naming_an_unlisted_village_are_one_event():
    text = (
        "قتل خمسة من عناصر قسد في هجوم لتنظيم داعش في محافظة دير الزور أمس. "
        "وهاجم عناصر التنظيم نقطة لقسد في قرية الزهيرات الغربية شرقي دير الزور أمس."
    )
    (event,) = events(text)
    assert event.location.name == "الزهيرات"


@pytest.mark.parametrize(
    "text",
    [
        "اعتقلت الشرطة شخصين بتهمة تنفيذ هجوم على حاجز في بغداد أمس.",
        "اعتقلت القوات الأمنية عددا من المتورطين في اقتحام السفارة في بغداد أمس.",
        "Police arrested two men suspected of attacking a checkpoint in Baghdad on Monday.",
    ],
)
def test_the_act_an_arrest_is_for_is_referred_to_not_told_again(text):
    assert [e.sub_event_type for e in events(text)] == ["Arrests"]


def test_two_car_bombs_in_the_dual_are_an_explosion():
    event = only_event("انفجرت سيارتان مفخختان قرب سوق شعبي في مقديشو أمس.")
    assert event.sub_event_type == IED


def test_rockets_that_fell_with_their_number_between_are_a_shelling():
    text = "سقطت تسعة صواريخ كاتيوشا على المنطقة الخضراء وسط بغداد أمس."
    assert only_event(text).sub_event_type == SHELLING


def test_an_english_drone_launched_at_a_ship_is_a_drone_strike():
    text = "Houthi rebels launched a drone at a commercial vessel in the Red Sea on Monday."
    event = only_event(text)
    assert (event.sub_event_type, event.actor1.name) == (STRIKE, HOUTHIS)


def test_a_suicide_attack_in_the_accusative_claimed_by_al_shabaab():
    text = "أدى هجوما انتحاريا تبنته جماعة الشباب الصومالية إلى مقتل سبعة أشخاص في مقديشو أمس."
    event = only_event(text)
    assert (event.sub_event_type, event.actor1.name, event.fatalities) == (
        "Suicide bomb",
        "Al Shabaab",
        7,
    )


def test_a_civilian_and_a_fighter_killed_are_two_deaths():
    text = "قصفت الطائرات الروسية أطراف مدينة إدلب أمس، ما تسبب بمقتل مدني ومقاتل."
    assert only_event(text).fatalities == 2


def test_an_event_whose_only_place_is_a_homonym_abroad_is_not_moved_elsewhere():
    found = events(
        "اندلعت اشتباكات عنيفة أمس في طرابلس الليبية بين جهاز الردع واللواء 444.\n"
        "وقتل مسلحان أمس في اشتباكات في الحويجة."
    )
    assert [(e.location.name, e.fatalities) for e in found] == [("Tripoli", 0)]


def test_a_quarter_named_like_a_field_abroad_is_not_placed_abroad():
    event = only_event("اعتقلت قوات سوريا الديمقراطية شابا من حي الرميلة في مدينة الرقة أمس.")
    assert event.location.country == "Syria"


def test_a_homonym_abroad_never_becomes_the_place_in_focus():
    found = events(
        "Heavy clashes erupted in Tripoli on Sunday between two armed groups, and residents "
        "across Tripoli stayed home. The fighting followed a quarrel over commander Ali Hamza. "
        "Two fighters were killed on Monday as the clashes resumed."
    )
    assert (found[0].date_from, found[0].location.name) == (YESTERDAY, "Tripoli")
    assert {e.location.name for e in found} == {"Tripoli"}  # none at a Hamza abroad


def test_a_quarter_word_asks_for_a_quarter_abroad_not_a_town():
    found = events(
        "قصفت طائرات حربية أمس منزلا في حي الدرج شرقي مدينة غزة. "
        "وقالت مصادر طبية في غزة إن ثلاثة أشخاص قتلوا في القصف."
    )
    assert {e.location.country for e in found} == {"Palestine"}


def test_an_area_word_does_not_make_a_town_abroad_the_place():
    found = events(
        "اندلعت اشتباكات مسلحة أمس في منطقة صلاح الدين جنوبي طرابلس. وعاد الهدوء إلى طرابلس مساء."
    )
    assert {e.location.country for e in found} == {"Libya"}


def test_a_frequent_word_after_a_cue_is_no_place_abroad_unless_more_says_so():
    found = events(
        "قصفت طائرات مسيرة أمس مواقع لمهربين في مدن الساحل الغربي. "
        "وقالت وزارة الدفاع في طرابلس إن الغارات استهدفت مهربين في الزاوية."
    )
    assert {e.location.country for e in found} == {"Libya"}


def test_a_plural_quarter_word_announces_every_name_of_its_list():
    found = events(
        "داهمت قوات الأمن أمس أحياء المشلب والرميلة في مدينة الرقة واعتقلت عشرة شبان. "
        "وقالت مصادر محلية في الرقة إن المداهمات مستمرة."
    )
    assert found and {e.location.country for e in found} == {"Syria"}
    assert {e.location.kind for e in found} == {"neighbourhood"}


def test_the_area_an_event_is_in_beats_the_city_it_is_south_of():
    event = only_event("قصفت قوات النظام أطراف قرية صغيرة في جبل الزاوية جنوبي إدلب أمس.")
    assert event.location.name == "Jabal al-Zawiya"


def test_an_arrest_recalled_from_two_years_back_is_no_event():
    assert events("وكانت السلطات قد اعتقلت الضابط في مدينة الرمادي في تموز 2022.") == []


def test_what_had_happened_before_is_background():
    assert events("وسبق أن استهدفت طائرة مسيرة تركية سيارة مدنية في ريف القامشلي.") == []


@pytest.mark.parametrize(
    "text",
    [
        "وتعرضت القاعدة خلال الأيام القليلة الماضية لهجمات صاروخية في عين الأسد.",
        "واستهدفت طائرات مسيرة القاعدة عدة مرات في عين الأسد.",
        "وتتعرض القاعدة لهجمات صاروخية متكررة في عين الأسد.",
        "The base at Ain al-Asad has been hit by rockets several times.",
    ],
)
def test_attacks_told_as_repeated_or_over_past_days_are_background(text):
    assert events(text) == []


def test_a_strike_dated_weeks_before_the_article_is_recalled_not_reported():
    text = "واستهدفت طائرة مسيرة سيارة في ريف القامشلي يوم 3 نيسان الماضي."
    assert events(text, published="2024-04-20T12:00:00+03:00") == []


def test_a_strike_dated_two_days_before_the_article_is_reported():
    text = "واستهدفت طائرة مسيرة سيارة في ريف القامشلي يوم 18 نيسان الجاري."
    assert len(events(text, published="2024-04-20T12:00:00+03:00")) == 1


def test_fighting_that_broke_out_on_a_day_and_goes_on_runs_until_the_article():
    text = "اندلعت اشتباكات مسلحة يوم الخميس الماضي ولا تزال مستمرة بين عشيرتين في مدينة رداع."
    event = only_event(text)  # published on Monday 11 March 2024
    assert (str(event.date_from), str(event.date_to)) == ("2024-03-07", "2024-03-11")


def test_a_strike_named_by_its_weekday_six_days_back_is_reported():
    # published on Monday 11 March 2024: "Tuesday" is 5 March
    assert len(events("استهدفت طائرة مسيرة سيارة في ريف القامشلي يوم الثلاثاء.")) == 1


def test_a_denied_report_is_no_event():
    text = (
        "نفت قيادة العمليات صحة الأنباء المتداولة عن تعرض مقر في مدينة الرمادي لقصف بطائرة مسيرة."
    )
    assert events(text) == []


def test_the_body_places_an_event_its_headline_puts_in_the_nearby_capital():
    text = (
        "مقتل 4 جنود بتفجير في بغداد\n\n"
        "قتل أربعة جنود عراقيين أمس بانفجار سيارة مفخخة في بعقوبة بمحافظة ديالى."
    )
    assert [e.location.name for e in events(text)] == ["Baqubah"]


def test_a_headline_repeating_the_body_adds_no_event():
    text = (
        "قصف تركي على قرية تل تمر\n"
        "قصفت القوات التركية قرية تل تمر في ريف الحسكة أمس دون وقوع إصابات."
    )
    assert len(events(text)) == 1


def test_a_date_between_an_agent_and_its_act_is_no_distance():
    text = (
        "وشنت قوات سوريا الديمقراطية خلال الساعات الـ24 الماضية حملة دهم في مدينة الرقة "
        "اعتقلت خلالها عشرين شاباً."
    )
    (event,) = events(text)
    assert event.actor1 is not None and event.actor1.name == "Syrian Democratic Forces"


def test_a_known_act_said_again_with_no_target_or_harm_adds_no_event():
    text = (
        "قتل شرطيان بانفجار عبوتين ناسفتين في حي سرجنار بمدينة السليمانية أمس. وقال مصدر أمني "
        "إن العبوتين زرعتا في سيارة الدورية خلال توقفها في مدينة كركوك."
    )
    assert [e.location.name for e in events(text)] == ["سرجنار"]


def test_renewed_fighting_opening_an_article_is_its_news():
    event = only_event("تجددت الاشتباكات صباح أمس في محيط مدينة بابنوسة بولاية غرب كردفان.")
    assert event.event_type == "Battles"


def test_of_two_attackers_joined_by_and_the_first_named_is_actor1():
    text = (
        "شنت الولايات المتحدة وبريطانيا، فجر اليوم الجمعة، سلسلة ضربات جوية على مواقع "
        "لجماعة الحوثي في محافظة الحديدة."
    )
    event = only_event(text)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of the United States"


def test_a_headline_telling_the_body_event_as_another_kind_adds_no_event():
    text = (
        "اشتباكات عنيفة في ريف حماة الشمالي\n"
        "قصفت قوات النظام بلدة كفرنبودة بالمدفعية الثقيلة أمس، ما أدى إلى دمار في منازل المدنيين."
    )
    assert [e.sub_event_type for e in events(text)] == ["Shelling/artillery/missile attack"]


def test_a_headline_act_the_body_leaves_untold_elsewhere_stays():
    text = (
        "غارة إسرائيلية تقتل أربعة في رفح\n"
        "واعتقلت القوات الإسرائيلية اثني عشر فلسطينياً في مدينة جنين أمس، وفق نادي الأسير."
    )
    assert {e.location.name for e in events(text)} == {"Rafaḩ", "Janīn"}


def test_a_headline_is_the_event_when_the_body_tells_none():
    text = (
        "غارة جوية على بلدة سرمين في ريف إدلب\n"
        "وقال ناشطون إن عشرات العائلات بدأت بالنزوح من البلدة نحو المخيمات الحدودية."
    )
    assert [e.location.name for e in events(text)] == ["Sarmīn"]


def test_a_headline_town_and_a_village_of_its_governorate_the_gazetteer_lacks_are_one_event():
    text = (
        "مقتل رجل بقصف حوثي على قرية غرب تعز\n"
        "قتل رجل مساء أمس بقصف شنته جماعة الحوثي على قرية المقرنة التابعة لمديرية المعافر "
        "في محافظة تعز."
    )
    assert [e.location.name for e in events(text)] == ["المقرنة"]


def test_two_actors_in_two_places_are_two_events():
    text = "قصفت قوات النظام بلدة كفرنبل أمس. واستهدفت طائرة مسيرة تركية سيارة في مدينة عامودا."
    assert sorted(e.sub_event_type for e in events(text)) == [STRIKE, SHELLING]


def test_an_undated_past_perfect_recalls_an_earlier_event():
    found = events(
        "قصفت قوات النظام أمس بلدة كفرنبل.\nوكانت قوات النظام قد قصفت مدينة معرة النعمان بالمدفعية."
    )
    assert [e.location.name for e in found] == ["Kafranbel"]


def test_a_dated_past_perfect_is_news_of_its_day():
    found = events("وكانت قوات النظام قد قصفت أمس بلدة كفرنبل بالمدفعية.")
    assert [(e.location.name, e.date_from) for e in found] == [("Kafranbel", YESTERDAY)]


def test_an_english_past_perfect_with_earlier_recalls_an_earlier_event():
    found = events(
        "Turkish drones struck a car near Qamishli on Sunday. "
        "Turkish jets had earlier struck positions near Kobani."
    )
    assert [e.location.name for e in found] == ["Al Qāmishlī"]


def test_a_date_things_have_gone_on_since_does_not_date_the_next_event():
    found = events(
        "صعّدت قوات الاحتلال حملات الاعتقال منذ السابع من تشرين الأول.\n"
        "واعتقلت قوات الاحتلال شاباً من مدينة نابلس."
    )
    assert [(e.location.name, e.date_from) for e in found] == [("Nablus", TODAY)]


def test_an_event_the_army_denies_is_no_event():
    assert events("نفى الجيش الإسرائيلي قصف مدينة صيدا أمس.") == []


def test_a_protest_scheduled_for_tomorrow_is_no_event():
    text = "ومن المقرر أن ينظم الأهالي وقفة احتجاجية غدا أمام مبنى المحافظة في السويداء."
    assert events(text) == []


def test_a_protest_called_for_tomorrow_is_no_event():
    assert events("تنظم نقابة المعلمين غداً وقفة احتجاجية أمام مبنى المحافظة في البصرة.") == []


def test_without_a_publication_date_no_date_is_taken_from_the_clock():
    event = only_event("قصفت قوات النظام أمس بلدة كفرنبل بالمدفعية.", published=None)
    assert (event.date_from, event.date_to) == (None, None)


def test_without_a_publication_date_a_full_date_is_still_read():
    event = only_event("قصفت قوات النظام في 15 كانون الثاني 2024 بلدة كفرنبل.", published=None)
    assert event.date_from == dt.date(2024, 1, 15)


# ---------------------------------------------------------------- places


def test_the_event_is_at_the_village_not_the_dateline_city():
    event = only_event("حلب - خاص\nقصفت القوات التركية قرية تل تمر في ريف الحسكة أمس.")
    assert event.location.name == "Tall Tamr"
    assert event.location.admin1 == "Al-Hasakah"


def test_a_dateline_with_the_outlet_in_brackets_is_not_an_event_place():
    found = events("أربيل (وكالة محلية)- قتل شرطيان أمس بهجوم لمسلحين على نقطة تفتيش.")
    assert "Erbil" not in [e.location.name for e in found]


def test_a_datelines_capital_is_no_state_acting():
    text = "CAIRO (AP) — Militias clashed in the town of Zawiya in western Libya on Sunday."
    assert only_event(text).actor1 is None


def test_a_dateline_with_its_date_after_a_comma_is_not_an_event_place():
    text = "كسلا، 3 مارس 2024 – قتل خمسة مدنيين أمس في هجوم على بلدة في ولاية الجزيرة."
    assert only_event(text).location.name == "Al Jazirah"


def test_a_dateline_city_is_the_place_when_the_sentence_names_no_other():
    text = "غزة، 10 مارس 2024 – استشهد خمسة مواطنين اليوم في قصف إسرائيلي على المدينة."
    assert only_event(text, published="2024-03-10T12:00:00+02:00").location.name == "Gaza"


def test_an_english_dateline_with_its_country_after_a_comma_is_not_an_event_place():
    text = "Garowe, Somalia — Militants and troops clashed on Sunday in the Bari region."
    assert only_event(text).location.name == "Bari Region"


def test_an_english_dateline_before_a_colon_is_not_an_event_place():
    text = (
        "Blast kills three soldiers\n\nBAGHDAD: A roadside bomb killed three soldiers in "
        "northern Iraq on Sunday, police said.\n\nThe attack near the town of Tuz Khurmatu "
        "wounded two others."
    )
    assert "Baghdad" not in [e.location.name for e in events(text)]


def test_a_line_naming_only_the_city_filed_from_is_not_an_event_place():
    found = events("بيروت\nقتل ثلاثة مدنيين أمس بغارة إسرائيلية استهدفت سيارتهم.")
    assert "Beirut" not in [e.location.name for e in found]


def test_a_village_told_from_a_city_is_sought_near_that_city():
    # the only "المنصورية" the gazetteer has as a village is in Yemen; Diyala's is in reach
    event = only_event("هاجم مسلحون أمس قرية المنصورية جنوب غربي كركوك.")
    assert event.location.country == "Iraq"


def test_west_of_a_city_is_the_city_with_precision_two():
    event = only_event("استهدفت طائرة مسيرة تركية سيارة غربي مدينة القامشلي أمس.")
    assert event.location.name == "Al Qāmishlī"
    assert event.location.geo_precision == 2


def test_the_governorate_is_filled_in():
    event = only_event("قصفت قوات النظام بلدة كفرنبل أمس.")
    assert (event.location.admin1, event.location.country) == ("Idlib", "Syria")


def test_an_event_told_before_any_place_takes_the_place_of_the_next_sentence():
    event = only_event(
        "هاجم مسلحون دورية للجيش فجر أمس وقتلوا أربعة جنود. ووقع الهجوم قرب مدينة بيدوا."
    )
    assert (event.location.name, event.fatalities) == ("Baidoa", 4)


def test_a_later_sentence_telling_another_kind_of_event_lends_no_place():
    found = events(
        "نفذت القوات الأمنية أمس عمليات أسفرت عن اعتقال عشرة مطلوبين في عدة محافظات."
        " وقصفت الطائرات الحربية موقعا للمسلحين في ديالى."
    )
    assert [e.event_type for e in found] == [REMOTE]


def test_the_state_after_a_list_of_towns_is_where_they_lie_not_a_third_town():
    # "ولاية" begins with the letter of "and" but is no "and": Mopti is their state
    found = events("قتل مسلحون ثمانية جنود أمس في هجومين على بلدتي مندورو وبولكسي في ولاية موبتي.")
    assert len(found) == 2
    assert "Mopti" not in [e.location.name for e in found]


@pytest.mark.parametrize(
    "text",
    [
        "استهدفت غارة إسرائيلية سيارة في بلدة عيتا الشعب أمس."
        " ووقعت الغارة عند الساعة الثامنة صباحا بتوقيت بيروت.",
        "An Israeli strike hit a car in Aita al-Shaab yesterday."
        " The strike came at 8 am Beirut time.",
    ],
)
def test_a_city_naming_the_time_zone_is_no_place_struck(text):
    assert [e.location.name for e in events(text)] == ["Aita al-Shaab"]


def test_a_governorates_name_is_the_governorate_not_a_far_town_of_that_name():
    # a resort town in Erbil is also called Salah al-Din
    event = only_event("قصفت الطائرات العراقية أمس وكرا للمسلحين شرقي صلاح الدين.")
    assert (event.location.name, event.location.admin1) == ("Salah Al-Din", "Saladin")


def test_a_city_named_like_the_governorate_around_it_stays_the_city():
    event = only_event("تظاهر الآلاف في صنعاء أمس رفضا لقرار الحكومة.")
    assert event.location.name == "Sanaa"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("تظاهر الآلاف في صنعاء أمس تضامنا مع غزة.", "Sanaa"),
        ("خرجت مظاهرات في مدينة إدلب أمس نصرة لأهالي درعا.", "Idlib"),
        ("Thousands protested in Amman on Sunday in solidarity with Gaza.", "Amman"),
    ],
)
def test_a_place_a_protest_is_held_for_is_not_where_it_is_held(text, place):
    assert [e.location.name for e in events(text)] == [place]


@pytest.mark.parametrize("stamp", ["date 2024-03-10", "date 2024-03"])
def test_a_dateline_after_a_stored_pages_date_stamp_is_no_event_place(stamp):
    text = (
        f"{stamp} BAGHDAD (Reuters) - Three soldiers were killed in clashes with "
        "militants in the eastern province of Diyala on Sunday."
    )
    assert only_event(text).location.name == "Diyala"


def test_an_english_village_the_gazetteer_lacks_keeps_its_name_in_its_province_at_its_precision():
    text = "Russian jets struck the village of al-Dwair in Idlib province on Sunday."
    location = only_event(text).location
    assert (location.name, location.admin1, location.geo_precision) == ("al-Dwair", "Idlib", 3)


def test_a_town_the_gazetteer_lacks_lies_as_far_off_as_the_text_says():
    text = "هاجم مسلحون أمس بلدة ورشيخ الواقعة على بعد 70 كيلومترا شمال شرقي مقديشو."
    location = only_event(text).location
    assert location.name == "ورشيخ"
    mogadishu = default_resources().gazetteer.lookup("مقديشو")[0]
    assert 60 <= haversine_km(mogadishu.lat, mogadishu.lon, location.lat, location.lon) <= 80


# ---------------------------------------------------------------- evidence


def test_evidence_spans_point_into_the_document_text():
    text = "قتل ثلاثة مدنيين بقصف مدفعي لقوات النظام على بلدة كفرنبل أمس."
    doc = document_from_text(text, doc_id="t", published=dt.datetime.fromisoformat(PUBLISHED))
    (event,) = process(doc).events
    assert "trigger" in event.evidence
    for span in event.evidence.values():
        assert doc.text[span.start : span.end] == span.text


def test_the_trigger_is_a_word_of_the_input():
    text = "استهدفت طائرة مسيرة تركية سيارة قرب مدينة عامودا أمس."
    trigger = only_event(text).evidence["trigger"].text
    assert trigger and trigger in text


# ---------------------------------------------------------------- English


def test_english_drone_strike_with_actor_and_toll():
    text = "Turkish drones struck an SDF vehicle near Qamishli on Sunday, killing two fighters."
    event = only_event(text)
    assert types(event) == (REMOTE, STRIKE)
    assert event.actor1.name.startswith("Military Forces of Turkey")
    assert (actor_id(event.actor2), event.fatalities, event.date) == ("sdf", 2, YESTERDAY)


def test_english_shelling_with_deaths_and_injuries():
    text = (
        "Syrian government forces shelled Kafr Nabl on Saturday, killing three civilians "
        "and wounding five others."
    )
    event = only_event(text)
    assert types(event) == (REMOTE, SHELLING)
    assert (event.fatalities, event.injuries) == (3, 5)


@pytest.mark.parametrize(
    "text",
    [
        "قتل شاب على يد مسلحين مجهولين في بلدة طفس أمس.",
        "A young man was killed by unknown gunmen near Tafas on Sunday.",
    ],
)
def test_a_killing_by_named_killers_told_in_the_passive_is_an_attack(text):
    event = only_event(text)
    assert types(event) == ("Violence against civilians", "Attack")
    assert (event.actor1.name, event.fatalities) == ("Unidentified Armed Group (Syria)", 1)


def test_english_killers_of_someone_named_after_an_article_made_an_attack():
    event = only_event("Gunmen killed a pharmacist near Tafas on Sunday.")
    assert (types(event), event.fatalities) == (("Violence against civilians", "Attack"), 1)


def test_english_soldiers_killed_the_day_before_are_mourned_not_killers():
    text = "Funerals were held in Kirkuk on Sunday for three soldiers killed the day before."
    assert events(text) == []


def test_english_a_bomb_that_claimed_the_lives_of_six_killed_six():
    assert (
        only_event("A car bomb claimed the lives of six people in Azaz on Sunday.").fatalities == 6
    )


def test_english_police_killing_a_protester_is_excessive_force():
    event = only_event("Police killed a protester in Omdurman on Sunday as crowds rallied.")
    assert types(event) == ("Protests", "Excessive force against protesters")


def test_english_headline_kidnapping_in_the_present_tense_is_an_abduction():
    event = only_event("Al-Shabaab kidnaps three aid workers in Baidoa")
    assert types(event) == ("Violence against civilians", "Abduction/forced disappearance")


def test_english_rally_is_a_peaceful_protest():
    event = only_event(
        "Dozens of protesters rallied in Sweida on Friday demanding the fall of the government."
    )
    assert types(event) == ("Protests", "Peaceful protest")
    assert event.date == dt.date(2024, 3, 8)


def test_english_subject_before_the_verb_is_actor1():
    event = only_event("Gunmen shot dead a farmer near Tafas on Sunday.")
    assert event.actor1 is not None and event.actor1.name.startswith("Unidentified Armed Group")


def test_english_a_single_victim_counts_one():
    assert only_event("Gunmen shot dead a farmer near Tafas on Sunday.").fatalities == 1


def test_english_clashes_between_two_groups_give_both_sides():
    text = "Clashes broke out between the SDF and the Syrian National Army near Manbij on Sunday."
    event = only_event(text)
    assert (actor_id(event.actor1), actor_id(event.actor2)) == ("sdf", "sna")


def test_a_quarter_named_like_a_province_abroad_is_not_where_a_clash_happened():
    # صلاح الدين is also a quarter of Tripoli; nothing else in the article speaks of Iraq
    event = only_event(
        "اندلعت اشتباكات عنيفة أمس في طرابلس الليبية بين جهاز الردع وقوات اللواء 444 "
        "في صلاح الدين جنوب العاصمة."
    )
    assert event.location.country == "Libya"


def test_english_protesters_gathered_in_a_square_is_a_protest():
    event = only_event(
        "Hundreds of protesters gathered in Tahrir Square in Baghdad on Sunday to demand jobs."
    )
    assert event.event_type == "Protests"


def test_english_missiles_fired_at_a_vessel_are_a_missile_attack():
    event = only_event(
        "The Houthis fired two anti-ship missiles at a vessel in the Red Sea on Sunday."
    )
    assert event.sub_event_type == SHELLING


def test_the_army_unnamed_taking_a_town_regains_it():
    event = only_event("سيطر الجيش أمس على بلدة كفرنبل.")
    assert event.sub_event_type == "Government regains territory"


def test_victim_groups_separated_by_a_comma_are_summed():
    event = only_event("قتل أربعة أطفال، ثلاث نساء أمس بغارة على بلدة كفرنبل.")
    assert event.fatalities == 7


def test_the_rest_of_an_attack_word_is_no_ones_name():
    event = only_event("مقتل طفل وإصابة آخرين بقصف جوي على بلدة كفرنبل أمس.")
    assert event.actor1 is None or event.actor1.text != "جوي"


def test_settlers_setting_homes_on_fire_attack_civilians():
    event = only_event("أضرم مستوطنون ملثمون النار في منازل ومركبات في قرية الفندق مساء أمس.")
    assert (event.event_type, event.actor1.name) == (
        "Violence against civilians",
        "Settlers (Israel)",
    )


def test_words_two_actors_share_name_the_one_of_the_event_country():
    event = only_event(
        "قتل عشرون من منتسبي الجيش الوطني أمس في هجوم صاروخي للحوثيين على معسكر في محافظة مأرب.",
        published="2020-01-20T10:00:00+03:00",
    )
    assert event.location.country == "Yemen"
    assert event.actor2.name.startswith("Military Forces of Yemen")


def test_an_event_dated_only_by_last_year_is_background():
    published = "2025-01-05T10:00:00+03:00"
    text = "اشتبكت قوات الجيش مع مسلحين في بلدة طفس {} وقتل ثلاثة منهم."
    assert events(text.format("العام الماضي"), published) == []
    assert len(events(text.format("أمس"), published)) == 1


def test_the_same_day_is_the_day_told_before_not_the_publication_day():
    found = events(
        "قصفت قوات النظام بالمدفعية بلدة طفس أمس. "
        "وفي اليوم ذاته قصفت قوات النظام بالمدفعية بلدة الحراك."
    )
    assert [e.date_from for e in found] == [YESTERDAY, YESTERDAY]


def test_gunmen_of_a_named_group_are_that_group():
    event = only_event(
        "قتل خمسة مدنيين مساء أمس في هجوم شنه مسلحون من حركة الشباب على مطعم في مقديشو."
    )
    assert event.actor1.name == "Al Shabaab"


def test_a_camp_named_in_darfur_is_the_camp_not_the_city_nearby():
    event = only_event("قصفت قوات الدعم السريع بالمدفعية أمس معسكر زمزم للنازحين جنوب الفاشر.")
    assert event.location.name == "Zamzam camp"


@pytest.mark.parametrize(
    ("text", "actor1"),
    [
        ("قصف قوات النظام لبلدة كفرنبل أمس أوقع قتلى.", "Military Forces of Syria (2000-2024)"),
        (
            "استهداف الطيران التركي لمواقع قسد في ريف الحسكة أمس.",
            "Military Forces of Turkey (2016-)",
        ),
        ("قصف الدعم السريع لسوق شعبي في أم درمان أمس.", "Rapid Support Forces"),
    ],
)
def test_the_genitive_after_a_verbal_noun_with_its_object_after_li_is_the_agent(text, actor1):
    assert only_event(text).actor1.name == actor1


def test_the_genitive_after_a_verbal_noun_with_a_bare_object_is_the_agent():
    event = only_event("قتل ثلاثة مدنيين أمس في قصف مدفعية النظام منزلا في بلدة كفرنبل.")
    assert event.actor1.name == "Military Forces of Syria (2000-2024)"


def test_strikes_on_two_close_camps_each_with_its_toll_are_two_events():
    text = (
        "قتل ثمانية مواطنين أمس بقصف إسرائيلي استهدف منزلا في مخيم النصيرات.\n"
        "وقتل ستة آخرون أمس بقصف إسرائيلي استهدف منزلا في مخيم البريج."
    )
    assert sorted(e.fatalities for e in events(text)) == [6, 8]


def test_strikes_on_two_close_camps_with_equal_tolls_are_two_events():
    text = (
        "قتل مواطن أمس بقصف إسرائيلي استهدف منزلا في مخيم النصيرات.\n"
        "وقتل مواطن آخر أمس بقصف إسرائيلي استهدف منزلا في مخيم البريج."
    )
    assert len(events(text)) == 2


def test_a_regions_strikes_told_again_at_a_city_within_its_reach_are_one_event():
    text = "شنت مقاتلات إسرائيلية أمس سلسلة غارات على البقاع. واستهدفت الغارات أمس مدينة بعلبك."
    assert [e.location.name for e in events(text)] == ["Baalbek"]


def test_a_region_holds_no_town_across_a_border():
    text = (
        "أفاد الجيش الإسرائيلي برصد 40 قذيفة صاروخية أطلقت من لبنان على الجليل الغربي أمس. "
        "وقصفت المدفعية الإسرائيلية أمس أطراف بلدة شمع."
    )
    assert sorted(e.location.name for e in events(text)) == ["Chamaa", "Galilee"]


def test_an_english_toll_joined_by_a_comma_and_and_is_an_event_of_its_own():
    text = (
        "Five people died when an Israeli strike hit a tent in Khan Younis on Sunday, "
        "and two others were killed by tank shelling in Rafah."
    )
    assert sorted((e.location.name, e.fatalities) for e in events(text)) == [
        ("Khān Yūnis", 5),
        ("Rafaḩ", 2),
    ]


def test_a_small_region_holds_no_camp_of_its_governorate_beyond_its_reach():
    text = (
        "قتل سبعة مواطنين أمس بغارة إسرائيلية على منزل في مخيم النصيرات. "
        "وقتل خمسة آخرون أمس بغارة إسرائيلية على خيمة في منطقة المواصي."
    )
    assert sorted(e.location.name for e in events(text)) == ["Al-Mawasi", "Nuseirat"]


def test_an_english_toll_joined_by_and_with_no_place_of_its_own_adds_no_event():
    text = (
        "Israeli forces raided Jenin camp on Sunday, killing a young man, "
        "and two others were wounded by gunfire in the raid."
    )
    assert len(events(text)) == 1


def test_a_river_holds_no_town_of_its_country_beyond_its_governorate():
    text = (
        "عثر أمس على جثة مجهولة الهوية في نهر دجلة. وقتل مسلحون مجهولون أمس شابا في مدينة سامراء."
    )
    assert len(events(text)) == 2


def test_a_city_and_a_site_outside_it_each_with_its_toll_are_two_events():
    text = (
        "قتل خمسة مواطنين أمس بغارة إسرائيلية على مستشفى ناصر.\n"
        "وقتل اثنان آخران أمس بغارة إسرائيلية على مدينة رفح."
    )
    assert sorted(e.fatalities for e in events(text)) == [2, 5]


def test_a_toll_told_again_at_a_site_within_the_quarter_struck_is_one_event():
    text = (
        "قتل خمسة أمس بغارة إسرائيلية على حي الرمال في مدينة غزة.\n"
        "وارتفع عدد القتلى إلى سبعة بعد الغارة الإسرائيلية أمس قرب مستشفى الشفاء."
    )
    assert len(events(text)) == 1


def test_the_owner_named_after_a_second_act_joined_by_and_is_the_agent():
    text = "قتل عشرون مدنيا أمس جراء قصف مدفعي وغارات جوية لطيران النظام على مدينة بنش."
    assert only_event(text).actor1.name == "Military Forces of Syria (2000-2024)"


def test_a_hedge_on_who_attacked_keeps_the_attacker_as_the_subject():
    event = only_event(
        "قال الجيش إن ستة جنود قتلوا أمس بعد أن هاجم من يعتقد أنهم مسلحون حاجزا في شمال سيناء."
    )
    assert event.actor1.name == "Unidentified Armed Group (Egypt)"


def test_militants_unnamed_attacking_a_checkpoint_fight_a_battle():
    event = only_event("هاجم متشددون أمس نقطة تفتيش للجيش في شمال سيناء وقتلوا جنديين.")
    assert types(event) == ("Battles", "Armed clash")
    assert event.actor1.name == "Unidentified Armed Group (Egypt)"


@pytest.mark.parametrize(
    "text",
    [
        "سقطت قذائف على مستشفى في الفاشر أمس وقتل ثلاثة مدنيين. واتهم الجيش قوات الدعم السريع"
        " بتنفيذ الهجوم.",
        "سقطت قذائف على مستشفى في الفاشر أمس وقتل ثلاثة مدنيين. والدعم السريع متهمة بالهجوم.",
        "Shells hit a hospital in El Fasher yesterday, killing three civilians. The army accused"
        " the RSF of the attack.",
    ],
)
def test_an_attack_told_without_its_attacker_is_the_one_the_article_accuses(text):
    assert only_event(text).actor1.name == "Rapid Support Forces"


def test_an_attack_told_without_its_attacker_is_the_one_that_claims_it_later():
    event = only_event(
        "انفجرت سيارة مفخخة أمس قرب مطعم في مقديشو وقتل خمسة مدنيين. وتبنت حركة الشباب الهجوم"
        " في بيان."
    )
    assert event.actor1.name == "Al Shabaab"


def test_an_accuser_named_first_is_not_the_accused():
    event = only_event("سقطت قذائف على سوق في الفاشر أمس. واتهم الجيش الدعم السريع بالقصف.")
    assert event.actor1.name == "Rapid Support Forces"


def test_troops_unnamed_in_the_west_bank_are_israels():
    event = only_event("Troops exchanged fire with gunmen in Jenin yesterday, killing two gunmen.")
    assert event.actor1.name == ISRAEL


def test_a_subheading_is_dated_by_the_paragraph_below_it():
    found = events(
        "قصف على الفاشر\n\nقصفت طائرة مسيرة سوقا شعبيا في مدينة الفاشر صباح اليوم وألحقت به"
        " أضرارا كبيرة.\n\nمعارك عنيفة في الخرطوم\n\n"
        "وفي الخرطوم، قال الجيش أمس الأول السبت إن قواته تقدمت في حي الصحافة."
    )
    assert {e.date_from for e in found if e.event_type == "Battles"} == {dt.date(2024, 3, 9)}


@pytest.mark.parametrize(
    "text",
    [
        "قتل شخصان أمس بعد أن أقدم مسلحون مجهولون على إطلاق النار عليهما في مدينة درعا.",
        "أطلق مسلحون النار عليه في مدينة درعا أمس فأردوه قتيلا.",
        "قتل شاب أمس جراء استهدافه بإطلاق نار من قبل مجهولين في مدينة درعا.",
    ],
)
def test_fire_opened_on_a_pronoun_or_a_targeting_by_gunfire_is_an_attack(text):
    event = only_event(text)
    assert types(event) == ("Violence against civilians", "Attack")
    assert event.actor1.name == "Unidentified Armed Group (Syria)"


def test_the_owner_of_the_positions_shelled_is_the_target_not_the_subject():
    event = only_event("قال مصدر إن الحوثيين قصفوا مواقع الجيش في مديرية حيس أمس.")
    assert sides(event) == (HOUTHIS, "Military Forces of Yemen (2022-)")


def test_a_plural_subject_after_a_bare_verb_is_the_attacker_not_the_target():
    event = only_event("قصف الحوثيون مدينة مأرب بالصواريخ أمس.")
    assert (event.actor1.name, event.actor2) == (HOUTHIS, None)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("انفجرت سيارة مفخخة في شارع بغداد وسط دمشق أمس وقتل شخصان.", "Damascus"),
        ("تظاهر محتجون عند جسر النبي إبراهيم الخليل في الناصرية أمس.", "Nasiriyah"),
        ("A car bomb exploded on Baghdad Street in Damascus yesterday, killing two.", "Damascus"),
    ],
)
def test_a_street_or_bridge_named_after_a_place_is_not_that_place(text, place):
    assert only_event(text).location.name == place


@pytest.mark.parametrize(
    "text",
    [
        "قال مصدر عسكري لقناة الميادين إن طائرة مسيرة قصفت موقعا قرب مدينة الحسكة أمس.",
        'وقال مصدر محلي لـ"تلفزيون الميادين" إن طائرة مسيرة قصفت موقعا في الحسكة أمس.',
        "A source told Mayadin TV that a drone struck a position near Hasakah yesterday.",
    ],
)
def test_a_news_outlet_named_after_a_place_is_not_that_place(text):
    assert only_event(text).location.name == "Al Ḩasakah"


def test_a_town_in_the_name_of_a_resistance_committee_is_not_where_it_happened():
    text = "قالت لجان مقاومة الحصاحيصا إن الدعم السريع قصفت مدينة سنار أمس."
    assert only_event(text).location.name == "Sennar"


def test_today_in_a_news_outlets_name_is_no_date():
    text = "ذكرت وكالة بغداد اليوم أن عبوة ناسفة انفجرت بدورية للجيش في قضاء الطارمية أمس."
    assert only_event(text).date_from == dt.date(2024, 3, 10)


def test_a_date_that_names_a_news_outlet_is_no_date():
    text = "قالت صحيفة 26 سبتمبر إن الحوثيين قصفوا مواقع الجيش في حيس أمس."
    assert only_event(text).date_from == dt.date(2024, 3, 10)


def test_a_date_that_names_a_quarter_is_no_date():
    text = "قصفت قوات النظام حي 8 آذار في مدينة درعا أمس."
    assert only_event(text).date_from == dt.date(2024, 3, 10)


def test_a_governorate_told_with_its_bearing_from_a_far_capital_is_the_place():
    text = "قتل جنديان أمس في هجوم لتنظيم داعش في محافظة كركوك، شمال العاصمة بغداد."
    assert only_event(text).location.name == "Kirkuk"


def test_a_road_between_a_village_the_gazetteer_lacks_and_a_town_is_one_event():
    text = "قتل مدني أمس بانفجار عبوة ناسفة على الطريق الواصل بين بلدة المقرنة ومدينة الحراك."
    assert len(events(text)) == 1


def test_a_village_named_among_lebanese_villages_is_not_its_namesake_in_israel():
    text = (
        "شن الطيران الإسرائيلي أمس غارات على بلدة الخيام في قضاء مرجعيون.\n"
        "وأغار الطيران الإسرائيلي أمس على منازل في بلدة الخيام وعلى بلدة الطيبة."
    )
    assert {e.location.country for e in events(text)} == {"Lebanon"}


def test_a_raid_in_which_troops_shot_children_is_an_attack():
    text = "اقتحمت قوات الاحتلال مدينة أريحا أمس وأطلقت النار على طفلين، ما أدى إلى إصابتهما."
    assert only_event(text).event_type == "Violence against civilians"


def test_forces_taking_a_wounded_man_to_hospital_move_no_troops():
    text = (
        "أطلقت قوات الاحتلال النار على الشاب سامر في مدينة أريحا مساء السبت. ونقلت قوات "
        "الاحتلال سامر إلى أحد المستشفيات في القدس، قبل الإعلان اليوم عن استشهاده."
    )
    assert STRATEGIC not in [e.event_type for e in events(text)]


def test_a_death_told_in_the_next_sentence_is_the_events_toll():
    text = (
        "أطلقت قوات الاحتلال النار على الشاب سامر في مدينة أريحا مساء السبت. "
        "وأعلنت وزارة الصحة اليوم استشهاده متأثرا بإصابته."
    )
    assert only_event(text).fatalities == 1


def test_deaths_of_an_earlier_day_told_next_are_not_the_events_toll():
    text = (
        "أطلقت قوات الاحتلال النار على الشاب سامر في مدينة أريحا أمس. "
        "وكان ثلاثة شبان قد قتلوا في المدينة يوم الخميس الماضي."
    )
    assert only_event(text).fatalities == 0


def test_eight_who_met_their_deaths_are_eight_dead():
    event = only_event("لقي ثمانية مدنيين مصارعهم أمس في قصف مدفعي على مدينة الفاشر.")
    assert event.fatalities == 8


def test_an_army_named_right_after_the_shelling_verb_shelled_the_sites_that_follow():
    event = only_event("قصف الجيش العراقي أمس مواقع لداعش في قضاء الطارمية.")
    assert sides(event) == (
        "Military Forces of Iraq (2022-)",
        "Islamic State (Iraq)",
    )


def test_a_commander_of_a_regiment_and_two_more_are_three_dead():
    text = "قتل آمر فوج واثنان من مرافقيه أمس بانفجار عبوة ناسفة في قضاء الطارمية."
    assert only_event(text).fatalities == 3


def test_one_soldier_killed_is_a_victim_not_a_killer():
    text = "قتل جندي من الفوج 47 أمس بانفجار عبوة ناسفة في قضاء الطارمية."
    assert only_event(text).fatalities == 1


def test_homes_burned_in_an_attack_told_in_the_next_sentence_are_part_of_it():
    text = (
        "هاجم مستوطنون قرية قصرة جنوب نابلس أمس وأطلقوا النار على الأهالي. "
        "وقام المستوطنون بإحراق منزلين ونهب محتوياتهما في قصرة."
    )
    assert [e.event_type for e in events(text)] == ["Violence against civilians"]


def test_the_fighting_families_fled_is_no_event():
    text = "The camp near al-Damer housed about 180 families who had fled the fighting in Khartoum."
    assert events(text) == []


def test_the_fighting_families_fled_is_no_event_but_the_shelling_of_their_camp_is():
    text = (
        "قصفت قوات الدعم السريع أمس مخيما في الدامر يؤوي أسرا فرت من المعارك في الخرطوم، "
        "ما أدى إلى مقتل ثلاثة."
    )
    assert [e.location.name for e in events(text)] == ["Ad-Damir"]


def test_troops_blowing_up_homes_destroy_property():
    event = only_event("فجرت قوة إسرائيلية مساء أمس ثلاثة منازل في بلدة حولا.")
    assert (event.event_type, event.sub_event_type) == (STRATEGIC, "Looting/property destruction")


def test_a_bomb_that_blew_up_by_a_house_is_still_an_explosion():
    event = only_event("انفجرت عبوة ناسفة بدورية للجيش قرب منزل في قضاء الطارمية أمس.")
    assert event.event_type == REMOTE


def test_a_car_struck_between_two_villages_is_one_event():
    text = "قتل أربعة مدنيين أمس في قصف إسرائيلي استهدف سيارة بين بلدتي عزقول وشمرين جنوبي لبنان."
    assert [e.fatalities for e in events(text)] == [4]


def test_shelling_that_goes_on_is_no_one_event():
    text = "تتعرض مدينة كادقلي عاصمة ولاية جنوب كردفان لقصف متواصل بالطائرات المسيرة."
    assert events(text) == []


def test_the_nation_of_a_base_attacked_is_the_target_not_the_attacker():
    event = only_event("تبنت حركة الشباب الهجوم على قاعدة عسكرية أمريكية بمطار كيسمايو أمس.")
    assert sides(event) == (
        "Al Shabaab",
        "Military Forces of the United States",
    )


def test_two_protests_named_by_a_dual_are_protests():
    text = "خرج عشرات المدنيين أمس بمظاهرتين في مدينة درعا للمطالبة بالإفراج عن المعتقلين."
    assert only_event(text).event_type == "Protests"


def test_two_air_strikes_told_by_a_dual_are_an_air_strike():
    event = only_event("شن الطيران الإسرائيلي أمس غارتين على بلدة الخيام.")
    assert event.sub_event_type == STRIKE


def test_two_attacks_told_by_a_dual_are_an_attack():
    text = "نفذ مسلحون أمس هجومين على حاجزين للجيش في قضاء الطارمية."
    assert only_event(text).event_type == "Battles"


def test_an_arrest_told_after_the_event_without_its_place_is_an_event_of_its_own():
    text = (
        "Gunmen opened fire on a police patrol in Basra on Thursday, wounding two officers. "
        "Security forces later arrested three suspects."
    )
    assert "Arrests" in {e.sub_event_type for e in events(text)}


def test_a_second_mention_of_an_arrest_adds_no_event():
    text = (
        "Security forces arrested three suspects in Basra on Thursday. "
        "The suspects were arrested after a tip-off."
    )
    assert [e.sub_event_type for e in events(text)] == ["Arrests"]


def test_fighting_that_flares_now_and_then_is_no_event():
    text = (
        "قصفت قوات النظام أمس بلدة كفرنبل. وتدور بين حين وآخر اشتباكات بين قوات النظام وهيئة "
        "تحرير الشام في بلدة سرمين."
    )
    assert [e.location.name for e in events(text)] == ["Kafranbel"]


def test_an_english_evacuation_order_is_no_withdrawal():
    text = "The Israeli army issued evacuation orders for residents of eastern Rafah on Sunday."
    assert events(text) == []


def test_settlers_clashing_with_villagers_attack_civilians():
    event = only_event(
        "اندلعت مواجهات عنيفة بين المستوطنين والأهالي في قرية قصرة جنوب نابلس اليوم."
    )
    assert types(event) == ("Violence against civilians", "Attack")


def test_a_dateline_in_brackets_is_where_the_report_was_filed():
    text = "(Beirut) Hezbollah said it fired dozens of rockets at northern Israel on Thursday."
    assert "Beirut" not in [e.location.name for e in events(text)]


def test_protests_a_group_used_to_organise_are_no_event():
    text = "The committee is one of many groups that used to organise protests in Khartoum."
    assert events(text) == []


def test_a_website_a_source_spoke_to_is_no_place():
    text = "وقال مصدر أمني لموقع صدى الموصل إن عبوة ناسفة انفجرت أمس بسيارة مدنية على طريق ريفي."
    assert "Mosul" not in [e.location.name for e in events(text)]


def test_a_curfew_is_no_event():
    assert events("فرضت السلطات المحلية حظر تجوال شامل في مدينة الناصرية مساء أمس.") == []


def test_an_evacuation_order_is_no_event():
    assert events("أصدر الجيش الإسرائيلي أمس أوامر إخلاء لسكان ثلاث قرى في جنوب لبنان.") == []


def test_attacks_that_displaced_families_over_the_last_week_are_background():
    text = "RSF attacks on villages near El Obeid had displaced 5,000 families in the last week."
    assert events(text) == []


def test_forces_sent_to_take_a_building_took_nothing_yet():
    text = "وصلت أرتال عسكرية من مصراتة إلى طرابلس أمس بهدف السيطرة على مقر المخابرات."
    assert "Battles" not in {e.event_type for e in events(text)}


def test_bodies_of_soldiers_brought_to_hospital_killed_no_one():
    text = "قالت مصادر طبية في مدينة العريش إن 14 جثة لعسكريين وصلت إلى المستشفى فجر اليوم."
    assert "Violence against civilians" not in {e.event_type for e in events(text)}


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("دارت اشتباكات أمس في البياضة بين مقاتلي حزب الله وقوة إسرائيلية.", "South"),
        ("تجددت الاشتباكات أمس بين الجيش والدعم السريع في منطقة الحلفايا.", "Khartoum"),
    ],
)
def test_a_village_of_the_war_the_source_gazetteers_lack_is_placed_at_home(text, admin1):
    assert only_event(text).location.admin1 == admin1


def test_a_village_named_like_a_family_is_a_place_only_after_its_place_word():
    text = "أصيب الشاب علي المنصوري أمس بغارة إسرائيلية في جنوب لبنان."
    assert only_event(text).location.name == "South Lebanon"


def test_towns_abroad_named_once_in_passing_do_not_move_the_article_abroad():
    text = (
        "Turkish drones struck Qamishli on Sunday, killing three fighters in Qamishli. "
        "Residents of Qamishli said the strikes were heard as far as Nusaybin and Mardin."
    )
    assert only_event(text).location.name == "Al Qāmishlī"


def test_a_foreign_force_named_often_does_not_move_the_article_abroad():
    text = (
        "قتل شاب أمس برصاص قوات الاحتلال الإسرائيلي خلال اقتحام مخيم جنين.\n"
        "وأعلنت وزارة الصحة الفلسطينية وفاته في المستشفى.\n"
        "وشنت قوات الاحتلال حملة مداهمات واسعة لعشرات المنازل."
    )
    assert {e.location.name for e in events(text)} == {"Jenin camp"}


def test_soldiers_who_died_killed_no_one():
    text = "شن الحوثيون هجوماً على مواقع القوات المشتركة في مديرية حيس اليوم، فيما استشهد جنديان."
    assert "Violence against civilians" not in [e.event_type for e in events(text)]


def test_a_victim_in_quotation_marks_is_counted():
    event = only_event('قتل "إرهابيان" أمس في اشتباك مع الشرطة في محافظة الجيزة.')
    assert event.fatalities == 2


def test_at_least_before_the_number_of_the_killed_keeps_the_killing():
    event = only_event("Gunmen killed at least three villagers in Sabha yesterday.")
    assert (types(event), event.fatalities) == (("Violence against civilians", "Attack"), 3)


@pytest.mark.parametrize(
    "text",
    [
        "Security forces killed at least one protester in Baghdad yesterday.",
        "قتلت قوات الأمن متظاهرين اثنين في الناصرية أمس.",
    ],
)
def test_protesters_killed_by_a_force_are_a_protest_met_with_excessive_force(text):
    event = only_event(text)
    assert types(event) == ("Protests", "Excessive force against protesters")
    assert event.actor1.name.startswith("Protesters")


def test_a_takeover_dated_only_by_its_year_is_background():
    assert events("سيطرت قوات الأسد على كامل محافظة درعا في العام 2018.") == []


def test_outlaw_groups_are_an_unidentified_armed_group():
    event = only_event("استهدفت مجموعات خارجة عن القانون أمس بلدة عريقة بقذائف الهاون.")
    assert event.actor1.name == "Unidentified Armed Group (Syria)"


def test_two_streets_named_after_people_are_not_villages():
    event = only_event(
        "تشهد شارعي عمر المختار وجمال عبد الناصر في بنغازي أمس اشتباكات متقطعة بين مسلحين."
    )
    assert event.location.name == "Benghazi"


def test_what_a_group_has_since_done_is_background():
    assert events("The RSF has since taken over the capital Khartoum, the army said.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Clashes in Tripoli\n\nTRIPOLI, March 11 (Reuters) - Clashes between two armed groups"
        " in Tripoli killed five people, officials said. The fighting broke out on Sunday night.",
        "اشتباكات في طرابلس\n\nطرابلس 11 مارس / قتل خمسة أشخاص في اشتباكات بين مجموعتين"
        " مسلحتين في طرابلس، وفق مسؤولين. واندلعت الاشتباكات مساء الأحد.",
    ],
)
def test_the_date_of_a_dateline_dates_the_page_not_the_event(text):
    assert [e.date_from for e in events(text)] == [YESTERDAY]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli forces raided three towns in the northern West Bank yesterday, killing five,"
        " in an escalation of the war in Gaza.",
        "قتل خمسة أمس في اقتحام القوات الإسرائيلية ثلاث بلدات في شمال الضفة الغربية، في تصعيد"
        " للحرب على غزة.",
    ],
)
def test_the_place_of_a_war_is_not_where_the_event_happened(text):
    assert only_event(text).location.name == "West Bank"


def test_an_event_placed_only_by_its_war_is_not_moved_to_the_last_place():
    event = only_event(
        "An Israeli air strike hit a building in Mezzeh in Damascus yesterday, killing five."
        " Militias fired rockets at US forces yesterday in response to the Gaza war."
    )
    assert (event.location.name, event.actor2.name) == ("Mezzeh", "Civilians (Syria)")


def test_youths_clashing_with_forces_riot_against_those_forces():
    event = only_event("اندلعت مواجهات عنيفة بين الشبان وقوات الاحتلال في مخيم جنين أمس.")
    assert sides(event) == ("Rioters (Palestine)", ISRAEL)


def test_militants_named_after_their_group_are_that_group_not_a_second_side():
    text = (
        "Islamic State militants attacked an army post in Kirkuk on Saturday, killing two soldiers."
    )
    assert only_event(text).actor2.name == "Military Forces of Iraq (2022-)"


def test_resistance_fighters_in_the_genitive_are_a_side():
    event = only_event("اندلعت اشتباكات مسلحة بين مقاومين وقوات الاحتلال في مخيم جنين أمس.")
    assert event.actor1.name == "Militia (Palestine)"


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت مواجهات عنيفة مع قوات الاحتلال في مخيم جنين أمس أصيب خلالها ثلاثة شبان.",
        "اقتحمت قوات الاحتلال مخيم جنين أمس واندلعت مواجهات عنيفة.",
    ],
)
def test_confrontations_with_the_forces_in_the_west_bank_are_a_riot(text):
    event = only_event(text)
    assert types(event) == ("Riots", "Violent demonstration")
    assert sides(event) == ("Rioters (Palestine)", ISRAEL)


def test_confrontations_with_the_forces_elsewhere_stay_a_battle():
    event = only_event("اندلعت مواجهات عنيفة مع قوات النظام في ريف إدلب أمس.")
    assert types(event) == ("Battles", "Armed clash")


def test_explosives_seized_are_no_explosion():
    assert events("ضبطت قوات الأمن عبوات ناسفة في مدينة كركوك أمس.") == []


def test_an_officer_involved_in_suppressing_protests_is_no_protest():
    event = only_event("اعتقلت قوات الأمن الضابط المتورط في قمع التظاهرات في الناصرية أمس.")
    assert types(event) == (STRATEGIC, "Arrests")


def test_fighters_neutralised_are_killed():
    event = only_event("حيدت قوات الجيش 70 عنصرا من الدعم السريع في الفاشر أمس.")
    assert event.fatalities == 70


def test_places_listed_between_dashes_are_one_event_each():
    found = events("اعتقلت قوات الأمن أمس أربعة مطلوبين في مناطق الطارمية - أبو غريب.")
    assert [e.location.name for e in found] == ["Aţ Ţārmīyah", "Abū Ghurayb"]


def test_attacks_repelled_are_a_battle_with_the_attacker_first():
    event = only_event("تمكن الجيش من صد هجمات حوثية في جبهة مأرب أمس.")
    assert types(event) == ("Battles", "Armed clash")
    assert event.actor1.name == HOUTHIS


def test_where_a_victim_is_from_is_not_where_he_was_killed():
    event = only_event("قتل شاب من بلدة طفس برصاص مجهولين في ريف درعا الغربي أمس.")
    assert event.location.name != "Ţafas"


def test_a_village_the_gazetteer_lacks_is_placed_in_the_state_named_before():
    found = events(
        "تشهد ولاية الجزيرة تصعيدا كبيرا. وهاجم مسلحون من الدعم السريع قرية ودالهبيل أمس"
        " وقتلوا ثلاثة مواطنين."
    )
    assert [(e.location.name, e.location.admin1, e.location.geo_precision) for e in found] == [
        ("ودالهبيل", "Al Jazirah", 3)
    ]


def test_a_compass_reference_in_another_governorate_is_not_the_place():
    event = only_event("قصفت قوات النظام مواقع للفصائل في محافظة حماة، جنوب بلدة سراقب أمس.")
    assert event.location.admin1 == "Hama"


def test_the_word_capital_between_a_compass_word_and_a_city_keeps_the_bearing():
    from rasd.annotate.places import find_places
    from rasd.knowledge.resources import default_resources

    found = find_places("في محافظة كركوك، شمال العاصمة بغداد", default_resources().gazetteer)
    assert [m.relation is not None for m in found] == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        "Al-Shabaab fighters armed with machine-guns and rocket-propelled grenades attacked an"
        " army base near Afgoye yesterday, killing five soldiers.",
        "هاجم مسلحون بقذائف آر بي جي حاجزا للجيش في درعا أمس وقتلوا جنديين.",
    ],
)
def test_a_ground_attack_with_rocket_propelled_grenades_is_a_battle(text):
    assert types(only_event(text)) == ("Battles", "Armed clash")


def test_shooting_down_a_drone_is_disrupted_weapons_use_not_a_shooting():
    event = only_event(
        "Army forces succeeded in shooting down a drone launched by the Houthis near Marib"
        " yesterday."
    )
    assert types(event) == (STRATEGIC, "Disrupted weapons use")


def test_an_attack_by_members_of_a_group_in_quotes_is_that_groups():
    event = only_event('قتل جنديان مساء أمس إثر هجوم عناصر من "داعش" على نقطة أمنية جنوبي كركوك.')
    assert event.actor1.name == "Islamic State (Iraq)"


@pytest.mark.parametrize(
    "text",
    [
        "ودفعت قيادة العمليات بتعزيزات عسكرية كبيرة إلى قضاء المقدادية أمس.",
        "Iraqi army reinforcements arrived in Muqdadiya on Tuesday.",
    ],
)
def test_reinforcements_sent_are_no_event(text):
    assert events(text) == []


def test_a_military_column_taking_position_changes_the_groups_activity():
    text = "تمركز رتل عسكري تابع لجيش الاحتلال صباح اليوم قرب بلدة الحميدية في القنيطرة."
    assert only_event(text).sub_event_type == "Change to group/activity"


def test_where_reinforcements_were_brought_from_is_not_where_the_fighting_was():
    found = events(
        "تشهد محافظة مأرب معارك. وصدت القوات هجمات حوثية في أطراف وادي بقثة أمس، مشيرة إلى أن"
        " الميليشيات دفعت بتعزيزات تم حشدها من ذمار وإب وحجة."
    )
    assert "Dhamār" not in {e.location.name for e in found}


def test_where_a_victim_lives_is_not_where_he_was_taken():
    text = (
        "اختطفت قوة إسرائيلية خاصة أمس شابا من محل تجاري في حي السلام بمدينة طولكرم، وهو من "
        "سكان مخيم نور شمس."
    )
    assert [e.location.name for e in events(text)] != ["Nur Shams camp"]
    assert len(events(text)) == 1


def test_the_camp_people_fled_from_is_not_where_the_town_they_fled_to_was_shelled():
    text = "قصفت قوات الدعم السريع أمس بلدة الطويلة التي تؤوي آلاف الفارين من مخيم زمزم."
    assert "Zamzam camp" not in {e.location.name for e in events(text)}


def test_a_town_people_fled_from_is_not_where_they_were_shelled():
    text = "Shelling killed four people who fled from Bara at a camp near El Obeid yesterday."
    assert {e.location.name for e in events(text)} == {"El Obeid"}


def test_a_strike_on_camps_with_no_victims_named_targets_civilians():
    event = only_event("قصفت قوات النظام بالصواريخ مخيمات النازحين في ريف إدلب أمس.")
    assert event.actor2.name == "Civilians (Syria)"


def test_missiles_that_landed_and_killed_are_a_missile_attack_not_an_attack_on_civilians():
    event = only_event(
        "Two missiles landed in a neighbourhood of Marib city yesterday, killing three."
    )
    assert types(event) == (REMOTE, SHELLING)


def test_a_name_after_a_persons_title_is_no_place():
    found = events(
        "Five people were killed nationwide yesterday in clashes between demonstrators and"
        " security forces, in anger at Prime Minister Adel Abdul Mahdi's government."
    )
    assert [e.location.name for e in found if e.location] == []


def test_a_patrol_subjected_to_an_explosion_is_struck_even_with_no_toll():
    event = only_event("An army patrol was subjected to an explosion near Ramadi on Monday.")
    assert (event.event_type, event.location.name) == (REMOTE, "Ramadi")


def test_a_raid_that_led_to_the_detention_of_suspects_is_an_arrest():
    event = only_event("The raid in Raqqa on Monday led to the detention of three suspects.")
    assert (event.sub_event_type, event.location.name) == ("Arrests", "Ar Raqqah")


def test_soldiers_told_before_their_casualty_verb_are_its_victims():
    event = only_event("أعلن الجيش أن أربعة جنود قتلوا في هجوم على حاجز قرب مدينة العريش أمس.")
    assert event.actor2.name == "Military Forces of Egypt (2014-)"
    assert event.actor1 is None or "Military" not in event.actor1.name


def test_a_dual_after_the_killers_counts_two():
    event = only_event("قتلت قوات الاحتلال شابين في مخيم جنين أمس.")
    assert event.fatalities == 2


def test_killers_named_before_an_arabic_killing_verb_make_an_attack():
    event = only_event("قالت مصادر محلية إن جنود الاحتلال قتلوا شابين في مخيم جنين أمس.")
    assert event.event_type == "Violence against civilians"
    assert event.actor1.name == "Military Forces of Israel (2022-)"


def test_protesters_shot_on_a_march_are_the_force_the_protest_met():
    event = only_event("قتل متظاهران بالرصاص الحي خلال مسيرة احتجاجية في مدينة أم درمان اليوم.")
    assert event.event_type == "Protests"
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.fatalities == 2


def test_protesters_arrested_at_the_protest_are_the_intervention_it_met():
    event = only_event(
        "تظاهر المئات أمس في مدينة الجيزة، واعتقلت قوات الأمن عدداً من المتظاهرين في الجيزة."
    )
    assert event.event_type == "Protests"
    assert event.sub_event_type == "Protest with intervention"


@pytest.mark.parametrize(
    "text",
    [
        "أغلق المحتجون اليوم مقر الحزب الحاكم في مدينة الناصرية.",
        "أكدت مصادر محلية قطع المتظاهرين جسور مدينة الناصرية اليوم.",
    ],
)
def test_a_crowd_closing_roads_bridges_or_offices_is_a_protest(text):
    assert only_event(text).event_type == "Protests"


def test_security_forces_closing_a_square_before_protesters_is_no_protest_by_closing():
    found = events("أغلقت قوات الأمن أمس الساحة أمام المحتجين في بغداد.")
    assert all(e.event_type != "Protests" for e in found)


def test_roads_closed_are_no_event():
    text = "أغلقت الطرق الرئيسية المؤدية إلى مدينة البصرة لليوم الثاني على التوالي."
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وتمكنت فرق الدفاع المدني من السيطرة على الحريق في بلدة عورتا اليوم.",
        "Firefighters took control of the fire in the village of Awarta on Tuesday.",
    ],
)
def test_firefighters_controlling_a_fire_take_no_territory(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "وفتحت الشرطة في مدينة الرمادي تحقيقاً أمس لإلقاء القبض على المهاجمين.",
        "Police in Ramadi opened an inquiry yesterday to arrest the gunmen.",
    ],
)
def test_an_arrest_as_an_aim_is_no_arrest(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "قالت مصادر أمنية إن قوات الأمن أطلقت النار على طائرة مسيرة قرب حقل خور مور أمس.",
        "Security forces opened fire on a drone near the Khor Mor gas field on Sunday.",
    ],
)
def test_fire_opened_on_a_drone_attacks_no_one(text):
    assert events(text) == []


def test_protesters_arrested_where_no_protest_is_told_stay_an_arrest():
    event = only_event("اعتقلت قوات الأمن أمس عشرين متظاهراً في مدينة الجيزة.")
    assert event.sub_event_type == "Arrests"


def test_english_fire_on_protesters_killing_some_is_one_protest_event():
    event = only_event(
        "Security forces opened fire on protesters in Nasiriyah on Sunday, killing three."
    )
    assert event.event_type == "Protests" and event.fatalities == 3


def test_gunmen_shooting_at_a_march_make_an_attack_of_their_own():
    found = events(
        "أصيب خمسة متظاهرين برصاص مسلحين مجهولين خلال تظاهرة في ساحة التحرير ببغداد اليوم."
    )
    assert "Violence against civilians" in {e.event_type for e in found}


@pytest.mark.parametrize(
    "text",
    [
        "قتل مدني برصاص مجهولين أمس، ونقل إلى مشفى في دمشق للعلاج.",
        "أصيب شاب بطلقات نارية في جسمه أمس، ليُنقل إلى مشفى في دمشق للعلاج.",
        "A civilian was shot dead by gunmen on Sunday and taken to a hospital in Damascus.",
    ],
)
def test_the_hospital_the_wounded_were_taken_to_is_not_where_they_were_shot(text):
    assert "Damascus" not in [e.location.name for e in events(text)]


def test_an_ambulance_struck_on_its_way_to_a_town_is_struck_there():
    (event,) = events("استهدف الطيران الإسرائيلي أمس سيارة إسعاف متجهة إلى بلدة الخيام.")
    assert event.location.name == "Khiam"


def test_where_the_attackers_are_stationed_is_not_where_they_strike():
    event = only_event("قصفت قوات النظام المتمركزة في معسكر جورين قرية الزيارة في ريف حماة أمس.")
    assert event.location.name == "Az Ziyārah"


def test_a_military_camp_the_gazetteer_lacks_is_still_a_place():
    event = only_event(
        "استهدفت فصائل المعارضة بالصواريخ مواقع النظام داخل معسكر جورين في ريف حماة أمس."
    )
    assert event.location.name == "جورين"
    assert event.location.admin1 == "Hama"


def test_people_of_a_town_killed_in_an_attack_on_the_town_are_placed_there():
    event = only_event(
        "قتل أربعة من أبناء بلدة قصرة جنوب شرقي نابلس أمس في هجوم للمستوطنين على البلدة."
    )
    assert event.location.name == "Quşrah"


def test_a_clan_feud_fought_with_rifles_is_an_armed_clash():
    event = only_event(
        "قتل شخصان في نزاع عشائري بين عشيرتين استخدمت فيه الأسلحة الخفيفة في قضاء الشطرة أمس."
    )
    assert event.event_type == "Battles" and event.sub_event_type == "Armed clash"
    assert event.actor1.name == "Communal Militia (Iraq)"


def test_a_brawl_with_no_firearms_stays_a_riot():
    event = only_event("أصيب خمسة أشخاص في شجار جماعي بالعصي والحجارة في قضاء الشطرة أمس.")
    assert event.event_type == "Riots"


def test_a_feud_told_again_without_its_guns_is_the_same_armed_clash():
    found = events(
        "قتل شخص في نزاع عشائري في محافظة ذي قار أمس. وقالت الشرطة إن النزاع العشائري "
        "اندلع بين عشيرتين في الناصرية واستخدمت فيه الأسلحة الخفيفة والمتوسطة."
    )
    assert {e.event_type for e in found} == {"Battles"}


def test_one_name_after_between_is_both_sides_of_the_clash():
    event = only_event(
        "قتل شخص في نزاع عشائري بين عشيرتين استخدمت فيه الأسلحة الخفيفة في الناصرية."
    )
    assert event.actor1.name == "Communal Militia (Iraq)"


def test_a_protest_on_an_anniversary_is_todays_protest():
    event = only_event("تظاهر المئات في مدينة إدلب اليوم في ذكرى انطلاق الثورة.")
    assert event.event_type == "Protests"


def test_the_event_an_anniversary_recalls_is_no_event():
    assert events("تصادف اليوم ذكرى قصف مدينة حلبجة بالأسلحة الكيماوية.") == []


def test_protesters_burning_tyres_on_a_road_are_a_violent_demonstration():
    event = only_event(
        "قطع عشرات المتظاهرين الطريق السريع قرب قويسنا اليوم وأشعلوا النيران في إطارات السيارات."
    )
    assert event.event_type == "Riots" and event.sub_event_type == "Violent demonstration"


def test_the_streets_of_a_town_are_in_the_town():
    event = only_event("تظاهر المئات اليوم في شوارع شبين الكوم.")
    assert event.location.name == "Shibīn al Kawm"


def test_english_southern_before_a_town_says_where_the_town_lies():
    found = events(
        "Protests also took place in the port of Umm Qasr and southern Shatra on Monday."
    )
    assert [e.location.name for e in found] == ["Umm Qaşr", "Ash Shaţrah"]
    assert all(e.location.geo_precision == 1 for e in found)


def test_tear_gas_is_no_place_though_a_town_bears_its_word():
    event = only_event("أطلقت الشرطة القنابل المسيلة للدموع لتفريق المحتجين في مدينة وهران اليوم.")
    assert event.location.name == "Oran"


def test_a_frequent_word_is_no_mid_sized_town_of_a_distant_country():
    event = only_event(
        "احتج سكان حي في مدينة وهران اليوم على عدم ورود أسمائهم في قوائم المستفيدين من المساكن."
    )
    assert event.location.name == "Oran"


def test_a_toll_since_weeks_ago_does_not_swallow_the_days_clash():
    found = events(
        "At least 18 civilians were killed in clashes between the army and the RSF in Nyala. "
        "At least 850 civilians have been killed in fighting between the army and the RSF "
        "since April 15.",
        published="2023-05-21T12:00:00+00:00",
    )
    assert [(e.location.name, e.date_from.isoformat()) for e in found] == [("Nyala", "2023-05-21")]


def test_a_regions_toll_since_dawn_today_is_the_days_report():
    text = "قتل 12 فلسطينيا في غارات إسرائيلية على قطاع غزة منذ فجر اليوم."
    assert only_event(text).fatalities == 12


def test_a_protest_months_ago_is_background_not_news():
    text = (
        "اندلعت اشتباكات أمس في مدينة الزاوية بين مجموعتين مسلحتين. "
        "وتظاهر سكان مدينة غريان قبل أشهر للمطالبة بإخراج المسلحين."
    )
    assert [e.event_type for e in events(text)] == ["Battles"]


def test_a_regions_toll_since_yesterday_is_a_running_total_not_an_event():
    text = (
        "أعلنت وزارة الصحة اليوم مقتل 120 شخصا جراء القصف الإسرائيلي على جنوب لبنان منذ أمس. "
        "وأغارت مقاتلات إسرائيلية اليوم على بلدة الخيام."
    )
    assert [(e.location.name, e.fatalities or 0) for e in events(text)] == [("Khiam", 0)]


def test_a_governorates_event_is_at_the_town_the_next_sentence_names():
    found = events(
        "At least 18 civilians were killed in clashes between the army and the RSF in South "
        "Darfur. The violence first broke out on Saturday in the provincial capital Nyala.",
        published="2023-05-21T12:00:00+00:00",
    )
    assert [e.location.name for e in found] == ["Nyala"]


def test_a_foiled_attack_is_a_battle():
    event = only_event("أفشلت قوات الجيش هجوما لمسلحين على مواقعها غرب مدينة مأرب أمس.")
    assert event.event_type == "Battles"


def test_a_sentence_opening_with_shelled_has_its_subject_after_it():
    event = only_event("قصف الجيش التركي قرية قرب مدينة عين العرب اليوم.")
    assert event.actor1.name == "Military Forces of Turkey (2016-)"


def test_the_shelling_of_positions_named_after_it_names_their_owner_as_target():
    event = only_event("قصف مواقع داعش في قرية قرب الموصل اليوم.")
    assert event.actor2.name == "Islamic State (Iraq)"


def test_a_name_joined_to_bi_after_the_act_is_its_target_not_its_subject():
    event = only_event("انفجرت عبوة ناسفة بدورية للشرطة قرب قضاء الحويجة مساء أمس.")
    assert event.actor1 is None
    assert event.actor2.name == "Police Forces of Iraq (2022-)"


def test_a_fear_of_renewed_fighting_is_no_fighting():
    assert events("يخشى سكان مدينة الحديدة من تجدد المعارك بين القوات الحكومية والحوثيين.") == []


def test_an_army_saying_it_had_no_role_in_a_shelling_is_a_denial():
    assert (
        events("Sudan's army said it had no role in the shelling of the market in Omdurman.") == []
    )


def test_a_second_toll_after_a_comma_with_its_own_act_is_a_second_event():
    found = events(
        "قتل ثلاثة مدنيين بغارة جوية على بلدة سرمين، واثنان بقصف مدفعي على مدينة إدلب اليوم."
    )
    assert [(e.location.name, e.fatalities) for e in found] == [("Sarmīn", 3), ("Idlib", 2)]


def test_the_wounded_after_the_dead_are_the_same_tolls_not_another_act():
    event = only_event(
        "ارتفعت حصيلة القصف على مخيم الشاطئ إلى 20 قتيلا، و50 مصابا، وفق وزارة الصحة."
    )
    assert event.fatalities == 20


def test_english_killers_then_also_then_killed_make_the_killing():
    event = only_event("Security forces also killed a protester in Shatra on Monday.")
    assert event.event_type == "Protests" and event.fatalities == 1


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("تظاهر المئات في مدينة وهران غرب الجزائر اليوم.", "Oran"),
        ("تظاهر المئات في مدينة القصرين غرب تونس اليوم.", "Kasserine"),
    ],
)
def test_a_country_named_as_a_reference_is_not_its_capital(text, town):
    assert [e.location.name for e in events(text)] == [town]


def test_where_the_attacked_troops_are_stationed_is_where_they_were_struck():
    event = only_event(
        "A drone struck US troops stationed at Ain al-Asad air base in Anbar on Sunday."
    )
    assert event.location.name == "Ain al-Asad air base"
    assert event.actor2.name.startswith("Military Forces of the United States")


def test_targeting_named_at_a_sentences_opening_is_still_a_noun_with_its_target():
    event = only_event("استهداف القوات الأمريكية في قاعدة عين الأسد بطائرة مسيرة اليوم.")
    assert event.actor1 is None
    assert event.actor2.name.startswith("Military Forces of the United States")


def test_a_town_the_next_sentence_names_for_another_reason_does_not_place_the_event():
    found = events(
        "At least 18 civilians were killed in clashes between the army and the RSF in South "
        "Darfur. The governor, speaking from Nyala, called for calm.",
        published="2023-05-21T12:00:00+00:00",
    )
    assert [e.location.name for e in found] == ["South Darfur"]


def test_a_brawl_with_sticks_stays_a_riot_beside_a_feud_fought_with_guns():
    found = events(
        "قتل شخصان في نزاع عشائري بين عشيرتين استخدمت فيه الأسلحة الخفيفة في قضاء الشطرة أمس. "
        "وفي مدينة الناصرية أصيب ثلاثة أشخاص في شجار جماعي بالعصي والحجارة أمس."
    )
    assert sorted(e.event_type for e in found) == ["Battles", "Riots"]


def test_a_protest_told_after_the_anniversary_it_marks_is_todays_protest():
    event = only_event("في ذكرى انطلاق الثورة، تظاهر المئات في مدينة إدلب اليوم.")
    assert event.event_type == "Protests"


def test_english_one_name_after_between_is_both_sides():
    event = only_event("Clashes broke out between tribesmen in the town of Kassala on Tuesday.")
    assert event.actor1.name == "Communal Militia (Sudan)" and event.actor2 is None


def test_an_army_saying_it_had_no_role_is_a_denial_in_arabic_too():
    assert events("قال الجيش السوداني إنه لا دور له في قصف سوق أم درمان أمس.") == []


def test_a_claim_of_the_attack_told_before_names_its_attacker_and_is_no_second_event():
    event = only_event(
        "انفجرت عبوة ناسفة بدورية للجيش قرب بلدة الصنمين في ريف درعا أمس، ما أدى إلى مقتل جنديين. "
        "وأعلن تنظيم داعش مسؤوليته عن الهجوم الذي استهدف دورية الجيش في ريف درعا."
    )
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor1.name == "Islamic State (Syria)"
