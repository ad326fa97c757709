"""The schema's versions and the steps between them.

A store's version is the row of ``rasd_schema``; a SQLite file written before that table
has it in ``PRAGMA user_version`` (2), or none at all (1: documents keyed by their name).
Opening a store brings it to this rasd's version, every step in one transaction with the
version's own update: a store is upgraded all the way or not at all. A store of a newer
version is refused and left as it is. SQLite files also carry the version in
``user_version``, so that an older rasd refuses a newer file instead of misreading it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, delete, insert, inspect, select

from rasd.io.store.database import StoreError
from rasd.io.store.legacy import happenings_of_events, identities, is_schema_1
from rasd.io.store.schema import VERSION, metadata, schema_version
from rasd.io.store.search_index import create_search_index

# STEPS[n] takes a store of version n to version n + 1
STEPS: dict[int, Callable[[Connection], None]] = {
    1: identities,
    2: happenings_of_events,
}


def stored_version(connection: Connection) -> int:
    """The version of the store: 0 for an empty database."""
    sqlite = connection.dialect.name == "sqlite"
    pragma = connection.exec_driver_sql("PRAGMA user_version").scalar() if sqlite else 0
    tables = set(inspect(connection).get_table_names())
    if schema_version.name in tables:
        version = connection.execute(select(schema_version.c.version)).scalar()
        return max(int(version or 0), int(pragma or 0))
    if pragma:
        return int(pragma)
    if sqlite and "documents" in tables:
        return 1 if is_schema_1(connection) else 2
    return 0


def needs_upgrade(connection: Connection, name: str) -> bool:
    """Whether the store must be created or upgraded; a StoreError for a newer one."""
    version = stored_version(connection)
    if version > VERSION:
        raise StoreError(
            f"{name}: written by a newer rasd (store version {version}, this rasd reads up"
            f" to {VERSION})"
        )
    return version < VERSION


def upgrade(connection: Connection, name: str) -> None:
    """Create the store's tables in an empty database, or bring an older store to VERSION,
    in the caller's (writing) transaction."""
    if not needs_upgrade(connection, name):
        return  # another process upgraded it while this one waited
    version = stored_version(connection)
    if version == 0:
        metadata.create_all(connection)
        create_search_index(connection)
    else:
        for step in range(version, VERSION):
            STEPS[step](connection)
    connection.execute(delete(schema_version))
    connection.execute(insert(schema_version).values(version=VERSION))
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA user_version = {VERSION}")
