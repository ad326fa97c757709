"""The desk's store: how fast the events query answers with filters on a large store.

    .venv/bin/python benchmarks/desk_store.py build --events 100000 OUT.sqlite
    .venv/bin/python benchmarks/desk_store.py query OUT.sqlite [--runs 20] [--json]

``build`` fills a new store (a SQLite path or a postgresql:// URL) with synthetic documents
of five events each (types, days over two years, places with their coordinates, actors,
notes and evidence sentences), through the store's own writing code, a few hundred documents
to a transaction, each event its own happening (the synthetic events are not reports of one
another, and would be grouped by chance). ``query`` runs a mix of queries (no filter, a
month, a bounding box, a country and a type, an actor, a text search, all of them at once),
each ``runs`` times after one warm-up, through ``Store.find_events`` (a page of 100, and
the total), and prints p50/p95 latency per query and over all. Both parts can be imported
(``build_store``, ``query_latencies``): the API's benchmark builds its store with them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import time
from collections.abc import Iterator

from rasd.io.export import Result
from rasd.io.store import EventQuery, Store
from rasd.model import Actor, Document, Event, Location, Span

EVENTS_PER_DOCUMENT = 5
DOCUMENTS_PER_TRANSACTION = 200
FIRST_DAY = dt.date(2023, 1, 1)
DAYS = 730
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Arrests"),
]
PLACES = [  # name, admin1, country, lat, lon
    ("Kafr Nabl", "Idlib", "Syria", 35.61, 36.56),
    ("Saraqib", "Idlib", "Syria", 35.86, 36.80),
    ("Atarib", "Aleppo", "Syria", 36.14, 36.83),
    ("Douma", "Rural Damascus", "Syria", 33.57, 36.40),
    ("Daraa", "Daraa", "Syria", 32.62, 36.10),
    ("Deir ez-Zor", "Deir ez-Zor", "Syria", 35.34, 40.14),
    ("Tyre", "South", "Lebanon", 33.27, 35.20),
    ("Nabatieh", "Nabatieh", "Lebanon", 33.38, 35.48),
    ("Mosul", "Nineveh", "Iraq", 36.34, 43.13),
    ("Khan Younis", "Gaza Strip", "Palestine", 31.34, 34.30),
    ("Marib", "Marib", "Yemen", 15.46, 45.32),
    ("Taiz", "Taiz", "Yemen", 13.58, 44.02),
]
ACTORS = [
    "Military Forces of Syria (2000-2024)",
    "Hayat Tahrir al-Sham",
    "Islamic State (Iraq and Syria)",
    "Syrian Democratic Forces",
    "Military Forces of Israel (2022-)",
    "Hezbollah",
    "Houthi Movement",
    "Unidentified Armed Group",
    "Protesters",
    "Civilians",
]
WORDS = (
    "checkpoint convoy village market bridge road school hospital mill farm bakery station"
    " mosque tower camp border river hill bus truck patrol"
).split()


def _event(rng: random.Random, text: str, sentence: tuple[int, int]) -> Event:
    kind, sub = rng.choice(TYPES)
    name, admin1, country, lat, lon = rng.choice(PLACES)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    first, second = rng.sample(ACTORS, 2)
    start, end = sentence
    return Event(
        event_type=kind,
        sub_event_type=sub,
        plover="ASSAULT",
        date_from=day,
        date_to=day,
        actor1=Actor(first, first),
        actor2=Actor(second, second) if rng.random() < 0.7 else None,
        location=Location(
            name,
            round(lat + rng.uniform(-0.05, 0.05), 4),
            round(lon + rng.uniform(-0.05, 0.05), 4),
            admin1=admin1,
            country=country,
        ),
        fatalities=rng.choice([0, 0, 0, 1, 2, 3, 5]),
        evidence={"trigger": Span(start, end, text[start:end])},
        notes=f"Reported near the {rng.choice(WORDS)}.",
    )


def synthetic_results(events: int, seed: int = 7) -> Iterator[Result]:
    """Documents of EVENTS_PER_DOCUMENT events each, ``events`` in all."""
    rng = random.Random(seed)
    for number in range(0, events, EVENTS_PER_DOCUMENT):
        sentences = [
            f"Witnesses saw the {rng.choice(WORDS)} and the {rng.choice(WORDS)} hit at dawn."
            for _ in range(EVENTS_PER_DOCUMENT)
        ]
        text = " ".join(sentences)
        bounds, at = [], 0
        for sentence in sentences:
            bounds.append((at, at + len(sentence)))
            at += len(sentence) + 1
        count = min(EVENTS_PER_DOCUMENT, events - number)
        doc = Document(
            f"doc-{number // EVENTS_PER_DOCUMENT}",
            text,
            title=f"Report {number // EVENTS_PER_DOCUMENT}",
            language="en",
            url=f"https://news.example/{number // EVENTS_PER_DOCUMENT}",
            identity=f"url:https://news.example/{number // EVENTS_PER_DOCUMENT}",
            outlet="Example News",
        )
        yield Result(doc, [_event(rng, text, bounds[i]) for i in range(count)])


def build_store(target: str, events: int, seed: int = 7) -> None:
    """A store at ``target`` (new) holding ``events`` synthetic events."""
    batch: list[Result] = []
    with Store(target) as store:
        for result in synthetic_results(events, seed):
            batch.append(result)
            if len(batch) == DOCUMENTS_PER_TRANSACTION:
                store.ingest_all(batch, group=False)
                batch = []
        if batch:
            store.ingest_all(batch, group=False)


QUERIES = {
    "no filter": EventQuery(),
    "a month": EventQuery(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 2, 29)),
    "bounding box": EventQuery(bbox=(36.0, 35.0, 37.0, 36.5)),
    "country and type": EventQuery(country="Syria", event_type="Battles"),
    "admin1": EventQuery(admin1="Marib"),
    "actor": EventQuery(actor="tahrir"),
    "text": EventQuery(text="bakery"),
    "rare text": EventQuery(text="hezbollah protesters"),
    "everything": EventQuery(
        date_from=dt.date(2023, 6, 1),
        date_to=dt.date(2023, 12, 31),
        bbox=(35.0, 32.0, 41.0, 37.0),
        country="Syria",
        event_type="Explosions/Remote violence",
        actor="forces",
        text="convoy",
    ),
}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def query_latencies(target: str, runs: int = 20) -> dict[str, dict[str, float]]:
    """p50 and p95 of each query of QUERIES in milliseconds, and of all of them
    ("all"), with how many events each matched."""
    report: dict[str, dict[str, float]] = {}
    everything: list[float] = []
    with Store(target) as store:
        for name, query in QUERIES.items():
            total, _ = store.find_events(query)  # warm-up
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                store.find_events(query, limit=100)
                times.append((time.perf_counter() - start) * 1000)
            everything += times
            report[name] = {
                "matched": total,
                "p50_ms": round(statistics.median(times), 2),
                "p95_ms": round(_percentile(times, 0.95), 2),
            }
    report["all"] = {
        "matched": -1,
        "p50_ms": round(statistics.median(everything), 2),
        "p95_ms": round(_percentile(everything, 0.95), 2),
    }
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="part", required=True)
    build = sub.add_parser("build", help="fill a new store with synthetic events")
    build.add_argument("--events", type=int, default=100_000)
    build.add_argument("--seed", type=int, default=7)
    build.add_argument("store", help="a SQLite path or a postgresql:// URL")
    query = sub.add_parser("query", help="p50/p95 latency of the events query")
    query.add_argument("store")
    query.add_argument("--runs", type=int, default=20)
    query.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if args.part == "build":
        start = time.perf_counter()
        build_store(args.store, args.events, args.seed)
        seconds = time.perf_counter() - start
        print(f"{args.events} events into {args.store} in {seconds:.1f} s")
        return
    report = query_latencies(args.store, args.runs)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{'query':18} {'matched':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for name, figures in report.items():
        matched = "" if figures["matched"] < 0 else f"{figures['matched']:.0f}"
        print(f"{name:18} {matched:>8} {figures['p50_ms']:8.2f} {figures['p95_ms']:8.2f}")


if __name__ == "__main__":
    main()
