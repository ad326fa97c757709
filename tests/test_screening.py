"""The event screen: a learned probability that a candidate reports a new happening."""

import datetime as dt

from rasd.events.screening import SCREEN, Screen, screened, traits
from rasd.io.ingest import document_from_text
from rasd.knowledge.resources import default_resources
from rasd.pipeline import STAGES, Analysis

TEXT = (
    "قصفت قوات النظام بالمدفعية الثقيلة أمس الأحد بلدة كفرنبل جنوب إدلب.\n"
    "وكانت طائرات حربية قد قصفت محافظة إدلب في الثامن من آذار الجاري."
)


def candidates_of(text: str) -> Analysis:
    published = dt.datetime(2024, 3, 11, 10, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    analysis = Analysis(document_from_text(text, doc_id="t", published=published))
    for stage in STAGES:
        if stage.name == "screening":
            break
        stage.run(analysis, default_resources())
    return analysis


def test_the_shipped_screen_has_weights_and_a_threshold_below_one():
    assert SCREEN.weights and 0.0 <= SCREEN.threshold < 1.0


def test_probability_grows_with_the_weight_of_a_trait():
    screen = Screen({"bias": 0.0, "place_explicit": 2.0}, 0.5)
    assert screen.probability({"bias": 1.0, "place_explicit": 1.0}) > screen.probability(
        {"bias": 1.0}
    )


def test_a_recalled_event_scores_below_the_report_it_follows():
    analysis = candidates_of(TEXT)
    scores = [
        SCREEN.probability(traits(c, analysis.sentences, analysis.context, analysis.candidates))
        for c in analysis.candidates
    ]
    assert len(scores) == 2 and scores[0] > scores[1]


def test_screened_events_carry_their_probability_as_confidence():
    analysis = candidates_of(TEXT)
    kept = screened(analysis.candidates, analysis.sentences, analysis.context)
    assert kept and all(0.0 < c.confidence < 1.0 for c in kept)


def test_a_screen_that_trusts_nothing_keeps_nothing():
    analysis = candidates_of(TEXT)
    never = Screen({"bias": -50.0}, 0.5)
    assert screened(analysis.candidates, analysis.sentences, analysis.context, never) == []


def test_the_screens_threshold_is_the_lowest_that_gives_the_best_f1():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "train_screen.py"
    spec = importlib.util.spec_from_file_location("train_screen", path)
    train_screen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_screen)
    scored = [(0.9, 1), (0.8, 1), (0.35, 0), (0.2, 0)]
    assert train_screen.best_threshold(scored, required=2) == 0.36
