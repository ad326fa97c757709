"""`rasd export` (the stored events, filtered, as ACLED's CSV, GeoJSON, JSON Lines or
Parquet) and the closing summary of `rasd ingest`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.io.store import EventQuery, Ingested, Store, StoreError
from rasd.run_report import RunReport, counted

EXIT_OK = 0
EXIT_USAGE = 2


@dataclass
class IngestTally:
    """What a run of `rasd ingest` stored."""

    added: int = 0  # new documents
    updated: int = 0  # documents that replaced a stored one of their identity
    events_new: int = 0
    events_merged: int = 0

    def add(self, ingested: Ingested) -> None:
        self.added += ingested.new
        self.updated += not ingested.new
        self.events_new += ingested.events_new
        self.events_merged += ingested.events_merged

    def summary(self, store: Store, already_stored: int) -> str:
        docs, _ = store.count()
        return (
            f"stored {counted(self.added, 'new document')}, updated {self.updated}, skipped"
            f" {already_stored} already stored; events: {self.events_new:,} new,"
            f" {self.events_merged:,} merged into events already stored; {store.name} now"
            f" holds {counted(docs, 'document')}, {counted(store.happening_count(), 'event')}"
        )


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date: {value!r} (e.g. 2024-01-15)") from None


def _bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not a bounding box: {value!r} (WEST,SOUTH,EAST,NORTH in degrees, e.g."
            " 35.5,32.3,42.4,37.3)"
        ) from None
    if not (-90 <= south <= north <= 90 and -180 <= west <= 180 and -180 <= east <= 180):
        raise argparse.ArgumentTypeError(f"not a bounding box: {value!r} (degrees out of range)")
    return west, south, east, north


def add_export_command(sub: Any) -> None:
    """`rasd export` among the subcommands."""
    ex = sub.add_parser("export", help="write the stored events, filtered, to a file")
    ex.add_argument(
        "--db",
        default="rasd.sqlite",
        help="the store: a SQLite file (default: rasd.sqlite) or a postgresql:// URL",
    )
    ex.add_argument(
        "--format",
        choices=["csv", "geojson", "jsonl", "parquet"],
        default="csv",
        help="csv: ACLED's columns (default); geojson: points with flat properties (QGIS);"
        " jsonl: one event a line with its sources; parquet: a table (needs pyarrow)",
    )
    ex.add_argument("-o", "--out", metavar="FILE", help="write here (default: standard output)")
    ex.add_argument("--bom", action="store_true", help="with --format csv: a UTF-8 BOM for Excel")
    ex.add_argument(
        "--from", dest="date_from", type=_day, metavar="DATE", help="events on or after"
    )
    ex.add_argument("--to", dest="date_to", type=_day, metavar="DATE", help="events on or before")
    ex.add_argument("--bbox", type=_bbox, metavar="W,S,E,N", help="events inside this box")
    ex.add_argument("--country", help="the event's country, as stored (e.g. Syria)")
    ex.add_argument("--admin1", help="the event's first-level region, as stored (e.g. Idlib)")
    ex.add_argument("--type", dest="event_type", help="ACLED's event type (e.g. Battles)")
    ex.add_argument("--actor", help="actor1 or actor2 holds this (any case, Arabic folded)")
    ex.add_argument("--text", help="the place, actors, notes or evidence hold this")
    ex.set_defaults(func=cmd_export)


def cmd_export(args: argparse.Namespace) -> int:
    from rasd.io.desk_export import (
        ExportError,
        stored_events,
        write_csv,
        write_geojson,
        write_jsonl,
        write_parquet,
    )

    if args.bom and args.format != "csv":
        RunReport().error("--bom: only a CSV has a byte-order mark (add --format csv)")
        return EXIT_USAGE
    if args.format == "parquet" and not args.out:
        RunReport().error("--format parquet: give a file to write (--out events.parquet)")
        return EXIT_USAGE
    if "://" not in args.db and not Path(args.db).exists():
        RunReport().error(f"{args.db}: no such store (create it with `rasd ingest`)")
        return EXIT_USAGE
    query = EventQuery(
        date_from=args.date_from,
        date_to=args.date_to,
        bbox=args.bbox,
        country=args.country,
        admin1=args.admin1,
        event_type=args.event_type,
        actor=args.actor,
        text=args.text,
    )
    try:
        with Store(args.db) as store:
            events = stored_events(store, query)
            if args.format == "parquet":
                with open(args.out, "wb") as binary:
                    write_parquet(events, binary)
                return EXIT_OK
            out = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
            try:
                if args.format == "csv":
                    write_csv(events, out, bom=args.bom)
                elif args.format == "geojson":
                    write_geojson(events, out)
                else:
                    write_jsonl(events, out)
            finally:
                if out is not sys.stdout:
                    out.close()
    except (StoreError, ExportError) as err:
        RunReport().error(str(err))
        return EXIT_USAGE
    except OSError as err:
        RunReport().error(f"{args.out}: cannot write ({err.strerror or err})")
        return EXIT_USAGE
    return EXIT_OK
