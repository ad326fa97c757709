"""The bundled sample articles (written for the project) and what `rasd demo` shows of them."""

import pytest

from rasd.cli import sample_paths
from rasd.io.ingest import read_path
from rasd.pipeline import process


@pytest.fixture(scope="module")
def sample_events() -> dict:
    out = {}
    for path in sample_paths():
        for doc in read_path(path):
            out[doc.doc_id] = process(doc).events
    return out


def test_every_sample_yields_events(sample_events):
    assert sample_events and all(sample_events.values())


def test_regime_shelling_of_kafranbel_kills_three_civilians(sample_events):
    (shelling,) = [e for e in sample_events["ar-idlib-shelling"] if e.location.name == "Kafranbel"]
    assert shelling.actor1.name.startswith("Military Forces of Syria")
    assert (str(shelling.date_from), shelling.fatalities, shelling.injuries) == ("2023-11-05", 3, 4)


def test_turkish_drone_strike_near_qamishli_is_dated_yesterday_sunday(sample_events):
    strike = [
        e for e in sample_events["ar-qamishli-drone"] if e.sub_event_type == "Air/drone strike"
    ]
    assert [str(e.date_from) for e in strike] == ["2025-03-09"]
    assert strike[0].actor2.name == "Syrian Democratic Forces"


def test_drones_shot_down_near_erbil_are_disrupted_weapons_use(sample_events):
    kinds = {e.sub_event_type: e.location.admin1 for e in sample_events["en-erbil-drones"]}
    assert kinds == {"Disrupted weapons use": "Erbil", "Air/drone strike": "Anbar"}


def test_protest_dispersed_by_police_is_one_protest_with_intervention(sample_events):
    (protest,) = sample_events["ar-baghdad-protest"]
    assert protest.sub_event_type == "Protest with intervention"
    assert protest.actor2.name.startswith("Police Forces of Iraq")
