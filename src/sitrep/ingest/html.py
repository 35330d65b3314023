"""HTML pages: the article body and its metadata, by trafilatura, offline.

A saved page (`.html`, `.htm`, `.xhtml`) is one article. trafilatura finds the main text
(navigation, footers and comments left out) and the metadata: title, publication date,
site name (→ `outlet`) and the canonical URL when the page declares one. Nothing is ever
fetched: trafilatura is given the bytes, never a URL to download.

The publication date comes from the page's markup only: `<meta>` tags (Open Graph
`article:published_time`, schema.org `datePublished`, Dublin Core `DC.date.issued`, …),
JSON-LD `datePublished`, `<time itemprop="datePublished">` / `<time pubdate>`, else a
/YYYY/MM/DD/ path in the page's URL. trafilatura's own date (htmldate) is not used: even
in its fast mode it falls back to dates found in the body text, and war reporting is full
of dates that are not its own ("the invasion began on 24 February 2022").

    >>> page = b"<html><head><title>Kharkiv</title></head><body><p>Drones struck Kharkiv.</p></body></html>"
    >>> article_from_html(page, origin="k.html").text
    'Drones struck Kharkiv.'
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import trafilatura
from lxml.html import HtmlElement
from trafilatura.settings import Document
from trafilatura.utils import load_html

from ..errors import InputError, Messages
from .article import Article, Rejection
from .fields import EARLIEST, LATEST, language_code, make_article, rejection
from .text import looks_binary, read_bytes

#: <meta name|property|itemprop> values that give a page's publication date, lower-cased: Open Graph,
#: schema.org, Dublin Core, and tags common on news sites (parse.ly, sailthru, Highwire citations).
DATE_META = frozenset(
    """article:published_time og:article:published_time og:published_time published_time datepublished
    pubdate publishdate publish-date publish_date publication_date article.published article_date_original
    dc.date dc.date.issued dc.date.created dcterms.issued dcterms.created dcterms.date date
    sailthru.date parsely-pub-date citation_publication_date citation_date""".split()
)
#: The date in a news URL path: /2025/11/03/ (or /2025/11/3/).
URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$)")

#: Some tag, anywhere in the first 64 kB: without one, the "page" is not HTML at all.
TAG = re.compile(rb"<\s*(?:!doctype|html|head|body|p|div|article|title|meta|span|h[1-6]|br)\b", re.IGNORECASE)

#: Elements whose end starts a new line in the plain text of a fragment.
BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote pre tr table section article header footer figure "
    "figcaption hr dd dt".split()
)
#: Where <html> declares the page's language: HTML's lang, XHTML's xml:lang (lxml's HTML parser
#: keeps the prefix as written; its XML parser would give the namespaced name).
LANG_ATTRIBUTES = ("lang", "xml:lang", "{http://www.w3.org/XML/1998/namespace}lang")
WHITESPACE = re.compile(r"\s+")
#: Elements whose content is never text to read.
SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})


def article_from_html(
    data: bytes,
    *,
    origin: str,
    url: str | None = None,
    published: date | None = None,
    format: str = "html",
    input_id: str | None = None,
) -> Article:
    """The article in an HTML page: trafilatura's main text and metadata.

    `url` and `published` are what the caller knows from elsewhere (a WARC header): the
    page's own canonical URL and date win when it has them. Raises InputError (E102 binary,
    E104 no HTML or no article text, E112 no words).
    """
    why = looks_binary(data)
    if why:
        raise InputError(Messages.E102, where=origin, detail=why)
    if not TAG.search(data[:65536]):
        raise InputError(Messages.E104, where=origin, detail="no HTML tags found: is it really a web page?")
    try:
        # trafilatura refuses a bare fragment ("<p>…</p>" alone) and advises wrapping it
        tree = load_html(data)
        if tree is None:
            tree = load_html(b"<html><body>" + data + b"</body></html>")
        if tree is None:
            raise InputError(Messages.E104, where=origin, detail="lxml could not parse the markup")
        page_date = markup_date(tree)
        doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False)
    except (ValueError, TypeError, LookupError) as e:  # lxml and trafilatura's parse errors on broken markup
        raise InputError(Messages.E104, where=origin, detail=f"{type(e).__name__}: {e}") from e
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        detail = "trafilatura found no main text; the page may be empty or broken"
        raise InputError(Messages.E104, where=origin, detail=detail)
    page_url = doc.url or url
    page_date = page_date or url_date(page_url)
    if page_date is not None and not EARLIEST <= page_date <= LATEST:
        page_date = None  # a placeholder in the markup (9999-12-31) only loses the date, not the page
    return make_article(
        doc.text or "",
        origin=origin,
        format=format,
        title=doc.title,
        url=page_url,
        outlet=doc.sitename,
        published=page_date or published,
        lang=language_code(next((tree.get(name) for name in LANG_ATTRIBUTES if tree.get(name)), None)),
        input_id=input_id,
    )


def read_html(path: Path, *, max_bytes: int) -> Iterator[Article | Rejection]:
    """The one article in a saved HTML page, or the Rejection that says why not."""
    where = str(path)
    try:
        yield article_from_html(read_bytes(path, max_bytes=max_bytes), origin=where, input_id=path.stem)
    except InputError as e:
        yield rejection(e)


def html_to_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content): tags dropped, blocks on their own lines.

    trafilatura is built for whole pages and discards short fragments as boilerplate, so
    feed content, often one or two paragraphs, is flattened here instead.

        >>> html_to_text("<p>Drones struck <b>Kharkiv</b>.</p><p>Two were hurt.</p>")
        'Drones struck Kharkiv.\\nTwo were hurt.'
    """
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:  # a newline in HTML source is only a space; blocks make lines
            self.parts.append(WHITESPACE.sub(" ", data))


def markup_date(tree: HtmlElement) -> date | None:
    """The publication date a page declares in its markup (meta tags, JSON-LD, <time>), or None."""
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in DATE_META:
            found = parse_date(meta.get("content"))
            if found:
                return found
    for script in tree.xpath('.//script[@type="application/ld+json"]'):
        try:
            found = parse_date(_json_ld_date(json.loads(script.text or "null")))
        except (ValueError, RecursionError):  # JSON-LD that isn't JSON, or nested absurdly deep: passed over
            continue
        if found:
            return found
    for value in tree.xpath('.//time[@itemprop="datePublished" or @pubdate]/@datetime'):
        found = parse_date(str(value))
        if found:
            return found
    return None


def url_date(url: str | None) -> date | None:
    """The date in a URL's /YYYY/MM/DD/ path, when it is a real date."""
    match = URL_DATE.search(url or "")
    if not match:
        return None
    try:
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    except ValueError:
        return None


def parse_date(value: str | None) -> date | None:
    """An ISO 8601 or RFC 2822 date-time (the two forms pages use in markup) as a date; else None."""
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None


def _json_ld_date(node: Any) -> str | None:
    """The first datePublished in a JSON-LD document (objects, lists and @graph nest)."""
    if isinstance(node, dict):
        if isinstance(node.get("datePublished"), str):
            return str(node["datePublished"])
        node = list(node.values())
    if isinstance(node, list):
        for child in node:
            found = _json_ld_date(child)
            if found:
                return found
    return None
