"""The article's metadata as the components read it: ``doc._.published``, ``doc._.outlet``, ``doc._.article_id``.

`sitrep.pipeline.Extractor.make_doc` sets them from the article; a caller who runs ``nlp(doc)``
directly may set them too. This first component checks them, so that every later component
can declare what it reads (``requires=["doc._.published"]``) and ``nlp.analyze_pipes()`` sees
who provides it.

    >>> from datetime import date
    >>> checked_published("2025-11-03")
    datetime.date(2025, 11, 3)
"""

from __future__ import annotations

from datetime import date, datetime

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError, Messages
from .base import ensure_doc_extension

ensure_doc_extension("published")
ensure_doc_extension("article_id")
ensure_doc_extension("outlet")


def checked_published(value: object) -> date | None:
    """A publication date as a `date`: dates pass, ISO strings are parsed, anything else is E004."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError as e:
            raise InputError(Messages.E004, value=value) from e
    raise InputError(Messages.E004, value=value)


class ArticleMeta:
    """Checks the metadata the components read; finds nothing of its own."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.published = checked_published(doc._.published)
        for field in ("outlet", "article_id"):
            value = getattr(doc._, field)
            setattr(doc._, field, None if value is None else str(value))
        return doc


@Language.factory(
    "sitrep_article", assigns=["doc._.published", "doc._.outlet", "doc._.article_id"], requires=[]
)
def make_article_meta(nlp: Language, name: str) -> ArticleMeta:
    return ArticleMeta(nlp, name)
