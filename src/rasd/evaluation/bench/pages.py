"""Rendering a bench article as the raw strings rasd is given: the plain text a scraper
keeps, and a news site's HTML page with the usual furniture (header, menu, share bar,
``<article>`` with ``<time datetime>``, related and most-read links, newsletter box, footer),
its words taken from the language's templates (the ``page`` key)."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rasd.evaluation.bench.templates import templates

if TYPE_CHECKING:
    from rasd.evaluation.bench.articles import Article

FORMS = ("text", "html")


def plain_text(article: Article) -> str:
    """The article as scraped plain text: headline, date line, paragraphs."""
    blocks = [article.headline, article.date_line, *(" ".join(p) for p in article.paragraphs)]
    return "\n\n".join(blocks) + "\n"


def news_page(article: Article) -> str:
    """The article as a news site's HTML page, furniture and all."""
    page = templates(article.language)["page"]
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


def raw_documents(articles: Sequence[Article], form: str) -> list[str]:
    """The articles as the raw strings rasd is given: plain texts or HTML pages."""
    if form not in FORMS:
        raise ValueError(f"no document form {form!r}")
    render = plain_text if form == "text" else news_page
    return [render(a) for a in articles]
