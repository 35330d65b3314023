"""The store: articles, their records and rejected inputs in SQLite or PostgreSQL.

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     [hit.id for hit in store.search("Pokrovsk")]
"""

from __future__ import annotations

from .db import (
    AddResult,
    ArticleRow,
    RejectionRow,
    Store,
    StoreCounts,
    StoredArticle,
    WatchPosition,
    article_id,
)
from .migrate import MigrationResult, head_revision
from .search import Hit

__all__ = [
    "AddResult",
    "ArticleRow",
    "Hit",
    "MigrationResult",
    "RejectionRow",
    "Store",
    "StoreCounts",
    "StoredArticle",
    "WatchPosition",
    "article_id",
    "head_revision",
]
