"""Screening: how likely each event the rules found is a report of a new happening.

The rules read one sentence at a time; what makes an article's sentence a fresh report rather
than background, a restatement or a side remark shows in generic traits of the finished
candidate: where in the article it stands, how far its date lies from the publication, what
kind of place and actor it has, which cue words its sentence holds. A logistic model over
those traits, trained on the annotated articles by ``scripts/train_screen.py`` (weights in
``data/events/screen.yaml``), gives each event a probability; events below the model's
threshold are left out, and the others carry it as their confidence.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from rasd.annotate.mentions import DocumentContext, SentenceMentions
from rasd.events.candidate import Candidate
from rasd.events.sides import strength
from rasd.knowledge.files import data_file, read_data
from rasd.knowledge.lexicon import Cue
from rasd.knowledge.place_kinds import AREA_KINDS
from rasd.knowledge.settings import SETTINGS
from rasd.text.normalize import is_arabic_word

# Cue classes whose presence in the event's sentence is a trait of its own, with its name.
_SENTENCE_CUES = tuple(
    (cue, f"cue={cue.value}")
    for cue in (
        Cue.BACKGROUND,
        Cue.SINCE,
        Cue.AFTER,
        Cue.REFERENCE,
        Cue.RUMOUR,
        Cue.CLAIM,
        Cue.DENIAL,
        Cue.REPORT,
        Cue.FUTURE,
        Cue.NEGATION,
        Cue.INTERCEPT,
        Cue.KILLED,
        Cue.INJURED,
        Cue.NO_CASUALTIES,
        Cue.ATTRIBUTION,
        Cue.PASSIVE_MARKER,
    )
)
_SETTLEMENTS = frozenset({"city", "town", "village", "neighbourhood", "admin3", "admin2"})


def traits(
    cand: Candidate,
    sentences: list[SentenceMentions],
    context: DocumentContext,
    others: list[Candidate],
) -> dict[str, float]:
    """The traits of one candidate among the article's candidates (``others``, itself
    included), by name (1.0 for a trait it has; absent traits are 0)."""
    sentence = sentences[cand.sentence]
    out = {"bias": 1.0, f"type={cand.event_type.value}": 1.0}
    position = cand.sentence / max(len(sentences) - 1, 1)
    out["position"] = position
    out["lead"] = float(cand.sentence < SETTINGS.events.lead_sentences)
    out["title"] = float(sentence.is_title)
    out["title_only"] = float(cand.title_only)
    out["bullet"] = float(sentence.is_bullet or sentence.is_section)
    out["weak_trigger"] = float(cand.weak)
    trigger = next((t for t in sentence.triggers if t.start == cand.trigger_span.start), None)
    if trigger is not None:
        out[f"voice={trigger.payload.voice.value}"] = 1.0
        out["trigger_first_words"] = float(trigger.first <= 3)
    out["english"] = float(not any(is_arabic_word(t.norm) for t in sentence.tokens))
    if cand.date is None or context.day is None:
        out["no_date"] = 1.0
    else:
        days = (context.day - cand.date.date_to).days
        out["date_explicit"] = float(cand.date_explicit)
        out["date_range"] = float(cand.date.precision > 1)
        bucket = "today" if days <= 0 else "yesterday" if days == 1 else "week"
        out[f"days={bucket if days <= 7 else 'older'}"] = 1.0
    place = cand.place_choice
    if place is not None:
        out["place_explicit"] = float(cand.place_explicit)
        kind = (
            "area"
            if place.kind in AREA_KINDS
            else "settled"
            if place.kind in _SETTLEMENTS
            else "site"
        )
        out[f"place={kind}"] = 1.0
        out["place_abroad"] = float(
            context.country is not None and place.country != context.country
        )
    out[f"actor1={strength(cand.actor1)}"] = 1.0
    out["actor2"] = float(cand.actor2 is not None)
    out["claimed"] = float(cand.claimed_by is not None)
    out["denied"] = float(cand.denied_by is not None)
    out["deaths"] = float(bool(cand.fatalities))
    out["events"] = math.log1p(len(others))
    earlier = [c for c in others if c.sentence < cand.sentence and c.event_type == cand.event_type]
    out["kind_told_before"] = float(bool(earlier))
    out["same_place_before"] = float(
        any(c.place_choice is not None and c.place_choice == place for c in earlier)
    )
    for cue, name in _SENTENCE_CUES:
        if sentence.cue(cue):
            out[name] = 1.0
    return out


@dataclass(frozen=True)
class Screen:
    """A logistic model over :func:`traits`, and the probability below which an event is
    left out."""

    weights: dict[str, float]
    threshold: float

    def probability(self, found: dict[str, float]) -> float:
        z = sum(self.weights.get(name, 0.0) * value for name, value in found.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def load_screen() -> Screen:
    """The trained screen of ``data/events/screen.yaml``."""
    data = read_data(data_file("events", "screen.yaml"), ValueError, "the event screen")
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict):
        raise ValueError("data/events/screen.yaml: expected weights and a threshold")
    return Screen({str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"]))


SCREEN = load_screen()


def screened(
    candidates: list[Candidate],
    sentences: list[SentenceMentions],
    context: DocumentContext,
    screen: Screen = SCREEN,
) -> list[Candidate]:
    """The candidates the screen keeps, each with its probability as its confidence."""
    kept = []
    for cand in candidates:
        cand.confidence = screen.probability(traits(cand, sentences, context, candidates))
        if cand.confidence >= screen.threshold:
            kept.append(cand)
    return kept
