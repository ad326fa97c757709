"""Opening the database a store lives in: a SQLite file (a path) or a PostgreSQL server (a
``postgresql://`` URL), and the transactions the store reads and writes in.

SQLite: the file in write-ahead-log mode, so that readers (the API) go on while `rasd
ingest` writes; foreign keys on; every transaction begun by hand (``BEGIN``, or ``BEGIN
IMMEDIATE`` for a write, which waits its turn instead of failing half-way), so that DDL is
transactional too. PostgreSQL (through psycopg, ``pip install 'rasd[postgres]'``): writers take
one advisory lock, so that two runs ingesting at once put their events into happenings one
after the other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, exc, text
from sqlalchemy.engine import URL, make_url

WRITERS_LOCK = 7_306_117  # PostgreSQL's advisory lock of rasd's writers
SQLITE_WAIT_SECONDS = 60  # how long a write waits for another writer before failing


class StoreError(Exception):
    """The store cannot be opened or written."""


def _url(target: str | Path) -> URL:
    """The SQLAlchemy URL of a path or a URL given by the user."""
    if isinstance(target, Path) or "://" not in target:
        return URL.create("sqlite+pysqlite", database=str(target))
    try:
        url = make_url(target)
    except exc.ArgumentError:
        raise StoreError(f"{target}: not a database URL") from None
    if url.drivername in ("postgresql", "postgres"):
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "sqlite+pysqlite", "postgresql+psycopg"):
        return url
    raise StoreError(f"{target}: not a store (a SQLite file's path or a postgresql:// URL)")


def display_name(target: str | Path) -> str:
    """The store as messages name it: the path, or the URL without its password."""
    if isinstance(target, Path) or "://" not in target:
        return str(target)
    try:
        return make_url(target).render_as_string(hide_password=True)
    except exc.ArgumentError:
        return target


def open_engine(target: str | Path) -> Engine:
    """The engine of the store at ``target``; a StoreError when it cannot be made."""
    url = _url(target)
    name = display_name(target)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": SQLITE_WAIT_SECONDS})
        event.listen(engine, "connect", _sqlite_connected)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError:
        raise StoreError(
            f"{name}: PostgreSQL needs psycopg (pip install 'rasd[postgres]')"
        ) from None


def _sqlite_connected(connection: object, _record: object) -> None:
    connection.isolation_level = None  # type: ignore[attr-defined]  # transactions by hand
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")  # WAL: a killed process loses nothing
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    writing = connection.get_execution_options().get("rasd_writing", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that writes: committed at the end, rolled back on any
    exception (a killed process leaves it undone: the database's own doing)."""
    with engine.connect() as connection:
        connection.execution_options(rasd_writing=True)
        with connection.begin():
            if is_postgres(engine):
                lock = text("SELECT pg_advisory_xact_lock(:key)")
                connection.execute(lock, {"key": WRITERS_LOCK})
            yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that reads: one consistent view of the store."""
    with engine.connect() as connection, connection.begin():
        yield connection


def reason(err: BaseException) -> str:
    """What went wrong, in the database's words, on one line."""
    original = getattr(err, "orig", None) or err
    return " ".join(str(original).split()) or type(original).__name__
