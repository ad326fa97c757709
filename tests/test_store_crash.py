"""A run killed with SIGKILL at any moment leaves the store consistent, and a rerun completes
the work without duplicates: on SQLite and on PostgreSQL."""

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
        # the text search index agrees with its table (raises if not)
        connection.exec_driver_sql(
            "INSERT INTO happening_search (happening_search) VALUES ('integrity-check')"
        )
    engine.dispose()
