"""The text as sitrep stores it, and the hash that deduplicates it (no spaCy import here).

    >>> text_hash("Pokrovsk  fell.\\r\\n") == text_hash("pokrovsk fell.")
    True
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalise_text(text: str) -> str:
    """The text as sitrep stores and hashes it: NFC, unified newlines, no trailing blanks."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def text_hash(text: str) -> str:
    """Dedupe key: the hash of the normalised text with whitespace collapsed and case folded."""
    folded = " ".join(normalise_text(text).split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()
