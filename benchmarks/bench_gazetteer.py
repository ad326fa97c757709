"""Gazetteer benchmark: load time, memory, look-ups per second, place-finding speed.

Run: .venv/bin/python benchmarks/bench_gazetteer.py
"""

from __future__ import annotations

import resource
import time
import tracemalloc
from collections import Counter

from rasd.annotate.places import find_places
from rasd.knowledge.gazetteer import Gazetteer
from rasd.text.tokens import tokenize

NAMES = [
    "بالحسكة",
    "لدير الزور",
    "وإدلب",
    "القامشلي",
    "أربيل",
    "الموصل",
    "حميميم",
    "عين الأسد",
    "Deir ez-Zor",
    "Qamishli",
    "Raqqa",
    "Ain al-Asad",
    "Erbil",
    "Gaza",
    "مخيم الهول",
    "xyzzy",
    "Nowhere Town",
    "قرية ليست هنا",
    "المستشفى",
    "الحكومة",
]
TEXT = (
    "قصفت طائرات مسيرة مواقع غربي مدينة القامشلي وبريف دير الزور الشرقي، فيما استهدفت "
    "صواريخ قاعدة عين الأسد في الأنبار. Drones struck the Conoco gas field north of Raqqa. "
)


def main() -> None:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    gaz = Gazetteer.load(user=False)  # timed without tracing, which slows loading down
    load_s = time.perf_counter() - t0
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    Gazetteer.load(user=False)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    n = 100_000
    t0 = time.perf_counter()
    for i in range(n):
        gaz.lookup(NAMES[i % len(NAMES)])
    lookups = n / (time.perf_counter() - t0)

    tokens = tokenize(TEXT * 50)
    t0 = time.perf_counter()
    for _ in range(20):
        gaz.find(tokens)
    tokens_s = 20 * len(tokens) / (time.perf_counter() - t0)

    t0 = time.perf_counter()
    for _ in range(200):
        find_places(TEXT, gaz)
    docs_s = 200 / (time.perf_counter() - t0)

    rows = [
        ("places", f"{len(gaz):,}"),
        ("load time", f"{load_s * 1000:.0f} ms"),
        ("load memory (tracemalloc peak)", f"{peak / 1e6:.1f} MB"),
        ("peak RSS growth", f"{(rss1 - rss0) / 1024:.1f} MB"),
        ("lookup()", f"{lookups:,.0f} /s (mixed hits and misses)"),
        ("find() on tokens", f"{tokens_s:,.0f} tokens/s"),
        ("find_places() short text", f"{docs_s:,.0f} texts/s"),
    ]
    countries = Counter(p.country or "-" for p in gaz.places).most_common()
    rows += [(f"  places in {c}", f"{k:,}") for c, k in countries]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main()
