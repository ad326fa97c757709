"""`rasd bench`: how fast rasd turns raw news into events, on synthetic articles.

The articles
    Written on the spot from rasd's own templates (data/bench/ar.yaml and en.yaml): a
    headline, a date line and paragraphs of incident sentences (shelling, air and drone
    strikes, clashes, arrests, protests, explosions) mixed with background sentences and
    quotes, about places and actors that rasd's gazetteer and actor dictionary know. An
    article of W words gets sentences until it has at least W words, so it ends within one
    sentence of W. Each article is rendered as plain text and as an HTML page with the usual
    furniture (header, menu, share bar, ``<article>`` with ``<time datetime>``, related and
    most-read links, newsletter box, footer). A seeded ``random.Random`` makes the same
    articles for the same seed, language and length on every machine.

What is measured, for each path (Arabic and English; text and HTML)
    articles/s and MB/s
        N documents through rasd's whole path from the raw string to events:
        ``document_from_text`` (or ``document_from_html``) and then ``rasd.pipeline.process``,
        one after the other in one process (one core). MB are the UTF-8 bytes of the raw
        strings (for pages, the whole page). Timed after the dictionaries and gazetteer are
        loaded and one document has gone through. CPU time is taken too: CPU/wall well
        under 100% means that other processes took the core and the speeds are low.
    start-up
        Each path runs in a fresh ``python -c`` process. Its start-up is the wall time from
        starting the process to the events of its first (small) document: importing rasd,
        loading the dictionaries and gazetteer, extracting one document. The start-up of a
        bare interpreter (``python -c pass``, median of 5) is subtracted; both are reported.
    peak memory
        The peak resident set size (``ru_maxrss``) of that fresh process after the whole
        workload of the path.

Floors, on the same documents in the calling process
    trafilatura: ``trafilatura.bare_extraction`` on the HTML pages with the options rasd's
    ingestion uses; regex: ``re.findall(r"\\w+", text)`` on the plain texts. rasd's speed is
    given as a ratio to its floor (HTML path / trafilatura, text path / regex): how much of
    the floor's speed rasd keeps. A floor is timed over whole passes, repeated for at least
    a quarter of a second.

Length scaling
    The time per document of 400-word Arabic texts and of 16 times longer (6,400-word) ones
    from the same templates, in the calling process: N short ones (4 to 40) and an eighth as
    many long ones (at least one; no more once 6 s have gone). The ratio long / short is 16
    for a cost linear in length.

Speeds are figures to read, not thresholds: the bench reports, it does not judge.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from random import Random
from typing import Any

import yaml

import rasd

LANGUAGES = ("ar", "en")
FORMS = ("text", "html")
PATHS = (("ar", "text"), ("en", "text"), ("ar", "html"), ("en", "html"))
DEFAULT_DOCUMENTS = 200
DEFAULT_WORDS = 400
DEFAULT_SEED = 1
MIN_WORDS, MAX_WORDS = 100, 2000
SCALING_WORDS = (400, 6400)
FIRST_DOCUMENT_WORDS = 100
FLOOR_MIN_SECONDS = 0.25  # a floor is timed over repeated passes until this much time passed
SCALING_LONG_BUDGET_SECONDS = 6.0  # stop timing long documents after this (at least one)

# Publication times: up to the end of November 2024, so that the Syrian actors are the ones of
# 2000-2024 (the actor dictionary picks the period from the date).
_FIRST_DAY = dt.date(2021, 1, 1)
_DAYS = (dt.date(2024, 11, 30) - _FIRST_DAY).days
_ZONE = dt.timezone(dt.timedelta(hours=3))
_ALTERNATION = re.compile(r"<([^<>|]*)\|([^<>|]*)>")
_FLOOR_NAMES = {"text": "regex \\w+", "html": "trafilatura"}


class BenchError(Exception):
    """A measurement could not be made; ``str()`` says which and why, in one line."""


@cache
def templates(language: str) -> dict[str, Any]:
    """The templates and slot fillers of one language (data/bench/LANGUAGE.yaml)."""
    if language not in LANGUAGES:
        raise ValueError(f"no bench templates for language {language!r}")
    path = files("rasd") / "data" / "bench" / f"{language}.yaml"
    return yaml.safe_load(path.read_text("utf-8"))


def word_count(text: str) -> int:
    """Words as the bench counts them: runs of non-space characters."""
    return len(text.split())


# ---------------------------------------------------------------- articles


@dataclass(frozen=True)
class Article:
    """One synthetic news article, ready to be rendered as plain text or as an HTML page."""

    language: str
    section: str  # the theatre: syria, iraq, yemen
    headline: str
    date_line: str
    published: dt.datetime
    paragraphs: tuple[tuple[str, ...], ...]
    outlet: str
    domain: str
    byline: str
    related: tuple[str, ...]
    most_read: tuple[str, ...]
    tags: tuple[str, ...]
    number: int

    @property
    def words(self) -> int:
        """Words of the headline, the date line and the body (what the text form holds)."""
        return (
            word_count(self.headline)
            + word_count(self.date_line)
            + sum(word_count(s) for paragraph in self.paragraphs for s in paragraph)
        )

    @property
    def url(self) -> str:
        day = self.published
        return f"https://{self.domain}/{self.section}/{day:%Y/%m/%d}/{self.number}"

    def text(self) -> str:
        """The article as scraped plain text: headline, date line, paragraphs."""
        blocks = [self.headline, self.date_line, *(" ".join(p) for p in self.paragraphs)]
        return "\n\n".join(blocks) + "\n"

    def page(self) -> str:
        """The article as a news site's HTML page, furniture and all."""
        return _render_page(self, templates(self.language)["page"])


class _Deck:
    """Draws items in shuffled rounds: no item comes back before the others have been used."""

    def __init__(self, items: Sequence[Any], random: Random) -> None:
        self.items = list(items)
        self.random = random
        self.left: list[Any] = []

    def draw(self) -> Any:
        if not self.left:
            self.left = self.items[:]
            self.random.shuffle(self.left)
        return self.left.pop()


class ArticleWriter:
    """Writes synthetic articles in one language; the same seed gives the same articles."""

    def __init__(self, language: str, seed: int | str) -> None:
        self.language = language
        self.data = templates(language)
        self.random = Random(seed)
        self._decks: dict[str, _Deck] = {}

    def _draw(self, name: str, items: Sequence[Any]) -> Any:
        if name not in self._decks:
            self._decks[name] = _Deck(items, self.random)
        return self._decks[name].draw()

    def _scene(
        self,
        section: str,
        kind: str,
        published: dt.datetime,
        place: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        """Slot values for one sentence or headline about ``kind`` in ``section``, at
        ``place`` (an entry of the theatre's places) or a random one."""
        data, random = self.data, self.random
        theatre = data["theatres"][section]
        place2, other = random.sample(theatre["places"], 2)
        if place is None:
            place = other
        elif place2 is place:
            place2 = other
        role = data["events"][kind]["actor"] if kind else "forces"
        actor = random.choice(theatre[role])
        opponent = random.choice([f for f in theatre["forces"] if f["name"] != actor["name"]])
        weekdays = data["weekdays"]
        day = random.choice(data["day_phrases"]).format(
            today=weekdays[published.weekday()], yesterday=weekdays[published.weekday() - 1]
        )
        values = {
            "actor": actor["name"],
            "gender": actor.get("gender", "m"),
            "opponent": opponent["name"],
            "place": place["name"],
            "place2": place2["name"],
            "province": place["province"],
            "area": place["area"],
            "capital": theatre["capital"],
            "country": theatre["country"],
            "day": day,
            "drone": random.choice(theatre["drones"]),
            "source": random.choice(theatre["sources"]),
        }
        for slot, fillers in (
            ("killed", "killed"),
            ("fighters", "fighters"),
            ("wounded", "wounded"),
            ("detained", "detained"),
            ("crowd", "crowds"),
            ("raids", "raids"),
            ("witness", "witnesses"),
        ):
            values[slot] = random.choice(data[fillers])
        return values

    def _fill(self, template: str, scene: dict[str, Any]) -> str:
        feminine = scene["gender"] == "f"
        template = _ALTERNATION.sub(lambda m: m.group(1 if feminine else 2), template)
        values = dict(scene)
        values.update({f"{k}_title": _capitalized(v) for k, v in scene.items()})
        sentence = template.format_map(values)
        return _capitalized(sentence) if self.language == "en" else sentence

    def fill(
        self, template: str, section: str, kind: str = "", published: dt.datetime | None = None
    ) -> str:
        """``template`` with its slots filled for an incident of ``kind`` in ``section``."""
        published = published or dt.datetime.combine(_FIRST_DAY, dt.time(12), tzinfo=_ZONE)
        return self._fill(template, self._scene(section, kind, published))

    def _sentence(self, section: str, published: dt.datetime, lead_place: dict[str, str]) -> str:
        """A body sentence: an incident (4 in 10, half of them at the lead's place), a quote
        (1.5 in 10) or background."""
        data, random = self.data, self.random
        roll = random.random()
        if roll < 0.4:
            kind = random.choice(sorted(data["events"]))
            place = lead_place if random.random() < 0.5 else None
            scene = self._scene(section, kind, published, place)
            return self._fill(self._draw(kind, data["events"][kind]["sentences"]), scene)
        scene = self._scene(section, "", published)
        if roll < 0.55:
            return self._fill(self._draw("quotes", data["quotes"]), scene)
        return self._fill(self._draw("background", data["background"]), scene)

    def headline(self, section: str, published: dt.datetime) -> str:
        """A headline about a random incident in ``section`` (also used for related links)."""
        kind = self.random.choice(sorted(self.data["events"]))
        scene = self._scene(section, kind, published)
        return self._fill(self.random.choice(self.data["events"][kind]["headlines"]), scene)

    def article(self, words: int) -> Article:
        """An article of at least ``words`` words, ending within one sentence of that."""
        data, random = self.data, self.random
        section = random.choice(sorted(data["theatres"]))
        theatre = data["theatres"][section]
        published = dt.datetime.combine(
            _FIRST_DAY + dt.timedelta(days=random.randrange(_DAYS)),
            dt.time(random.randrange(6, 23), random.randrange(60)),
            tzinfo=_ZONE,
        )
        kind = random.choice(sorted(data["events"]))
        lead_place = random.choice(theatre["places"])
        scene = self._scene(section, kind, published, lead_place)
        headline = self._fill(random.choice(data["events"][kind]["headlines"]), scene)
        date_line = random.choice(data["date_lines"]).format(
            year=published.year,
            month=published.month,
            day=published.day,
            hour=published.hour,
            minute=published.minute,
            month_name=data["months"][published.month - 1],
            capital=theatre["capital"],
        )
        sentences = data["events"][kind]["sentences"]
        # An article does not open on a linking sentence ("وأفاد ...", "وقال ...").
        lead = self._fill(random.choice([s for s in sentences if s[0] != "و"] or sentences), scene)
        count = word_count(headline) + word_count(date_line) + word_count(lead)
        paragraphs: list[tuple[str, ...]] = []
        paragraph = [lead]
        size = random.randint(1, 3)
        while count < words:
            if len(paragraph) >= size:
                paragraphs.append(tuple(paragraph))
                paragraph, size = [], random.randint(2, 4)
            sentence = self._sentence(section, published, lead_place)
            paragraph.append(sentence)
            count += word_count(sentence)
        paragraphs.append(tuple(paragraph))
        outlet = random.choice(data["page"]["outlets"])
        byline = random.choice(data["page"]["bylines"]).format(
            outlet=outlet["name"], capital=theatre["capital"], province=scene["province"]
        )
        return Article(
            language=self.language,
            section=section,
            headline=headline,
            date_line=date_line,
            published=published,
            paragraphs=tuple(paragraphs),
            outlet=outlet["name"],
            domain=outlet["domain"],
            byline=byline,
            related=tuple(self.headline(section, published) for _ in range(4)),
            most_read=tuple(
                self.headline(random.choice(sorted(data["theatres"])), published) for _ in range(3)
            ),
            tags=(theatre["country"], scene["province"], scene["place"]),
            number=random.randrange(100_000, 1_000_000),
        )


def _capitalized(value: Any) -> Any:
    return value[:1].upper() + value[1:] if isinstance(value, str) else value


def _render_page(article: Article, page: dict[str, Any]) -> str:
    e = html.escape
    lang, direction = article.language, page["direction"]
    menu = "".join(
        f'<li><a href="/section/{i}">{e(item)}</a></li>' for i, item in enumerate(page["menu"])
    )
    share = " | ".join(
        f'<a href="https://share.example/?u={e(article.url)}&amp;s={i}">{e(name)}</a>'
        for i, name in enumerate(page["share"])
    )
    paragraphs = "\n".join(f"<p>{e(' '.join(p))}</p>" for p in article.paragraphs)
    tags = " ".join(f'<a href="/tag/{i}" rel="tag">{e(t)}</a>' for i, t in enumerate(article.tags))

    def links(headlines: tuple[str, ...], css: str) -> str:
        items = "\n".join(
            f'<li><a href="/{article.section}/{article.number + i + 1}">{e(h)}</a></li>'
            for i, h in enumerate(headlines)
        )
        return f'<ul class="{css}">\n{items}\n</ul>'

    linked_data = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.headline,
            "datePublished": article.published.isoformat(),
            "inLanguage": lang,
            "mainEntityOfPage": article.url,
            "publisher": {"@type": "Organization", "name": article.outlet},
        },
        ensure_ascii=False,
    )
    footer = "".join(
        f'<li><a href="/page/{i}">{e(item)}</a></li>' for i, item in enumerate(page["footer"])
    )
    copyright_line = page["copyright"].format(year=article.published.year, outlet=article.outlet)
    return f"""<!doctype html>
<html lang="{lang}" dir="{direction}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(article.headline)} | {e(article.outlet)}</title>
<meta name="description" content="{e(article.paragraphs[0][0])}">
<meta property="og:title" content="{e(article.headline)}">
<meta property="og:type" content="article">
<meta property="og:url" content="{e(article.url)}">
<meta property="article:published_time" content="{article.published.isoformat()}">
<link rel="canonical" href="{e(article.url)}">
<link rel="stylesheet" href="/static/css/site.css">
<script type="application/ld+json">{linked_data}</script>
<script src="/static/js/site.js" defer></script>
<style>.ad-slot{{min-height:90px}}</style>
</head>
<body class="article-page">
<header class="site-header">
<a class="logo" href="/">{e(article.outlet)}</a>
<nav class="main-menu"><ul><li><a href="/">{e(page["home"])}</a></li>{menu}</ul></nav>
<form class="search" action="/search">
<input type="search" name="q" placeholder="{e(page["search"])}"></form>
</header>
<div class="ad-slot" id="top-banner"></div>
<main class="content">
<nav class="breadcrumbs"><a href="/">{e(page["home"])}</a> /
<a href="/{article.section}">{e(article.tags[0])}</a></nav>
<article class="story">
<header class="story-header">
<h1>{e(article.headline)}</h1>
<p class="meta"><span class="byline">{e(article.byline)}</span>
<time datetime="{article.published.isoformat()}">{e(article.date_line)}</time></p>
</header>
<div class="share-bar">{e(page["share_label"])} {share}</div>
<div class="story-body">
{paragraphs}
</div>
<div class="tags">{e(page["tags_label"])} {tags}</div>
</article>
<aside class="related">
<h2>{e(page["related"])}</h2>
{links(article.related, "related-links")}
</aside>
<aside class="most-read">
<h2>{e(page["most_read"])}</h2>
{links(article.most_read, "most-read-links")}
</aside>
<section class="newsletter"><p>{e(page["newsletter"])}</p>
<form action="/newsletter"><input type="email" name="email">
<button>{e(page["subscribe"])}</button></form>
</section>
</main>
<footer class="site-footer">
<ul>{footer}</ul>
<p>{e(copyright_line)}</p>
</footer>
</body>
</html>
"""


def bench_articles(language: str, count: int, words: int, seed: int | str) -> list[Article]:
    """The articles the bench measures for one language; text and HTML forms share them."""
    writer = ArticleWriter(language, seed=f"rasd-bench:{seed}:{language}:{words}")
    return [writer.article(words) for _ in range(count)]


def raw_documents(articles: Sequence[Article], form: str) -> list[str]:
    """The articles as the raw strings rasd is given: plain texts or HTML pages."""
    if form not in FORMS:
        raise ValueError(f"no document form {form!r}")
    return [a.text() if form == "text" else a.page() for a in articles]


# ---------------------------------------------------------------- measurements


def _peak_rss_mb() -> float:
    import resource  # Unix only: imported where it is used so that rasd's CLI loads anywhere

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6  # bytes vs KiB


def extract_documents(raws: Sequence[str], form: str, name: str = "bench") -> int:
    """Run rasd's full path over raw strings, as a user would; returns the number of events."""
    from rasd.io.ingest import document_from_html, document_from_text
    from rasd.pipeline import process

    read = document_from_html if form == "html" else document_from_text
    return sum(len(process(read(raw, doc_id=f"{name}-{i}")).events) for i, raw in enumerate(raws))


def measure_path(
    language: str, form: str, documents: int, words: int, seed: int | str
) -> dict[str, float]:
    """Time rasd over one path's documents (run in the fresh process of that path, after the
    first document); returns seconds, volumes, events and the process's peak RSS."""
    articles = bench_articles(language, documents, words, seed)
    raws = raw_documents(articles, form)
    cpu_started = time.process_time()
    started = time.perf_counter()
    events = extract_documents(raws, form, f"bench-{language}-{form}")
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "cpu_seconds": time.process_time() - cpu_started,
        "documents": len(raws),
        "megabytes": sum(len(r.encode("utf-8")) for r in raws) / 1e6,
        "article_words": sum(a.words for a in articles),
        "events": events,
        "peak_rss_mb": _peak_rss_mb(),
    }


# Runs in a fresh interpreter: start-up up to the first document's events, then the workload.
_PATH_PROCESS = """\
import time, json, sys
job = json.loads(sys.argv[1])
from rasd.io.ingest import document_from_html, document_from_text
from rasd.pipeline import process
read = document_from_html if job["form"] == "html" else document_from_text
process(read(job["first"], doc_id="first"))
ready = time.time()
from rasd.evaluation.bench import measure_path
figures = measure_path(job["language"], job["form"], job["documents"], job["words"], job["seed"])
print(json.dumps({"ready": ready, **figures}))
"""


def _environment() -> dict[str, str]:
    """The environment of the measuring processes: this one's, with this rasd importable."""
    env = dict(os.environ)
    source = str(Path(rasd.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (source, env.get("PYTHONPATH")) if p)
    return env


def python_startup_seconds(runs: int = 5) -> float:
    """Median wall time of ``python -c pass``: a bare interpreter's start and exit."""
    env = _environment()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], env=env, check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def run_path_process(
    language: str, form: str, documents: int, words: int, seed: int | str
) -> dict[str, float]:
    """One path measured in a fresh process: its figures plus ``startup_wall_seconds``."""
    first = bench_articles(language, 1, FIRST_DOCUMENT_WORDS, f"{seed}:first")
    job = {
        "language": language,
        "form": form,
        "documents": documents,
        "words": words,
        "seed": seed,
        "first": raw_documents(first, form)[0],
    }
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", _PATH_PROCESS, json.dumps(job, ensure_ascii=False)],
        env=_environment(),
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit status {done.returncode}"]
        raise BenchError(f"{language} {form}: the measuring process failed: {lines[-1]}")
    try:
        figures = json.loads(done.stdout.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        raise BenchError(f"{language} {form}: the measuring process printed no figures") from None
    figures["startup_wall_seconds"] = figures.pop("ready") - started
    return figures


@dataclass(frozen=True)
class PassTime:
    """Mean wall and CPU seconds of one pass over the documents."""

    seconds: float
    cpu_seconds: float


def seconds_per_pass(run: Callable[[], object], min_seconds: float = FLOOR_MIN_SECONDS) -> PassTime:
    """Mean time of ``run()``, repeated until ``min_seconds`` have passed (at least once)."""
    passes, started, cpu_started = 0, time.perf_counter(), time.process_time()
    while True:
        run()
        passes += 1
        elapsed = time.perf_counter() - started
        if elapsed >= min_seconds:
            return PassTime(elapsed / passes, (time.process_time() - cpu_started) / passes)


def trafilatura_seconds(pages: Sequence[str]) -> PassTime:
    """Time of one pass of trafilatura over the pages, with the options of rasd's ingest."""
    import trafilatura

    def extract_all() -> None:
        for page in pages:
            trafilatura.bare_extraction(
                page, url=None, favor_recall=True, with_metadata=True, include_comments=False
            )

    trafilatura.bare_extraction(pages[0], favor_recall=True, with_metadata=True)  # warm up
    return seconds_per_pass(extract_all)


def regex_seconds(texts: Sequence[str]) -> PassTime:
    """Time of one pass of ``re.findall(r"\\w+", text)`` over the texts."""

    def tokenize_all() -> None:
        for text in texts:
            re.findall(r"\w+", text)

    return seconds_per_pass(tokenize_all)


def length_scaling(documents: int, seed: int | str) -> dict[str, float]:
    """Seconds per document of 400-word and of 6,400-word Arabic texts, and their ratio."""
    short_words, long_words = SCALING_WORDS
    short_count = min(max(documents, 4), 40)
    long_count = max(1, short_count // 8)
    short = raw_documents(bench_articles("ar", short_count, short_words, seed), "text")
    long = raw_documents(bench_articles("ar", long_count, long_words, seed), "text")
    extract_documents(short[:1], "text", "warm-up")  # dictionaries and gazetteer loaded
    started = time.perf_counter()
    extract_documents(short, "text", "short")
    per_short = (time.perf_counter() - started) / len(short)
    measured, started = 0, time.perf_counter()
    for raw in long:
        extract_documents([raw], "text", f"long-{measured}")
        measured += 1
        if time.perf_counter() - started > SCALING_LONG_BUDGET_SECONDS:
            break
    per_long = (time.perf_counter() - started) / measured
    return {
        "language": "ar",
        "form": "text",
        "short_words": short_words,
        "long_words": long_words,
        "short_documents": len(short),
        "long_documents": measured,
        "short_seconds_per_document": per_short,
        "long_seconds_per_document": per_long,
        "ratio": per_long / per_short,
    }


def run_bench(
    documents: int = DEFAULT_DOCUMENTS,
    words: int = DEFAULT_WORDS,
    seed: int = DEFAULT_SEED,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every measurement of `rasd bench`, as one JSON-ready dict (see the module docstring)."""
    say = progress or (lambda message: None)
    started = time.perf_counter()
    say("bare interpreter start-up")
    bare = python_startup_seconds()
    paths: dict[str, dict[str, Any]] = {}
    for language, form in PATHS:
        say(f"{language} {form}: {documents} documents in a fresh process")
        figures = run_path_process(language, form, documents, words, seed)
        figures["startup_seconds"] = max(figures["startup_wall_seconds"] - bare, 0.0)
        figures["articles_per_second"] = figures["documents"] / figures["seconds"]
        figures["megabytes_per_second"] = figures["megabytes"] / figures["seconds"]
        figures["events_per_article"] = figures["events"] / figures["documents"]
        paths[f"{language}-{form}"] = {"language": language, "form": form, **figures}
    for language in LANGUAGES:
        say(f"{language}: floors")
        articles = bench_articles(language, documents, words, seed)
        raws = {form: raw_documents(articles, form) for form in FORMS}
        for form, timing in (
            ("text", regex_seconds(raws["text"])),
            ("html", trafilatura_seconds(raws["html"])),
        ):
            path = paths[f"{language}-{form}"]
            megabytes = sum(len(raw.encode("utf-8")) for raw in raws[form]) / 1e6
            if abs(megabytes - path["megabytes"]) > 1e-6:  # the seed makes the same articles
                raise BenchError(f"{language} {form}: the measuring process had other documents")
            floor_speed = len(articles) / timing.seconds
            path["floor"] = {
                "name": _FLOOR_NAMES[form],
                "seconds_per_pass": timing.seconds,
                "cpu_seconds_per_pass": timing.cpu_seconds,
                "articles_per_second": floor_speed,
                "megabytes_per_second": path["megabytes"] / timing.seconds,
                "ratio": path["articles_per_second"] / floor_speed,
            }
    say("length scaling")
    try:
        scaling = length_scaling(documents, seed)
    except Exception as err:  # rasd itself failed: say so in one line, as for the paths
        raise BenchError(
            f"length scaling: extraction failed ({type(err).__name__}: {err})"
        ) from err
    return {
        "rasd_version": rasd.__version__,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "documents": documents,
        "words": words,
        "seed": seed,
        "python_startup_seconds": bare,
        "startup_seconds": statistics.median(p["startup_seconds"] for p in paths.values()),
        "paths": paths,
        "scaling": scaling,
        "seconds": time.perf_counter() - started,
    }


# ---------------------------------------------------------------- report


def _ratio(value: float) -> str:
    return f"{value:.2g}" if value < 0.1 else f"{value:.2f}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], left: int = 1) -> list[str]:
    """Columns as wide as their widest cell: the first ``left`` ones left-aligned (names),
    the others right-aligned (figures)."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))
        )

    return [line(header), "  ".join("-" * w for w in widths), *map(line, rows)]


def format_report(report: dict[str, Any]) -> str:
    """The bench's figures as readable tables."""
    paths = report["paths"].values()
    speed = _table(
        ["path", "articles/s", "MB/s", "CPU/wall", "events/article", "start-up s", "peak RSS MB"],
        [
            [
                f"{p['language']} {p['form']}",
                f"{p['articles_per_second']:,.1f}",
                f"{p['megabytes_per_second']:.3f}",
                f"{p['cpu_seconds'] / p['seconds']:.0%}",
                f"{p['events_per_article']:.1f}",
                f"{p['startup_seconds']:.2f}",
                f"{p['peak_rss_mb']:.0f}",
            ]
            for p in paths
        ],
    )
    floors = _table(
        ["path", "floor", "articles/s", "MB/s", "CPU/wall", "rasd / floor"],
        [
            [
                f"{p['language']} {p['form']}",
                p["floor"]["name"],
                f"{p['floor']['articles_per_second']:,.0f}",
                f"{p['floor']['megabytes_per_second']:.2f}",
                f"{p['floor']['cpu_seconds_per_pass'] / p['floor']['seconds_per_pass']:.0%}",
                _ratio(p["floor"]["ratio"]),
            ]
            for p in paths
        ],
        left=2,
    )
    scaling = report["scaling"]
    ar_text = report["paths"]["ar-text"]
    return "\n".join(
        [
            f"rasd bench: {report['documents']} synthetic articles per path, {report['words']}+"
            f" words each (mean {ar_text['article_words'] / ar_text['documents']:.0f} in ar),"
            f" seed {report['seed']}",
            f"one process, one core; rasd {report['rasd_version']}, Python {report['python']}",
            "",
            *speed,
            "",
            "floors, on the same documents:",
            *floors,
            "",
            "start-up: from starting a fresh process to its first document's events, less a bare",
            f"  interpreter's start-up ({report['python_startup_seconds'] * 1000:.0f} ms for"
            " `python -c pass`)",
            "MB: UTF-8 bytes of the raw input (whole pages for html)",
            "CPU/wall under 100%: other processes competed for the core; speeds are then low",
            f"length scaling ({scaling['language']} {scaling['form']}):"
            f" {scaling['short_seconds_per_document'] * 1000:.1f} ms per {scaling['short_words']}"
            f"-word article, {scaling['long_seconds_per_document'] * 1000:.0f} ms per"
            f" {scaling['long_words']:,}-word one",
            f"  ratio {scaling['ratio']:.1f} (16 if linear)",
            f"bench took {report['seconds']:.0f} s",
        ]
    )


# ---------------------------------------------------------------- options


def _whole_number(value: str, least: int, most: int | None = None) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < least or (most is not None and number > most):
        span = f"from {least} to {most}" if most is not None else f"at least {least}"
        raise argparse.ArgumentTypeError(f"must be {span}, not {number}")
    return number


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `rasd bench`."""
    parser.description = (
        "Speed (articles/s, MB/s), start-up and peak memory of rasd's text and HTML paths in"
        " Arabic and English, on synthetic articles from rasd's own templates, with trafilatura"
        " and regex tokenisation as floors and a length-scaling check."
    )
    parser.add_argument(
        "--documents",
        type=lambda v: _whole_number(v, 1),
        default=DEFAULT_DOCUMENTS,
        metavar="N",
        help=f"articles per path (default: {DEFAULT_DOCUMENTS})",
    )
    parser.add_argument(
        "--words",
        type=lambda v: _whole_number(v, MIN_WORDS, MAX_WORDS),
        default=DEFAULT_WORDS,
        metavar="W",
        help=f"words per article, {MIN_WORDS} to {MAX_WORDS} (default: {DEFAULT_WORDS})",
    )
    parser.add_argument(
        "--seed",
        type=lambda v: _whole_number(v, 0),
        default=DEFAULT_SEED,
        help=f"of the synthetic articles (default: {DEFAULT_SEED})",
    )
    parser.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress messages")
