"""Writes: a document, or the URL of a page, to ingest into the store; each needs the desk's
token. A document goes the way `rasd ingest` takes it (read into a Document, extracted by
rasd.pipeline, stored in one transaction); a URL is fetched by rasd.serve.url_fetch first.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials

from rasd.io.decoding import decode
from rasd.io.documents import document_from_text
from rasd.io.errors import IngestError
from rasd.io.identity import document_identity
from rasd.io.pages import document_from_html
from rasd.io.records import document_from_record
from rasd.io.store import Store
from rasd.model import Document
from rasd.serve.extraction import extract
from rasd.serve.schemas import DocumentIn, Ingested, UrlIn
from rasd.serve.security import bearer, require_token
from rasd.serve.settings import DeskSettings
from rasd.serve.url_fetch import FetchFailed, UrlRefused, fetch

PAGE_TYPES = ("text/html", "application/xhtml+xml")


def writer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    require_token(request, credentials)


write_api = APIRouter(
    prefix="/api",
    dependencies=[Depends(writer)],
    tags=["write (token)"],
    responses={
        401: {"description": "no token"},
        403: {"description": "not the desk's token"},
        413: {"description": "the body is over the limit"},
        422: {"description": "the input cannot be read: the reason says why"},
    },
)


def _store(document: Document, request: Request) -> Ingested:
    store: Store = request.app.state.store
    result = extract(document)
    stored = store.ingest(result)
    return Ingested(
        identity=document.identity or document_identity(document.text, document.url),
        doc_id=document.doc_id,
        new=stored.new,
        events_new=stored.events_new,
        events_merged=stored.events_merged,
    )


@write_api.post("/documents", response_model=Ingested, summary="ingest one document")
def post_document(body: DocumentIn, request: Request) -> Ingested:
    try:
        document = document_from_record(body.model_dump(exclude_none=True), "request")
    except IngestError as err:
        raise HTTPException(422, str(err)) from None
    return _store(document, request)


@write_api.post(
    "/urls",
    response_model=Ingested,
    summary="fetch a page and ingest it",
    responses={502: {"description": "the page could not be fetched"}},
)
def post_url(body: UrlIn, request: Request) -> Ingested:
    settings: DeskSettings = request.app.state.settings
    try:
        page = fetch(body.url, settings.fetch, settings.resolve)
    except UrlRefused as err:
        raise HTTPException(422, str(err)) from None
    except FetchFailed as err:
        raise HTTPException(502, str(err)) from None
    try:
        if page.content_type in PAGE_TYPES:
            document = document_from_html(page.body, page.url, url=page.url)
        elif page.content_type == "text/plain":
            document = document_from_text(decode(page.body, page.url), page.url, url=page.url)
        else:
            raise IngestError(page.url, f"not a page to read ({page.content_type})")
    except IngestError as err:
        raise HTTPException(422, str(err)) from None
    document.source = page.url
    return _store(document, request)
