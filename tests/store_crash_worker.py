"""A run that ingests many documents into a store, for the crash test to kill.

    python tests/store_crash_worker.py TARGET DOCUMENTS

Document n has EVENTS events, of its own day and place (no two documents report one
happening); documents already held are passed over, as `rasd ingest`
does. Prints "ready" once the store is open, so that the test kills it while it writes.
"""

from __future__ import annotations

import datetime as dt
import sys

from rasd.io.export import Result
from rasd.io.store import Store
from rasd.model import Actor, Document, Event, Location

EVENTS = 3


def document(number: int) -> Result:
    text = f"Report {number}. Gunmen attacked a patrol near the mill of village {number}."
    doc = Document(f"report-{number}", text, language="en", identity=f"id:report-{number}")
    events = [
        Event(
            "Battles",
            "Armed clash",
            "FIGHT",
            dt.date(2020, 1, 1) + dt.timedelta(days=3 * number),
            dt.date(2020, 1, 1) + dt.timedelta(days=3 * number),
            actor1=Actor(f"Group {number}-{event}", f"group {number}"),
            location=Location(f"Village {number}", 30 + number / 10, 36.0, country="Syria"),
        )
        for event in range(EVENTS)
    ]
    return Result(doc, events)


def main() -> None:
    target, count = sys.argv[1], int(sys.argv[2])
    with Store(target) as store:
        print("ready", flush=True)
        for number in range(count):
            result = document(number)
            if not store.holds(result.document):
                store.ingest(result)
    print("done", flush=True)


if __name__ == "__main__":
    main()
