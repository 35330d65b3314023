"""Ingest a batch (read inputs → extract → store, with counts) and reprocess what is stored.

What `sitrep ingest` and `sitrep reprocess` do, in three lines of Python:

    >>> from sitrep import Settings, Extractor
    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     summary = ingest(["articles/"], store=store, extractor=Extractor(), settings=Settings())
    >>> summary.counts()  # doctest: +SKIP
    {'new': 36, 'duplicate': 0, 'rejected': 1}

Extraction runs in worker processes or on a Dask cluster (sitrep.parallel) while this process
stores the finished records, a batch of articles per transaction: a failure part-way keeps
every batch committed before it, and a run repeated over the same inputs stores only what is
missing. Texts already stored (same `text_hash`) are counted as duplicates before extraction,
so a second run over the same files costs only the reading.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from typing import Literal

from sqlalchemy.exc import SQLAlchemyError

from .config import Settings
from .errors import InputError, Messages, SitrepError, StoreError
from .extraction import PARALLEL_FROM
from .ingest.article import Article, Rejection, Skipped
from .ingest.fields import EARLIEST, LATEST, printable
from .language import unreadable_warning
from .models import Record
from .parallel import Failed, InProcessRunner, Outcome, ProcessRunner, Runner
from .pipeline import ArticleInput, Extractor, normalise_text, text_hash
from .store import AddResult, Store, article_id
from .store.db import StoredArticle, meta_of

#: Articles stored per transaction (one commit for many articles, not one each).
BATCH_SIZE = 32
#: …or fewer, when this many seconds have passed since the last commit (so a slow stream shows up).
FLUSH_SECONDS = 2.0
#: What the database may refuse of one article (a value out of its range, an encoding).
REFUSALS = (SitrepError, SQLAlchemyError, ValueError, OverflowError, UnicodeError)

Status = Literal["new", "duplicate", "rejected", "replaced", "unchanged"]
#: Called once per input handled, with what became of it and its origin (a path, path:line…).
Progress = Callable[[Status, str], None]


@dataclass
class IngestSummary:
    """What one ingest run did: new articles, duplicates (with the stored id), rejected inputs."""

    new: list[AddResult] = field(default_factory=list)
    duplicates: list[AddResult] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    #: Records of archives passed over as not articles (requests, images, redirects), per archive.
    skipped: list[Skipped] = field(default_factory=list)
    #: Stored articles in a language sitrep cannot read (E030): (origin, language code).
    unreadable: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        return {"new": len(self.new), "duplicate": len(self.duplicates), "rejected": len(self.rejected)}

    @property
    def ok(self) -> bool:
        """True when no input was rejected."""
        return not self.rejected

    def warnings(self) -> list[str]:
        """One line per stored article sitrep could not read: its origin and the coded reason."""
        return [f"{origin}: {unreadable_warning(lang)}" for origin, lang in self.unreadable]


class IngestInterrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest; `summary` says what was stored before it (each article is whole)."""

    def __init__(self, summary: IngestSummary) -> None:
        super().__init__()
        self.summary = summary


@dataclass
class ReprocessSummary:
    """What a reprocess run did: which records changed, and how many of those by extractor version."""

    total: int = 0
    replaced: list[str] = field(default_factory=list)
    versions_changed: int = 0
    #: Articles whose extraction failed (E124/E125): their stored record was kept as it was.
    failed: list[Rejection] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def unchanged(self) -> int:
        return self.total - len(self.replaced) - len(self.failed)


def default_extractor(settings: Settings) -> Extractor:
    """The extractor the CLI uses (a seam for tests, which pass the session's loaded one)."""
    return Extractor(settings)


def _workers(n: int, n_process: int | None) -> int:
    if n_process is not None:
        return n_process
    return (os.cpu_count() or 1) if n >= PARALLEL_FROM else 1


def unstorable(article: Article) -> InputError | None:
    """Why a reader's Article can't be stored (no letters, NUL characters), or None.

    A JSON string may carry "\\u0000"; PostgreSQL's text type refuses NUL characters.
    """
    if not any(ch.isalpha() for ch in article.text):
        return InputError(Messages.E112, where=article.origin, detail="no letters")
    if "\x00" in article.text:
        return InputError(Messages.E102, where=article.origin, detail="the text contains NUL characters")
    if article.published is not None and not EARLIEST <= article.published <= LATEST:
        value = article.published.isoformat()
        return InputError(
            Messages.E120, where=article.origin, value=value, low=EARLIEST, high=LATEST, field="published"
        )
    return None


def failed(failure: Failed, *, origin: str) -> Rejection:
    """The Rejection of an article whose extraction failed (E124) or ran over its budget (E125)."""
    if failure.budget is not None:
        coded = InputError(Messages.E125, where=origin, seconds=failure.budget)
    else:
        coded = InputError(Messages.E124, where=origin, detail=failure.detail)
    return Rejection(origin=origin, code=coded.code, reason=printable(coded.reason))


def ingest(
    specs: Sequence[str],
    *,
    store: Store,
    extractor: Extractor,
    settings: Settings,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int | None = None,
    runner: Runner | None = None,
) -> IngestSummary:
    """Read files, directories or globs, extract each new article, and store it with its record.

    When articles were stored, the sources' track records over the whole store (which every
    report cites) are computed once at the end and kept in the store (sitrep.track).
    """
    from .ingest import read_inputs  # the readers' entry point (sitrep.ingest)
    from .track import source_track_records

    summary = store_articles(
        read_inputs(specs, settings=settings),
        store=store,
        extractor=extractor,
        progress=progress,
        batch_size=batch_size,
        n_process=n_process,
        extract_seconds=settings.extract_seconds,
        runner=runner,
    )
    if summary.new:
        source_track_records(store)
    return summary


def _default_runner(extractor: Extractor, n: int, n_process: int | None, seconds: float | None) -> Runner:
    workers = _workers(n, n_process)
    if workers > 1:
        return ProcessRunner(extractor, n_process=workers, seconds=seconds)
    return InProcessRunner(extractor, seconds=seconds)


def store_articles(
    items: Iterable[Article | Rejection | Skipped],
    *,
    store: Store,
    extractor: Extractor,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int | None = None,
    extract_seconds: float | None = None,
    runner: Runner | None = None,
) -> IngestSummary:
    """Store already-read Articles (extracting each new one) and record Rejections with their reasons.

    Extraction runs on `runner` (sitrep.parallel: worker processes or a Dask cluster) while
    this process stores what comes back, `batch_size` articles per transaction. Without a
    runner, `n_process` worker processes are used (by default one per core once there are
    PARALLEL_FROM new articles, else this process alone).

    One article can only fail itself: an error while extracting (E124), an extraction over
    `extract_seconds` (E125) or a refusal by the database (E250) becomes that article's
    Rejection, and the batch goes on. Ctrl-C raises `IngestInterrupted` with the summary so far.
    """
    started = time.perf_counter()
    summary = IngestSummary()
    tell = progress or (lambda status, origin: None)

    def reject(item: Rejection) -> None:
        try:
            store.add_rejection(item)
        except StoreError:  # the database is failing: the rejection is still counted and shown
            pass
        summary.rejected.append(item)
        tell("rejected", item.origin)

    try:
        _store_stream(
            items,
            store=store,
            extractor=extractor,
            summary=summary,
            reject=reject,
            tell=tell,
            batch_size=batch_size,
            n_process=n_process,
            extract_seconds=extract_seconds,
            runner=runner,
        )
    except KeyboardInterrupt as e:
        summary.seconds = time.perf_counter() - started
        raise IngestInterrupted(summary) from e
    summary.seconds = time.perf_counter() - started
    return summary


def _store_stream(
    items: Iterable[Article | Rejection | Skipped],
    *,
    store: Store,
    extractor: Extractor,
    summary: IngestSummary,
    reject: Callable[[Rejection], None],
    tell: Progress,
    batch_size: int,
    n_process: int | None,
    extract_seconds: float | None,
    runner: Runner | None,
) -> None:
    waiting: dict[str, Article] = {}  # article id → the article being extracted
    # Workers finish in any order; storing in input order keeps ids of stories and the order of
    # rows the same whatever the number of workers (determinism, docs/ingest.md).
    order: deque[str] = deque()
    arrived: dict[str, Outcome] = {}
    repeats: list[tuple[Article, str]] = []
    sent: set[str] = set()  # hashes of the texts being extracted (stored ones are found by find_hash)

    def new_inputs() -> Iterator[ArticleInput]:
        """The articles to extract; rejections and texts already stored are dealt with on the way."""
        for item in items:
            if isinstance(item, Article) and (error := unstorable(item)) is not None:
                item = Rejection(origin=item.origin, code=error.code, reason=error.reason)
            if isinstance(item, Rejection):
                reject(item)
                continue
            if isinstance(item, Skipped):
                summary.skipped.append(item)
                continue
            text = normalise_text(item.text)
            sha = text_hash(text)
            if sha in sent:
                repeats.append((item, sha))
                continue
            stored_id = store.find_hash(sha)
            if stored_id is not None:
                summary.duplicates.append(AddResult(id=stored_id, status="duplicate", origin=item.origin))
                tell("duplicate", item.origin)
                continue
            aid = article_id(sha)
            sent.add(sha)
            waiting[aid] = item
            order.append(aid)
            yield ArticleInput(text, meta_of(item, id=aid, sha256=sha))

    def add_one(article: Article, record: Record) -> AddResult | None:
        try:
            return store.add(article, record)
        except REFUSALS as e:
            coded = InputError(Messages.E250, where=article.origin, reason=str(e).split("] ", 1)[-1])
            reject(Rejection(origin=article.origin, code=coded.code, reason=printable(coded.reason)))
            return None

    def flush(done: list[tuple[Article, Record]]) -> None:
        sent.difference_update(record.article.sha256 for _, record in done if record.article.sha256)
        try:
            results: list[AddResult | None] = list(store.add_many(done))
        except REFUSALS:  # the batch was rolled back: each on its own, so only the refused one is rejected
            results = [add_one(article, record) for article, record in done]
        for result in results:
            if result is not None:
                (summary.new if result.new else summary.duplicates).append(result)
                tell(result.status, result.origin)
        done.clear()

    inputs = new_inputs()
    head = list(islice(inputs, PARALLEL_FROM))  # enough to tell whether worker processes pay off
    own_runner = runner is None
    if runner is None:
        runner = _default_runner(extractor, len(head), n_process, extract_seconds)
    done: list[tuple[Article, Record]] = []
    last_flush = time.monotonic()
    try:
        for finished in runner.run(chain(head, inputs)):
            arrived[finished.id] = finished
            while order and order[0] in arrived:
                outcome = arrived.pop(order.popleft())
                article = waiting.pop(outcome.id)
                if isinstance(outcome, Failed):
                    sent.discard(text_hash(normalise_text(article.text)))
                    reject(failed(outcome, origin=article.origin))
                    continue
                # The language identified at extraction, where the input did not give one.
                article = replace(article, lang=article.lang or outcome.article.lang)
                if article.lang and any(w.startswith("E030") for w in outcome.warnings):
                    summary.unreadable.append((article.origin, article.lang))
                done.append((article, outcome))
                if len(done) >= batch_size or time.monotonic() - last_flush >= FLUSH_SECONDS:
                    flush(done)
                    last_flush = time.monotonic()
        flush(done)
    finally:
        if own_runner:
            runner.close()
    for article, sha in repeats:  # the same text twice in one run: the first copy is stored now
        try:
            stored_id = store.find_hash(sha) or article_id(sha)
        except StoreError:
            stored_id = article_id(sha)
        summary.duplicates.append(AddResult(id=stored_id, status="duplicate", origin=article.origin))
        tell("duplicate", article.origin)


def reprocess(
    store: Store,
    extractor: Extractor,
    *,
    progress: Progress | None = None,
    n_process: int | None = None,
    extract_seconds: float | None = None,
    runner: Runner | None = None,
) -> ReprocessSummary:
    """Re-run the current extractors over every stored article; replace the records that changed.

    Extraction runs on `runner` (or `n_process` worker processes, as in `store_articles`).
    An article whose extraction fails keeps its stored record and is listed in `failed`.
    """
    started = time.perf_counter()
    summary = ReprocessSummary()
    tell = progress or (lambda status, origin: None)
    waiting: dict[str, StoredArticle] = {}

    def stored_inputs() -> Iterator[ArticleInput]:
        for row in store.articles():
            old = waiting[row.id] = store.get(row.id)
            yield ArticleInput(old.text, meta_of(old.article, id=old.article.id, sha256=old.article.sha256))

    inputs = stored_inputs()
    head = list(islice(inputs, PARALLEL_FROM))
    own_runner = runner is None
    if runner is None:
        runner = _default_runner(extractor, len(head), n_process, extract_seconds)
    try:
        for new in runner.run(chain(head, inputs)):
            old = waiting.pop(new.id)
            summary.total += 1
            if isinstance(new, Failed):
                summary.failed.append(failed(new, origin=old.article.origin))
                tell("rejected", old.article.origin)
                continue
            if old.record is not None and old.record.model_dump() == new.model_dump():
                tell("unchanged", old.article.origin)
                continue
            store.replace_record(old.id, new)
            summary.replaced.append(old.id)
            if old.record is None or old.record.extractors != new.extractors:
                summary.versions_changed += 1
            tell("replaced", old.article.origin)
    finally:
        if own_runner:
            runner.close()
    summary.seconds = time.perf_counter() - started
    return summary
