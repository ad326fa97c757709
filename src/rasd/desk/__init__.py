"""The desk: what is done with events once extracted, across documents and outlets."""
