"""The event stages: candidates from a document's mentions, their roles, tolls, places and
dates, the reasoning over the whole article, and the output record."""
