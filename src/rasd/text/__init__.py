"""The text layer: folding, tokens, sentences and phrase matching, all with offsets into the
clean text."""
