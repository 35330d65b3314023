"""sitrep: war reporting turned into a sourced, structured, queryable record.

    >>> import sitrep
    >>> text = "Ukraine denies Moscow's claim that its troops are surrounded."
    >>> record = sitrep.extract(text)  # doctest: +SKIP
    >>> [c.stance for c in record.claims]  # doctest: +SKIP
    ['asserts', 'denies']

The pipeline (spaCy) and the store (SQLAlchemy) load on first use, so `import sitrep` and
commands that only read the database start quickly.
"""

from __future__ import annotations

from datetime import date
from importlib import import_module
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version
from typing import TYPE_CHECKING, Any

from . import extract as _extract_package  # noqa: F401  (imported first, so the function below wins the name)
from .config import Settings
from .errors import ConfigError, InputError, NotFoundError, SitrepError, StoreError
from .models import Record

if TYPE_CHECKING:
    from .ingestion import ingest
    from .pipeline import Extractor, load_pipeline
    from .store import Store

try:
    __version__ = _version("sitrep")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

#: Public names that live in modules with heavy imports, loaded when first used.
_LAZY = {
    "Extractor": "sitrep.pipeline",
    "load_pipeline": "sitrep.pipeline",
    "Store": "sitrep.store",
    "ingest": "sitrep.ingestion",
}
_default_extractor: Any = None


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'sitrep' has no attribute '{name}'")


def extract(text: str, *, article_id: str = "article", published: date | None = None) -> Record:
    """Extract one article's Record with the default settings (the pipeline loads once)."""
    global _default_extractor
    if _default_extractor is None:
        from .pipeline import Extractor

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
    "Store",
    "StoreError",
    "__version__",
    "extract",
    "ingest",
    "load_pipeline",
]
