"""Cleaning article text into lines: page furniture and related-article blocks dropped.

Text is normalized (NFC, one kind of line break, no zero-width or directional marks, no
non-breaking spaces or tabs), lines are trimmed and inner runs of spaces collapsed. The words
of the furniture are in data/ingest/furniture.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rasd.knowledge.files import data_file, read_yaml
from rasd.text.normalize import fold, is_arabic
from rasd.text.sentences import ends_sentence

# zero-width and directional marks, soft hyphens, and control characters (NUL among them:
# no store keeps one, and PostgreSQL refuses text with one)
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2060\ufeff\u00ad\u202a-\u202e]"
)
_SPACES = re.compile(" {2,}")
_BULLET = re.compile(r"^[-–—*•·]\s")
_LATIN = re.compile("[A-Za-z]{3}")
_RELATED_MARKER_MAX_CHARS = 40  # a line opening a related block is at most this long


@dataclass(frozen=True)
class _Furniture:
    lines: frozenset[str]
    most_words: int  # the most words a line of ``lines`` has
    pattern: re.Pattern[str]  # the file's patterns as one alternation
    related: tuple[str, ...]
    related_item_max_chars: int
    stamp: re.Pattern[str]  # a stored page's date stamp before its first line


@cache
def _furniture() -> _Furniture:
    data = read_yaml(data_file("ingest", "furniture.yaml"))
    return _Furniture(
        lines=frozenset(data["lines"]),
        most_words=max((len(line.split()) for line in data["lines"]), default=0),
        pattern=re.compile("|".join(f"(?:{p})" for p in data["patterns"])),
        related=tuple(fold(marker) for marker in data["related"]),
        related_item_max_chars=data["related_item_max_chars"],
        stamp=re.compile(data["stamp"], re.IGNORECASE),
    )


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _INVISIBLE.sub("", text).replace("\u00a0", " ").replace("\t", " ")


def _is_furniture(line: str) -> bool:
    """``line`` is trimmed but its inner spaces are not yet collapsed (menus use runs of them)."""
    furniture = _furniture()
    most = furniture.most_words  # a line of more words is none of ``lines``: not joined again
    if len(line.split(maxsplit=most)) <= most and " ".join(line.split()) in furniture.lines:
        return True
    return bool(furniture.pattern.fullmatch(line))


def _stamp_apart(text: str) -> str:
    """A stored page's date stamp, on a line of its own ("date 2024-03-10 BAGHDAD (Reuters) -"
    becomes "date 2024-03-10" and "BAGHDAD (Reuters) - ..."): a date line, then the page's
    own dateline."""
    stamp = _furniture().stamp.match(text)
    if stamp is None or not text[stamp.end() :].strip():
        return text
    return text[: stamp.end()].strip() + "\n" + text[stamp.end() :].lstrip(" ")


def _opens_related_block(line: str) -> bool:
    return len(line) <= _RELATED_MARKER_MAX_CHARS and fold(line).startswith(_furniture().related)


def _related_link(line: str) -> bool:
    """ "اقرأ أيضا: قتلى في قصف على خان يونس": a marker and one linked headline on a line."""
    folded, furniture = fold(line), _furniture()
    return any(
        folded.startswith(marker)
        and folded[len(marker) :].lstrip().startswith((":", "|", "-", "–"))
        and len(line) <= len(marker) + furniture.related_item_max_chars
        for marker in furniture.related
    )


def _is_related_item(line: str) -> bool:
    return len(line) <= _furniture().related_item_max_chars and (
        bool(_BULLET.match(line)) or not re.search(r"(?<!\.)\.$", line)
    )


def clean_lines(text: str) -> list[str]:
    """The article's lines, trimmed, with furniture and related-article blocks dropped; ""
    stands for a paragraph break (never two in a row, none at either end)."""
    lines = [line.strip() for line in _stamp_apart(_normalize(text)).split("\n")]
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if _opens_related_block(line):
            while i < len(lines):
                if lines[i] and _is_related_item(lines[i]):
                    i += 1
                elif not lines[i] and i + 1 < len(lines) and _BULLET.match(lines[i + 1]):
                    i += 1
                else:
                    break
            line = ""
        elif line and (_is_furniture(line) or _related_link(line)):
            continue
        if "  " in line:
            line = _SPACES.sub(" ", line)
        if line or (kept and kept[-1]):
            kept.append(line)
    while kept and not kept[-1]:
        kept.pop()
    return _without_inserted_headlines(_without_trailing_links(kept))


def _without_trailing_links(lines: list[str]) -> list[str]:
    """The lines without a run of headlines after the last sentence of the body: links to
    other articles ("most read", tags) that no marker announced. Two short lines at least,
    none of which ends a sentence, after a line that does."""
    last = next((k for k in range(len(lines) - 1, -1, -1) if ends_sentence(lines[k])), -1)
    tail = [line for line in lines[last + 1 :] if line]
    if last < 0 or len(tail) < 2 or not all(_is_related_item(line) for line in tail):
        return lines
    return lines[: last + 1]


def _without_inserted_headlines(lines: list[str]) -> list[str]:
    """The lines without an English headline that stands as a paragraph of its own between
    two paragraphs of the body, or after its last ("Six people killed in strikes on
    Baalbek, ministry says"): a link to another article, a caption or a subheading, which
    breaks off where every paragraph of English news ends with a sentence. A line that
    opens what follows with a colon stays; so do Arabic lines, which head sections with the
    region the next paragraphs report from."""
    alone = [
        k
        for k, line in enumerate(lines)
        if line and k and not lines[k - 1] and (k + 1 == len(lines) or not lines[k + 1])
    ]
    dropped = {
        k
        for k in alone
        if _LATIN.search(lines[k])
        and not is_arabic(lines[k])
        and len(lines[k]) <= _furniture().related_item_max_chars
        and not (_BULLET.match(lines[k]) or ends_sentence(lines[k]) or lines[k].endswith(":"))
        and ends_sentence(lines[k - 2])
        and (k + 2 >= len(lines) or ends_sentence(lines[k + 2]))
    }
    kept = [line for k, line in enumerate(lines) if k not in dropped]
    kept = [line for k, line in enumerate(kept) if line or (k and kept[k - 1])]
    return kept[:-1] if kept and not kept[-1] else kept
