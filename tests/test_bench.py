"""`rasd bench`: its synthetic articles and the shape of its report. Speeds are reported by
the bench, never asserted here."""

import json
import re

import lxml.html
import pytest

from rasd.cli import main
from rasd.evaluation.bench import measure
from rasd.evaluation.bench.articles import ArticleWriter, bench_articles, word_count
from rasd.evaluation.bench.pages import raw_documents
from rasd.evaluation.bench.report import PATHS
from rasd.evaluation.bench.templates import templates
from rasd.io.ingest import document_from_html, document_from_text
from rasd.pipeline import process

ARABIC_LETTER = re.compile("[\u0621-\u064a]")
LATIN_LETTER = re.compile("[A-Za-z]")


def test_same_seed_writes_the_same_articles():
    first = raw_documents(bench_articles("ar", 3, 200, seed=5), "html")
    again = raw_documents(bench_articles("ar", 3, 200, seed=5), "html")
    other = raw_documents(bench_articles("ar", 3, 200, seed=6), "html")
    assert first == again
    assert first != other


@pytest.mark.parametrize("language", ["ar", "en"])
@pytest.mark.parametrize("words", [100, 400, 2000, 6400])
def test_articles_reach_the_asked_word_count_within_a_sentence(language, words):
    for article in bench_articles(language, 3, words, seed=1):
        last_sentence = word_count(article.paragraphs[-1][-1])
        assert words <= article.words < words + last_sentence
        assert word_count(article.text()) == article.words


def test_articles_have_a_headline_a_date_line_and_paragraphs():
    article = bench_articles("en", 1, 400, seed=1)[0]
    blocks = article.text().strip().split("\n\n")
    assert blocks[0] == article.headline and blocks[1] == article.date_line
    assert len(blocks) >= 4


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_template_fills_every_slot(language):
    writer = ArticleWriter(language, seed=1)
    data = templates(language)
    for section in data["theatres"]:
        for kind, event in data["events"].items():
            for template in [*event["headlines"], *event["sentences"]]:
                filled = writer.fill(template, section, kind)
                assert not re.search(r"[{}<>|]", filled), (template, filled)
        for template in [*data["background"], *data["quotes"]]:
            filled = writer.fill(template, section)
            assert not re.search(r"[{}<>|]", filled), (template, filled)


def test_arabic_articles_are_arabic_and_english_ones_english():
    for article in bench_articles("ar", 3, 150, seed=2):
        text = article.text()
        assert len(ARABIC_LETTER.findall(text)) > 20 * len(LATIN_LETTER.findall(text))
        assert document_from_text(text, doc_id="ar").language == "ar"
    for article in bench_articles("en", 3, 150, seed=2):
        text = article.text()
        assert not ARABIC_LETTER.search(text)
        assert document_from_text(text, doc_id="en").language == "en"


@pytest.mark.parametrize("language", ["ar", "en"])
def test_html_pages_are_news_pages_whose_article_rasd_extracts_events_from(language):
    article = bench_articles(language, 1, 300, seed=3)[0]
    page = article.page()
    tree = lxml.html.document_fromstring(page)
    for furniture in ("//nav", "//header", "//footer", "//aside//a", "//article//h1"):
        assert tree.xpath(furniture), furniture
    assert tree.xpath("//article//time/@datetime") == [article.published.isoformat()]
    doc = document_from_html(page, doc_id=f"bench-{language}")
    assert doc.language == language
    assert doc.published == article.published
    assert article.paragraphs[-1][-1] in doc.text
    assert not any(related in doc.text for related in article.related)
    assert process(doc).events


def test_text_and_html_forms_hold_the_same_articles():
    articles = bench_articles("ar", 2, 150, seed=4)
    texts, pages = raw_documents(articles, "text"), raw_documents(articles, "html")
    for article, text, page in zip(articles, texts, pages):
        assert article.headline in text and article.headline in page


def test_bench_json_reports_every_figure_positive(capsys, monkeypatch):
    # the one slow test: four fresh processes each load rasd's dictionaries and gazetteer (most
    # of its time), so each path gets the least work: one article of the fewest words allowed,
    # and each floor one real pass instead of passes repeated for a quarter of a second
    monkeypatch.setattr(measure, "FLOOR_MIN_SECONDS", 0.0)
    code = main(["bench", "--documents", "1", "--words", "100", "--json"])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    assert report["documents"] == 1 and report["words"] == 100
    assert report["python_startup_seconds"] > 0 and report["startup_seconds"] > 0
    assert set(report["paths"]) == {f"{language}-{form}" for language, form in PATHS}
    for path in report["paths"].values():
        assert path["documents"] == 1
        for figure in (
            "articles_per_second",
            "megabytes_per_second",
            "startup_seconds",
            "peak_rss_mb",
            "events",
        ):
            assert path[figure] > 0, figure
        assert path["floor"]["name"] == ("trafilatura" if path["form"] == "html" else "regex \\w+")
        assert path["floor"]["articles_per_second"] > 0 and path["floor"]["ratio"] > 0
    scaling = report["scaling"]
    assert (scaling["short_words"], scaling["long_words"]) == (400, 6400)
    assert scaling["short_seconds_per_document"] > 0 and scaling["ratio"] > 0


@pytest.mark.parametrize(
    "option", [["--words", "50"], ["--words", "lots"], ["--documents", "0"], ["--seed", "-1"]]
)
def test_bad_bench_option_is_a_one_line_usage_error(option, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["bench", *option])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    errors = [line for line in err.splitlines() if "error:" in line]
    assert len(errors) == 1 and option[0] in errors[0]
    assert "Traceback" not in err
