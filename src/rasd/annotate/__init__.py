"""Annotation: what a document mentions (triggers, cue words, weapons, actors, places, dates,
numbers), found in one pass over its tokens and laid out sentence by sentence."""
