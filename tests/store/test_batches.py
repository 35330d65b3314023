"""Storing in batches (one transaction for many articles) and the positions `sitrep watch` keeps."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import insert

from sitrep.normalise import normalise_text, text_hash
from sitrep.store import Store, WatchPosition
from sitrep.store.schema import articles

WIRE = [
    "Shelling damaged a water pumping station in Nikopol, the regional governor said.",
    "Two drones were shot down over Odesa before dawn, the southern command reported.",
    "A guided bomb hit a school in Kostiantynivka; no one was inside, police said.",
]


def test_add_many_stores_a_batch_and_counts_texts_already_stored(store, article, empty_record):
    store.add(article(WIRE[0], "early.txt"), empty_record())
    results = store.add_many([(article(text, f"{i}.txt"), empty_record()) for i, text in enumerate(WIRE)])
    assert [r.status for r in results] == ["duplicate", "new", "new"]
    assert store.counts().articles == 3 and store.counts().records == 3


def test_add_many_with_the_same_text_twice_stores_it_once(store, article, empty_record):
    results = store.add_many(
        [(article(WIRE[1], "a.txt"), empty_record()), (article(WIRE[1], "b.txt"), empty_record())]
    )
    assert [r.status for r in results] == ["new", "duplicate"] and results[0].id == results[1].id


def test_a_failed_batch_stores_none_of_it(store, article, empty_record, monkeypatch):
    real = Store._add

    def fail_on_third(self, conn, item, record):
        if item.origin == "2.txt":
            raise RuntimeError("disk full")
        return real(self, conn, item, record)

    monkeypatch.setattr(Store, "_add", fail_on_third)
    with pytest.raises(RuntimeError):
        store.add_many([(article(text, f"{i}.txt"), empty_record()) for i, text in enumerate(WIRE)])
    assert store.counts().articles == 0


def test_a_clash_with_another_writer_falls_back_to_one_by_one(store, article, empty_record, monkeypatch):
    """A text another writer committed after our check (PostgreSQL allows that) makes the insert fail on
    the unique hash: the batch is rolled back, stored one by one, and the clash counted as a duplicate."""
    earlier = store.add(article(WIRE[1], "other-writer.txt"), empty_record())
    real = Store._add
    blind = []

    def checked_too_early(self, conn, item, record):
        if item.origin == "1.txt" and not blind:
            blind.append(item)
            text = normalise_text(item.text)
            sha = text_hash(text)
            row = {"id": sha[:12], "sha256": sha, "origin": item.origin, "format": "text", "text": text}
            conn.execute(insert(articles).values(**row, ingested_at=datetime.now(UTC)))
        return real(self, conn, item, record)

    monkeypatch.setattr(Store, "_add", checked_too_early)
    results = store.add_many([(article(text, f"{i}.txt"), empty_record()) for i, text in enumerate(WIRE)])
    assert blind, "the clash was not provoked"
    assert [r.status for r in results] == ["new", "duplicate", "new"]
    assert results[1].id == earlier.id and store.counts().articles == 3


def test_watch_positions_round_trip_and_replace(store):
    assert store.position("https://example.org/feed.rss") is None
    store.save_position(WatchPosition("https://example.org/feed.rss", etag='"abc"', fingerprint="f1"))
    store.save_position(WatchPosition("/data/wire.jsonl", offset=1024, fingerprint="12"))
    store.save_position(
        WatchPosition("https://example.org/feed.rss", etag='"def"', last_modified="Tue, 02 Dec 2025")
    )
    assert store.position("https://example.org/feed.rss") == WatchPosition(
        "https://example.org/feed.rss", etag='"def"', last_modified="Tue, 02 Dec 2025"
    )
    assert store.position("/data/wire.jsonl").offset == 1024
