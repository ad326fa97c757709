"""The desk's page in a real browser (Debian's Chromium, driven by Playwright): markers on the
map, an event opened with its evidence, filters that narrow the list, and a hostile article
that stays text. The store holds the dev documents when ../shared is there, else the bundled
samples, and one hostile article written for this test.

Set RASD_SCREENSHOTS to a folder to keep a screenshot of each step there."""

import os
import socket
import tempfile
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
playwright = pytest.importorskip("playwright.sync_api")

import uvicorn  # noqa: E402

from rasd.cli import sample_paths  # noqa: E402
from rasd.io.ingest import IngestError, read_path  # noqa: E402
from rasd.io.records import document_from_record  # noqa: E402
from rasd.io.store import EventQuery, Store  # noqa: E402
from rasd.pipeline import process  # noqa: E402
from rasd.serve.api import create_app  # noqa: E402
from rasd.serve.settings import DeskSettings  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEV = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev"
HOSTILE = {
    "doc_id": "hostile",
    "text": "\U0001f4e2 Shelling on Kafranbel <script>window.__pwned = 'title'</script>\n\n"
    "Government forces shelled the town of Kafranbel in Idlib on Sunday, killing three"
    " civilians. <img src=x onerror=\"window.__pwned = 'img'\"> A witness wrote"
    " <script>window.__pwned = 'script'</script> on a wall.",
    "published": "2022-03-08T09:00:00+03:00",  # a day no other article tells of
}

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")


# three outlets' reports of one shelling, written for the deduplication tests
ONE_EVENT_THREE_SOURCES = [
    Path(__file__).parent / "data" / "desk" / name
    for name in (
        "bara-shelling-furat.html",
        "bara-shelling-monitor.html",
        "bara-shelling-shamal.txt",
    )
]


def _articles() -> list[Path]:
    found = []
    if DEV.is_dir():
        found = sorted(p for p in DEV.iterdir() if p.suffix in (".txt", ".html"))
    return (found or sample_paths()) + ONE_EVENT_THREE_SOURCES


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("page") / "desk.sqlite"
    with Store(path) as store:
        for article in _articles():
            try:
                documents = list(read_path(article))
            except IngestError:
                continue
            for document in documents:
                store.add(process(document))
        store.add(process(document_from_record(HOSTILE, "test")))
    return path


@pytest.fixture(scope="module")
def desk_url(store_path):
    app = create_app(DeskSettings(db=str(store_path), token="page-test"))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the desk did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as driver, tempfile.TemporaryDirectory() as profile:
        context = driver.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser, desk_url):
    page = browser.new_page()
    page.errors = []
    page.foreign = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))

    def only_the_desk(route):
        if route.request.url.startswith(desk_url):
            route.continue_()
        else:  # offline: nothing may come from elsewhere
            page.foreign.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_desk)
    page.goto(desk_url)
    page.wait_for_selector("body[data-ready=true]", timeout=30000)
    yield page
    assert page.errors == [] and page.foreign == []
    page.close()


def screenshot(page, name: str) -> None:
    folder = os.environ.get("RASD_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"rasd-desk-{name}.png"))


def until(condition, seconds: float = 10) -> None:
    """Wait for a condition checked from here (the page's CSP forbids evaluating strings)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the page did not change in time"
        time.sleep(0.1)


def shown_events(page) -> int:
    return page.locator("#event-list li").count()


def open_a_marker(page) -> None:
    """Click clusters until single markers show, then the first marker."""
    for _ in range(10):
        if page.locator(".event-marker").count():
            break
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(700)
    page.locator(".event-marker").first.click()


def test_the_map_shows_markers_and_the_list_what_the_map_shows(page):
    assert page.locator(".event-marker, .marker-cluster").count() > 0
    assert 0 < shown_events(page)
    screenshot(page, "map")


def test_the_list_shows_every_event_when_not_bound_to_the_map(page, store_path):
    with Store(store_path) as store:
        total, _ = store.find_events(EventQuery(), limit=1)
    page.locator("#in-view-only").uncheck()
    assert shown_events(page) == total


def test_clicking_a_marker_opens_the_event_with_its_evidence_highlighted(page):
    open_a_marker(page)
    page.wait_for_selector("#event-view:not([hidden]) mark.evidence")
    assert page.locator("#event-view mark.evidence").count() > 0
    assert page.locator("#event-list li.selected").count() == 1
    screenshot(page, "event")


def test_arabic_articles_are_shown_right_to_left(page):
    before = shown_events(page)
    page.locator("#filter-text").fill("كفرنبل")
    until(lambda: 0 < shown_events(page) < before)
    page.locator("#event-list li").first.click()
    page.wait_for_selector("#event-view:not([hidden]) .article")
    assert page.locator('#event-view .article[dir="rtl"]').count() >= 1
    screenshot(page, "arabic")


def test_a_type_filter_narrows_the_list_to_that_type(page):
    before = shown_events(page)
    page.select_option("#filter-type", value="Protests")
    until(lambda: 0 < shown_events(page) < before)
    items = page.locator("#event-list li")
    assert items.count() >= 1
    assert all("type-protests" in c for c in items.evaluate_all("l => l.map(e => e.className)"))
    screenshot(page, "filtered")


def test_dragging_across_the_timeline_keeps_only_those_days(page):
    before = shown_events(page)
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.6, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] - 2, y, steps=5)
    page.mouse.up()
    until(lambda: 0 < shown_events(page) < before)
    start = page.locator("#range-label").inner_text().split(" – ")[0]
    dates = page.locator("#event-list li .when").all_inner_texts()
    assert dates and all(day >= start for day in dates)


def open_the_hostile_article(page, store_path):
    with Store(store_path) as store:
        _, found = store.find_events(EventQuery(), limit=100000)
    hostile = next(e for e in found if any(s.doc_id == "hostile" for s in e.sources))
    page.locator("#in-view-only").uncheck()
    page.locator(f'#event-list li[data-event-id="{hostile.id}"]').click()
    number = [s.doc_id for s in hostile.sources].index("hostile")
    article = page.locator("#event-view .source").nth(number).locator(".article")
    article.wait_for()
    return hostile, article


def test_the_highlights_fall_on_the_evidence_words_after_an_emoji(page, desk_url, store_path):
    hostile, article = open_the_hostile_article(page, store_path)
    detail = page.request.get(f"{desk_url}api/events/{hostile.id}").json()
    source = next(s for s in detail["sources"] if s["doc_id"] == "hostile")
    evidence = [(span["role"], span["text"]) for span in source["evidence"]]
    marks = article.locator("mark.evidence")
    roles = marks.evaluate_all("l => l.map(m => m.dataset.role)")
    assert evidence and list(zip(roles, marks.all_inner_texts())) == evidence


def test_a_hostile_article_is_shown_as_text_and_runs_nothing(page, store_path):
    _, article = open_the_hostile_article(page, store_path)
    text = article.inner_text()
    assert "<img src=x onerror=" in text and "<script>" in text
    assert page.locator("#event-view img, #event-view script").count() == 0
    assert page.evaluate("window.__pwned") is None
    screenshot(page, "hostile")


def test_an_event_told_by_three_sources_shows_each_with_its_evidence(page, store_path):
    with Store(store_path) as store:
        _, found = store.find_events(EventQuery(), limit=100000)
    told = next(e for e in found if len(e.sources) == 3)
    page.locator("#in-view-only").uncheck()
    page.locator(f'#event-list li[data-event-id="{told.id}"]').click()
    page.wait_for_selector("#event-view:not([hidden]) .source")
    sources = page.locator("#event-view .source")
    assert sources.count() == 3
    for number in range(3):
        assert sources.nth(number).locator("mark.evidence").count() > 0
    assert page.locator("#event-view .disputed li").count() >= 3  # the tolls at least
    links = page.locator("#event-view a.source-link").evaluate_all("l => l.map(a => a.href)")
    assert links == [s.url for s in told.sources if s.url]
    screenshot(page, "three-sources")


def test_the_api_documentation_renders_offline(browser, desk_url):
    docs = browser.new_page()
    errors, foreign = [], []
    docs.on("pageerror", lambda err: errors.append(str(err)))

    def only_the_desk(route):
        if route.request.url.startswith(desk_url):
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    docs.route("**/*", only_the_desk)
    docs.goto(desk_url + "docs")
    docs.wait_for_selector(".swagger-ui .opblock", timeout=30000)
    assert docs.locator(".opblock").count() >= 6
    screenshot(docs, "docs")
    docs.close()
    assert errors == [] and foreign == []


def test_a_place_filter_keeps_the_events_of_that_country(page):
    page.locator("#in-view-only").uncheck()
    before = shown_events(page)
    page.select_option("#filter-place", label="Iraq")
    until(lambda: 0 < shown_events(page) < before)
    places = page.locator("#event-list li .where").all_inner_texts()
    assert all(place.endswith("Iraq") for place in places)


def test_an_actor_filter_keeps_the_events_of_that_actor(page):
    page.locator("#in-view-only").uncheck()
    before = shown_events(page)
    page.locator("#filter-actor").fill("democratic forces")
    until(lambda: 0 < shown_events(page) < before)
    actors = page.locator("#event-list li .who").all_inner_texts()
    assert all("Syrian Democratic Forces" in who for who in actors)
