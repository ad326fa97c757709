"""The analyst's desk: `rasd serve`, an HTTP API over the event store and the map page that
reads it, both working offline (the page's scripts, styles and basemap ship in ``static/``).

Needs the ``desk`` extra (FastAPI and uvicorn); ``import rasd`` and the extraction commands do
not.
"""
