"""`rasd batch`: the extraction of `rasd extract`, run on a Dask cluster over shards of records.

A shard is a JSON Lines file (``.jsonl``) or a Parquet file (``.parquet``) of records
``{doc_id, text | html, url, published, language, outlet}``, the records `rasd extract` reads.
The shards are a dask.bag, one shard a partition and a task: a Dask worker reads its shard
record by record, extracts the events of each document and writes them, a thousand
documents at a time, to Parquet files under the output folder, partitioned by the event's
date (``OUT/date=2024-01-15/…``; an event of no known date under ``date=undated``). What
travels back to the client is a :class:`ShardReport`: counts, and one line for each record
that could not be read and each document extraction failed on. So neither the client nor a
worker ever holds more than a shard's thousand documents, however large the run.

Each Dask worker process loads rasd's knowledge once, on its first shard. Dask retries a
task whose worker died; a shard that kills worker after worker is reported and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rasd.io.errors import IngestError
from rasd.io.export import Result
from rasd.io.identity import text_digest
from rasd.io.ingest import read_feed
from rasd.io.records import document_from_record
from rasd.model import Document

if TYPE_CHECKING:
    import pyarrow as pa
    from distributed import Client

SHARD_KINDS = (".jsonl", ".parquet")
DOCUMENTS_PER_FILE = 1000  # documents whose events a worker holds before writing them
UNDATED = "undated"  # the date partition of events of no known date
_PARQUET_BATCH = 256  # records read from a Parquet shard at a time


class BatchError(Exception):
    """A run that cannot start: no shards, an output folder in use, no Dask, no scheduler."""


@dataclass
class ShardReport:
    """What a worker did with one shard."""

    shard: str
    documents: int = 0
    skipped: int = 0  # no article text, or a language rasd does not read
    events: int = 0
    errors: list[str] = field(default_factory=list)  # "SHARD:LINE: why", one a failure


def shards_of(inputs: list[str]) -> list[str]:
    """The shards named: files as given, folders as the .jsonl and .parquet files in them
    (sorted); a BatchError for a name that is neither, or no shard at all."""
    shards: list[str] = []
    for name in inputs:
        path = Path(name)
        if path.is_dir():
            shards.extend(str(p) for p in sorted(path.iterdir()) if p.suffix in SHARD_KINDS)
        elif path.suffix.lower() not in SHARD_KINDS:
            raise BatchError(f"{name}: not a shard (a .jsonl or .parquet file, or a folder)")
        else:
            shards.append(name)
    if not shards:
        raise BatchError(f"{', '.join(inputs)}: no .jsonl or .parquet shards")
    return shards


def _parquet_records(path: str) -> Iterator[Document | IngestError]:
    """The records of a Parquet shard, read a batch of rows at a time ("SHARD:ROW")."""
    import pyarrow.parquet as pq

    try:
        rows = pq.ParquetFile(path)
    except FileNotFoundError:
        raise IngestError(path, "no such file") from None
    except (OSError, ValueError) as err:  # pyarrow's ArrowInvalid is a ValueError
        raise IngestError(path, f"not a Parquet file ({err})") from None
    number = 0
    for batch in rows.iter_batches(batch_size=_PARQUET_BATCH):
        for record in batch.to_pylist():
            number += 1
            published = record.get("published")
            if isinstance(published, dt.date):  # a timestamp or date column
                record["published"] = published.isoformat()
            try:
                yield document_from_record(record, f"{path}:{number}")
            except IngestError as err:
                yield err


def _records(path: str) -> Iterator[Document | IngestError]:
    return _parquet_records(path) if path.lower().endswith(".parquet") else read_feed(path)


def event_schema() -> pa.Schema:
    """The columns of the events Parquet files (``record``: the event as `rasd extract`'s
    JSON gives it), the ``date`` partition aside."""
    import pyarrow as pa

    text, number = pa.string(), pa.float64()
    return pa.schema(
        [("doc_id", text), ("identity", text), ("event", pa.int32()), ("event_type", text)]
        + [("sub_event_type", text), ("date_from", pa.date32()), ("date_to", pa.date32())]
        + [("actor1", text), ("actor2", text), ("location", text), ("admin1", text)]
        + [("country", text), ("lat", number), ("lon", number), ("fatalities", pa.int32())]
        + [("record", text), ("date", text)]
    )


def event_rows(result: Result) -> Iterator[dict[str, Any]]:
    """One row of the events Parquet files for each event of a document."""
    doc = result.document
    for number, event in enumerate(result.events, 1):
        loc = event.location
        yield {
            "doc_id": doc.doc_id,
            "identity": doc.identity,
            "event": number,
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type,
            "date_from": event.date_from,
            "date_to": event.date_to,
            "actor1": event.actor1.name if event.actor1 else None,
            "actor2": event.actor2.name if event.actor2 else None,
            "location": loc.name if loc else None,
            "admin1": loc.admin1 if loc else None,
            "country": loc.country if loc else None,
            "lat": loc.lat if loc else None,
            "lon": loc.lon if loc else None,
            "fatalities": event.fatalities,
            "record": json.dumps(event.to_dict(), ensure_ascii=False),
            "date": event.date_from.isoformat() if event.date_from else UNDATED,
        }


def _write_events(rows: list[dict[str, Any]], out: str, name: str) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if rows:
        pq.write_to_dataset(
            pa.Table.from_pylist(rows, schema=event_schema()),
            out,
            partition_cols=["date"],
            basename_template=f"{name}-{{i}}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )


def extract_shard(shard: str, out: str) -> ShardReport:
    """In a Dask worker: the events of one shard's documents, written under ``out``."""
    from rasd.knowledge.resources import default_resources
    from rasd.workers import Failure, extract_here

    report = ShardReport(shard)
    try:
        default_resources()  # once a worker process: cached after its first shard
    except Exception as err:
        report.errors.append(f"{shard}: cannot load rasd's knowledge ({err})")
        return report
    # the files of two shards of one name in two folders never meet
    name = f"{Path(shard).stem}-{text_digest(os.path.abspath(shard))[:8]}"
    rows: list[dict[str, Any]] = []
    pending = part = 0
    try:
        for item in _records(shard):
            if isinstance(item, IngestError):
                report.errors.append(str(item))
                continue
            outcome = extract_here(item)
            if isinstance(outcome, Failure):
                report.errors.append(f"{item.source or item.doc_id}: {outcome.reason}")
                continue
            report.documents += 1
            report.skipped += item.language not in ("ar", "en") or not item.text.strip()
            report.events += len(outcome.events)
            rows.extend(event_rows(outcome))
            pending += 1
            if pending == DOCUMENTS_PER_FILE:
                _write_events(rows, out, f"{name}-{part}")
                rows, pending, part = [], 0, part + 1
    except IngestError as err:  # the shard itself cannot be read (any further)
        report.errors.append(str(err))
    _write_events(rows, out, f"{name}-{part}")
    return report


def _client(scheduler: str | None, workers: int | None) -> Client:
    """A client of the scheduler at ``scheduler``, else of a new LocalCluster of ``workers``
    processes (default: one a core), one thread each: extraction is pure Python."""
    import logging

    from distributed import Client

    try:
        if scheduler:
            return Client(scheduler, timeout="20s")
        # the client starts the LocalCluster, and closes it when it is closed
        return Client(
            n_workers=workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    except OSError as err:  # distributed's connection timeouts are OSErrors
        raise BatchError(f"{scheduler or 'LocalCluster'}: cannot connect ({err})") from None
    except RuntimeError as err:  # "Nanny failed to start": a worker process did not start
        raise BatchError(f"LocalCluster: cannot start ({err})") from None


def run_batch(
    shards: list[str],
    out: Path,
    on_shard: Callable[[ShardReport], None],
    scheduler: str | None = None,
    workers: int | None = None,
) -> None:
    """Extract ``shards`` on Dask into ``out`` (a new or empty folder); ``on_shard`` is told
    the report of each shard as it is done. A shard whose task failed (its workers died)
    gets a report of that one error."""
    try:
        import dask.bag as db
        from distributed import as_completed
    except ImportError:
        raise BatchError("rasd batch needs Dask: pip install 'rasd[batch]'") from None
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise BatchError(f"{out}: already exists and is not an empty folder; give a new one")
    out.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(shards, npartitions=len(shards)).map(extract_shard, str(out.resolve()))
    with _client(scheduler, workers) as client:
        futures = client.compute(bag.to_delayed())
        shard_of = {future.key: shard for future, shard in zip(futures, shards)}
        for future in as_completed(futures):
            try:
                reports = future.result()
            except Exception as err:  # KilledWorker and the like: this shard alone
                shard = shard_of[future.key]
                reason = f"its task failed ({type(err).__name__}: {err})"
                on_shard(ShardReport(shard, errors=[f"{shard}: {reason}"]))
                continue
            for report in reports:
                on_shard(report)
