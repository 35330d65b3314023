"""The store: the one place that reads and writes the database (SQLite or PostgreSQL).

Every write runs in an explicit transaction (``BEGIN IMMEDIATE`` on SQLite, so two writers
queue instead of failing half-way); an article and its record are inserted together or not
at all. SQLite connections get WAL and ``foreign_keys=ON`` at connect. The schema is created
or upgraded by the Alembic migrations when the store is opened.

    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     result = store.add(article, record)
    ...     hits = store.search("Pokrovsk", limit=5)
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, Protocol, Self, TypeVar, cast

from sqlalchemy import Connection, Engine, create_engine, event, func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from ..errors import ConfigError, Messages, NotFoundError, StoreError
from ..ingest.article import Article, Rejection
from ..models import ArticleMeta, Record
from ..normalise import normalise_text, text_hash
from . import control, resolution
from . import migrate as migrations
from . import views as fact_views
from .schema import articles, cached, changes, records, rejections, resolutions, watch_positions
from .search import SEARCH_WINDOW, Hit, search

T = TypeVar("T")

#: Records read per query by `Store.records` (memory stays flat however large the store).
RECORDS_PAGE = 200
#: Aggregates remembered by `Store._memo` before the cache starts afresh.
MEMO_SIZE = 256
#: Hex characters of the sha256 in an article id; longer only if two texts share a prefix.
ID_LENGTH = 12


def article_id(sha256: str, *, length: int = ID_LENGTH) -> str:
    """The short public id of an article: the first `length` hex characters of its text hash."""
    return sha256[:length]


@dataclass(frozen=True)
class AddResult:
    """What `Store.add` did: stored a new article, or found its text already stored under `id`."""

    id: str
    status: Literal["new", "duplicate"]
    origin: str

    @property
    def new(self) -> bool:
        return self.status == "new"


@dataclass(frozen=True)
class ArticleRow:
    """A stored article without its text (what `sitrep articles` lists)."""

    id: str
    sha256: str
    origin: str
    title: str | None
    url: str | None
    outlet: str | None
    published: date | None
    lang: str | None
    format: str
    ingested_at: datetime
    chars: int
    duplicate_of: str | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class StoredArticle:
    """A stored article with its text and current record (None only if the record was deleted)."""

    article: ArticleRow
    text: str
    record: Record | None

    @property
    def id(self) -> str:
        return self.article.id


@dataclass(frozen=True)
class WatchPosition:
    """How far `sitrep watch` has read one source, so that a restart resumes there.

    A feed keeps the validators of its last response (sent back as If-None-Match and
    If-Modified-Since) and a hash of its body; a growing file the bytes already ingested
    (`offset`) and its size and mtime (`fingerprint`).
    """

    source: str
    etag: str | None = None
    last_modified: str | None = None
    offset: int = 0
    fingerprint: str | None = None


@dataclass(frozen=True)
class RejectionRow:
    origin: str
    code: str
    reason: str
    at: datetime


@dataclass(frozen=True)
class StoreCounts:
    articles: int
    records: int
    rejections: int


def has_psycopg2() -> bool:
    return importlib.util.find_spec("psycopg2") is not None


def engine_url(url: str) -> str:
    """`url` with a driver PostgreSQL can use here: psycopg 3 when psycopg2 is not installed."""
    if url.startswith("postgresql://") and not has_psycopg2():
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("postgres://"):  # the scheme Heroku-style URLs use; SQLAlchemy knows only postgresql
        return engine_url("postgresql://" + url.removeprefix("postgres://"))
    return url


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None (another dialect, or an in-memory database)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _reason(error: BaseException) -> str:
    orig = getattr(error, "orig", None)
    return str(orig if orig is not None else error).strip().splitlines()[0]


def make_engine(url: str, *, readonly: bool = False) -> Engine:
    """An Engine for `url`, with sitrep's connection settings (see the module docstring)."""
    try:
        engine = create_engine(engine_url(url))
    except (ArgumentError, NoSuchModuleError, ImportError, ValueError) as e:
        raise ConfigError(Messages.E003, url=url, reason=_reason(e)) from e
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine, readonly=readonly)
    elif readonly:

        @event.listens_for(engine, "connect")
        def _read_only(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            cursor.close()
            dbapi_connection.commit()

    return engine


def _configure_sqlite(engine: Engine, *, readonly: bool) -> None:
    """WAL, foreign keys, a busy timeout, and BEGIN issued by us rather than by pysqlite.

    pysqlite starts transactions itself, late and always DEFERRED; SQLAlchemy's SQLite dialect
    docs ("Serializable isolation / Savepoints / Transactional DDL") give this recipe to take
    that over, so that writes can say ``BEGIN IMMEDIATE``.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA busy_timeout = 10000")
        if not readonly:
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed write
        else:
            cursor.execute("PRAGMA query_only = ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sitrep_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _row(r: Any) -> ArticleRow:
    return ArticleRow(
        id=r.id,
        sha256=r.sha256,
        origin=r.origin,
        title=r.title,
        url=r.url,
        outlet=r.outlet,
        published=r.published,
        lang=r.lang,
        format=r.format,
        ingested_at=r.ingested_at,
        chars=r.chars,
        duplicate_of=r.duplicate_of,
        story_id=r.story_id,
    )


ROW_COLUMNS = (
    articles.c.id,
    articles.c.sha256,
    articles.c.origin,
    articles.c.title,
    articles.c.url,
    articles.c.outlet,
    articles.c.published,
    articles.c.lang,
    articles.c.format,
    articles.c.ingested_at,
    func.length(articles.c.text).label("chars"),
    resolutions.c.duplicate_of,
    resolutions.c.story_id,
)


class HasMetadata(Protocol):
    """What an article read from an input and an article row of the store have in common."""

    @property
    def title(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> date | None: ...
    @property
    def lang(self) -> str | None: ...


def meta_of(article: HasMetadata, *, id: str, sha256: str) -> ArticleMeta:
    """The record's view of an article (as read, or as stored): its id, hash and metadata."""
    return ArticleMeta(
        id=id,
        title=article.title,
        url=article.url,
        outlet=article.outlet,
        published=article.published,
        lang=article.lang,
        sha256=sha256,
    )


class Store:
    """Articles, their records and the rejected inputs, in one database."""

    def __init__(self, engine: Engine, *, url: str) -> None:
        self.engine = engine
        self.url = url
        #: What `open` did to the schema: an upgrade, or before == after when it was current.
        self.migration: migrations.MigrationResult | None = None
        self._memo_cache: dict[tuple[Any, ...], Any] = {}
        self._memo_version: tuple[Any, ...] | None = None
        self.readonly = False

    @classmethod
    def open(cls, url: str, *, migrate: bool = True, readonly: bool = False, create: bool = True) -> Store:
        """Connect to `url`, creating or upgrading the schema unless `migrate` is False or `readonly`.

        Raises ConfigError E003 when the database can't be opened, E005 when it needs a
        migration that was not allowed, E205 when a newer sitrep wrote it, and E207 when
        `create` is False and the SQLite file doesn't exist (so a mistyped path isn't made).
        """
        if not create and (path := sqlite_path(url)) is not None and not path.exists():
            raise ConfigError(Messages.E207, url=url)
        store = cls(make_engine(url, readonly=readonly), url=url)
        store.readonly = readonly
        try:
            with store.engine.connect() as conn:
                current = migrations.current_revision(conn)
            head = migrations.head_revision()
            if current is not None and current not in migrations.known_revisions():
                raise ConfigError(Messages.E205, url=url, current=current, expected=head)
            if current == head:
                store.migration = migrations.MigrationResult(before=current, after=head)
            elif not migrate or readonly:
                raise ConfigError(Messages.E005, url=url, current=current or "empty", expected=head)
            else:
                store.migration = store.migrate()
        except SQLAlchemyError as e:
            store.close()
            raise ConfigError(Messages.E003, url=url, reason=_reason(e)) from e
        except BaseException:
            store.close()
            raise
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def _write(self, action: str, *, logged: bool = True) -> Iterator[Connection]:
        """A connection in a write transaction: committed at the end, rolled back on any error.

        A `logged` write adds a row to `changes`, which retires every cached whole-store result
        (`cached_value`); watch positions, rejections and the caches themselves change no result.
        """
        try:
            with self.engine.connect() as conn:
                conn = conn.execution_options(sitrep_begin="IMMEDIATE")
                with conn.begin():
                    yield conn
                    if logged:
                        conn.execute(insert(changes).values(at=datetime.now(UTC)))
        except SQLAlchemyError as e:
            raise StoreError(Messages.E201, action=action, reason=_reason(e)) from e

    @contextmanager
    def _read(self, action: str) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(Messages.E201, action=action, reason=_reason(e)) from e

    def migrate(self) -> migrations.MigrationResult:
        """Upgrade the schema to the newest migration in one transaction (E205 if a newer sitrep wrote it)."""
        with self._write("migrating the database", logged=False) as conn:
            migrations.lock_migrations(conn)  # a second first run waits here, then finds it done
            current = migrations.current_revision(conn)
            if current is not None and current not in migrations.known_revisions():
                head = migrations.head_revision()
                raise ConfigError(Messages.E205, url=self.url, current=current, expected=head)
            return migrations.upgrade(conn)

    def revision(self) -> str | None:
        with self._read("reading the schema revision") as conn:
            return migrations.current_revision(conn)

    # --- writes -------------------------------------------------------------------------------

    def add(self, article: Article, record: Record) -> AddResult:
        """Store an article and its record together, unless the same text is already stored.

        The record's `id` and `article` are set to the stored article's id and metadata.
        """
        sha = text_hash(normalise_text(article.text))
        try:
            with self._write(f"storing {article.origin}") as conn:
                return self._add(conn, article, record)
        except StoreError as e:
            # Another writer stored the same text between our check and our insert (PostgreSQL).
            if isinstance(e.__cause__, IntegrityError) and (found := self.find_hash(sha)) is not None:
                return AddResult(id=found, status="duplicate", origin=article.origin)
            raise

    def add_many(self, items: Sequence[tuple[Article, Record]]) -> list[AddResult]:
        """Store several articles with their records in one transaction (what `add` does for each).

        One commit per batch instead of one per article. When another writer stores one of the
        same texts at the same moment (the unique text hash refuses the second insert), the
        batch is rolled back and its articles are stored one by one, so the clash is counted
        as "duplicate" and the rest are stored.
        """
        if not items:
            return []
        try:
            with self._write(f"storing {len(items)} articles") as conn:
                return [self._add(conn, article, record) for article, record in items]
        except StoreError as e:
            if not isinstance(e.__cause__, IntegrityError):
                raise
        return [self.add(article, record) for article, record in items]

    def _add(self, conn: Connection, article: Article, record: Record) -> AddResult:
        text = normalise_text(article.text)
        sha = text_hash(text)
        existing = conn.execute(select(articles.c.id).where(articles.c.sha256 == sha)).scalar()
        if existing is not None:
            return AddResult(id=existing, status="duplicate", origin=article.origin)
        aid = self._free_id(conn, sha)
        now = datetime.now(UTC)
        conn.execute(
            insert(articles).values(
                id=aid,
                sha256=sha,
                origin=article.origin,
                title=article.title,
                url=article.url,
                outlet=article.outlet,
                published=article.published,
                lang=article.lang,
                format=article.format,
                text=text,
                ingested_at=now,
            )
        )
        meta = meta_of(article, id=aid, sha256=sha)
        stored = record.model_copy(update={"id": aid, "article": meta})
        self._insert_record(conn, stored, now=now)
        resolution.index_article(conn, article_id=aid, text=text, record=stored)
        return AddResult(id=aid, status="new", origin=article.origin)

    @staticmethod
    def _free_id(conn: Connection, sha: str) -> str:
        """The shortest id prefix of `sha` (from ID_LENGTH on) that no other article uses."""
        length = ID_LENGTH
        while conn.execute(select(articles.c.sha256).where(articles.c.id == sha[:length])).scalar():
            length += 4
        return article_id(sha, length=length)

    @staticmethod
    def _insert_record(conn: Connection, record: Record, *, now: datetime) -> None:
        conn.execute(
            insert(records).values(
                article_id=record.id,
                record=record.model_dump(mode="json"),
                schema_version=record.schema_version,
                extractors=record.extractors,
                extracted_at=now,
            )
        )

    def replace_record(self, article_id: str, record: Record) -> None:
        """Replace the record of a stored article (what `sitrep reprocess` does when it changed)."""
        aid = self.resolve(article_id)
        stored = record.model_copy(update={"id": aid})
        now = datetime.now(UTC)
        with self._write(f"replacing the record of {aid}") as conn:
            done = conn.execute(
                update(records)
                .where(records.c.article_id == aid)
                .values(
                    record=stored.model_dump(mode="json"),
                    schema_version=stored.schema_version,
                    extractors=stored.extractors,
                    extracted_at=now,
                )
            )
            if done.rowcount == 0:
                self._insert_record(conn, stored, now=now)
            text = conn.execute(select(articles.c.text).where(articles.c.id == aid)).scalar_one()
            if resolution.is_resolved(conn, aid):
                resolution.reindex_record(conn, article_id=aid, text=text, record=stored)
            else:
                resolution.index_article(conn, article_id=aid, text=text, record=stored)

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an input that could not be read, with its code and reason."""
        with self._write(f"recording the rejection of {rejection.origin}", logged=False) as conn:
            conn.execute(
                insert(rejections).values(
                    origin=rejection.origin,
                    code=rejection.code,
                    reason=rejection.reason,
                    at=datetime.now(UTC),
                )
            )

    def save_position(self, position: WatchPosition) -> None:
        """Record how far `sitrep watch` has read a source (insert or replace its row)."""
        values = {
            "etag": position.etag,
            "last_modified": position.last_modified,
            "offset": position.offset,
            "fingerprint": position.fingerprint,
            "updated_at": datetime.now(UTC),
        }
        with self._write(f"saving the watch position of {position.source}", logged=False) as conn:
            done = conn.execute(
                update(watch_positions).where(watch_positions.c.source == position.source).values(**values)
            )
            if done.rowcount == 0:
                conn.execute(insert(watch_positions).values(source=position.source, **values))

    # --- cached whole-store results -------------------------------------------------------------

    def version(self) -> str:
        """What has been stored, as one string: the count and newest id of `changes` (two index reads).

        Any logged write changes it, including one that committed late on PostgreSQL (the count moves).
        """
        with self._read("reading the store's version") as conn:
            n, newest = conn.execute(select(func.count(), func.coalesce(func.max(changes.c.id), 0))).one()
            return f"{n}:{newest}"

    def cached_value(self, name: str, version: str) -> Any | None:
        """The value cached under `name` if it was computed at `version`, else None."""
        with self._read(f"reading the cached {name}") as conn:
            row = conn.execute(select(cached.c.version, cached.c.value).where(cached.c.name == name)).first()
        return row.value if row is not None and row.version == version else None

    def save_cached(self, name: str, version: str, value: Any) -> bool:
        """Keep `value` (JSON) as `name` computed at `version`; False (nothing kept) on a read-only store."""
        if self.readonly:
            return False
        with self._write(f"caching {name}", logged=False) as conn:
            conn.execute(cached.delete().where(cached.c.name == name))
            conn.execute(
                insert(cached).values(name=name, version=version, value=value, computed_at=datetime.now(UTC))
            )
        return True

    # --- reads --------------------------------------------------------------------------------

    def find_hash(self, sha256: str) -> str | None:
        """The id of the article whose text has this hash, or None."""
        with self._read("looking up a text hash") as conn:
            return conn.execute(select(articles.c.id).where(articles.c.sha256 == sha256)).scalar()

    def position(self, source: str) -> WatchPosition | None:
        """Where `sitrep watch` stopped reading `source` (a feed URL or a file path), or None."""
        with self._read(f"reading the watch position of {source}") as conn:
            row = conn.execute(select(watch_positions).where(watch_positions.c.source == source)).first()
        if row is None:
            return None
        return WatchPosition(
            source=row.source,
            etag=row.etag,
            last_modified=row.last_modified,
            offset=row.offset,
            fingerprint=row.fingerprint,
        )

    def resolve(self, id_or_prefix: str) -> str:
        """The full id of the one article whose id is, or starts with, `id_or_prefix`."""
        with self._read(f"looking up article {id_or_prefix}") as conn:
            ids = (
                conn.execute(
                    select(articles.c.id)
                    .where(articles.c.id.startswith(id_or_prefix, autoescape=True))
                    .order_by(articles.c.id)
                    .limit(6)
                )
                .scalars()
                .all()
            )
        if id_or_prefix in ids:
            return id_or_prefix
        if not ids or not id_or_prefix:
            raise NotFoundError(Messages.E202, id=id_or_prefix, url=self.url)
        if len(ids) > 1:
            examples = ", ".join(ids[:5]) + (", …" if len(ids) > 5 else "")
            raise NotFoundError(Messages.E204, id=id_or_prefix, count=len(ids), examples=examples)
        return ids[0]

    def get(self, id_or_prefix: str) -> StoredArticle:
        """The article (with text and record) whose id is, or uniquely starts with, `id_or_prefix`."""
        aid = self.resolve(id_or_prefix)
        with self._read(f"reading article {aid}") as conn:
            row = conn.execute(
                select(*ROW_COLUMNS, articles.c.text, records.c.record)
                .outerjoin(records, records.c.article_id == articles.c.id)
                .outerjoin(resolutions, resolutions.c.article_id == articles.c.id)
                .where(articles.c.id == aid)
            ).one()
        record = Record.model_validate(row.record) if row.record is not None else None
        return StoredArticle(article=_row(row), text=row.text, record=record)

    def articles(self, *, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        """Stored articles without their texts, oldest ingested first."""
        query = (
            select(*ROW_COLUMNS)
            .outerjoin(resolutions, resolutions.c.article_id == articles.c.id)
            .order_by(articles.c.pk)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        with self._read("listing articles") as conn:
            return [_row(r) for r in conn.execute(query)]

    def records(self) -> Iterator[Record]:
        """Every stored record, in ingest order (read in pages, so memory stays flat)."""
        last = 0
        while True:
            with self._read("reading records") as conn:
                page = conn.execute(
                    select(articles.c.pk, records.c.record)
                    .join(records, records.c.article_id == articles.c.id)
                    .where(articles.c.pk > last)
                    .order_by(articles.c.pk)
                    .limit(RECORDS_PAGE)
                ).all()
            if not page:
                return
            for row in page:
                yield Record.model_validate(row.record)
            last = page[-1].pk

    def rejections(self) -> list[RejectionRow]:
        """Every rejected input, oldest first."""
        query = select(rejections.c.origin, rejections.c.code, rejections.c.reason, rejections.c.at)
        with self._read("listing rejections") as conn:
            rows = conn.execute(query.order_by(rejections.c.id)).all()
        return [RejectionRow(origin=r.origin, code=r.code, reason=r.reason, at=r.at) for r in rows]

    def counts(self) -> StoreCounts:
        with self._read("counting") as conn:
            return StoreCounts(
                articles=conn.execute(select(func.count()).select_from(articles)).scalar_one(),
                records=conn.execute(select(func.count()).select_from(records)).scalar_one(),
                rejections=conn.execute(select(func.count()).select_from(rejections)).scalar_one(),
            )

    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        mark: tuple[str, str] = ("[", "]"),
        window: int | None = SEARCH_WINDOW,
    ) -> list[Hit]:
        """Articles matching `query` (full text over title and text), best first, with snippets.

        The newest `window` matches are ranked (None: all of them); see `sitrep.store.search`.
        """
        with self._read(f"searching for '{query}'") as conn:
            return search(conn, query, limit=limit, mark=mark, window=window)

    # --- cross-article resolution (sitrep.store.resolution) --------------------------------------

    def facts(
        self,
        *,
        place_keys: list[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        kinds: list[str] | None = None,
        article_ids: list[str] | None = None,
    ) -> list[resolution.Fact]:
        """Events, claims and forecasts of the stored records, filtered by place key, kind, article and date."""
        with self._read("reading facts") as conn:
            found = resolution.load_facts(
                conn, place_keys=place_keys, since=since, until=until, kinds=kinds, article_ids=article_ids
            )
            return control.with_checks(conn, found)  # each checked fact carries its map verdict

    def article_infos(self, ids: list[str]) -> dict[str, resolution.ArticleInfo]:
        """Outlet, date, URL, title and `duplicate_of` of the given articles (for citations)."""
        with self._read("reading article metadata") as conn:
            return resolution.article_infos(conn, ids)

    def article_texts(self, ids: list[str]) -> dict[str, str]:
        """The stored texts of the given articles, by id."""
        with self._read("reading article texts") as conn:
            return resolution.article_texts(conn, ids)

    def find_entities(
        self, name: str, *, kind: str | None = None, keys: list[str] | None = None
    ) -> list[resolution.EntityRow]:
        """Entities named `name` (case-insensitive) or with one of `keys`, most mentioned first."""
        with self._read(f"looking up {name}") as conn:
            return resolution.find_entities(conn, name, kind=kind, keys=keys or ())

    def place_entities(self) -> list[tuple[str, str, float | None, float | None]]:
        """(key, name, lat, lon) of every place some stored fact is placed at (read once per store version).

        A report asks twice (to find the place and to map it), the web app on every page.
        """
        with self._read("reading places") as conn:
            return list(self._memo(conn, ("place_entities",), lambda: resolution.place_entities(conn)))

    def entity_names(self, keys: list[str]) -> dict[str, str]:
        with self._read("reading entity names") as conn:
            return resolution.entity_names(conn, keys)

    def stories(self, *, limit: int | None = None) -> list[resolution.StoryRow]:
        """Stories, largest first, with their article and copy counts."""
        with self._read("listing stories") as conn:
            return resolution.list_stories(conn, limit=limit)

    def resolution(self, id_or_prefix: str) -> resolution.Resolution | None:
        """The article's original (when it is a copy) and its story."""
        aid = self.resolve(id_or_prefix)
        with self._read(f"reading the resolution of {aid}") as conn:
            return resolution.resolution_of(conn, aid)

    def refresh_facts(self, *, progress: Callable[[int], None] | None = None) -> int:
        """Rebuild the entities and facts of every stored article from its stored record and text.

        What an upgrade that changes how facts are read from records needs (no re-extraction):
        copies and stories stay as they are.
        """
        done, last = 0, 0
        while True:
            with self._read("reading records to refresh") as conn:
                page = conn.execute(
                    select(articles.c.pk, articles.c.id, articles.c.text, records.c.record)
                    .join(records, records.c.article_id == articles.c.id)
                    .join(resolutions, resolutions.c.article_id == articles.c.id)
                    .where(articles.c.pk > last)
                    .order_by(articles.c.pk)
                    .limit(RECORDS_PAGE)
                ).all()
            if not page:
                return done
            with self._write(f"refreshing the facts of {len(page)} articles") as conn:
                for row in page:
                    resolution.reindex_record(
                        conn, article_id=row.id, text=row.text, record=Record.model_validate(row.record)
                    )
            done += len(page)
            last = page[-1].pk
            if progress is not None:
                progress(done)

    def resolve_pending(self) -> int:
        """Resolve the stored articles that have no resolution yet (stored before migration 0002)."""
        done = 0
        while True:
            with self._read("finding unresolved articles") as conn:
                pending = conn.execute(
                    select(articles.c.id, articles.c.text, records.c.record)
                    .join(records, records.c.article_id == articles.c.id)
                    .outerjoin(resolutions, resolutions.c.article_id == articles.c.id)
                    .where(resolutions.c.article_id.is_(None))
                    .order_by(articles.c.pk)
                    .limit(RECORDS_PAGE)
                ).all()
            if not pending:
                return done
            for row in pending:
                with self._write(f"resolving {row.id}") as conn:
                    resolution.index_article(
                        conn, article_id=row.id, text=row.text, record=Record.model_validate(row.record)
                    )
                done += 1

    # --- control maps (sitrep.store.control; the geometry work is sitrep.control's) ---------------

    def add_control_map(self, values: dict[str, Any], *, replace: bool = False) -> int:
        """Store one control map (the columns of `control_maps`); E311 when its series, side and date exist.

        With `replace`, the stored map of the same series, side and date is overwritten in the
        same transaction, so a failure leaves the old one in place.
        """
        with self._write(f"storing the control map {values.get('source')}") as conn:
            existing = control.find_map(conn, name=values["name"], side=values["side"], on=values["on"])
            if existing is not None:
                if not replace:
                    raise StoreError(
                        Messages.E311, name=values["name"], side=values["side"], on=values["on"], id=existing
                    )
                control.delete_map(conn, existing)
            return control.insert_map(conn, values)

    def control_maps(self, *, name: str | None = None) -> list[control.ControlMapRow]:
        """Stored control maps without their geometry, by series and date."""
        with self._read("listing control maps") as conn:
            return control.list_maps(conn, name=name)

    def control_map_geometries(self, name: str) -> list[tuple[control.ControlMapRow, bytes]]:
        """The maps of one series with their WKB geometry, oldest first."""
        with self._read(f"reading the control maps '{name}'") as conn:
            return control.map_geometries(conn, name=name)

    def replace_control_checks(self, rows: list[dict[str, Any]]) -> None:
        """Replace every stored verdict by `rows` in one transaction."""
        with self._write("storing control map verdicts") as conn:
            control.replace_checks(conn, rows)

    def control_checks(self, article_ids: list[str] | None = None) -> list[control.CheckRow]:
        with self._read("reading control map verdicts") as conn:
            return control.load_checks(conn, article_ids)

    def event_precisions(self, article_ids: list[str]) -> dict[tuple[str, str], str]:
        """How precisely each event of the given articles is dated, by (article, event id), when its own time dates it."""
        with self._read("reading event dates") as conn:
            return control.event_precisions(conn, article_ids)

    def forecast_hedges(self, article_ids: list[str]) -> dict[tuple[str, str], str | None]:
        """The hedge word ("likely", "could") of each forecast of the given articles, by (article, item id)."""
        with self._read("reading forecast hedges") as conn:
            return control.forecast_hedges(conn, article_ids)


    # --- map, timeline chart and article view (sitrep.store.views; read-only aggregates) ----------

    def _memo(self, conn: Connection, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """`compute()`, remembered until an article or fact is added or replaced.

        The web app asks the same aggregates on every page; the version check is two look-ups
        of the newest row ids, so a stale answer is never served.
        """
        version = fact_views.version(conn)
        if self._memo_version != version or len(self._memo_cache) > MEMO_SIZE:
            self._memo_cache, self._memo_version = {}, version
        if key not in self._memo_cache:
            self._memo_cache[key] = compute()
        return cast(T, self._memo_cache[key])

    def place_counts(self, query: fact_views.FactQuery) -> list[fact_views.PlaceCount]:
        """Event facts per place (with coordinates), event type and status: what the map draws."""
        with self._read("counting facts per place") as conn:
            return self._memo(conn, ("places", query), lambda: fact_views.place_counts(conn, query))

    def daily_counts(self, query: fact_views.FactQuery) -> list[tuple[date, str, int]]:
        """Dated event facts per day and status: what the timeline chart draws."""
        with self._read("counting facts per day") as conn:
            return self._memo(conn, ("days", query), lambda: fact_views.daily_counts(conn, query))

    def fact_choices(self) -> fact_views.FactChoices:
        """The date range, event types, sides, statuses and outlets that the filters can offer."""
        with self._read("reading the filter choices") as conn:
            return self._memo(conn, ("choices",), lambda: fact_views.fact_choices(conn))

    def article_text(self, id_or_prefix: str) -> tuple[ArticleRow, str]:
        """An article's row and text, without its record (what the article view needs)."""
        with self._read(f"reading article {id_or_prefix}") as conn:
            # A full id (what every link carries) is one index look-up; only a prefix needs `resolve`.
            found = fact_views.article_text(conn, id_or_prefix)
        if found is None:
            aid = self.resolve(id_or_prefix)
            with self._read(f"reading article {aid}") as conn:
                found = fact_views.article_text(conn, aid)
        if found is None:
            raise NotFoundError(Messages.E202, id=id_or_prefix, url=self.url)
        return _row(found[0]), found[1]

    def entity_rows(self, keys: list[str]) -> dict[str, tuple[str, float | None, float | None]]:
        """Name, latitude and longitude of the entities with these keys."""
        with self._read("reading entities") as conn:
            return fact_views.entity_rows(conn, keys)

    def copies_of(self, article_id: str) -> list[fact_views.Related]:
        """The stored copies of an article."""
        with self._read(f"listing the copies of {article_id}") as conn:
            return fact_views.copies_of(conn, article_id)

    def story_members(self, story_id: int) -> list[fact_views.Related]:
        """The articles of one story, oldest first."""
        with self._read(f"listing story {story_id}") as conn:
            return fact_views.story_members(conn, story_id)

    def article_ids(self, query: fact_views.FactQuery | None = None) -> list[str]:
        """Ids of every article (query None), or of those with an event fact matching `query`."""
        with self._read("listing article ids") as conn:
            if query is None:
                return fact_views.all_article_ids(conn)
            return fact_views.articles_with_facts(conn, query)
