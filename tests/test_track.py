"""The sources' track records over the whole store are kept in it and reused until something is stored."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep import track
from sitrep.ingest.article import Article, Rejection
from sitrep.store import Store
from sitrep.store.db import WatchPosition
from tests.test_situation import AVDIIVKA, SECOND_OUTLET, WIRE, record_of

CAPTURE = {
    "type": "capture",
    "place": "Avdiivka",
    "status": "reported",
    "actor_side": "RU",
    "words": "Russian forces captured the town of Avdiivka",
}


def wire_record():
    return record_of(WIRE, [AVDIIVKA], [dict(CAPTURE)])


def second_record():
    return record_of(SECOND_OUTLET, [AVDIIVKA], [dict(CAPTURE, words="Russian troops captured the town")])


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'sitrep.db'}") as opened:
        opened.add(Article(WIRE, "wire.txt", outlet="Reuters", published=date(2024, 2, 17)), wire_record())
        yield opened


def _no_computing(*args, **kwargs):
    raise AssertionError("the track records were computed again")


def test_a_second_report_reads_the_track_records_the_first_computed(store, monkeypatch):
    first = track.source_track_records(store)
    monkeypatch.setattr(track, "track_records_of", _no_computing)
    assert track.source_track_records(store) == first
    assert [(r.name, r.claims) for r in first] == [("Reuters", 1)]


def test_a_stored_article_retires_the_cached_records(store, monkeypatch):
    before = {r.name: r.claims for r in track.source_track_records(store)}
    store.add(Article(SECOND_OUTLET, "ap.txt", outlet="AP", published=date(2024, 2, 18)), second_record())
    after = {r.name: r.claims for r in track.source_track_records(store)}
    assert set(after) - set(before) == {"The Associated Press"}  # "AP", as the outlet table names it
    monkeypatch.setattr(track, "track_records_of", _no_computing)
    assert {r.name: r.claims for r in track.source_track_records(store)} == after


def test_watch_positions_and_rejections_change_no_result(store):
    version = store.version()
    store.save_position(WatchPosition("feed.xml", offset=10))
    store.add_rejection(Rejection("bad.txt", "E020", "empty text"))
    assert store.version() == version


def test_a_read_only_store_computes_the_records_without_keeping_them(tmp_path):
    url = f"sqlite:///{tmp_path / 'sitrep.db'}"
    with Store.open(url) as writable:
        writable.add(Article(WIRE, "wire.txt", outlet="Reuters", published=date(2024, 2, 17)), wire_record())
        expected = track.track_records_of(writable, writable.facts())
    with Store.open(url, readonly=True) as readonly:
        assert track.source_track_records(readonly) == expected
        assert readonly.cached_value(track.CACHE_NAME, readonly.version()) is None
