"""The SQL of the map, the timeline chart and the article view: aggregates over facts, read-only.

The map and the chart count facts in the database (GROUP BY over the indexed `facts` table)
rather than loading them, so a request costs the same small amount however many articles
are stored; `sitrep.views` turns these rows into what the web pages and exports show.

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db", readonly=True) as store:  # doctest: +SKIP
    ...     rows = store.place_counts(FactQuery(since=date(2025, 11, 1)))
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, case, func, select

from .schema import articles, entities, facts, resolutions


@dataclass(frozen=True)
class FactQuery:
    """Which event facts to count: by date, event type, side, status and stored outlet names.

    Every list is "any of"; an empty list means no restriction. `outlets` are the values of
    `articles.outlet` as stored (the caller maps display names to them).
    """

    since: date | None = None
    until: date | None = None
    event_types: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    place_keys: tuple[str, ...] = ()


#: The facts the map, chart and filters show: events, and forecasts (an expected event is a fact of
#: its own kind once resolve keeps hypotheticals out of the reported events).
SHOWN = ("event", "forecast")


def _filtered(query: Select[Any], q: FactQuery) -> Select[Any]:
    query = query.where(facts.c.kind.in_(SHOWN))
    if q.since is not None:
        query = query.where(facts.c.on >= q.since)
    if q.until is not None:
        query = query.where(facts.c.on <= q.until)
    if q.event_types:
        query = query.where(facts.c.event_type.in_(q.event_types))
    if q.sides:
        query = query.where(facts.c.side.in_(q.sides))
    if q.statuses:
        query = query.where(facts.c.status.in_(q.statuses))
    if q.place_keys:
        query = query.where(facts.c.place_key.in_(q.place_keys))
    if q.outlets:
        query = query.where(
            facts.c.article_id.in_(select(articles.c.id).where(articles.c.outlet.in_(q.outlets)))
        )
    return query


#: The statuses counted per place and event type (sitrep.resolve.facts).
STATUSES = ("reported", "claimed", "denied", "forecast")


@dataclass(frozen=True)
class PlaceCount:
    """Event facts at one place of one type: how many of each status, and the latest date."""

    key: str
    name: str
    lat: float
    lon: float
    event_type: str | None
    statuses: dict[str, int]
    last: date | None

    @property
    def facts(self) -> int:
        return sum(self.statuses.values())


def place_counts(conn: Connection, q: FactQuery) -> list[PlaceCount]:
    """Per place with coordinates and per event type: facts of each status, and the latest date.

    Facts are counted first (from a covering index: ix_facts_map, or ix_facts_day for a date
    range) and the few groups joined to their entities after, so the join costs one look-up
    per group rather than one per fact. Facts without a place drop out at the join.
    """
    sums = [func.sum(case((facts.c.status == s, 1), else_=0)).label(s) for s in STATUSES]
    counted = (
        _filtered(
            select(facts.c.place_key, facts.c.event_type, *sums, func.max(facts.c.on).label("last")), q
        )
        .group_by(facts.c.place_key, facts.c.event_type)
        .subquery()
    )
    query = (
        select(counted, entities.c.name, entities.c.lat, entities.c.lon)
        .join(entities, entities.c.key == counted.c.place_key)
        .where(entities.c.lat.is_not(None), entities.c.lon.is_not(None))
    )
    return [
        PlaceCount(
            r.place_key,
            r.name,
            r.lat,
            r.lon,
            r.event_type,
            {s: int(getattr(r, s)) for s in STATUSES if getattr(r, s)},
            r.last,
        )
        for r in conn.execute(query)
    ]


def daily_counts(conn: Connection, q: FactQuery) -> list[tuple[date, str, int]]:
    """Dated event facts per day and status, oldest first."""
    query = _filtered(
        select(facts.c.on, facts.c.status, func.count().label("n")).where(facts.c.on.is_not(None)), q
    ).group_by(facts.c.on, facts.c.status)
    return [(r.on, r.status, r.n) for r in conn.execute(query.order_by(facts.c.on))]


@dataclass(frozen=True)
class FactChoices:
    """What the filters can offer: the store's date range, event types, sides, statuses, outlets."""

    first: date | None
    last: date | None
    event_types: list[str]
    sides: list[str]
    statuses: list[str]
    outlets: list[str]  # as stored


def fact_choices(conn: Connection) -> FactChoices:
    events = facts.c.kind.in_(SHOWN)
    first, last = conn.execute(select(func.min(facts.c.on), func.max(facts.c.on)).where(events)).one()

    def distinct(column: Any) -> list[str]:
        rows = conn.execute(select(column).where(events, column.is_not(None)).distinct())
        return sorted(r[0] for r in rows)

    outlets = conn.execute(select(articles.c.outlet).where(articles.c.outlet.is_not(None)).distinct())
    return FactChoices(
        first,
        last,
        distinct(facts.c.event_type),
        distinct(facts.c.side),
        distinct(facts.c.status),
        sorted(r[0] for r in outlets if r[0].strip()),
    )


def entity_rows(conn: Connection, keys: Iterable[str]) -> dict[str, tuple[str, float | None, float | None]]:
    """Name and coordinates of the entities with these keys."""
    wanted = sorted(set(keys))
    out: dict[str, tuple[str, float | None, float | None]] = {}
    for i in range(0, len(wanted), 500):
        query = select(entities.c.key, entities.c.name, entities.c.lat, entities.c.lon).where(
            entities.c.key.in_(wanted[i : i + 500])
        )
        out.update({r.key: (r.name, r.lat, r.lon) for r in conn.execute(query)})
    return out


@dataclass(frozen=True)
class Related:
    """An article related to another one: a copy, the original, or a member of the same story."""

    id: str
    title: str | None
    outlet: str | None
    published: date | None
    url: str | None
    duplicate_of: str | None


def _related(conn: Connection, condition: Any, *, limit: int) -> list[Related]:
    query = (
        select(
            articles.c.id,
            articles.c.title,
            articles.c.outlet,
            articles.c.published,
            articles.c.url,
            resolutions.c.duplicate_of,
        )
        .join(resolutions, resolutions.c.article_id == articles.c.id)
        .where(condition)
        .order_by(articles.c.published, articles.c.id)
        .limit(limit)
    )
    return [Related(r.id, r.title, r.outlet, r.published, r.url, r.duplicate_of) for r in conn.execute(query)]


def copies_of(conn: Connection, article_id: str, *, limit: int = 50) -> list[Related]:
    """The stored copies of an article (articles whose `duplicate_of` is it)."""
    return _related(conn, resolutions.c.duplicate_of == article_id, limit=limit)


def story_members(conn: Connection, story_id: int, *, limit: int = 200) -> list[Related]:
    """The articles of one story, oldest first."""
    return _related(conn, resolutions.c.story_id == story_id, limit=limit)


def articles_with_facts(conn: Connection, q: FactQuery) -> list[str]:
    """Ids of the articles with at least one fact matching `q`, in ingest order."""
    ids = _filtered(select(facts.c.article_id), q).distinct().subquery()
    query = select(articles.c.id).where(articles.c.id.in_(select(ids.c.article_id))).order_by(articles.c.pk)
    return [r.id for r in conn.execute(query)]


def version(conn: Connection) -> tuple[Any, ...]:
    """The newest article and fact row ids, read with two index look-ups.

    They change when an article is stored or a record's facts are replaced (the new fact rows
    are appended), except when the newest article's record is replaced by one with as many
    facts: SQLite then reuses the same row ids, and a cache keyed on this lags until the
    next article is stored.
    """
    return (
        conn.execute(select(func.coalesce(func.max(articles.c.pk), 0))).scalar_one(),
        conn.execute(select(func.coalesce(func.max(facts.c.id), 0))).scalar_one(),
    )


def article_text(conn: Connection, article_id: str) -> tuple[Any, str] | None:
    """An article's row (the columns of `Store.articles`) and its text, without parsing its record."""
    from .db import ROW_COLUMNS

    row = conn.execute(
        select(*ROW_COLUMNS, articles.c.text)
        .outerjoin(resolutions, resolutions.c.article_id == articles.c.id)
        .where(articles.c.id == article_id)
    ).first()
    return None if row is None else (row, row.text)


def all_article_ids(conn: Connection) -> list[str]:
    return [r.id for r in conn.execute(select(articles.c.id).order_by(articles.c.pk))]


__all__ = ["FactChoices", "FactQuery", "PlaceCount", "Related"]
