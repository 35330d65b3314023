"""Ingesting batches (read → extract → store) and reprocessing what is stored."""

from __future__ import annotations

import pytest

from sitrep.config import Settings
from sitrep.ingest.article import Article, Rejection
from sitrep.ingestion import ingest, reprocess, store_articles
from sitrep.store import Store

STRIKE = "Russian drones struck Kharkiv overnight, wounding two people, governor Oleh Syniehubov said."
FRONT = "Ukrainian forces repelled assaults near Pokrovsk, the General Staff said on Tuesday."


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'sitrep.db'}") as opened:
        yield opened


def test_new_articles_are_extracted_and_stored_with_their_records(store, extractor):
    summary = store_articles([Article(STRIKE, "a.txt", title="Kharkiv")], store=store, extractor=extractor)
    assert summary.counts() == {"new": 1, "duplicate": 0, "rejected": 0}
    stored = store.get(summary.new[0].id)
    assert stored.record is not None
    assert stored.record.id == stored.id
    assert stored.record.article.title == "Kharkiv"
    assert stored.record.extractors == extractor.versions
    for place in stored.record.places:  # spans index into the stored (normalised) text
        assert all(stored.text[s.start : s.end] == s.text for s in place.spans)


@pytest.mark.parametrize(
    "items,expected",
    [
        ([Article(STRIKE, "a.txt"), Article(STRIKE, "b.txt")], {"new": 1, "duplicate": 1, "rejected": 0}),
        (
            [Article(STRIKE, "a.txt"), Article(f"  {STRIKE}\n", "b.txt"), Article(FRONT, "c.txt")],
            {"new": 2, "duplicate": 1, "rejected": 0},
        ),
        (
            [Rejection("x.jsonl:2", "E105", "x.jsonl:2: broken JSON line"), Article(FRONT, "x.jsonl:3")],
            {"new": 1, "duplicate": 0, "rejected": 1},
        ),
        ([Article("— 12 / 7 —", "dashes.txt")], {"new": 0, "duplicate": 0, "rejected": 1}),
        ([Article("Drones hit Sumy\x00 overnight.", "x.jsonl:4")], {"new": 0, "duplicate": 0, "rejected": 1}),
    ],
)
def test_counts_new_duplicate_and_rejected(store, extractor, items, expected):
    summary = store_articles(items, store=store, extractor=extractor)
    assert summary.counts() == expected
    assert summary.ok == (expected["rejected"] == 0)
    assert store.counts().articles == expected["new"]
    assert store.counts().rejections == expected["rejected"]


def test_a_second_run_finds_only_duplicates_without_extracting(store, extractor, monkeypatch):
    items = [Article(STRIKE, "a.txt"), Article(FRONT, "b.txt")]
    first = store_articles(items, store=store, extractor=extractor)
    monkeypatch.setattr(extractor, "extract_many", lambda *a, **k: pytest.fail("extracted a duplicate"))
    second = store_articles(items, store=store, extractor=extractor)
    assert second.counts() == {"new": 0, "duplicate": 2, "rejected": 0}
    assert [d.id for d in second.duplicates] == [n.id for n in first.new]


def test_a_failure_part_way_keeps_the_batches_stored_before_it(store, extractor, monkeypatch):
    real_add = Store._add

    def add_failing_on_b(self, conn, article, record):
        if article.origin == "b.txt":
            raise RuntimeError("the database went away")
        return real_add(self, conn, article, record)

    monkeypatch.setattr(Store, "_add", add_failing_on_b)
    assert len(STRIKE) > len(FRONT)  # extracted longest first, but stored in input order: a's batch first
    with pytest.raises(RuntimeError):
        store_articles(
            [Article(STRIKE, "a.txt"), Article(FRONT, "b.txt")], store=store, extractor=extractor, batch_size=1
        )
    assert [row.origin for row in store.articles()] == ["a.txt"]


def test_progress_is_told_each_input(store, extractor):
    seen: list[tuple[str, str]] = []
    rejection = Rejection("b.html", "E104", "b.html: no text")
    items = [Article(STRIKE, "a.txt"), rejection, Article(STRIKE, "c.txt")]
    store_articles(items, store=store, extractor=extractor, progress=lambda s, o: seen.append((s, o)))
    assert sorted(seen) == [("duplicate", "c.txt"), ("new", "a.txt"), ("rejected", "b.html")]


def test_ingest_reads_files_and_directories(store, extractor, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "strike.txt").write_text(STRIKE, encoding="utf-8")
    (folder / "front.txt").write_text(FRONT, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    summary = ingest([str(folder)], store=store, extractor=extractor, settings=Settings())
    assert summary.counts() == {"new": 2, "duplicate": 0, "rejected": 1}
    [rejection] = summary.rejected
    assert "empty.txt" in rejection.origin and rejection.code == "E101"


def test_reprocess_replaces_only_changed_records(store, extractor):
    store_articles([Article(STRIKE, "a.txt"), Article(FRONT, "b.txt")], store=store, extractor=extractor)
    unchanged = reprocess(store, extractor)
    assert (unchanged.total, unchanged.replaced, unchanged.unchanged) == (2, [], 2)

    # An older extractor version stored for one article: reprocessing replaces that record only.
    old_id = store.articles()[0].id
    stale = store.get(old_id).record
    stale = stale.model_copy(update={"extractors": {**stale.extractors, "sitrep_places": "0"}, "places": []})
    store.replace_record(old_id, stale)
    summary = reprocess(store, extractor)
    assert (summary.replaced, summary.versions_changed, summary.unchanged) == ([old_id], 1, 1)
    assert store.get(old_id).record.extractors == extractor.versions
