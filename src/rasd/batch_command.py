"""The `rasd batch` command: shards of records through extraction on Dask, events out as
Parquet partitioned by date (rasd.batch)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rasd.run_report import RunReport, counted
from rasd.workers import worker_count

_EXIT_OK = 0
_EXIT_SOME_INPUTS_FAILED = 1
_EXIT_USAGE = 2


def add_batch_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`rasd batch`, added to the subcommands of the `rasd` parser."""
    batch = commands.add_parser(
        "batch", help="extract shards of records on Dask into Parquet (pip install 'rasd[batch]')"
    )
    batch.add_argument(
        "shards",
        nargs="+",
        metavar="SHARD",
        help=".jsonl or .parquet files of records {doc_id, text | html, url, published,"
        " language, outlet}, or folders of them",
    )
    batch.add_argument(
        "--out",
        required=True,
        metavar="FOLDER",
        help="a new (or empty) folder for the events: Parquet files under date=YYYY-MM-DD/"
        " (date=undated for events of no known date); on a cluster, one every worker can write",
    )
    batch.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler of an existing cluster (tcp://host:8786); default: a"
        " LocalCluster on this machine",
    )
    batch.add_argument(
        "--workers",
        type=worker_count,
        metavar="N",
        help="worker processes of the LocalCluster (default: one a core)",
    )
    batch.add_argument("-q", "--quiet", action="store_true", help="no closing summary: errors only")
    batch.set_defaults(func=cmd_batch)


def cmd_batch(args: argparse.Namespace) -> int:
    from rasd.batch import BatchError, ShardReport, run_batch, shards_of

    report = RunReport(args.quiet)
    out = Path(args.out)
    if args.scheduler and args.workers:
        report.error("--workers: the cluster at --scheduler has the workers it has")
        return _EXIT_USAGE

    def on_shard(shard: ShardReport) -> None:
        for error in shard.errors:
            report.error(error)
        report.read += shard.documents
        report.skipped += shard.skipped
        report.events += shard.events

    try:
        shards = shards_of(args.shards)
        run_batch(shards, out, on_shard, args.scheduler, args.workers)
    except BatchError as err:
        report.error(str(err))
        return _EXIT_USAGE
    if not args.quiet:
        print(
            f"{report.summary()}, from {counted(len(shards), 'shard')} into {out}/", file=sys.stderr
        )
    return _EXIT_SOME_INPUTS_FAILED if report.failures else _EXIT_OK
