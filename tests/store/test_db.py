"""The store's write path: dedupe, ids, atomic article+record writes, reads."""

from __future__ import annotations

import threading
from datetime import date

import pytest
from sqlalchemy import select, text

from sitrep.errors import NotFoundError, StoreError
from sitrep.ingest.article import Rejection
from sitrep.pipeline import text_hash
from sitrep.store import Store, db
from sitrep.store.db import engine_url
from sitrep.store.schema import articles

SHELLING = "Russian artillery shelled Kostiantynivka overnight, regional officials said on Monday."
ADVANCE = "Ukrainian troops advanced near Kupiansk, the General Staff reported."


def test_new_article_gets_a_short_hash_id(store, article, empty_record):
    result = store.add(article(SHELLING), empty_record())
    assert result.status == "new"
    assert result.id == text_hash(SHELLING)[:12]


@pytest.mark.parametrize(
    "first,second",
    [
        (SHELLING, SHELLING),
        (SHELLING, "  " + SHELLING.replace(" ", "\n", 3) + "\n\n"),  # whitespace differs
        (SHELLING, SHELLING.upper()),  # case differs
    ],
)
def test_same_normalised_text_is_stored_once(store, first, second, article, empty_record):
    one = store.add(article(first, "a.txt"), empty_record())
    two = store.add(article(second, "b.txt"), empty_record())
    assert (one.status, two.status) == ("new", "duplicate")
    assert two.id == one.id and two.origin == "b.txt"
    assert store.counts().articles == 1


def test_record_is_stored_with_the_article_id_and_metadata(store, article, empty_record):
    result = store.add(
        article(SHELLING, "feed.xml#entry-2", title="Shelling", outlet="UNIAN", published=date(2025, 11, 3)),
        empty_record(),
    )
    stored = store.get(result.id)
    assert stored.text == SHELLING
    assert stored.record is not None
    assert stored.record.id == result.id
    assert stored.record.article.outlet == "UNIAN"
    assert stored.record.article.published == date(2025, 11, 3)
    assert stored.record.article.sha256 == stored.article.sha256
    assert stored.article.origin == "feed.xml#entry-2"


def test_an_exception_mid_write_rolls_back_and_keeps_the_rest(store, monkeypatch, article, empty_record):
    kept = store.add(article(SHELLING, "a.txt"), empty_record())

    def broken_insert(*args, **kwargs):
        raise RuntimeError("disk gone between the article and its record")

    monkeypatch.setattr(Store, "_insert_record", staticmethod(broken_insert))
    with pytest.raises(RuntimeError):
        store.add(article(ADVANCE, "b.txt"), empty_record())
    monkeypatch.undo()

    assert [row.id for row in store.articles()] == [kept.id]
    assert store.counts().records == 1
    assert store.find_hash(text_hash(ADVANCE)) is None
    assert store.search("Kupiansk") == []  # the FTS index was rolled back with the row
    assert store.add(article(ADVANCE, "b.txt"), empty_record()).status == "new"


def test_a_database_error_mid_write_is_a_store_error(store, monkeypatch, article, empty_record):
    def orphan_record(conn, record, *, now):
        # A record for an article that doesn't exist: the foreign key refuses it.
        conn.execute(text("INSERT INTO records VALUES ('nope', '{}', 1, '{}', '2025-01-01')"))

    monkeypatch.setattr(Store, "_insert_record", staticmethod(orphan_record))
    with pytest.raises(StoreError) as error:
        store.add(article(ADVANCE), empty_record())
    assert error.value.code == "E201"
    assert store.counts().articles == 0


def test_ids_lengthen_when_two_texts_share_a_prefix(store, article, empty_record):
    first = store.add(article(SHELLING, "a.txt"), empty_record())
    # Make the stored id collide with the prefix of the next text's hash.
    with store.engine.begin() as conn:
        conn.execute(text("PRAGMA defer_foreign_keys = ON"))  # checked at commit, when both agree again
        conn.execute(articles.update().values(id=text_hash(ADVANCE)[:12]))
        for table in ("records", "resolutions", "signatures", "lsh_bands", "mentions", "facts"):
            conn.execute(text(f"UPDATE {table} SET article_id = :id"), {"id": text_hash(ADVANCE)[:12]})
    second = store.add(article(ADVANCE, "b.txt"), empty_record())
    assert second.id == text_hash(ADVANCE)[:16]
    assert first.id != second.id


@pytest.mark.parametrize("prefix_length", [3, 6, 12])
def test_get_accepts_a_unique_prefix(store, prefix_length, article, empty_record):
    result = store.add(article(SHELLING), empty_record())
    assert store.get(result.id[:prefix_length]).id == result.id


def test_an_ambiguous_prefix_names_the_candidates(store, article, empty_record):
    ids = [store.add(article(f"{SHELLING} Report {n}.", f"{n}.txt"), empty_record()).id for n in range(40)]
    shared = next(a[:1] for a in ids if sum(b.startswith(a[:1]) for b in ids) > 1)
    with pytest.raises(NotFoundError) as error:
        store.get(shared)
    assert error.value.code == "E204"


@pytest.mark.parametrize("missing", ["ffffffffffff0", "nothing", "%", "_"])
def test_an_unknown_id_is_not_found(store, missing, article, empty_record):
    store.add(article(SHELLING), empty_record())
    with pytest.raises(NotFoundError) as error:
        store.get(missing)
    assert error.value.code == "E202"


def test_replace_record_swaps_the_record_only(store, article, empty_record):
    result = store.add(article(SHELLING), empty_record())
    newer = empty_record().model_copy(update={"extractors": {"sitrep_places": "2"}})
    store.replace_record(result.id[:5], newer)
    stored = store.get(result.id)
    assert stored.record is not None and stored.record.extractors == {"sitrep_places": "2"}
    assert stored.record.id == result.id
    assert store.counts().records == 1


def test_rejections_are_stored_with_their_reason(store):
    reason = "bulk.jsonl:17: broken JSON line"
    store.add_rejection(Rejection(origin="bulk.jsonl:17", code="E105", reason=reason))
    [row] = store.rejections()
    assert (row.origin, row.code) == ("bulk.jsonl:17", "E105")
    assert store.counts().rejections == 1


def test_records_are_read_in_ingest_order(store, article, empty_record, monkeypatch):
    monkeypatch.setattr(db, "RECORDS_PAGE", 2)  # three texts: two pages
    texts = [SHELLING, ADVANCE, f"{ADVANCE} Later update."]
    ids = [store.add(article(t, f"{i}.txt"), empty_record()).id for i, t in enumerate(texts)]
    assert [record.id for record in store.records()] == ids
    assert [row.id for row in store.articles()] == ids
    assert [row.id for row in store.articles(limit=1, offset=1)] == ids[1:2]


def test_sqlite_connections_use_wal_and_foreign_keys(store):
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_read_only_store_refuses_writes(store, db_url, article, empty_record):
    store.add(article(SHELLING), empty_record())
    with Store.open(db_url, readonly=True) as reader:
        assert len(reader.articles()) == 1
        with pytest.raises(StoreError):
            reader.add(article(ADVANCE), empty_record())
        with reader.engine.connect() as conn:
            assert conn.execute(select(articles.c.id)).scalars().all() == [reader.articles()[0].id]


def test_concurrent_writers_queue_instead_of_failing(db_url, store, article, empty_record):
    """BEGIN IMMEDIATE + busy_timeout: two stores writing the same file at once both succeed."""
    shared = [f"Drones struck Sumy overnight; report {n} of the regional administration." for n in range(15)]
    results: dict[str, list] = {}
    errors: list[BaseException] = []

    def writer(name: str) -> None:
        own = [f"{name}: shelling near Huliaipole, bulletin {n}." for n in range(15)]
        try:
            with Store.open(db_url) as mine:
                results[name] = [
                    mine.add(article(t, f"{name}-{i}"), empty_record()) for i, t in enumerate(shared + own)
                ]
        except BaseException as e:  # collected and re-checked below: a thread can't fail the test itself
            errors.append(e)

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("left", "right")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    new_shared = [r for rs in results.values() for r in rs[:15] if r.status == "new"]
    assert len(new_shared) == 15
    assert store.counts().articles == 15 + 15 + 15


@pytest.mark.parametrize(
    "url,expected",
    [
        ("sqlite:///sitrep.db", "sqlite:///sitrep.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg2://u@h/db", "postgresql+psycopg2://u@h/db"),
    ],
)
def test_postgres_urls_use_psycopg_3(url, expected, monkeypatch):
    monkeypatch.setattr(db, "has_psycopg2", lambda: False)
    assert engine_url(url) == expected
