"""Synthetic news articles for the bench, written from rasd's own templates.

Written on the spot from data/bench/ar.yaml and en.yaml: a headline, a date line and
paragraphs of incident sentences (shelling, air and drone strikes, clashes, arrests, protests,
explosions) mixed with background sentences and quotes, about places and actors that rasd's
gazetteer and actor dictionary know. An article of W words gets sentences until it has at
least W words, so it ends within one sentence of W. A seeded ``random.Random`` makes the same
articles for the same seed, language and length on every machine. How an article is rendered
(plain text, HTML page) is the job of ``pages``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from random import Random
from typing import Any

from rasd.evaluation.bench.pages import news_page, plain_text
from rasd.evaluation.bench.templates import templates

# Publication times: up to the end of November 2024, so that the Syrian actors are the ones of
# 2000-2024 (the actor dictionary picks the period from the date).
_FIRST_DAY = dt.date(2021, 1, 1)
_DAYS = (dt.date(2024, 11, 30) - _FIRST_DAY).days
_ZONE = dt.timezone(dt.timedelta(hours=3))
_ALTERNATION = re.compile(r"<([^<>|]*)\|([^<>|]*)>")


def word_count(text: str) -> int:
    """Words as the bench counts them: runs of non-space characters."""
    return len(text.split())


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
        return plain_text(self)

    def page(self) -> str:
        """The article as a news site's HTML page, furniture and all."""
        return news_page(self)


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
        """A body sentence: an incident (half of them at the lead's place), a quote or
        background, in the shares the data's ``sentence_mix`` gives."""
        data, random = self.data, self.random
        mix = data["sentence_mix"]
        roll = random.random()
        if roll < mix["incident"]:
            kind = random.choice(sorted(data["events"]))
            place = lead_place if random.random() < 0.5 else None
            scene = self._scene(section, kind, published, place)
            return self._fill(self._draw(kind, data["events"][kind]["sentences"]), scene)
        scene = self._scene(section, "", published)
        if roll < mix["incident"] + mix["quote"]:
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
        linking = tuple(data["linking_openings"])
        openers = [s for s in sentences if not s.startswith(linking)] or sentences
        lead = self._fill(random.choice(openers), scene)
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


def bench_articles(language: str, count: int, words: int, seed: int | str) -> list[Article]:
    """The articles the bench measures for one language; text and HTML forms share them."""
    writer = ArticleWriter(language, seed=f"rasd-bench:{seed}:{language}:{words}")
    return [writer.article(words) for _ in range(count)]
