"""Documents in and events out: ingestion of pages, texts and records; exports; the store."""
