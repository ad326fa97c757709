"""The desk's HTTP API and page: `create_app` builds the FastAPI application over a store.

Reads (events with filters, one event with its sources and evidence, counts, documents) are
open to this machine's own clients; writes (a document or a URL to ingest, rasd.serve.intake)
need the token. Bad input gets a 4xx with a JSON reason.
"""

from __future__ import annotations

import datetime as dt
import math
from importlib.resources import files
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.security import HTTPAuthorizationCredentials
from fastapi.staticfiles import StaticFiles
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware

from rasd import __version__
from rasd.io.store import EventQuery, SourceRef, Store, StoredEvent, StoreError
from rasd.serve import intake
from rasd.serve.reports import disputes, report
from rasd.serve.schemas import (
    Counts,
    DeskConfig,
    DocumentPage,
    Event,
    EventDetail,
    EventPage,
    Source,
    StoredDocument,
)
from rasd.serve.security import BodyLimit, SecurityHeaders, bearer, require_reader
from rasd.serve.settings import DeskSettings, is_loopback, tile_origin

STATIC = FilePath(str(files("rasd.serve") / "static"))
MAX_PAGE = 5000  # events in one answer: the page's map loads up to this many at once
MAX_OFFSET = 10**9
MAX_ID = 2**63 - 1
TEXT_LIMIT = 200  # characters of a filter value


def reader(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    require_reader(request, credentials)


def the_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError:
        raise HTTPException(
            422, f"bbox: four numbers west,south,east,north are needed, not {value!r}"
        ) from None
    if not all(math.isfinite(x) for x in (west, south, east, north)):
        raise HTTPException(422, f"bbox: {value!r} holds a number that is not finite")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        raise HTTPException(
            422, f"bbox: {value!r} is not a box (longitudes in -180..180, south <= north)"
        )
    return west, south, east, north


def event_query(
    date_from: Annotated[dt.date | None, Query(description="events on or after this day")] = None,
    date_to: Annotated[dt.date | None, Query(description="events on or before this day")] = None,
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees", max_length=200)
    ] = None,
    country: Annotated[str | None, Query(max_length=TEXT_LIMIT)] = None,
    admin1: Annotated[str | None, Query(max_length=TEXT_LIMIT)] = None,
    event_type: Annotated[
        str | None, Query(max_length=TEXT_LIMIT, description="ACLED's, e.g. Battles")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=TEXT_LIMIT, description="part of an actor's name")
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=TEXT_LIMIT,
            description="words in the place, actors, notes or evidence, Arabic or English",
        ),
    ] = None,
) -> EventQuery:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from {date_from} is after date_to {date_to}")
    return EventQuery(
        date_from=date_from,
        date_to=date_to,
        bbox=_bbox(bbox),
        country=country or None,
        admin1=admin1 or None,
        event_type=event_type or None,
        actor=actor or None,
        text=q or None,
    )


def _source(ref: SourceRef) -> Source:
    return Source(**vars(ref))


def _event(stored: StoredEvent) -> Event:
    return Event(id=stored.id, record=stored.record, sources=[_source(s) for s in stored.sources])


Filters = Annotated[EventQuery, Depends(event_query)]
TheStore = Annotated[Store, Depends(the_store)]
read_api = APIRouter(prefix="/api", dependencies=[Depends(reader)], tags=["read"])


@read_api.get("/events", response_model=EventPage, summary="events that match the filters")
def list_events(
    store: TheStore,
    query: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> EventPage:
    total, page = store.find_events(query, limit, offset)
    return EventPage(total=total, limit=limit, offset=offset, events=[_event(e) for e in page])


@read_api.get(
    "/events/{event_id}",
    response_model=EventDetail,
    summary="one event, with each source's text and the evidence in it",
    responses={404: {"description": "no such event"}},
)
def one_event(store: TheStore, event_id: Annotated[int, Path(ge=0, le=MAX_ID)]) -> EventDetail:
    stored = store.event(event_id)
    if stored is None:
        raise HTTPException(404, f"no event {event_id}")
    sources = [report(s, store.document(s.identity), stored.record) for s in stored.sources]
    return EventDetail(
        id=stored.id,
        record=stored.record,
        sources=sources,
        disputed=disputes(stored.disputed),
    )


@read_api.get("/counts", response_model=Counts, summary="how many events match, by day or type")
def count_events(
    store: TheStore,
    query: Filters,
    by: Annotated[str, Query(pattern="^(day|type)$")] = "day",
) -> Counts:
    return Counts(by=by, counts=store.counts(query, by))


@read_api.get("/documents", response_model=DocumentPage, summary="the stored documents")
def list_documents(
    store: TheStore,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> DocumentPage:
    total, page = store.documents(limit, offset)
    return DocumentPage(
        total=total, limit=limit, offset=offset, documents=[_source(s) for s in page]
    )


@read_api.get(
    "/document",
    response_model=StoredDocument,
    summary="one stored document and its text",
    responses={404: {"description": "no such document"}},
)
def one_document(
    store: TheStore,
    identity: Annotated[str, Query(max_length=5000, description="as /documents gives it")],
) -> StoredDocument:
    document = store.document(identity)
    if document is None:
        raise HTTPException(404, f"no document {identity!r}")
    return StoredDocument(
        identity=identity,
        doc_id=document.doc_id,
        title=document.title,
        language=document.language,
        url=document.url,
        outlet=document.outlet,
        text=document.text,
    )


config_api = APIRouter(prefix="/api", tags=["read"])


@config_api.get("/config", response_model=DeskConfig, summary="what the page needs to know")
def desk_config(request: Request) -> DeskConfig:
    """Open to every client: whether reading needs the token is part of the answer."""
    settings: DeskSettings = request.app.state.settings
    return DeskConfig(
        tiles=settings.tiles,
        tiles_attribution=settings.tiles_attribution,
        read_needs_token=not is_loopback(request.client.host if request.client else None),
    )


def _page_routes(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")


def create_app(settings: DeskSettings, store: Store | None = None) -> FastAPI:
    """The desk over ``store`` (or the store ``settings.db`` names, opened here)."""
    app = FastAPI(
        title="rasd desk",
        version=__version__,
        description="Conflict events read from Arabic and English news, with their evidence.",
        docs_url=None,  # /docs is served from the package's own copy of Swagger UI
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store if store is not None else Store(settings.db)
    app.include_router(read_api)
    app.include_router(config_api)
    app.include_router(intake.write_api)
    _page_routes(app)

    @app.exception_handler(StoreError)
    def store_failed(request: Request, err: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(err)}, status_code=503)

    app.add_middleware(GZipMiddleware, minimum_size=2000)  # the basemap, long event lists
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET"],
        )
    app.add_middleware(SecurityHeaders, tile_origin=tile_origin(settings.tiles))
    return app
