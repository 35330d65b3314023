"""Plain-text inputs: decoding bytes into article text, and refusing what isn't text.

    >>> decode_text(b"Pokrovsk", where="a.txt")
    'Pokrovsk'
"""

from __future__ import annotations

import codecs

from ..errors import InputError, Messages

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
    """Bytes to str: BOM-declared encoding, else UTF-8, else Windows-1252 when it is plausible."""
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
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as e:
            raise InputError(Messages.E103, where=where, detail=str(utf8_error)) from e
        return text


def require_words(text: str, *, where: str) -> str:
    if not any(ch.isalpha() for ch in text):
        raise InputError(Messages.E112, where=where, detail=f"{len(text)} characters, none a letter")
    return text
