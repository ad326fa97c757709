"""What keeps text search fast: on SQLite an FTS5 index of trigrams over the happenings'
folded ``search`` column (substring search through an index), kept in step with the table by
triggers; on PostgreSQL a pg_trgm index over it where the extension can be created (else
LIKE reads the column, which is still correct)."""

from __future__ import annotations

from sqlalchemy import Connection, text

SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE happening_search USING fts5(search, content='happenings',"
    " content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER happening_search_insert AFTER INSERT ON happenings BEGIN"
    " INSERT INTO happening_search (rowid, search) VALUES (new.id, new.search); END",
    "CREATE TRIGGER happening_search_delete AFTER DELETE ON happenings BEGIN"
    " INSERT INTO happening_search (happening_search, rowid, search)"
    " VALUES ('delete', old.id, old.search); END",
    "CREATE TRIGGER happening_search_update AFTER UPDATE OF search ON happenings BEGIN"
    " INSERT INTO happening_search (happening_search, rowid, search)"
    " VALUES ('delete', old.id, old.search);"
    " INSERT INTO happening_search (rowid, search) VALUES (new.id, new.search); END",
)
POSTGRES_INDEX = (
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX happenings_search_trigrams ON happenings USING gin (search gin_trgm_ops)",
    "CREATE INDEX happenings_actors_trigrams ON happenings USING gin (actors gin_trgm_ops)",
)
SHORTEST_INDEXED = 3  # characters: a trigram index finds no shorter string


def create_search_index(connection: Connection) -> None:
    """The text search index of the happenings table (just created, maybe with rows)."""
    if connection.dialect.name == "sqlite":
        for statement in SQLITE_INDEX:
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql(
            "INSERT INTO happening_search (happening_search) VALUES ('rebuild')"
        )
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
