"""Bytes to text: UTF-8 and UTF-16 with a BOM, else the Arabic single-byte encodings.

charset-normalizer is imported only when the bytes are not UTF-8, which most inputs are.
"""

from __future__ import annotations

import re

from rasd.io.errors import IngestError

_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _arabic_share(text: str) -> float:
    """Share of the non-ASCII letters that are Arabic: near 1 for a right guess at Arabic."""
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    return sum("\u0600" <= c <= "\u06ff" for c in letters) / len(letters) if letters else 0.0


def decode(data: bytes, source: str) -> str:
    """Text from bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else windows-1256/ISO-8859-6 or
    another single-byte encoding found by charset-normalizer, checked to give Arabic letters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise IngestError(source, f"bad UTF-16 text ({e.reason})") from None
    if b"\x00" in data[:65536]:
        raise IngestError(source, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    guessed = str(guess) if guess is not None else None
    if guessed is not None and _arabic_share(guessed) >= 0.5:
        return guessed
    decoded = []
    for encoding in ("cp1256", "iso8859_6"):
        try:
            decoded.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    best = max(decoded, key=_arabic_share, default=None)
    if best is not None and _arabic_share(best) >= 0.5:
        return best
    if guessed is not None and len(_CONTROL.findall(guessed)) < 0.01 * len(guessed):
        return guessed
    raise IngestError(source, "binary file, not text")
