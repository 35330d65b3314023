"""Checking the fields every reader fills (text, title, dates, language) and building the Article.

    >>> published_date("2025-11-03T08:00:00Z", where="a.jsonl:1")
    datetime.date(2025, 11, 3)
    >>> make_article("  Troops held Pokrovsk.  ", origin="a.txt", title=" Pokrovsk ").title
    'Pokrovsk'
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from ..errors import InputError, Messages
from ..normalise import normalise_text
from .article import Article, Rejection
from .clean import cleaned

#: Values that exports write for "no date" (seen in scraped corpora: "unknown"); read as absent.
NO_DATE = frozenset({"unknown", "none", "null", "n/a", "na", "-", "?"})
#: A BCP 47 language tag, loosely ("en", "uk", "en-GB", and "en_US" as in og:locale).
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3}$")
#: Publication dates accepted as real. Outside them a date is a placeholder (9999-12-31,
#: 0001-01-01) that would overflow date arithmetic in time resolution and PostgreSQL's range.
EARLIEST = date(1800, 1, 1)
LATEST = date(2199, 12, 31)
#: Escapes for the control characters that break one-line output (tables, logs, TSV).
ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
#: Unicode categories escaped by `printable`: controls, lone surrogates, line and paragraph separators.
LINE_BREAKING = frozenset({"Cc", "Cs", "Zl", "Zp"})


def require_words(text: str, *, where: str) -> str:
    """`text` itself, or InputError E112 when not one character of it is a letter."""
    if not any(ch.isalpha() for ch in text):
        raise InputError(Messages.E112, where=where, detail=f"{len(text)} characters, none a letter")
    return text


def rejection(error: InputError) -> Rejection:
    """The Rejection that records `error` (its `where`, code and message without the code), on one line."""
    return Rejection(origin=printable(error.where), code=error.code, reason=printable(error.reason))


def printable(value: str) -> str:
    """`value` on one line and storable: control characters escaped ("a\\nb"), and the bytes of a
    file name that is not UTF-8 (which Python keeps as lone surrogates) shown as "\\xe9".

        >>> printable("news\\nfile.txt")
        'news\\\\nfile.txt'
    """
    if value.isprintable():  # (a stricter test than needed: it also fails on spaces other than " ")
        return value
    out = []
    for ch in value:
        if "\udc80" <= ch <= "\udcff":  # os.fsdecode's surrogateescape of one undecodable byte
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch in ESCAPES:
            out.append(ESCAPES[ch])
        elif unicodedata.category(ch) in LINE_BREAKING:
            out.append(ch.encode("unicode_escape").decode("ascii") if ord(ch) < 0x10000 else "\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def check_published(value: date | None, *, where: str, field: str = "published") -> date | None:
    """`value` itself when it is a plausible publication date; InputError E120 when out of range."""
    if value is not None and not EARLIEST <= value <= LATEST:
        raise InputError(Messages.E120, where=where, value=value.isoformat(), low=EARLIEST, high=LATEST, field=field)
    return value


def describe(value: object) -> str:
    """A short description of a JSON value for an error message ("a number (12)")."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "a list", dict: "an object"}
    kind = kinds.get(type(value), type(value).__name__)
    shown = repr(value)
    return f"{kind} ({shown[:40]}{'…' if len(shown) > 40 else ''})"


def optional_str(value: object, *, field: str, where: str) -> str | None:
    """A string field, stripped; None when absent or blank. Anything but a string is an error."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(Messages.E113, where=where, field=field, detail=describe(value), expected="a string")
    return value.strip() or None


def published_date(value: object, *, where: str) -> date | None:
    """An ISO date or date-time (string or date) to the date it names, in the writer's own time zone.

    The date part is kept as written rather than converted to UTC: "2025-11-03T23:30-05:00" was
    published on 3 November where it was written.
    """
    if value is None or isinstance(value, date):
        return check_published(value.date() if isinstance(value, datetime) else value, where=where)
    text = optional_str(value, field="published", where=where)
    if text is None or text.casefold() in NO_DATE:
        return None
    try:
        parsed = datetime.fromisoformat(text).date()
    except ValueError:
        pass
    else:
        return check_published(parsed, where=where)
    raise InputError(
        Messages.E113,
        where=where,
        field="published",
        detail=describe(text),
        expected="an ISO date or date-time such as 2025-11-03 or 2025-11-03T08:00:00Z",
    )


def language_code(value: str | None) -> str | None:
    """The language of a tag, lower-cased, without region or script ("en-GB" → "en"); None if not a tag.

    One code per language, so that "en", "en-US" and "en_GB" articles are all found as "en".
    """
    value = (value or "").strip()
    return re.split(r"[-_]", value, maxsplit=1)[0].lower() if LANG_TAG.match(value) else None


def language_tag(value: object, *, where: str) -> str | None:
    """`language_code` of a given field; anything but a language tag is an error (E113)."""
    text = optional_str(value, field="lang", where=where)
    if text is None:
        return None
    code = language_code(text)
    if code is None:
        expected = "a language code such as 'en' or 'uk'"
        raise InputError(Messages.E113, where=where, field="lang", detail=describe(text), expected=expected)
    return code


def make_article(
    text: str,
    *,
    origin: str,
    format: str = "text",
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    lang: str | None = None,
    input_id: str | None = None,
) -> Article:
    """An Article with cleaned, normalised text (InputError E112 when it has no words, E120 for a bad
    date, E150 when a web page has too little prose left: `sitrep.ingest.clean`)."""
    origin = printable(origin)
    text = require_words(normalise_text(text), where=origin)
    text = require_words(normalise_text(cleaned(text, format=format, where=origin)), where=origin)
    return Article(
        text=text,
        origin=origin,
        title=_one_line(title),
        url=_blank_to_none(url),
        outlet=_one_line(outlet),
        published=check_published(published, where=origin),
        lang=lang,
        format=format,
        input_id=_blank_to_none(input_id),
    )


def _blank_to_none(value: str | None) -> str | None:
    return (value.strip() or None) if value else None


def _one_line(value: str | None) -> str | None:
    """Titles and outlet names on one line: feeds and pages wrap them across lines."""
    return _blank_to_none(" ".join(value.split())) if value else None
