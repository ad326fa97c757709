"""`rasd bench`: how fast rasd turns raw news into events, on synthetic articles.

``articles`` writes the articles from rasd's own templates (``templates``), ``pages`` renders
them as plain texts and HTML pages, ``measure`` times rasd and its floors on them, ``report``
gathers the figures and lays them out, ``command`` holds the options of `rasd bench`.
"""

from rasd.evaluation.bench.command import add_arguments
from rasd.evaluation.bench.measure import BenchError
from rasd.evaluation.bench.report import format_report, run_bench

__all__ = ["BenchError", "add_arguments", "format_report", "run_bench"]
