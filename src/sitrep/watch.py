"""Follow feeds, directories and growing JSONL files, ingesting what is new; resume after a restart.

What `sitrep watch` does, in three lines of Python:

    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     status = watch(["https://example.org/war.rss", "inbox/"], store=store,
    ...                    extractor=Extractor(), settings=Settings(), rounds=1)

Each round polls every source once, then sleeps `interval` seconds:

- an RSS/Atom feed over HTTP is fetched with the ETag and Last-Modified of its last response
  (If-None-Match / If-Modified-Since), so an unchanged feed costs a 304 and no parsing; an
  unchanged body (same hash) is not parsed either;
- a directory is walked; a file is read when its size or mtime differ from what was read last;
- a JSONL file is read from the byte offset where the last round stopped, up to its last
  complete line (a line still being written is left for the next round).

The position of a source is saved in the store (`watch_positions`) only after the articles
read up to it are stored, so a watch killed at any moment and restarted reads again at most
what it had not yet recorded; the unique text hash makes a second reading of an already
stored article a "duplicate", never a second copy. A source that fails (HTTP error, server
down) is counted as an error for that round and polled again in the next.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import httpx

from . import __version__
from .config import Settings
from .errors import ConfigError, InputError, Messages
from .ingest.article import Article, Rejection, Skipped
from .ingest.feeds import article_from_entry, parse_feed
from .ingest.fields import language_code, rejection
from .ingest.jsonl import article_from_object
from .ingest.paths import expand_paths
from .ingest.readers import read_path
from .ingestion import store_articles
from .parallel import Runner
from .pipeline import Extractor
from .store import Store, WatchPosition

#: Seconds between two rounds by default (a feed rarely changes more often; servers thank you).
DEFAULT_INTERVAL = 60.0
#: Seconds to wait for a feed server.
HTTP_TIMEOUT = 30.0
#: Errors kept for the status (the newest ones).
KEEP_ERRORS = 20


@dataclass(frozen=True)
class Batch:
    """Articles (and rejections) read from a source, and the position to save once they are stored."""

    items: Sequence[Article | Rejection | Skipped]
    position: WatchPosition


@dataclass
class WatchStatus:
    """What a watch has done so far: counts, the queue of read-but-unstored items, recent errors."""

    rounds: int = 0
    new: int = 0
    duplicates: int = 0
    rejected: int = 0
    queue: int = 0
    errors: list[str] = field(default_factory=list)
    error_count: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def per_minute(self) -> float:
        """New articles stored per minute since the watch started."""
        minutes = (time.monotonic() - self.started) / 60
        return self.new / minutes if minutes > 0 else 0.0

    def line(self) -> str:
        """The one-line status: rate, counts, queue and errors."""
        return (
            f"round {self.rounds}: {self.per_minute:.1f} articles/min, {self.new} new, "
            f"{self.duplicates} duplicate, {self.rejected} rejected, queue {self.queue}, "
            f"{self.error_count} errors"
        )

    def error(self, message: str) -> None:
        self.error_count += 1
        self.errors = [*self.errors, message][-KEEP_ERRORS:]


class Source(Protocol):
    """Something `watch` polls: yields batches of what is new since the stored position."""

    @property
    def name(self) -> str: ...

    def poll(self, store: Store, settings: Settings) -> Iterator[Batch]: ...


@dataclass
class FeedSource:
    """An RSS or Atom feed over HTTP(S), fetched conditionally."""

    name: str
    client: httpx.Client

    def poll(self, store: Store, settings: Settings) -> Iterator[Batch]:
        known = store.position(self.name) or WatchPosition(self.name)
        headers = {}
        if known.etag:
            headers["If-None-Match"] = known.etag
        if known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        try:
            response = self.client.get(self.name, headers=headers)
        except httpx.HTTPError as e:
            raise InputError(Messages.E241, where=self.name, reason=str(e) or type(e).__name__) from e
        if response.status_code == 304:
            return
        if response.status_code >= 400:
            raise InputError(Messages.E240, where=self.name, status=response.status_code)
        body = response.content
        if len(body) > settings.max_bytes:
            raise InputError(Messages.E110, where=self.name, size=len(body), limit=settings.max_bytes)
        position = WatchPosition(
            self.name,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            fingerprint=hashlib.sha256(body).hexdigest(),
        )
        if position.fingerprint == known.fingerprint:  # a server without validators sent the same feed
            yield Batch([], position)
            return
        yield Batch(list(feed_articles(body, where=self.name)), position)


def feed_articles(body: bytes, *, where: str) -> Iterator[Article | Rejection]:
    """The entries of a fetched feed as Articles (Rejections for the feed or its bad entries)."""
    try:
        parsed = parse_feed(body, where=where)
    except InputError as e:
        yield rejection(e)
        return
    outlet = parsed.feed.get("title")
    lang = language_code(parsed.feed.get("language"))
    for number, entry in enumerate(parsed.entries, start=1):
        try:
            yield article_from_entry(entry, origin=f"{where}#entry-{number}", outlet=outlet, lang=lang)
        except InputError as e:
            yield rejection(e)


@dataclass
class JsonlSource:
    """A JSONL file that grows: read from the stored byte offset to its last complete line."""

    path: Path

    @property
    def name(self) -> str:
        return str(self.path.resolve())

    def poll(self, store: Store, settings: Settings) -> Iterator[Batch]:
        known = store.position(self.name) or WatchPosition(self.name)
        size = self.path.stat().st_size
        offset, line = known.offset, int(known.fingerprint or 0)
        if size < offset:  # truncated or replaced: read it again (stored texts come back as duplicates)
            offset, line = 0, 0
        if size == offset:
            return
        with self.path.open("rb") as stream:
            stream.seek(offset)
            data = stream.read(size - offset)
        end = data.rfind(b"\n") + 1  # a last line without its newline is still being written
        if end == 0:
            return
        items: list[Article | Rejection] = []
        for raw in data[:end].splitlines():
            line += 1
            if raw.strip():
                items.append(_jsonl_item(raw, where=f"{self.path}:{line}"))
        yield Batch(items, WatchPosition(self.name, offset=offset + end, fingerprint=str(line)))


def _jsonl_item(raw: bytes, *, where: str) -> Article | Rejection:
    try:
        obj = json.loads(raw.decode("utf-8").lstrip("\ufeff"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        return rejection(InputError(Messages.E105, where=where, detail=str(e)))
    if not isinstance(obj, dict):
        return rejection(InputError(Messages.E105, where=where, detail="the line is not an object"))
    try:
        return article_from_object(obj, origin=where)
    except InputError as e:
        return rejection(e)


@dataclass
class DirectorySource:
    """A directory: new or changed files are read whole; JSONL files in it are followed as they grow."""

    path: Path

    @property
    def name(self) -> str:
        return str(self.path.resolve())

    def poll(self, store: Store, settings: Settings) -> Iterator[Batch]:
        for item in expand_paths([str(self.path)]):
            if not isinstance(item, Path):
                continue  # an empty directory is normal for a watched inbox
            if item.name.lower().endswith(".jsonl"):
                yield from JsonlSource(item).poll(store, settings)
                continue
            key = str(item.resolve())
            stat = item.stat()
            fingerprint = f"{stat.st_size}:{stat.st_mtime_ns}"
            known = store.position(key)
            if known is not None and known.fingerprint == fingerprint:
                continue
            items = list(read_path(item, max_bytes=settings.max_bytes))
            yield Batch(items, WatchPosition(key, offset=stat.st_size, fingerprint=fingerprint))


def source_for(spec: str, *, client: httpx.Client) -> Source:
    """The Source a spec names: an http(s) URL, a directory or a .jsonl file (ConfigError E242 otherwise)."""
    if spec.startswith(("http://", "https://")):
        return FeedSource(spec, client)
    path = Path(spec)
    if path.is_dir():
        return DirectorySource(path)
    if path.is_file() and path.name.lower().endswith(".jsonl"):
        return JsonlSource(path)
    raise ConfigError(Messages.E242, where=spec)


def http_client() -> httpx.Client:
    return httpx.Client(
        timeout=HTTP_TIMEOUT, follow_redirects=True, headers={"User-Agent": f"sitrep/{__version__} (watch)"}
    )


def watch(
    specs: Sequence[str],
    *,
    store: Store,
    extractor: Extractor,
    settings: Settings,
    interval: float = DEFAULT_INTERVAL,
    rounds: int | None = None,
    on_status: Callable[[WatchStatus], None] | None = None,
    runner: Runner | None = None,
    client: httpx.Client | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchStatus:
    """Poll every source each round, store what is new, save each source's position; `rounds` None: forever."""
    if interval < 1 or (rounds is not None and rounds < 1):
        raise ConfigError(Messages.E243, detail=f"interval={interval}, rounds={rounds}")
    own_client = client is None
    http = client or http_client()
    status = WatchStatus()
    tell = on_status or (lambda status: None)

    def counted(status_name: str, origin: str) -> None:
        status.queue = max(0, status.queue - 1)
        if status_name == "new":
            status.new += 1
        elif status_name == "duplicate":
            status.duplicates += 1
        elif status_name == "rejected":
            status.rejected += 1
        tell(status)

    try:
        sources = [source_for(spec, client=http) for spec in specs]
        while True:
            status.rounds += 1
            for source in sources:
                try:
                    for batch in source.poll(store, settings):
                        status.queue = len(batch.items)
                        tell(status)
                        store_articles(
                            batch.items,
                            store=store,
                            extractor=extractor,
                            progress=counted,
                            extract_seconds=settings.extract_seconds,
                            runner=runner,
                        )
                        store.save_position(batch.position)
                except (InputError, OSError) as e:
                    status.error(str(e))
                status.queue = 0
                tell(status)
            if rounds is not None and status.rounds >= rounds:
                return status
            sleep(interval)
    finally:
        if own_client:
            http.close()
