import datetime as dt
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from rasd.evaluation.name_folding import is_unidentified, read_folding_rules
from rasd.evaluation.scoring import ScoringError, fold_name, score_predictions

YARDSTICK = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

SHELLING = {
    "event_type": "Explosions/Remote violence",
    "sub_event_type": ["Shelling/artillery/missile attack"],
    "date_from": "2024-03-10",
    "date_to": "2024-03-10",
    "actor1": ["Military Forces of Syria (2000-2024)", "الجيش السوري"],
    "actor2": [],
    "location": {
        "names": ["Sarmin", "سرمين"],
        "lat": 35.9,
        "lon": 36.72,
        "tolerance_km": 5,
        "admin1": "Idlib",
        "country": "Syria",
    },
    "fatalities": 2,
    "optional": False,
}


def predicted(**changes: object) -> dict:
    event = {
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack",
        "date": "2024-03-10",
        "actor1": "Military Forces of Syria",
        "actor2": "Unidentified Armed Group (Syria)",
        "location": {"name": "Sarmin", "lat": 35.9, "lon": 36.72, "admin1": "Idlib"},
        "fatalities": 2,
    }
    event.update(changes)
    return event


def score(tmp_path: Path, gold_events: list[dict], events: list[dict]) -> dict:
    (tmp_path / "doc.json").write_text(json.dumps({"doc_id": "doc", "events": gold_events}))
    return score_predictions(tmp_path, [{"doc_id": "doc", "events": events}]).result["strict"]


def test_perfect_prediction_scores_f1_one(tmp_path: Path) -> None:
    strict = score(tmp_path, [SHELLING], [predicted()])
    assert (strict["tp"], strict["fp"], strict["fn"], strict["f1"]) == (1, 0, 0, 1.0)
    assert set(strict["attributes"].values()) == {1.0}


def test_scoring_one_event_type_leaves_the_others_out(tmp_path: Path) -> None:
    (tmp_path / "doc.json").write_text(json.dumps({"doc_id": "doc", "events": [SHELLING]}))
    protest = predicted(event_type="Protests", sub_event_type="Peaceful protest")
    records = [{"doc_id": "doc", "events": [predicted(), protest]}]
    shelling = score_predictions(tmp_path, records, event_type="Explosions/Remote violence")
    protests = score_predictions(tmp_path, records, event_type="Protests")
    assert (shelling.result["strict"]["tp"], shelling.result["strict"]["fp"]) == (1, 0)
    assert (protests.result["strict"]["tp"], protests.result["strict"]["fp"]) == (0, 1)


def test_prediction_60_km_away_is_not_paired(tmp_path: Path) -> None:
    far = {"name": "Elsewhere", "lat": 35.9 + 60 / 111.2, "lon": 36.72}
    strict = score(tmp_path, [SHELLING], [predicted(location=far)])
    assert (strict["tp"], strict["fp"], strict["fn"]) == (0, 1, 1)


def test_prediction_40_km_away_is_paired_but_location_wrong(tmp_path: Path) -> None:
    near = {"name": "Elsewhere", "lat": 35.9 + 40 / 111.2, "lon": 36.72}
    strict = score(tmp_path, [SHELLING], [predicted(location=near)])
    assert strict["tp"] == 1 and strict["attributes"]["location"] == 0.0


def test_date_one_day_off_is_paired_two_days_off_is_not(tmp_path: Path) -> None:
    one_off = score(tmp_path, [SHELLING], [predicted(date="2024-03-11")])
    assert one_off["tp"] == 1 and one_off["attributes"]["date"] == 0.0
    assert score(tmp_path, [SHELLING], [predicted(date="2024-03-12")])["tp"] == 0


def test_optional_gold_event_is_neutral(tmp_path: Path) -> None:
    optional = dict(SHELLING, optional=True)
    matched = score(tmp_path, [optional], [predicted()])
    missed = score(tmp_path, [optional], [])
    assert (matched["tp"], matched["fp"], matched["fn"]) == (0, 0, 0)
    assert (missed["tp"], missed["fp"], missed["fn"]) == (0, 0, 0)


def test_actor_names_fold_period_suffix_case_and_arabic_article() -> None:
    assert fold_name("Military Forces of Syria (2000-2024)") == fold_name(
        "military forces of syria"
    )
    assert fold_name("الجيشُ السوري") == fold_name("جيش سوري")


def test_unidentified_actor_rule(tmp_path: Path) -> None:
    unnamed = score(tmp_path, [SHELLING], [predicted(actor2={"name": "Unidentified drone"})])
    named = score(tmp_path, [SHELLING], [predicted(actor2="Hezbollah")])
    assert unnamed["attributes"]["actor2"] == 1.0 and named["attributes"]["actor2"] == 0.0


def test_empty_gold_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(ScoringError, match="no gold documents"):
        score_predictions(tmp_path, [])


def test_invalid_predictions_line_raises(tmp_path: Path) -> None:
    (tmp_path / "doc.json").write_text(json.dumps({"doc_id": "doc", "events": [SHELLING]}))
    lines = tmp_path / "predictions.jsonl"
    lines.write_text('{"doc_id": "doc", "events": []}\n{not json\n')
    with pytest.raises(ScoringError, match=r"predictions.jsonl:2: not JSON"):
        score_predictions(tmp_path, lines)


# --- agreement with the yardstick script ---------------------------------------------------


def as_prediction(event: dict) -> dict:
    place = event["location"]
    admin1 = place.get("admin1")
    actors = {
        role: None if names is None else names[0] if names else "Unidentified Armed Group"
        for role, names in (("actor1", event.get("actor1")), ("actor2", event.get("actor2")))
    }
    return {
        "event_type": event["event_type"],
        "sub_event_type": (event.get("sub_event_type") or [None])[0],
        "date_from": event["date_from"],
        "date_to": event["date_to"],
        **actors,
        "location": {
            "name": (place.get("names") or [None])[0],
            "lat": place.get("lat"),
            "lon": place.get("lon"),
            "admin1": admin1[0] if isinstance(admin1, list) else admin1,
        },
        "fatalities": event.get("fatalities"),
    }


def shift_dates(rng: random.Random, event: dict) -> dict:
    day = dt.date.fromisoformat(event["date_from"]) + dt.timedelta(days=rng.choice([-2, -1, 1, 2]))
    out = {k: v for k, v in event.items() if k not in ("date_from", "date_to")}
    return out | {"date": day.isoformat()}


def move_place(rng: random.Random, event: dict) -> dict:
    place = dict(event["location"])
    if place["lat"] is not None:
        place["lat"] += rng.choice([0.03, 0.2, 0.44, 0.6])
    if rng.random() < 0.5:
        place["name"] = "Somewhere else"
    return event | {"location": place}


def rename_actors(rng: random.Random, event: dict) -> dict:
    names = ["الجيش السوري", "Unidentified drone", {"name": "Hezbollah"}, "unknown", None]
    return event | {"actor1": rng.choice(names), "actor2": rng.choice(names)}


def change_type(rng: random.Random, event: dict) -> dict:
    return event | {"event_type": rng.choice(["Battles", "Strategic developments", "Riots"])}


def perturbed(gold: list[dict], seed: int, changes: list, drop: float, duplicate: float) -> list:
    rng = random.Random(seed)
    records = []
    for record in gold:
        events = []
        for event in map(as_prediction, record["events"]):
            if rng.random() < drop:
                continue
            change = rng.choice(changes) if changes else None
            events.append(change(rng, event) if change else event)
            if rng.random() < duplicate:
                events.append(event | {"fatalities": (event["fatalities"] or 0) + 1})
        records.append({"doc_id": record["doc_id"], "events": events})
    return records


PERTURBATIONS = {
    "gold_as_predictions": ([], 0.0, 0.0),
    "dates_shifted": ([shift_dates], 0.0, 0.0),
    "places_moved": ([move_place], 0.0, 0.0),
    "actors_renamed": ([rename_actors], 0.0, 0.0),
    "dropped_and_duplicated": ([], 0.3, 0.4),
    "types_changed": ([change_type], 0.0, 0.0),
    "everything_mixed": ([shift_dates, move_place, rename_actors, change_type, None], 0.2, 0.3),
}


@pytest.mark.parametrize("name", PERTURBATIONS)
def test_scores_equal_yardstick_on_perturbed_dev_gold(name: str, tmp_path: Path) -> None:
    if not (YARDSTICK / "score.py").is_file():
        pytest.skip("yardstick score.py not present")
    gold_dir = YARDSTICK / "dev"
    gold = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    records = perturbed(gold, len(name), *PERTURBATIONS[name])
    records.append({"doc_id": "not-in-gold", "events": [as_prediction(SHELLING)]})
    lines = tmp_path / "predictions.jsonl"
    lines.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    command = [sys.executable, str(YARDSTICK / "score.py"), str(gold_dir), str(lines)]
    expected = json.loads(
        subprocess.run([*command, "--json"], capture_output=True, check=True, text=True).stdout
    )
    expected_text = subprocess.run(
        [*command, "--verbose"], capture_output=True, check=True, text=True
    ).stdout
    report = score_predictions(gold_dir, lines, verbose=True)
    assert report.result == expected
    assert report.text == expected_text


# --- the folding rules read from a data file ------------------------------------------------


def test_malformed_folding_rules_give_an_error_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "name_folding.yaml"
    bad.write_text("dropped_marks: [[0x0640]]\n", encoding="utf-8")
    with pytest.raises(ScoringError, match="name_folding.yaml.*dropped_marks"):
        read_folding_rules(bad)


def test_arabic_unidentified_actor_names_from_the_rules_count_as_unidentified() -> None:
    assert all(is_unidentified(fold_name(n)) for n in ["مجهول", "جهة مجهولة", "مسلحون مجهولون"])
    assert not is_unidentified(fold_name("الجيش السوري"))


def test_tatweel_and_hamza_seats_fold_away() -> None:
    assert fold_name("إدلـب") == fold_name("ادلب")
