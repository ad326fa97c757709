"""HTML pages to Documents: the main text by trafilatura, the title, publication time,
canonical URL and outlet name from the page's markup.

trafilatura and lxml are imported on the first page parsed, so that ``import rasd`` and the
plain-text path do not pay for them (trafilatura, with numpy and py3langid, takes about
0.3 s to import).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from rasd.io.cleaning import clean_lines
from rasd.io.datelines import to_datetime
from rasd.io.decoding import decode
from rasd.io.documents import build_document
from rasd.model import Document

if TYPE_CHECKING:
    import lxml.html

_PUBLISHED_XPATHS = (
    "//meta[@property='article:published_time' or @name='article:published_time']/@content",
    "//meta[@itemprop='datePublished' or @name='pubdate' or @name='publishdate'"
    " or @name='publish-date' or @name='date' or @name='dc.date' or @name='DC.date.issued'"
    " or @property='og:published_time']/@content",
    "//*[@itemprop='datePublished']/@datetime",
    "//time[@datetime][1]/@datetime",
)
# Where a page says its own address (the first absolute http(s) URL found wins) and the name
# of the site that published it.
_URL_XPATHS = (
    "//link[@rel='canonical']/@href",
    "//meta[@property='og:url' or @name='og:url']/@content",
)
_OUTLET_XPATH = "//meta[@property='og:site_name' or @name='og:site_name']/@content"
# The headline and the standfirst under it: trafilatura drops them from some pages and keeps
# them on others; they lead the text on every page, as on plain-text pages (events in
# headlines count).
_LEAD_XPATH = (
    "(//h1)[1] | (//h1)[1]/following-sibling::*[1][self::h2 or self::p][contains(@class, 'sub')"
    " or contains(@class, 'summary') or contains(@class, 'lead') or contains(@class, 'standfirst')"
    " or contains(@class, 'excerpt') or contains(@class, 'dek')]"
)
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article")


def _parser() -> lxml.html.HTMLParser:
    import lxml.html

    return lxml.html.HTMLParser(huge_tree=True)


def _published_in_page(tree: lxml.html.HtmlElement) -> dt.datetime | None:
    for xpath in _PUBLISHED_XPATHS:
        for value in tree.xpath(xpath):
            if parsed := to_datetime(str(value)):
                return parsed
    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        found = re.search(r'"datePublished"\s*:\s*"([^"]+)"', script)
        if found and (parsed := to_datetime(found.group(1))):
            return parsed
    return None


def _url_in_page(tree: lxml.html.HtmlElement) -> str | None:
    """The page's own absolute address; not a site's home page, which some sites give as
    the canonical link of every page (it would make all their articles one document)."""
    for xpath in _URL_XPATHS:
        for value in tree.xpath(xpath):
            url = str(value).strip()
            parts = urlsplit(url)
            if parts.scheme.lower() in ("http", "https") and parts.path.strip("/"):
                return url
    return None


def _outlet_in_page(tree: lxml.html.HtmlElement) -> str | None:
    names = (" ".join(str(value).split()) for value in tree.xpath(_OUTLET_XPATH))
    return next((name for name in names if name), None)


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    for element in tree.xpath("//script|//style|//nav|//noscript|//template|//head"):
        element.drop_tree()
    for element in tree.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return tree.text_content()


def document_from_html(
    html: str | bytes,
    doc_id: str,
    url: str | None = None,
    published: dt.datetime | None = None,
    language: str | None = None,
) -> Document:
    """A Document from an HTML page: the main text by trafilatura (or the page's visible text
    when trafilatura finds none), the title, and the publication time from the page's metadata,
    else from a date line in its text, unless ``published`` is given; the language identified
    unless ``language`` is given; the URL, unless given, and the outlet from the page's
    canonical link and Open Graph tags."""
    import lxml.html
    import trafilatura
    from lxml import etree

    if isinstance(html, bytes):
        html = decode(html, doc_id)
    warnings: list[str] = []
    try:
        # huge_tree: a page nested deeper than libxml2's default limit still has its text
        tree = lxml.html.document_fromstring(html, parser=_parser())
    except (etree.ParserError, ValueError):
        tree = None
    # read before the visible text is taken, which drops the page's head
    page_url = _url_in_page(tree) if tree is not None else None
    outlet = _outlet_in_page(tree) if tree is not None else None
    # a trafilatura Document (a dict only when asked for with as_dict=True)
    extracted: Any = trafilatura.bare_extraction(
        html, url=url, favor_recall=True, with_metadata=True, include_comments=False
    )
    text = extracted.text if extracted is not None and extracted.text else ""
    title = extracted.title if extracted is not None else None
    if not text.strip() and tree is not None:
        text = _visible_text(tree)
    paragraphs = [line for line in clean_lines(text) if line]
    if paragraphs and tree is not None:
        flat = " ".join(" ".join(paragraphs).split())
        lead = [" ".join(e.text_content().split()) for e in tree.xpath(_LEAD_XPATH)]
        paragraphs[:0] = [line for line in lead if line and line not in flat]
    lines = [line for paragraph in paragraphs for line in ("", paragraph)][1:]
    if not lines:
        warnings.append("no article text found")
    if published is None and tree is not None:
        published = _published_in_page(tree)
    if published is None and extracted is not None and extracted.date:
        published = to_datetime(extracted.date[:10])
    if title is None and tree is not None:
        title = next(
            (t.strip() for t in tree.xpath("//h1//text()|//title/text()") if t.strip()), None
        )
    document = build_document(doc_id, lines, title, published, url or page_url, language, warnings)
    document.outlet = outlet
    return document
