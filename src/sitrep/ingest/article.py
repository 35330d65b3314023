"""What every reader produces: an Article to store, or a Rejection that says why not.

    >>> Article(text="Pokrovsk…", origin="a.txt").origin
    'a.txt'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    """One article read from an input, before extraction.

    `origin` names where it came from precisely enough to find it again: a path, and for
    multi-article inputs the line, entry or record ("feed.xml#entry-3", "bulk.jsonl:17").
    """

    text: str
    origin: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    lang: str | None = None
    format: str = "text"
    #: The article's own name in its input, when it has one: a file's stem, a JSONL `id`,
    #: a feed entry's id, a WARC record id. Not the store's id (that is a hash of the text).
    input_id: str | None = None


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read as an article, with the error code and a one-line reason."""

    origin: str
    code: str
    reason: str


@dataclass(frozen=True)
class Skipped:
    """Records of an input passed over on purpose, counted so that nothing is left out silently.

    A crawl holds requests, images, redirects and error pages beside its articles: they are
    not rejected (nothing is wrong with them), but the summary says how many there were.
    `reasons` maps what they were ("request", "image/png", "status 404") to how many.
    """

    origin: str
    reasons: tuple[tuple[str, int], ...]

    @property
    def count(self) -> int:
        return sum(n for _, n in self.reasons)

    def describe(self) -> str:
        """ "12 records: 5 request, 4 image/png, 3 status 301" """
        parts = ", ".join(f"{n} {reason}" for reason, n in self.reasons)
        return f"{self.count} record{'s' if self.count != 1 else ''} that are not article pages ({parts})"
