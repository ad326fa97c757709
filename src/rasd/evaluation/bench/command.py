"""The options of `rasd bench`: how many articles per path, how long, which seed, and how
the report is shown."""

from __future__ import annotations

import argparse

from rasd.evaluation.bench.report import DEFAULT_DOCUMENTS, DEFAULT_SEED, DEFAULT_WORDS

MIN_WORDS, MAX_WORDS = 100, 2000


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
