"""The yardstick: extraction scored on the annotated articles in ../shared/eval/dev.

These tests run only where ../shared sits beside the checkout (as in CI); the figures they
guard are recorded in tests/dev_baseline.json.
"""

import json
import shutil
from pathlib import Path

import pytest
from conftest import shared_path

from rasd.evaluation.evaluate import predict
from rasd.evaluation.scoring import score_predictions

BASELINE = json.loads((Path(__file__).parent / "dev_baseline.json").read_text())


@pytest.fixture(scope="module")
def dev_results() -> list:
    return predict(shared_path("eval", "dev"))[0]


@pytest.fixture(scope="module")
def dev_score(dev_results) -> dict:
    records = [
        {"doc_id": r.document.doc_id, "events": [e.to_dict() for e in r.events]}
        for r in dev_results
    ]
    return score_predictions(shared_path("eval", "dev"), records).result["strict"]


def test_no_dev_event_has_the_same_actor_on_both_sides(dev_results):
    same = [
        (r.document.doc_id, e.actor1.name)
        for r in dev_results
        for e in r.events
        if e.actor1 and e.actor2 and e.actor1.name == e.actor2.name
    ]
    assert same == []


def test_every_dev_event_is_dated(dev_results):
    assert all(e.date_from for r in dev_results for e in r.events)


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory) -> list:
    folder = tmp_path_factory.mktemp("seed")
    for name in ("seed-himo.txt", "seed-himo.json"):
        shutil.copy(shared_path("eval", "dev", name), folder / name)
    results, _, _ = predict(folder)
    return results[0].events


def test_seed_article_scores_at_least_0_9(seed_events, tmp_path):
    shutil.copy(shared_path("eval", "dev", "seed-himo.json"), tmp_path / "seed-himo.json")
    records = [{"doc_id": "seed-himo", "events": [e.to_dict() for e in seed_events]}]
    assert score_predictions(tmp_path, records).result["strict"]["f1"] >= 0.9


def test_seed_mortar_attack_on_himo_is_the_militias_last_week(seed_events):
    (attack,) = [
        e
        for e in seed_events
        if e.location.name == "Himo" and e.event_type == "Explosions/Remote violence"
    ]
    assert attack.actor1.name == "Islamic Resistance in Iraq"
    assert "mortar" in attack.weapons
    assert (str(attack.date_from), str(attack.date_to)) == ("2024-01-08", "2024-01-14")


def test_seed_rocket_attack_on_kharab_al_jir_is_dated_yesterday_sunday(seed_events):
    dates = {str(e.date_from) for e in seed_events if e.location.name == "Kharab al-Jir"}
    assert dates == {"2024-01-14"}


def test_seed_turkish_strikes_on_the_sdf_are_their_own_event(seed_events):
    turkish = [e for e in seed_events if e.actor1 and "Turkey" in e.actor1.name]
    assert len(turkish) == 1 and turkish[0].actor2.name == "Syrian Democratic Forces"


def test_seed_claimed_attacks_reach_conoco_and_erbil(seed_events):
    admin1 = {e.location.admin1 for e in seed_events if e.actor1 and e.actor1.id == "iri"}
    assert {"Deir ez-Zor", "Erbil"} <= admin1


def test_seed_us_forces_evacuate_himo(seed_events):
    (move,) = [e for e in seed_events if e.sub_event_type == "Change to group/activity"]
    assert move.location.name == "Himo" and move.actor1.name.startswith("Military Forces of the U")


def test_dev_f1_has_not_fallen_below_the_recorded_figure(dev_score):
    assert dev_score["f1"] >= round(BASELINE["f1"] - 0.02, 3), dev_score


@pytest.mark.parametrize("attribute", sorted(BASELINE["attributes"]))
def test_dev_attribute_accuracy_has_not_fallen(dev_score, attribute):
    assert dev_score["attributes"][attribute] >= round(BASELINE["attributes"][attribute] - 0.02, 3)
