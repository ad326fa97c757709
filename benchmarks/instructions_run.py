"""One run for benchmarks/instructions.sh: ingest and extract the first N of 40 bench
articles (Arabic, 400 words, seed 1), after warming up on 5 of them."""

import sys

from rasd.evaluation.bench.articles import bench_articles
from rasd.io.ingest import document_from_text
from rasd.knowledge.resources import default_resources
from rasd.pipeline import process

texts = [a.text() for a in bench_articles("ar", 40, 400, 1)]
resources = default_resources()
for text in texts[:5]:
    process(document_from_text(text, doc_id="warm-up"), resources)
for text in texts[: int(sys.argv[1])]:
    process(document_from_text(text, doc_id="measured"), resources)
