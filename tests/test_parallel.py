"""Where extraction runs: chunks by length, worker processes, and a Dask cluster with concurrent writers."""

from __future__ import annotations

import os
import threading
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from sitrep.config import Settings
from sitrep.errors import ConfigError
from sitrep.ingest.article import Article
from sitrep.ingestion import store_articles
from sitrep.models import ArticleMeta
from sitrep.parallel import DaskRunner, InProcessRunner, ProcessRunner, chunks_by_length
from sitrep.pipeline import ArticleInput
from sitrep.store import Store
from sitrep.store.db import engine_url

PG_URL = os.environ.get("SITREP_TEST_PG_URL")
PLACES = ["Pokrovsk", "Kramatorsk", "Zaporizhzhia", "Kherson", "Kharkiv", "Odesa", "Sloviansk", "Dnipro"]


def dispatch(n: int) -> str:
    place = PLACES[n % len(PLACES)]
    return (
        f"Ukrainian forces repelled {n + 2} assaults near {place} on Monday, the General Staff said. "
        f"A spokesman for the eastern grouping said shelling of {place} continued through the night ({n})."
    )


def item(length: int, n: int = 0) -> ArticleInput:
    return ArticleInput("x" * length, ArticleMeta(id=f"a{n}"))


@pytest.mark.parametrize(
    "lengths,max_chars,min_chunks,expected",
    [
        ([5, 30, 10], 35, 1, [[30], [10, 5]]),  # longest first; a chunk stays under max_chars
        ([100], 35, 1, [[100]]),  # a text longer than a chunk is a chunk alone
        ([1] * 10, 1000, 1, [[1] * 8, [1] * 2]),  # at most CHUNK_ARTICLES per chunk
        # two workers, two chunks each: a short run is cut finer, so no worker ends alone
        ([1] * 10, 1000, 4, [[1] * 3, [1] * 3, [1] * 3, [1]]),
        ([10, 10, 10, 10], 1000, 2, [[10, 10], [10, 10]]),  # by characters too
        ([50, 10, 10], 1000, 2, [[50], [10, 10]]),  # a long text alone, the short ones together
        ([1, 1], 1000, 4, [[1], [1]]),  # never more parts than articles
    ],
)
def test_chunks_by_length(lengths, max_chars, min_chunks, expected):
    inputs = [item(n, i) for i, n in enumerate(lengths)]
    chunks = chunks_by_length(inputs, max_chars=max_chars, min_chunks=min_chunks)
    assert [[len(i.text) for i in chunk] for chunk in chunks] == expected


def test_worker_processes_give_the_records_of_one_process(extractor):
    inputs = [ArticleInput(dispatch(n), ArticleMeta(id=f"d{n}")) for n in range(6)]
    with InProcessRunner(extractor) as one, ProcessRunner(extractor, n_process=2) as two:
        alone = {r.id: r.model_dump() for r in one.run(inputs)}
        pooled = {r.id: r.model_dump() for r in two.run(inputs)}
    assert pooled == alone and len(alone) == 6


@pytest.mark.parametrize("options", [{}, {"address": "tcp://127.0.0.1:1", "n_workers": 2}, {"n_workers": 0}])
def test_dask_needs_one_of_workers_or_cluster(options):
    with pytest.raises(ConfigError, match="E171"):
        DaskRunner(Settings(), **options)


def test_an_unreachable_scheduler_is_a_clear_error():
    with pytest.raises(ConfigError, match="E170"):
        DaskRunner(Settings(), address="tcp://127.0.0.1:9", timeout=2)


@pytest.fixture(scope="module")
def cluster():
    """A 2-worker LocalCluster (one process and thread each), as `--workers 2` starts."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
    ) as local:
        yield local


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cluster.db'}"
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set SITREP_TEST_PG_URL=postgresql://user@host:port/db")
    admin = create_engine(engine_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"sitrep_dask_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(engine_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_cluster_workers_load_every_language_pipeline_when_they_join(cluster):
    # Loaded on a worker's first Ukrainian article instead, it stalled that chunk for seconds.
    from sitrep.parallel import extractor_for

    with DaskRunner(Settings(), address=cluster.scheduler_address) as runner:
        settings = runner.settings  # what the workers were given (without the database URL)
        loaded = runner.client.run(lambda: extractor_for(settings).loaded_languages)
    assert list(loaded.values()) == [["ru", "uk", "xx"]] * 2


def test_two_ingests_of_overlapping_inputs_at_once_store_each_article_once(cluster, db_url, extractor):
    with Store.open(db_url):
        pass  # migrate once, before two writers race to
    first = [Article(dispatch(n), f"first.jsonl:{n}") for n in range(0, 12)]
    second = [Article(dispatch(n), f"second.jsonl:{n}") for n in range(6, 18)]
    summaries = {}
    errors: list[BaseException] = []

    def ingest(name: str, items: list[Article], runner: DaskRunner) -> None:
        try:
            with Store.open(db_url) as store:
                # Small batches, so that the two writers' transactions interleave.
                summaries[name] = store_articles(
                    items, store=store, extractor=extractor, runner=runner, batch_size=2
                )
        except BaseException as e:  # reported below: a thread's exception would otherwise vanish
            errors.append(e)

    # Two clients of the cluster, as two `sitrep ingest --cluster` processes have. They connect one
    # after the other: a distributed Client may be used from several threads, not made in two at once.
    with (
        DaskRunner(Settings(), address=cluster.scheduler_address) as one,
        DaskRunner(Settings(), address=cluster.scheduler_address) as two,
    ):
        jobs = (("first", first, one), ("second", second, two))
        threads = [threading.Thread(target=ingest, args=job) for job in jobs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=600)
    assert not errors, errors
    with Store.open(db_url) as store:
        rows = store.articles()
        texts = [store.get(row.id).text for row in rows]
    assert len(rows) == len(set(texts)) == 18
    assert sorted(texts) == sorted(dispatch(n) for n in range(18))
    new = len(summaries["first"].new) + len(summaries["second"].new)
    duplicates = len(summaries["first"].duplicates) + len(summaries["second"].duplicates)
    assert (new, duplicates) == (18, 6)  # the 6 shared texts: stored by one ingest, duplicates for the other
