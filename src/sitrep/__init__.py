"""sitrep: war reporting turned into a sourced, structured, queryable record.

    >>> import sitrep
    >>> record = sitrep.extract("Ukraine denies Moscow's claim that its troops are surrounded.")  # doctest: +SKIP
    >>> [c.stance for c in record.claims]  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from .config import Settings
from .errors import ConfigError, InputError, NotFoundError, SitrepError, StoreError
from .models import Record
from .pipeline import Extractor, load_pipeline

try:
    __version__ = _version("sitrep")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

_default_extractor: Extractor | None = None


def extract(text: str, *, article_id: str = "article", published: date | None = None) -> Record:
    """Extract one article's Record with the default settings (the pipeline loads once)."""
    global _default_extractor
    if _default_extractor is None:
        _default_extractor = Extractor()
    return _default_extractor.extract(text, article_id=article_id, published=published)


__all__ = [
    "ConfigError",
    "Extractor",
    "InputError",
    "NotFoundError",
    "Record",
    "Settings",
    "SitrepError",
    "StoreError",
    "__version__",
    "extract",
    "load_pipeline",
]
