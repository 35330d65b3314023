"""Reading inputs (text, HTML, feeds, JSONL, WARC) into Articles, with clear rejections.

    >>> from sitrep.ingest import Article, read_inputs
    >>> articles = [a for a in read_inputs(["news/"]) if isinstance(a, Article)]  # doctest: +SKIP

`read_inputs` never raises for one bad input: it yields a `Rejection` (origin, code, reason)
and goes on. docs/ingest.md describes the formats, fields and codes.
"""

from __future__ import annotations

from .article import Article, Rejection, Skipped
from .feeds import read_feed
from .html import article_from_html, read_html
from .jsonl import read_jsonl
from .paths import expand_paths
from .readers import format_of, read_inputs, read_path
from .text import read_text
from .warc import read_warc

__all__ = [
    "Article",
    "Rejection",
    "Skipped",
    "article_from_html",
    "expand_paths",
    "format_of",
    "read_feed",
    "read_html",
    "read_inputs",
    "read_jsonl",
    "read_path",
    "read_text",
    "read_warc",
]
