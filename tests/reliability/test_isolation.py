"""One article fails alone: at extraction (an error, or over its time budget), at storing, and Ctrl-C."""

from __future__ import annotations

import time
from datetime import date

import pytest
from typer.testing import CliRunner

from sitrep import ingest as readers
from sitrep import ingestion, pipeline
from sitrep.cli import app
from sitrep.errors import Messages, StoreError
from sitrep.ingest.article import Article
from sitrep.ingestion import IngestInterrupted, store_articles
from sitrep.store import Store

STRIKE = "Russian drones struck Kharkiv overnight, wounding two people, the governor said."
FRONT = "Ukrainian forces repelled assaults near Pokrovsk, the General Staff said on Tuesday."
SLOW = "Engineers inspected the Dnipro dam near Nova Kakhovka for the third time."


@pytest.fixture
def store(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'sitrep.db'}") as opened:
        yield opened


def test_an_article_over_its_time_budget_is_rejected_alone(store, extractor, monkeypatch):
    real = pipeline.doc_to_record

    def slow(doc, meta, extractors):  # a component that runs away on one kind of text
        if "Nova Kakhovka" in doc.text:
            time.sleep(30)
        return real(doc, meta, extractors)

    monkeypatch.setattr(pipeline, "doc_to_record", slow)
    items = [Article(STRIKE, "a.txt"), Article(SLOW, "slow.txt"), Article(FRONT, "b.txt")]
    started = time.monotonic()
    summary = store_articles(items, store=store, extractor=extractor, extract_seconds=1.0)
    assert time.monotonic() - started < 20
    assert summary.counts() == {"new": 2, "duplicate": 0, "rejected": 1}
    [rejected] = summary.rejected
    assert (rejected.origin, rejected.code) == ("slow.txt", "E125")


def test_an_article_the_database_refuses_is_rejected_alone(store, extractor, monkeypatch):
    real = store._add  # what storing one article (alone or in a batch) comes down to

    def refusing(conn, article, record):
        if article.origin == "b.txt":
            raise StoreError(Messages.E201, action=f"storing {article.origin}", reason="value out of range")
        return real(conn, article, record)

    monkeypatch.setattr(store, "_add", refusing)
    summary = store_articles([Article(STRIKE, "a.txt"), Article(FRONT, "b.txt")], store=store, extractor=extractor)
    assert summary.counts() == {"new": 1, "duplicate": 0, "rejected": 1}
    assert summary.rejected[0].code == "E250" and "value out of range" in summary.rejected[0].reason
    assert [row.origin for row in store.articles()] == ["a.txt"]


@pytest.mark.parametrize("published", [date(9999, 12, 31), date(1, 1, 1)])
def test_a_placeholder_date_given_through_the_api_is_rejected_before_extraction(store, extractor, published):
    summary = store_articles([Article(STRIKE, "api", published=published)], store=store, extractor=extractor)
    assert [r.code for r in summary.rejected] == ["E120"]


def interrupted_after_one(*args, **kwargs):
    yield Article(STRIKE, "a.txt")
    yield Article(FRONT, "b.txt")
    raise KeyboardInterrupt


def test_ctrl_c_says_what_was_stored(store, extractor, monkeypatch):
    real, calls = store.add_many, []

    def interrupted_at_the_second_batch(items):
        calls.append(len(items))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(items)

    monkeypatch.setattr(store, "add_many", interrupted_at_the_second_batch)
    with pytest.raises(IngestInterrupted) as caught:
        store_articles([Article(STRIKE, "a.txt"), Article(FRONT, "b.txt")], store=store, extractor=extractor, batch_size=1)
    assert caught.value.summary.counts()["new"] == 1
    assert store.counts().articles == 1


def test_ctrl_c_in_the_cli_exits_130_with_the_count(tmp_path, monkeypatch, extractor):
    monkeypatch.setattr(ingestion, "default_extractor", lambda settings: extractor)
    monkeypatch.setattr(readers, "read_inputs", interrupted_after_one)
    result = CliRunner().invoke(app, ["ingest", "anything", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 130  # Ctrl-C came while the first batch was being read: nothing stored yet
    assert "interrupted: 0 new articles were stored whole" in result.output
    assert "run the same command again" in result.output and "Traceback" not in result.output


def test_passed_over_records_are_counted_in_the_summary(store, extractor):
    from sitrep.ingest.article import Skipped

    skipped = Skipped("crawl.warc.gz", (("request", 5), ("image/png", 2)))
    summary = store_articles([Article(STRIKE, "crawl.warc.gz#record-2"), skipped], store=store, extractor=extractor)
    assert summary.counts() == {"new": 1, "duplicate": 0, "rejected": 0} and summary.ok
    assert summary.skipped == [skipped] and skipped.count == 7


def test_reprocess_keeps_the_record_of_an_article_that_now_fails(store, extractor, monkeypatch):
    from sitrep.ingestion import reprocess

    store_articles([Article(STRIKE, "a.txt"), Article(FRONT, "b.txt")], store=store, extractor=extractor)
    real = pipeline.doc_to_record

    def crashing(doc, meta, extractors):
        if "Pokrovsk" in doc.text:
            raise RuntimeError("new component version fails here")
        return real(doc, meta, extractors)

    monkeypatch.setattr(pipeline, "doc_to_record", crashing)
    summary = reprocess(store, extractor)
    assert [(f.origin, f.code) for f in summary.failed] == [("b.txt", "E124")]
    assert (summary.total, summary.unchanged) == (2, 1)
    assert all(store.get(row.id).record is not None for row in store.articles())
