"""Fixtures for the store: a fresh SQLite database per test, and hand-made articles."""

from __future__ import annotations

import pytest

from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Record
from sitrep.store import Store


@pytest.fixture
def db_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'sitrep.db'}"


@pytest.fixture
def store(db_url):
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture
def article():
    """Make an Article from a hand-written snippet."""

    def make(text: str, origin: str = "snippet.txt", **fields: object) -> Article:
        return Article(text=text, origin=origin, **fields)  # type: ignore[arg-type]

    return make


@pytest.fixture
def empty_record():
    """Make a record with no items: the store's tests don't need extraction."""
    return lambda: Record(id="unset", article=ArticleMeta(id="unset"))
