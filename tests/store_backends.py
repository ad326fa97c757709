"""The databases the store's tests run on: a SQLite file, and a PostgreSQL database when
RASD_TEST_POSTGRES names a server (.ci/run starts one), a new database for each test."""

from __future__ import annotations

import os
import uuid

import pytest

POSTGRES = os.environ.get("RASD_TEST_POSTGRES")


def _postgres_database() -> str:
    """A new, empty database on the test server; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert POSTGRES is not None
    server = make_url(POSTGRES).set(drivername="postgresql+psycopg")
    name = f"rasd_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


def _drop(url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    assert POSTGRES is not None
    name = make_url(url).database
    admin = create_engine(
        make_url(POSTGRES).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT"
    )
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """Where a test's store lives: a SQLite path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    if not POSTGRES:
        pytest.skip("RASD_TEST_POSTGRES is not set: no PostgreSQL server to test the store on")
    url = _postgres_database()
    try:
        yield url
    finally:
        _drop(url)
