"""RSS and Atom feeds: each entry an article, by feedparser, offline.

An entry's text is its full content (Atom `<content>`, RSS `content:encoded`) when it has
one, else its summary (`<description>`, `<summary>`); HTML is flattened to text. The entry's
title, link (→ `url`), id (→ `input_id`), language and publication date (else its updated
date) are read; the feed's own title becomes the `outlet`, and its language (RSS
`<language>`, Atom `xml:lang`) is the entries' unless they declare their own. Entries are
named ``feed.xml#entry-3`` (counting from 1, in feed order).

feedparser is only ever given bytes: handed a string, it would take a URL to fetch.
A file that feedparser cannot read as a feed (no RSS/Atom version and no entries) is
rejected with E107; a feed without entries with E115; an entry without text with E114.

    >>> articles = list(read_feed(Path("frontline.xml"), max_bytes=10_000_000))  # doctest: +SKIP
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import feedparser

from ..errors import InputError, Messages
from .article import Article, Rejection
from .fields import language_code, make_article, rejection
from .html import html_to_text
from .text import looks_binary, read_bytes

#: Content types feedparser reports for markup that needs flattening to text.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def parse_feed(data: bytes, *, where: str) -> Any:
    """feedparser's result for `data`, or InputError E102/E107 when it is not a feed."""
    why = looks_binary(data)
    if why:
        raise InputError(Messages.E102, where=where, detail=why)
    # Relative links stay as written: resolving them against the feed's URL is not our business.
    parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        problem = parsed.get("bozo_exception")
        detail = f"{type(problem).__name__}: {problem}" if problem else "no <rss>, <feed> or <rdf:RDF> root"
        raise InputError(Messages.E107, where=where, detail=detail)
    if not parsed.entries:
        detail = f"a {parsed.version} feed without <item> or <entry>"
        raise InputError(Messages.E115, where=where, detail=detail)
    return parsed


def read_feed(path: Path, *, max_bytes: int) -> Iterator[Article | Rejection]:
    """Every entry of an RSS or Atom feed as an article; Rejections for the feed or its bad entries."""
    where = str(path)
    try:
        parsed = parse_feed(read_bytes(path, max_bytes=max_bytes), where=where)
    except InputError as e:
        yield rejection(e)
        return
    outlet = parsed.feed.get("title")
    feed_lang = language_code(parsed.feed.get("language"))  # RSS <language>, Atom xml:lang on <feed>
    for number, entry in enumerate(parsed.entries, start=1):
        origin = f"{where}#entry-{number}"
        try:
            yield article_from_entry(entry, origin=origin, outlet=outlet, lang=feed_lang)
        except InputError as e:
            yield rejection(e)


def article_from_entry(
    entry: Any, *, origin: str, outlet: str | None = None, lang: str | None = None
) -> Article:
    """The article in one feedparser entry; InputError E114 when it carries no text.

    `outlet` and `lang` are the feed's; the entry's own declared language wins.
    """
    text = entry_text(entry)
    if not text:
        raise InputError(Messages.E114, where=origin)
    return make_article(
        text,
        origin=origin,
        format="feed",
        title=entry.get("title"),
        url=entry.get("link"),
        outlet=outlet,
        published=entry_date(entry),
        lang=_language(entry) or lang,
        input_id=entry.get("id"),
    )


def entry_text(entry: Any) -> str:
    """The entry's fullest text: the longest content block, else the summary, as plain text."""
    blocks = [(c.get("value") or "", c.get("type")) for c in entry.get("content") or []]
    blocks = [block for block in blocks if block[0].strip()]
    if blocks:
        value, kind = max(blocks, key=lambda block: len(block[0]))
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type", "text/html")
    return html_to_text(value) if kind in HTML_TYPES else value.strip()


def entry_date(entry: Any) -> date | None:
    """The entry's publication date, else its last-updated date (feedparser gives them in UTC)."""
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value: time.struct_time | None = entry.get(key)
        if value:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _language(entry: Any) -> str | None:
    """The entry's declared language (xml:lang / <language>), as feedparser reports it."""
    for detail in (entry.get("title_detail"), entry.get("summary_detail")):
        lang = (detail or {}).get("language")
        if isinstance(lang, str) and language_code(lang):
            return language_code(lang)
    return None
