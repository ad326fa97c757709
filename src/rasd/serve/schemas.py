"""The shapes the API reads and answers, as its OpenAPI description shows them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Source(BaseModel):
    """One document that reports an event."""

    identity: str
    doc_id: str
    url: str | None
    outlet: str | None
    title: str | None
    published: str | None


class Event(BaseModel):
    """One event (a happening, told by one or more documents): the record as `rasd extract`
    writes it, and its sources."""

    id: int
    record: dict[str, Any]
    sources: list[Source]


class EventPage(BaseModel):
    total: int = Field(description="how many events match the filters")
    limit: int
    offset: int
    events: list[Event]


class Evidence(BaseModel):
    """Where a field of the event is said in a source's text (character offsets)."""

    role: str
    start: int
    end: int
    text: str


class Report(Source):
    """A source with its article text and the evidence found in it."""

    language: str
    text: str
    evidence: list[Evidence]


class Version(BaseModel):
    """One source's version of a fact its event's sources disagree on."""

    identity: str = Field(description="the source, as its identity in sources")
    value: Any


class Dispute(BaseModel):
    field: str = Field(description="a field of the record: fatalities, actor1, event_type...")
    versions: list[Version]


class EventDetail(BaseModel):
    id: int
    record: dict[str, Any]
    sources: list[Report]
    disputed: list[Dispute] = Field(description="what the sources disagree on, if anything")


class Counts(BaseModel):
    by: str
    counts: dict[str, int]


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[Source]


class StoredDocument(BaseModel):
    identity: str
    doc_id: str
    title: str | None
    language: str
    url: str | None
    outlet: str | None
    text: str


class DocumentIn(BaseModel):
    """A document to ingest, as a JSON Lines record of `rasd ingest` is."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str | None = Field(None, max_length=500)
    text: str | None = Field(None, description="the article as plain text")
    html: str | None = Field(None, description="or the page's HTML")
    url: str | None = Field(None, max_length=4000)
    published: str | None = Field(None, description="ISO 8601, e.g. 2024-01-15T15:45:00+03:00")
    language: str | None = Field(None, description='"ar", "en" or "other"; detected if absent')
    outlet: str | None = Field(None, max_length=500)


class UrlIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str = Field(max_length=4000, description="an http(s) page on a public address")


class Ingested(BaseModel):
    identity: str
    doc_id: str
    new: bool = Field(description="the document was not stored before")
    events_new: int
    events_merged: int = Field(description="events that joined an event already stored")


class DeskConfig(BaseModel):
    """What the page needs to know of the server's settings."""

    tiles: str | None
    tiles_attribution: str
    read_needs_token: bool
