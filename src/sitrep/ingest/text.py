"""Plain-text inputs: decoding bytes into article text, and refusing what isn't text.

A `.txt` or `.md` file is one article. Its text is kept whole; a title is read only when it is
unmistakable: a Markdown heading ("# Troops hold Pokrovsk") on the first line of a `.md` file.
A first line that merely looks like a headline is not taken as one (many articles open with a
short sentence or a photo caption).

    >>> decode_text(b"Pokrovsk", where="a.txt")
    'Pokrovsk'
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, Messages
from .article import Article, Rejection
from .fields import make_article, rejection, require_words
from .files import read_bounded

__all__ = ["decode_text", "looks_binary", "markdown_title", "read_bytes", "read_text", "require_words"]

WORD = re.compile(r"[^\W\d_]+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]+")
#: Byte-order marks first (they say the encoding), then UTF-8, then the usual legacy Western codepage.
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def looks_binary(data: bytes) -> str | None:
    """Why `data` is not text, or None. NUL bytes or many control characters mean binary."""
    sample = data[:8192]
    if any(sample.startswith(bom) for bom, _ in BOMS):
        return None
    if b"\x00" in sample:
        return "contains NUL bytes"
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if sample and controls / len(sample) > 0.05:
        return f"{controls} control bytes in the first {len(sample)}"
    return None


def decode_text(data: bytes, *, where: str) -> str:
    """Bytes to str: BOM-declared encoding, else UTF-8, else Windows-1251 (Cyrillic) or Windows-1252."""
    if not data.strip():
        raise InputError(Messages.E101, where=where)
    why = looks_binary(data)
    if why:
        raise InputError(Messages.E102, where=where, detail=why)
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as e:
                raise InputError(Messages.E103, where=where, detail=str(e)) from e
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as utf8_error:
        valid, invalid = utf8_sequences(data)
        if valid >= REPAIRABLE * invalid:
            # UTF-8 with a few broken sequences (a cut multi-byte character, one stray byte):
            # read as UTF-8 with U+FFFD marking each repair, rather than as a legacy codepage,
            # which would turn every other non-ASCII character into mojibake ("â€™").
            return data.decode("utf-8", errors="replace")
        if valid * LEGACY > invalid:
            detail = f"{valid} valid UTF-8 sequences mixed with {invalid} invalid ones: re-save it as UTF-8"
            raise InputError(Messages.E103, where=where, detail=detail) from utf8_error
        cyrillic = _legacy_cyrillic(data)
        if cyrillic is not None:
            return cyrillic
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as e:
            raise InputError(Messages.E103, where=where, detail=str(utf8_error)) from e
        return text


#: Valid multi-byte UTF-8 sequences per invalid one from which a text is UTF-8 with a few repairs.
REPAIRABLE = 2
#: Invalid sequences per valid one from which a text is a legacy codepage (whose letter pairs
#: form a valid UTF-8 sequence now and then by chance: Windows-1251 "Мі" is the bytes CC B3).
LEGACY = 4


def utf8_sequences(data: bytes) -> tuple[int, int]:
    """How many valid multi-byte UTF-8 sequences and how many invalid bytes `data` holds."""
    decoded = data.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in decoded if ord(ch) > 0x7F) - decoded.count("\ufffd")
    return valid, invalid


def _legacy_cyrillic(data: bytes) -> str | None:
    """The text as Windows-1251 when that reads as Cyrillic words, else None.

    Ukrainian and Russian sites long served Windows-1251. Read that way, Cyrillic text gives
    whole words of Cyrillic letters, while Western text gives Latin words with a stray
    Cyrillic letter inside ("Cafй"): more pure than mixed words decides it.
    """
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    pure = mixed = 0
    for word in WORD.findall(text):
        if CYRILLIC.fullmatch(word):
            pure += 1
        elif CYRILLIC.search(word):
            mixed += 1
    return text if pure > mixed else None


#: A Markdown ATX heading of level 1 or 2 (CommonMark §4.2), taken as the title of a `.md` article.
MARKDOWN_TITLE = re.compile(r"^ {0,3}#{1,2}[ \t]+(?P<title>.+?)(?:[ \t]+#+)?[ \t]*$")


def read_bytes(path: Path, *, max_bytes: int, where: str | None = None) -> bytes:
    """The whole file, refused when it is empty (E101), over `max_bytes` (E110), unreadable (E116)
    or not a regular file (E119). At most `max_bytes` + 1 bytes are ever read, whatever `stat` says."""
    where = where or str(path)
    data = read_bounded(path, max_bytes=max_bytes, where=where)
    if not data.strip():
        raise InputError(Messages.E101, where=where)
    return data


def markdown_title(text: str) -> str | None:
    """The first line's heading text when it is a level-1 or level-2 Markdown heading."""
    first = text.lstrip("\n").split("\n", 1)[0]
    match = MARKDOWN_TITLE.match(first)
    return match.group("title").strip() if match else None


def read_text(path: Path, *, max_bytes: int) -> Iterator[Article | Rejection]:
    """The one article in a text or Markdown file, or the Rejection that says why not."""
    where = str(path)
    try:
        text = decode_text(read_bytes(path, max_bytes=max_bytes), where=where)
        title = markdown_title(text) if path.suffix.lower() in (".md", ".markdown") else None
        yield make_article(text, origin=where, format="text", title=title, input_id=path.stem)
    except InputError as e:
        yield rejection(e)
