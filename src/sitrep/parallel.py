"""Where extraction runs: in this process, in local worker processes, or on a Dask cluster.

Each runner takes a stream of `ArticleInput`s and yields their Records as they finish, not
in input order (a Record's ``article.id`` names its input), or a `Failed` for an article whose
extraction failed or ran over its time budget: one bad article never fails its chunk. Inputs are read a window at a
time, sorted longest first and cut into chunks of similar length: a worker parses a chunk
with one ``nlp.pipe`` call, and the longest texts start first so that no worker is left
with one long article while the others wait. At most a few chunks per worker are in flight,
so a corpus of any size streams through in bounded memory, and the caller stores finished
records while the workers go on extracting.

    >>> runner = ProcessRunner(Extractor(), n_process=2)  # doctest: +SKIP
    >>> with runner:  # doctest: +SKIP
    ...     records = list(runner.run(inputs))

`DaskRunner` sends chunks to the workers of a ``dask.distributed`` cluster (a scheduler's
address, or a `LocalCluster` it starts); each worker loads the pipeline once, when it joins
(`sitrep.dask_plugin.LoadPipeline`), and keeps it for every chunk after. Storing stays with the caller, through
the same `sitrep.store` code, so workers need no database access (docs/scale.md).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass
from itertools import islice
from types import TracebackType
from typing import TYPE_CHECKING, Any, Protocol, Self

from .budget import OverBudget
from .config import Settings
from .errors import ConfigError, Messages, SitrepError
from .models import Record
from .pipeline import ArticleInput, Extractor, extract_each

if TYPE_CHECKING:
    from distributed import Client

#: Inputs read ahead and sorted by length before they are cut into chunks.
WINDOW = 64
#: A chunk holds at most this many articles, or this many characters (one long page is a chunk alone).
CHUNK_ARTICLES = 8
CHUNK_CHARS = 24_000
#: prctl(2) option: the signal a process gets when its parent dies.
PR_SET_PDEATHSIG = 1
#: Chunks in flight per worker: one running, one waiting, so a worker never idles between chunks.
IN_FLIGHT_PER_WORKER = 2


def chunks_by_length(
    inputs: Iterable[ArticleInput],
    *,
    window: int = WINDOW,
    max_articles: int = CHUNK_ARTICLES,
    max_chars: int = CHUNK_CHARS,
    min_chunks: int = 1,
) -> Iterator[list[ArticleInput]]:
    """Chunks of similar-length inputs: each window sorted longest first, then cut greedily.

    Each window is cut into at least `min_chunks` chunks where it has that many articles (a
    runner asks for two per worker): a short run, or the last window of a long one, would
    otherwise end with one worker parsing a full chunk while the others have nothing left.

    >>> [len(c) for c in chunks_by_length([ArticleInput("x" * n, meta) for n in (5, 30, 10)], max_chars=35)]  # doctest: +SKIP
    [1, 2]
    """
    iterator = iter(inputs)
    while batch := list(islice(iterator, window)):
        batch.sort(key=lambda item: len(item.text), reverse=True)
        parts = max(1, min(min_chunks, len(batch)))
        most = min(max_articles, -(-len(batch) // parts))  # ceiling division
        budget = min(max_chars, -(-sum(len(item.text) for item in batch) // parts))
        chunk: list[ArticleInput] = []
        chars = 0
        for item in batch:
            if chunk and (len(chunk) >= most or chars + len(item.text) > budget):
                yield chunk
                chunk, chars = [], 0
            chunk.append(item)
            chars += len(item.text)
        if chunk:
            yield chunk


@dataclass(frozen=True)
class Failed:
    """An article whose extraction failed: its id, what stopped it, and its budget when that was it.

    Plain strings and numbers, so that it crosses process and network boundaries as it is.
    """

    id: str
    detail: str
    budget: float | None = None  # seconds, when the extraction ran over its time budget

    @classmethod
    def of(cls, article_id: str, error: Exception) -> Failed:
        if isinstance(error, OverBudget):
            return cls(article_id, str(error), error.seconds)
        return cls(article_id, f"{type(error).__name__}: {error}"[:300])


#: What a runner yields for each input.
Outcome = Record | Failed


def extract_outcomes(extractor: Extractor, chunk: list[ArticleInput], seconds: float | None) -> list[Outcome]:
    """Each article's Record, or `Failed` for the ones that could not be extracted (sitrep.pipeline.extract_each)."""
    results = extract_each(extractor, chunk, n_process=1, seconds=seconds)
    return [
        result if isinstance(result, Record) else Failed.of(item.meta.id, result)
        for item, result in zip(chunk, results, strict=True)
    ]


class Runner(Protocol):
    """Something that turns a stream of inputs into their Records or Failures (in any order)."""

    workers: int

    def run(self, inputs: Iterable[ArticleInput]) -> Iterator[Outcome]: ...

    def close(self) -> None: ...


class InProcessRunner:
    """Extraction in this process, chunk by chunk (the default for a handful of articles)."""

    workers = 1

    def __init__(self, extractor: Extractor, *, seconds: float | None = None) -> None:
        self.extractor = extractor
        self.seconds = seconds

    def run(self, inputs: Iterable[ArticleInput]) -> Iterator[Outcome]:
        for chunk in chunks_by_length(inputs):
            yield from extract_outcomes(self.extractor, chunk, self.seconds)

    def close(self) -> None:
        return None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _bounded(
    chunks: Iterator[list[ArticleInput]],
    *,
    submit: Callable[[list[ArticleInput]], Any],
    wait_first: Callable[[set[Any]], tuple[set[Any], set[Any]]],
    result: Callable[[Any], list[Outcome]],
    limit: int,
) -> Iterator[Outcome]:
    """Submit chunks with at most `limit` in flight; yield each finished chunk's Records."""
    in_flight: set[Any] = set()
    for chunk in chunks:
        in_flight.add(submit(chunk))
        while len(in_flight) >= limit:
            done, in_flight = wait_first(in_flight)
            for future in done:
                yield from result(future)
    while in_flight:
        done, in_flight = wait_first(in_flight)
        for future in done:
            yield from result(future)


# --- local worker processes ------------------------------------------------------------------

_forked_extractor: Extractor | None = None


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it dies, even by SIGKILL, instead of lingering.

    Linux only (prctl PR_SET_PDEATHSIG); elsewhere the pool's own shutdown is all there is.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _extract_forked(chunk: list[ArticleInput], seconds: float | None) -> list[Outcome]:
    extractor = _forked_extractor or extractor_for(Settings.from_env())  # None only under "spawn"
    return extract_outcomes(extractor, chunk, seconds)


def _wait_local(futures: set[Future[list[Outcome]]]) -> tuple[set[Any], set[Any]]:
    done, pending = wait(futures, return_when=FIRST_COMPLETED)
    return set(done), set(pending)


class ProcessRunner:
    """Extraction in `n_process` forked processes that share the pipeline loaded here.

    The pool lives as long as the runner (one per ingest run, not one per batch), so the
    workers are forked once and stay busy while the caller stores what they return.
    """

    def __init__(self, extractor: Extractor, *, n_process: int, seconds: float | None = None) -> None:
        self.extractor = extractor
        self.workers = max(1, n_process)
        self.seconds = seconds
        self._pool: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        if self._pool is None:
            global _forked_extractor
            _ = self.extractor.nlp, self.extractor.versions  # load before forking: workers share it
            _forked_extractor = self.extractor
            methods = multiprocessing.get_all_start_methods()
            context = multiprocessing.get_context("fork" if "fork" in methods else None)
            self._pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
            )
        return self._pool

    def run(self, inputs: Iterable[ArticleInput]) -> Iterator[Outcome]:
        pool = self._start()
        yield from _bounded(
            chunks_by_length(inputs, min_chunks=self.workers * IN_FLIGHT_PER_WORKER),
            submit=lambda chunk: pool.submit(_extract_forked, chunk, self.seconds),
            wait_first=_wait_local,
            result=lambda future: future.result(),
            limit=self.workers * IN_FLIGHT_PER_WORKER,
        )

    def close(self) -> None:
        global _forked_extractor
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None
        _forked_extractor = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- Dask ------------------------------------------------------------------------------------

_extractors: dict[Settings, Extractor] = {}
_extractors_lock = threading.Lock()


def extractor_for(settings: Settings) -> Extractor:
    """This process's Extractor for `settings`, loaded on first use and kept (one per worker)."""
    with _extractors_lock:
        extractor = _extractors.get(settings)
        if extractor is None:
            extractor = _extractors[settings] = Extractor(settings)
            _ = extractor.nlp, extractor.versions
        return extractor


def extract_chunk(chunk: list[ArticleInput], settings: Settings) -> list[Outcome]:
    """What a Dask worker runs: the Records of one chunk, with the worker's loaded pipeline.

    The time budget (settings.extract_seconds) applies where the task runs in the worker's
    main thread; in a worker's thread pool it cannot be enforced (sitrep.budget).
    """
    return extract_outcomes(extractor_for(settings), chunk, settings.extract_seconds)


class DaskRunner:
    """Extraction on a Dask cluster: the scheduler at `address`, or a LocalCluster of `n_workers`.

    Raises ConfigError E170 when the scheduler can't be reached, E171 when neither or both
    of `address` and `n_workers` are given; a chunk whose worker died is SitrepError E172.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        address: str | None = None,
        n_workers: int | None = None,
        timeout: float = 30.0,
    ) -> None:
        if (address is None) == (n_workers is None) or (n_workers is not None and n_workers < 1):
            raise ConfigError(Messages.E171, workers=n_workers, address=address)
        # Workers get what extraction needs (model, components), not the database URL and its password.
        self.settings = settings.with_(db_url="")
        self.client = _connect(address=address, n_workers=n_workers, timeout=timeout)
        try:
            from .dask_plugin import LoadPipeline  # imports distributed, which only this runner needs

            self.client.register_plugin(LoadPipeline(self.settings))
            self.workers = max(
                1, sum(w["nthreads"] for w in self.client.scheduler_info()["workers"].values())
            )
        except BaseException:
            self.close()
            raise

    def run(self, inputs: Iterable[ArticleInput]) -> Iterator[Outcome]:
        from distributed import wait as dask_wait

        def wait_first(futures: set[Any]) -> tuple[set[Any], set[Any]]:
            done, pending = dask_wait(list(futures), return_when="FIRST_COMPLETED")
            return set(done), set(pending)

        yield from _bounded(
            chunks_by_length(inputs, min_chunks=self.workers * IN_FLIGHT_PER_WORKER),
            submit=lambda chunk: self.client.submit(extract_chunk, chunk, self.settings, pure=False),
            wait_first=wait_first,
            result=self._result,
            limit=self.workers * IN_FLIGHT_PER_WORKER,
        )

    @staticmethod
    def _result(future: Any) -> list[Outcome]:
        from distributed import KilledWorker

        try:
            records: list[Outcome] = future.result()
        except KilledWorker as e:
            raise SitrepError(Messages.E172, reason=str(e)) from e
        return records

    def close(self) -> None:
        cluster = self.client.cluster
        self.client.close()
        if cluster is not None:
            cluster.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _connect(*, address: str | None, n_workers: int | None, timeout: float) -> Client:
    """A Client of the scheduler at `address`, or of a new LocalCluster (one thread per worker)."""
    from distributed import Client, LocalCluster

    if address is None:
        # One thread per worker process: a spaCy pipeline is not meant to be called from two
        # threads at once, and the parse holds the GIL, so more threads would not run faster.
        # The dashboard takes a free loopback port: 8787 may belong to another cluster.
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        )
        return Client(cluster)
    try:
        return Client(address, timeout=timeout)
    except (OSError, TimeoutError, ValueError) as e:
        raise ConfigError(Messages.E170, address=address, reason=str(e) or type(e).__name__) from e
