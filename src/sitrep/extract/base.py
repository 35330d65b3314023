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

from spacy.language import Language
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..errors import ConfigError, Messages
from ..models import Span

POSSESSIVE = ("'s", "’s", "'", "’")  # possessive endings, tokens of their own


def extractor_id(noun: str, version: int) -> str:
    """The name and version stored with every item a component makes."""
    return f"sitrep.{noun}/{version}"


def ensure_doc_extension(name: str, default: object = None) -> None:
    """Register ``doc._.<name>`` once (components and workers may import this twice)."""
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=default)


# Set before the pipeline runs (checked by sitrep_article), read by components that resolve
# relative times or credit the outlet.
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
    """The items an earlier component wrote to ``doc._.<name>``.

    A component declares what it reads (``requires=["doc._.places"]``); when the writer did not
    run, that is a coded error (E013) rather than an empty list that would silently lose items.
    """
    value = getattr(doc._, name) if Doc.has_extension(name) else None
    if value is None:
        raise ConfigError(Messages.E013, extension=name, writer=writer_of(f"doc._.{name}"))
    return list(value)


def writer_of(attribute: str) -> str:
    """The registered sitrep factory that assigns `attribute` ('doc._.places' → 'sitrep_places')."""
    for factory in sorted(Language.factories):
        if factory.startswith("sitrep_") and attribute in Language.get_factory_meta(factory).assigns:
            return factory
    return "the component that writes it"
