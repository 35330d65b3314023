"""Ingest a batch (read inputs → extract → store, with counts) and reprocess what is stored.

What `sitrep ingest` and `sitrep reprocess` do, in three lines of Python:

    >>> from sitrep import Settings, Extractor
    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     summary = ingest(["articles/"], store=store, extractor=Extractor(), settings=Settings())
    >>> summary.counts()  # doctest: +SKIP
    {'new': 36, 'duplicate': 0, 'rejected': 1}

Each article is stored with its record in its own transaction, so a failure part-way keeps
everything stored before it. Texts already stored (same `text_hash`) are counted as
duplicates before extraction, so a second run over the same files costs only the reading.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import islice
from typing import Literal, TypeVar

from .config import Settings
from .errors import InputError, Messages
from .extraction import PARALLEL_FROM
from .ingest.article import Article, Rejection
from .language import unreadable_warning
from .pipeline import ArticleInput, Extractor, normalise_text, text_hash
from .store import AddResult, Store, article_id
from .store.db import meta_of

T = TypeVar("T")

#: Articles extracted together: the model stays loaded, and progress is reported per batch.
BATCH_SIZE = 32

Status = Literal["new", "duplicate", "rejected", "replaced", "unchanged"]
#: Called once per input handled, with what became of it and its origin (a path, path:line…).
Progress = Callable[[Status, str], None]


@dataclass
class IngestSummary:
    """What one ingest run did: new articles, duplicates (with the stored id), rejected inputs."""

    new: list[AddResult] = field(default_factory=list)
    duplicates: list[AddResult] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
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


@dataclass
class ReprocessSummary:
    """What a reprocess run did: which records changed, and how many of those by extractor version."""

    total: int = 0
    replaced: list[str] = field(default_factory=list)
    versions_changed: int = 0
    seconds: float = 0.0

    @property
    def unchanged(self) -> int:
        return self.total - len(self.replaced)


def default_extractor(settings: Settings) -> Extractor:
    """The extractor the CLI uses (a seam for tests, which pass the session's loaded one)."""
    return Extractor(settings)


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


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
    return None


def ingest(
    specs: Sequence[str],
    *,
    store: Store,
    extractor: Extractor,
    settings: Settings,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int | None = None,
) -> IngestSummary:
    """Read files, directories or globs, extract each new article, and store it with its record."""
    from .ingest import read_inputs  # the readers' entry point (sitrep.ingest)

    return store_articles(
        read_inputs(specs, settings=settings),
        store=store,
        extractor=extractor,
        progress=progress,
        batch_size=batch_size,
        n_process=n_process,
    )


def store_articles(
    items: Iterable[Article | Rejection],
    *,
    store: Store,
    extractor: Extractor,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int | None = None,
) -> IngestSummary:
    """Store already-read Articles (extracting each new one) and record Rejections with their reasons."""
    started = time.perf_counter()
    summary = IngestSummary()
    tell = progress or (lambda status, origin: None)
    for batch in _batches(items, batch_size):
        pending: dict[str, tuple[Article, ArticleInput]] = {}
        repeats: list[tuple[Article, str]] = []
        for item in batch:
            if isinstance(item, Article) and (error := unstorable(item)) is not None:
                item = Rejection(origin=item.origin, code=error.code, reason=error.reason)
            if isinstance(item, Rejection):
                store.add_rejection(item)
                summary.rejected.append(item)
                tell("rejected", item.origin)
                continue
            text = normalise_text(item.text)
            sha = text_hash(text)
            if sha in pending:
                repeats.append((item, sha))
                continue
            stored_id = store.find_hash(sha)
            if stored_id is not None:
                summary.duplicates.append(AddResult(id=stored_id, status="duplicate", origin=item.origin))
                tell("duplicate", item.origin)
                continue
            meta = meta_of(item, id=article_id(sha), sha256=sha)
            pending[sha] = (item, ArticleInput(text, meta))
        if pending:
            inputs = [article_input for _, article_input in pending.values()]
            records = extractor.extract_many(inputs, n_process=_workers(len(inputs), n_process))
            for (article, _), record in zip(pending.values(), records, strict=True):
                # The language identified at extraction, where the input did not give one.
                article = replace(article, lang=article.lang or record.article.lang)
                if record.warnings and article.lang and any(w.startswith("E030") for w in record.warnings):
                    summary.unreadable.append((article.origin, article.lang))
                result = store.add(article, record)
                (summary.new if result.new else summary.duplicates).append(result)
                tell(result.status, article.origin)
        for article, sha in repeats:  # the same text twice in one batch: the first copy is stored now
            stored_id = store.find_hash(sha) or article_id(sha)
            summary.duplicates.append(AddResult(id=stored_id, status="duplicate", origin=article.origin))
            tell("duplicate", article.origin)
    summary.seconds = time.perf_counter() - started
    return summary


def reprocess(
    store: Store,
    extractor: Extractor,
    *,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    n_process: int | None = None,
) -> ReprocessSummary:
    """Re-run the current extractors over every stored article; replace the records that changed."""
    started = time.perf_counter()
    summary = ReprocessSummary()
    tell = progress or (lambda status, origin: None)
    for rows in _batches(store.articles(), batch_size):
        stored = [store.get(row.id) for row in rows]
        inputs = [
            ArticleInput(s.text, meta_of(s.article, id=s.article.id, sha256=s.article.sha256)) for s in stored
        ]
        records = extractor.extract_many(inputs, n_process=_workers(len(inputs), n_process))
        for old, new in zip(stored, records, strict=True):
            summary.total += 1
            if old.record is not None and old.record.model_dump() == new.model_dump():
                tell("unchanged", old.article.origin)
                continue
            store.replace_record(old.id, new)
            summary.replaced.append(old.id)
            if old.record is None or old.record.extractors != new.extractors:
                summary.versions_changed += 1
            tell("replaced", old.article.origin)
    summary.seconds = time.perf_counter() - started
    return summary
