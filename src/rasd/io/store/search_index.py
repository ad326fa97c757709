"""What keeps text search fast: on SQLite an FTS5 index of trigrams over the happenings'
folded ``search`` and ``actors`` columns (substring search through an index), kept in step
with happening_texts by triggers; on PostgreSQL pg_trgm indexes over them where the
extension can be created (else LIKE reads the columns, which is still correct)."""

from __future__ import annotations

from sqlalchemy import Connection, text

SQLITE_INDEX = (
    "CREATE VIRTUAL TABLE happening_search USING fts5(search, actors,"
    " content='happening_texts', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER happening_search_insert AFTER INSERT ON happening_texts BEGIN"
    " INSERT INTO happening_search (rowid, search, actors)"
    " VALUES (new.id, new.search, new.actors); END",
    "CREATE TRIGGER happening_search_delete AFTER DELETE ON happening_texts BEGIN"
    " INSERT INTO happening_search (happening_search, rowid, search, actors)"
    " VALUES ('delete', old.id, old.search, old.actors); END",
    "CREATE TRIGGER happening_search_update AFTER UPDATE OF search, actors ON happening_texts"
    " BEGIN INSERT INTO happening_search (happening_search, rowid, search, actors)"
    " VALUES ('delete', old.id, old.search, old.actors);"
    " INSERT INTO happening_search (rowid, search, actors)"
    " VALUES (new.id, new.search, new.actors); END",
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


def fts_phrase(column: str, query: str) -> str:
    """An FTS5 query for the folded string ``query`` as a substring (a quoted phrase) of
    ``column``."""
    return f"{column} : " + '"' + query.replace('"', '""') + '"'
