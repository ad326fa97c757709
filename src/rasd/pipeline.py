"""The whole extraction, from a page or a text to events, as a declared list of stages.

Each stage reads and writes fields of one shared record, :class:`Analysis`, and says which:
``requires`` (what must be there before it runs) and ``assigns`` (what it leaves). The order
is checked when this module is imported, so a stage can never read what no earlier stage
wrote.

    ingest      text or HTML              -> document     (rasd.io.ingest)
    mentions    document                  -> context, sentences   (rasd.annotate)
    candidates  document, context, sentences -> candidates       (rasd.events.candidates)
    discourse   candidates, context, sentences -> candidates     (rasd.events.discourse)
    screening   candidates, sentences, context -> candidates     (rasd.events.screening)
    attribution candidates, sentences         -> candidates      (rasd.events.attribution)
    record      document, context, candidates -> events          (rasd.events.record)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from rasd.annotate.mentions import DocumentContext, SentenceMentions, find_mentions
from rasd.events.attribution import attribute_attackers
from rasd.events.candidate import Candidate
from rasd.events.candidates import find_candidates
from rasd.events.discourse import reported_events
from rasd.events.focus import Focus
from rasd.events.record import to_event
from rasd.events.screening import screened
from rasd.io.export import Result
from rasd.knowledge.resources import Resources, default_resources
from rasd.model import Document, Event

__all__ = ["STAGES", "Analysis", "Stage", "default_resources", "extract", "process"]


@dataclass
class Analysis:
    """One document on its way through the stages."""

    document: Document
    context: DocumentContext | None = None
    sentences: list[SentenceMentions] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Analysis, Resources], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _mentions(analysis: Analysis, resources: Resources) -> None:
    mentions = find_mentions(analysis.document, resources)
    analysis.context, analysis.sentences = mentions.context, mentions.sentences


def _context(analysis: Analysis) -> DocumentContext:
    """The document's context, written by the mentions stage (see ``STAGES``)."""
    context = analysis.context
    assert context is not None, "the mentions stage comes first"
    return context


def _candidates(analysis: Analysis, resources: Resources) -> None:
    context = _context(analysis)
    focus = Focus(
        context.day, context.country, context.spoken, context.explosives, context.armed_feud
    )
    analysis.candidates = find_candidates(analysis.document, analysis.sentences, focus)


def _discourse(analysis: Analysis, resources: Resources) -> None:
    day = _context(analysis).day
    analysis.candidates = reported_events(analysis.candidates, analysis.sentences, day)


def _screening(analysis: Analysis, resources: Resources) -> None:
    analysis.candidates = screened(analysis.candidates, analysis.sentences, _context(analysis))


def _attribution(analysis: Analysis, resources: Resources) -> None:
    analysis.candidates = attribute_attackers(analysis.candidates, analysis.sentences)


def _record(analysis: Analysis, resources: Resources) -> None:
    country = _context(analysis).country
    analysis.events = [
        to_event(cand, analysis.document, resources.actors, country) for cand in analysis.candidates
    ]


STAGES: tuple[Stage, ...] = (
    Stage("mentions", _mentions, ("document",), ("context", "sentences")),
    Stage("candidates", _candidates, ("document", "context", "sentences"), ("candidates",)),
    Stage("discourse", _discourse, ("candidates", "context", "sentences"), ("candidates",)),
    Stage("screening", _screening, ("candidates", "sentences", "context"), ("candidates",)),
    Stage("attribution", _attribution, ("candidates", "sentences"), ("candidates",)),
    Stage("record", _record, ("document", "context", "candidates"), ("events",)),
)


def _check_order(stages: tuple[Stage, ...]) -> None:
    fields = set(Analysis.__dataclass_fields__)
    there = {"document"}
    for stage in stages:
        if unknown := (set(stage.requires) | set(stage.assigns)) - fields:
            raise TypeError(f"stage {stage.name}: no such field {sorted(unknown)}")
        if missing := set(stage.requires) - there:
            raise TypeError(f"stage {stage.name} requires {sorted(missing)}, written by none")
        there |= set(stage.assigns)


_check_order(STAGES)


def process(doc: Document, resources: Resources | None = None) -> Result:
    """Events of one ingested document: every stage in order."""
    resources = resources or default_resources()
    if doc.language not in ("ar", "en") or not doc.text.strip():
        return Result(doc, [])
    analysis = Analysis(doc)
    for stage in STAGES:
        stage.run(analysis, resources)
    return Result(doc, analysis.events)


def extract(
    text_or_html: str,
    published: dt.datetime | dt.date | str | None = None,
    url: str | None = None,
    doc_id: str = "document",
) -> list[Event]:
    """Events in an article given as plain text or HTML. ``published`` is a datetime, a
    date (taken as midnight UTC) or an ISO 8601 string.

    >>> events = extract("...", published="2024-01-15T15:45:00+03:00")
    """
    from rasd.io.ingest import document_from_html, document_from_text

    when = publication_time(published)
    head = text_or_html.lstrip()[:200].lower()
    if head.startswith(("<!doctype", "<html")) or "<body" in text_or_html[:5000].lower():
        doc = document_from_html(text_or_html, doc_id=doc_id, url=url, published=when)
    else:
        doc = document_from_text(text_or_html, doc_id=doc_id, published=when, url=url)
    return process(doc).events


def publication_time(value: dt.datetime | dt.date | str | None) -> dt.datetime | None:
    """A publication time from a datetime, a date (midnight UTC) or an ISO 8601 string;
    ValueError names a value that is none of these."""
    if value is None or isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day, tzinfo=dt.UTC)
    if isinstance(value, str):
        try:
            return publication_time(dt.datetime.fromisoformat(value.strip()))
        except ValueError:
            raise ValueError(f"published: {value!r} is not an ISO 8601 date or time") from None
    raise ValueError(f"published: {value!r} is not a date, a datetime or an ISO 8601 string")
