"""Write src/rasd/data/places/common_words_ar.txt: frequent Arabic words, for the gazetteer.

A one-word place name that is also a frequent word ("كبيرة", "الفندق", "سلامة") is a place
only after a cue word (قرية، بلدة، قاعدة ...). The list is derived from the word frequencies
of the `wordfreq` package (data CC BY-SA 4.0, see its README); run this script again to
refresh it:

    .venv/bin/pip install wordfreq && .venv/bin/python scripts/make_common_words.py
"""

from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

from rasd.knowledge.gazetteer import name_key

ZIPF = 3.5  # about once in 300,000 words of running text
OUT = Path(__file__).resolve().parents[1] / "src/rasd/data/places/common_words_ar.txt"


def main() -> None:
    words = [w for w in top_n_list("ar", 100_000) if zipf_frequency(w, "ar") >= ZIPF]
    keys = sorted({name_key(w) for w in words} - {""})
    header = (
        "# Frequent Arabic words (Zipf frequency >= 3.5), folded as place-name keys.\n"
        "# Derived from wordfreq's data (CC BY-SA 4.0) by scripts/make_common_words.py.\n"
    )
    OUT.write_text(header + "\n".join(keys) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(keys)} words")


if __name__ == "__main__":
    main()
