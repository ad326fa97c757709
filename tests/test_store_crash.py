"""A run killed with SIGKILL at any moment leaves the store consistent, and a rerun completes
the work without duplicates: on SQLite and on PostgreSQL."""

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text
from store_backends import store_target  # noqa: F401  (a fixture)
from store_crash_worker import EVENTS

from rasd.io.store import EventQuery, Store
from rasd.io.store.database import open_engine
from rasd.io.store.search_index import FTS_TABLES

WORKER = Path(__file__).with_name("store_crash_worker.py")
DOCUMENTS = 300
ROUNDS = 6


def run(target: str, kill_after: float | None) -> str:
    """One ingesting run; killed ``kill_after`` seconds after it opened the store."""
    process = subprocess.Popen(
        [sys.executable, str(WORKER), target, str(DOCUMENTS)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(WORKER.parent)},
    )
    assert process.stdout is not None
    if kill_after is None:
        out, _ = process.communicate(timeout=300)
        return out
    assert process.stdout.readline().strip() == "ready"
    time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    return ""


def scalar(target: str, query: str) -> int:
    engine = open_engine(target)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text(query)).scalar() or 0)
    finally:
        engine.dispose()


def test_a_run_killed_again_and_again_then_rerun_stores_every_document_once(store_target):  # noqa: F811
    moments = random.Random(11)
    for _ in range(ROUNDS):
        run(store_target, kill_after=moments.uniform(0.0, 0.5))
    assert "done" in run(store_target, kill_after=None)
    with Store(store_target) as store:
        assert store.count() == (DOCUMENTS, DOCUMENTS * EVENTS)
        assert store.find_events(EventQuery())[0] == DOCUMENTS * EVENTS
        assert store.find_events(EventQuery(text="village 299"))[0] == EVENTS
    per_document = (
        "SELECT count(*) FROM (SELECT identity FROM events GROUP BY identity"
        f" HAVING count(*) <> {EVENTS}) wrong"
    )
    assert scalar(store_target, per_document) == 0
    orphan_events = (
        "SELECT count(*) FROM events e LEFT JOIN documents d ON d.identity = e.identity"
        " WHERE d.identity IS NULL"
    )
    assert scalar(store_target, orphan_events) == 0
    empty_happenings = (
        "SELECT count(*) FROM happenings h LEFT JOIN events e ON e.happening_id = h.id"
        " WHERE e.id IS NULL"
    )
    assert scalar(store_target, empty_happenings) == 0
    assert scalar(store_target, "SELECT count(*) FROM happening_texts") == DOCUMENTS * EVENTS


def test_a_killed_sqlite_file_passes_its_integrity_checks(tmp_path):
    target = str(tmp_path / "killed.sqlite")
    for moment in (0.2, 0.4):
        run(target, kill_after=moment)
    engine = open_engine(target)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        # the text search indexes agree with their table (raise if not)
        for table in FTS_TABLES.values():
            connection.exec_driver_sql(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
    engine.dispose()


def records(folder: Path, count: int) -> Path:
    """A JSON Lines file of ``count`` records, the bundled samples again and again, each at a
    URL of its own."""
    from rasd.cli import sample_paths

    samples = sample_paths()
    lines = []
    for number in range(count):
        sample = samples[number % len(samples)]
        body = sample.read_text(encoding="utf-8")
        lines.append(
            json.dumps(
                {
                    "doc_id": f"r{number}",
                    "url": f"https://news.example/{number}",
                    "html" if sample.suffix == ".html" else "text": body,
                    "published": "2024-01-15T10:00:00+03:00",
                }
            )
        )
    path = folder / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def contents(target: str) -> tuple[list, list]:
    """Each document with its events, and each event with its sources, as comparable
    lists."""
    with Store(target) as store:
        by_document = sorted(
            (identity, json.dumps(record, sort_keys=True))
            for _, identity, record in store.event_records()
        )
        _, page = store.find_events(EventQuery(), limit=10_000)
        by_event = [
            (json.dumps(e.record, sort_keys=True), [s.identity for s in e.sources]) for e in page
        ]
    return by_document, by_event


def ingest(target: str, feed: Path, kill_after: float | None) -> None:
    command = [sys.executable, "-m", "rasd", "ingest", "-q", "--db", target, str(feed)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    if kill_after is None:
        assert process.wait(timeout=600) == 0
        return
    time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)


def test_rasd_ingest_killed_and_rerun_stores_what_one_clean_run_stores(
    store_target,  # noqa: F811
    tmp_path,
):
    feed = records(tmp_path, 40)
    clean = str(tmp_path / "clean.sqlite")
    ingest(clean, feed, kill_after=None)
    moments = random.Random(5)
    for _ in range(4):
        ingest(store_target, feed, kill_after=moments.uniform(1.0, 3.0))
    ingest(store_target, feed, kill_after=None)
    assert contents(store_target) == contents(clean)
