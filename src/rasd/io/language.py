"""Language identification of an article: "ar", "en" or "other".

A text written in Arabic letters only, with none that other languages add to the script,
is Arabic (data/ingest/scripts.yaml). Any other text goes to py3langid, which (with numpy
and a model of about 100 MB) is imported and loaded on the first text that needs it, never
when a record gives its language. Only the beginning of a text is read
(``IDENTIFY_CHARS``), so the cost does not grow with the length of the article.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from rasd.knowledge.files import data_file, read_yaml
from rasd.knowledge.settings import SETTINGS

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

LANGUAGES = ("ar", "en")
# Languages py3langid may choose from: the two we handle and those most often mistaken for them.
_CANDIDATE_LANGUAGES = ["ar", "en", "fa", "ur", "ku", "tr", "he", "fr", "de", "es", "it", "ru"]
_MIN_LETTERS = SETTINGS.ingest.fewest_letters
IDENTIFY_CHARS = SETTINGS.ingest.identify_characters  # read from the start of a text
_SCRIPT_CHARS = SETTINGS.ingest.script_characters
# Letters and Arabic letters are counted as the characters that are not the other ones, the
# spaces among those counted apart at once (in an Arabic text the rest are the few digits and
# marks: fewer matches to make). Not letters: spaces, other non-word characters, digits and _.
_NOT_WORD_NOR_SPACE = re.compile(r"[^\w ]")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_NOT_ARABIC_LETTER_NOR_SPACE = re.compile(
    "[^ \u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"
)


@cache
def _language_identifier() -> LanguageIdentifier:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_modelpath(MODEL_DIR / MODEL_FILE, norm_probs=True)
    identifier.set_languages(_CANDIDATE_LANGUAGES)
    return identifier


def beginning(text: str, limit: int = IDENTIFY_CHARS) -> str:
    """The first ``limit`` characters of ``text`` or fewer, without a word cut in two (unless
    the whole beginning is one word)."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    if text[limit].isspace():
        return head
    cut = len(head)
    while cut and not head[cut - 1].isspace():
        cut -= 1  # back over the word cut in two ...
    while cut and head[cut - 1].isspace():
        cut -= 1  # ... and the white space before it
    return head[:cut] if cut > 0 else head


@cache
def _script_rules() -> tuple[float, re.Pattern[str]]:
    data = read_yaml(data_file("ingest", "scripts.yaml"))
    letters = re.escape(data["not_arabic_letters"])
    return float(data["arabic_share"]), re.compile(f"[{letters}]")


def identify_language(text: str) -> str:
    """The language of ``text`` judged from its beginning (``IDENTIFY_CHARS`` characters): "ar",
    "en" or "other" (also when that beginning has fewer than 20 letters). A beginning in
    Arabic letters only, with none that other languages add to the script, is Arabic
    without asking py3langid (data/ingest/scripts.yaml)."""
    text = beginning(text)
    share, other_letters = _script_rules()
    head = beginning(text, _SCRIPT_CHARS)
    head_letters = _letters(head)
    if head_letters < _MIN_LETTERS and _letters(text) < _MIN_LETTERS:
        return "other"
    arabic = len(head) - head.count(" ") - len(_NOT_ARABIC_LETTER_NOR_SPACE.findall(head))
    if head_letters and arabic >= share * head_letters and not other_letters.search(head):
        return "ar"
    language, _ = _language_identifier().classify(text)
    return language if language in LANGUAGES else "other"


@cache
def _language_names() -> tuple[float, dict[str, str]]:
    data = read_yaml(data_file("ingest", "languages.yaml"))
    return float(data["least_confidence"]), {str(k): str(v) for k, v in data["names"].items()}


def unsupported_language(text: str) -> str:
    """Why a text ``identify_language`` calls "other" has no events, as a warning: it has too
    few letters to be an article, or its language is one rasd does not read (named when the
    identifier is sure of it, data/ingest/languages.yaml), or none could be told."""
    text = beginning(text)
    if _letters(text) < _MIN_LETTERS:
        return "no article text found (too little text to tell its language)"
    least_confidence, names = _language_names()
    language, confidence = _language_identifier().classify(text)
    if language in names and confidence >= least_confidence:
        name = f"{names[language]} ({language})"
        return f"language {name} is not supported: rasd reads Arabic and English"
    return "language not identified: rasd reads Arabic and English"


def _letters(text: str) -> int:
    not_letters = len(_NOT_WORD_NOR_SPACE.findall(text)) + len(_DIGIT_OR_UNDERSCORE.findall(text))
    return len(text) - text.count(" ") - not_letters
