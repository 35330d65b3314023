"""Property-based tests of the store with generated hostile articles: stored whole and read back, or refused
with a coded StoreError (E201), never another exception; a second add is always a duplicate.

SQLite always; PostgreSQL too when SITREP_TEST_PG_URL names a server (see tests/store/test_postgres.py).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sitrep.errors import StoreError
from sitrep.ingest.article import Article, Rejection
from sitrep.ingest.fields import EARLIEST, LATEST
from sitrep.models import ArticleMeta, Record
from sitrep.normalise import normalise_text
from sitrep.store import Store
from sitrep.store.db import engine_url

SCALE = float(os.environ.get("SITREP_FUZZ_SCALE", "1"))
PG_URL = os.environ.get("SITREP_TEST_PG_URL")

hostile = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
words = st.lists(st.sampled_from(["Pokrovsk", "дрони", "'", '"', "%", "_", "\\", "--", ";", "\x00", "\n", "🙂", "DROP TABLE"]), max_size=12)
texts = st.one_of(hostile, words.map(" ".join)).map(lambda t: "Kharkiv " + t)
optional = st.one_of(st.none(), hostile)
articles = st.builds(
    Article,
    text=texts,
    origin=hostile,
    title=optional,
    url=optional,
    outlet=optional,
    published=st.one_of(st.none(), st.dates(min_value=EARLIEST, max_value=LATEST)),
    lang=st.one_of(st.none(), st.sampled_from(["en", "uk", "ru"])),
    format=st.sampled_from(["text", "html", "jsonl", "feed", "warc"]),
)
rejections = st.builds(Rejection, origin=hostile, code=st.sampled_from(["E101", "E119", "E250"]), reason=hostile)


def empty_record() -> Record:
    return Record(id="x", article=ArticleMeta(id="x"))


def check_store(store: Store, article: Article, rejection: Rejection) -> None:
    try:
        first = store.add(article, empty_record())
    except StoreError as e:  # refused as a whole (PostgreSQL and NUL characters): nothing half-written
        assert e.code == "E201"
        assert store.counts().articles == 0
        return
    assert first.new
    stored = store.get(first.id)
    assert stored.text == normalise_text(article.text)
    assert (stored.article.origin, stored.article.title, stored.article.published) == (
        article.origin, article.title, article.published,
    )
    assert store.add(article, empty_record()).status == "duplicate"
    try:
        store.add_rejection(rejection)
    except StoreError as e:
        assert e.code == "E201"
        return
    assert store.rejections()[-1].reason == rejection.reason


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """An empty, migrated SQLite database, copied for each example (migrating each time is slow)."""
    path = tmp_path_factory.mktemp("fuzz") / "template.db"
    with Store.open(f"sqlite:///{path}"):
        pass
    return path


@settings(max_examples=int(300 * SCALE) or 1, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles, rejections)
def test_sqlite_stores_or_refuses_cleanly(migrated, article, rejection):
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(migrated, f"{tmp}/fuzz.db")
        with Store.open(f"sqlite:///{tmp}/fuzz.db") as store:
            check_store(store, article, rejection)


@pytest.fixture(scope="module")
def pg_url():
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set SITREP_TEST_PG_URL=postgresql://user@host:port/db")
    admin = create_engine(engine_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"sitrep_fuzz_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(engine_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@settings(max_examples=int(100 * SCALE) or 1, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(articles, rejections)
def test_postgresql_stores_or_refuses_cleanly(pg_url, article, rejection):
    with Store.open(pg_url) as store:
        with store.engine.begin() as conn:  # each example on an empty store
            conn.execute(text("TRUNCATE articles, rejections RESTART IDENTITY CASCADE"))
        check_store(store, article, rejection)


def test_dates_at_the_edges_of_the_accepted_range_are_stored(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'x.db'}") as store:
        for day in (EARLIEST, LATEST, date(2025, 11, 3)):
            result = store.add(Article(f"Kharkiv report of {day}", f"{day}.txt", published=day), empty_record())
            assert store.get(result.id).article.published == day


pytestmark = pytest.mark.fuzz
