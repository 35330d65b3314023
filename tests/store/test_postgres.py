"""The same store on PostgreSQL: migrations, dedupe, rollback and tsvector search.

Runs when SITREP_TEST_PG_URL names a server where the user may create databases, e.g.
``postgresql://postgres@127.0.0.1:5432/postgres``; each test session makes a scratch
database there and drops it afterwards.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sitrep.store import Store, head_revision
from sitrep.store.db import engine_url
from sitrep.store.migrate import schema_diff

PG_URL = os.environ.get("SITREP_TEST_PG_URL")

pytestmark = pytest.mark.skipif(
    not PG_URL,
    reason="no PostgreSQL server: set SITREP_TEST_PG_URL=postgresql://user@host:port/db",
)


@pytest.fixture(scope="module")
def pg_url():
    """A scratch database on the server, dropped at the end."""
    admin = create_engine(engine_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"sitrep_test_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(engine_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_store(pg_url):
    with Store.open(pg_url) as store:
        yield store
        with store.engine.begin() as conn:
            conn.execute(text("TRUNCATE articles, records, rejections CASCADE"))


def test_migrated_from_empty_and_in_step_with_the_models(pg_store):
    assert pg_store.revision() == head_revision()
    with pg_store.engine.connect() as conn:
        assert schema_diff(conn) == []


def test_dedupe_and_search(pg_store, article, empty_record):
    text_ = "Russian units pushed into Pokrovsk; officers of the 68th Jaeger Brigade said Pokrovsk held."
    first = pg_store.add(article(text_, "a.txt", title="Pokrovsk"), empty_record())
    again = pg_store.add(article(text_.upper(), "b.txt"), empty_record())
    pg_store.add(article("Guided bombs hit Kharkiv overnight, the governor said.", "c.txt"), empty_record())
    assert (first.status, again.status, again.id) == ("new", "duplicate", first.id)
    [hit] = pg_store.search("Pokrovsk")
    assert hit.id == first.id and "[Pokrovsk]" in hit.snippet and hit.rank > 0
    assert {h.id for h in pg_store.search("Pokrovsk OR Kharkiv")} == {a.id for a in pg_store.articles()}
    assert pg_store.search('"Jaeger Brigade" -Kharkiv')[0].id == first.id
    assert pg_store.get(first.id[:4]).record.id == first.id


def test_search_ranks_the_newest_matches(pg_store, article, empty_record):
    bodies = [
        "Vuhledar: shelling of Vuhledar went on all night and Vuhledar's last road was cut.",
        "Vuhledar was quiet in the morning, a volunteer said.",
        "Supplies reached Vuhledar after dark, the brigade said.",
    ]
    oldest, *newer = [pg_store.add(article(b, f"{i}.txt"), empty_record()).id for i, b in enumerate(bodies)]
    assert pg_store.search("Vuhledar", window=None)[0].id == oldest
    assert {h.id for h in pg_store.search("Vuhledar", limit=2, window=2)} == set(newer)
    assert [h.id for h in pg_store.search("Vuhledar", limit=3, window=1)][0] == oldest  # window ≥ limit


def test_a_failed_write_leaves_nothing(pg_store, article, empty_record, monkeypatch):
    monkeypatch.setattr(Store, "_insert_record", staticmethod(lambda *a, **k: 1 / 0))
    with pytest.raises(ZeroDivisionError):
        pg_store.add(article("Drones struck Sumy at dawn, officials said."), empty_record())
    assert pg_store.counts().articles == 0
