"""What every sitrep spaCy component shares: Doc extensions, spans, provenance.

A component is registered with ``@Language.factory("sitrep_<noun>", assigns=["doc._.<noun>"])``,
keeps a pure step that *finds* items (``find(doc) -> list[Item]``) apart from the step that
*writes* them to ``doc._``, and never touches the database.

    >>> extractor_id("places", 1)
    'sitrep.places/1'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..models import Span

POSSESSIVE = ("'s", "’s", "'", "’")  # possessive endings, tokens of their own


def extractor_id(noun: str, version: int) -> str:
    """The name and version stored with every item a component makes."""
    return f"sitrep.{noun}/{version}"


def ensure_doc_extension(name: str, default: object = None) -> None:
    """Register ``doc._.<name>`` once (components and workers may import this twice)."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)


# Set before the pipeline runs, read by components that resolve relative times or need the date.
ensure_doc_extension("published")
ensure_doc_extension("article_id")
ensure_doc_extension("outlet")


def published_of(doc: Doc) -> date | None:
    value = doc._.published
    return value if isinstance(value, date) else None


def span_of(span: SpacySpan) -> Span:
    """A record span from a spaCy span: character offsets into the article text."""
    return Span(start=span.start_char, end=span.end_char, text=span.text)


def char_span(doc: Doc, start: int, end: int) -> Span:
    """A record span from character offsets (for spans that don't align with tokens)."""
    return Span(start=start, end=end, text=doc.text[start:end])


def spans_of(spans: Iterable[SpacySpan]) -> list[Span]:
    return [span_of(s) for s in spans]


def items_of(doc: Doc, name: str) -> list:
    """The items an earlier component wrote to ``doc._.<name>`` ([] when it did not run)."""
    if not Doc.has_extension(name):
        return []
    return list(getattr(doc._, name) or [])
