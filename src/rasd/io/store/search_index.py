"""What keeps text search fast: on SQLite an FTS5 index of trigrams over each of the
happenings' folded ``search`` and ``actors`` columns (substring search through an index),
kept in step with happening_texts by triggers; on PostgreSQL pg_trgm indexes over them where the
extension can be created (else LIKE reads the columns, which is still correct)."""

from __future__ import annotations

from sqlalchemy import Connection, text

# the FTS5 table of each folded column of happening_texts: one a column, so that a search
# reads only its own column's trigrams
FTS_TABLES = {"search": "happening_search", "actors": "happening_actor_search"}


def _sqlite_index(column: str, table: str) -> tuple[str, ...]:
    """An external-content FTS5 table of trigrams over one column, and its triggers."""
    return (
        f"CREATE VIRTUAL TABLE {table} USING fts5({column}, content='happening_texts',"
        " content_rowid='id', tokenize='trigram')",
        f"CREATE TRIGGER {table}_insert AFTER INSERT ON happening_texts BEGIN"
        f" INSERT INTO {table} (rowid, {column}) VALUES (new.id, new.{column}); END",
        f"CREATE TRIGGER {table}_delete AFTER DELETE ON happening_texts BEGIN"
        f" INSERT INTO {table} ({table}, rowid, {column})"
        f" VALUES ('delete', old.id, old.{column}); END",
        f"CREATE TRIGGER {table}_update AFTER UPDATE OF {column} ON happening_texts BEGIN"
        f" INSERT INTO {table} ({table}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
        f" INSERT INTO {table} (rowid, {column}) VALUES (new.id, new.{column}); END",
        f"INSERT INTO {table} ({table}) VALUES ('rebuild')",
    )


POSTGRES_INDEX = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX happening_search_trigrams ON happening_texts USING gin (search gin_trgm_ops)",
    "CREATE INDEX happening_actors_trigrams ON happening_texts USING gin (actors gin_trgm_ops)",
)
SHORTEST_INDEXED = 3  # characters: a trigram index finds no shorter string


def create_search_index(connection: Connection) -> None:
    """The text search index of the happenings table (just created, maybe with rows)."""
    if connection.dialect.name == "sqlite":
        for column, table in FTS_TABLES.items():
            for statement in _sqlite_index(column, table):
                connection.exec_driver_sql(statement)
        return
    savepoint = connection.begin_nested()
    try:
        for statement in POSTGRES_INDEX:
            connection.execute(text(statement))
    except Exception:  # no right to create the extension: searching reads the column
        savepoint.rollback()
    else:
        savepoint.commit()


def fts_phrase(query: str) -> str:
    """An FTS5 query for the folded string ``query`` as a substring (a quoted phrase)."""
    return '"' + query.replace('"', '""') + '"'
