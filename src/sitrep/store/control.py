"""The SQL of control maps: stored polygon layers by series, side and date, and the verdicts of checked facts.

Called by `Store` (sitrep.store.db) inside its transactions; the geometry is kept as WKB bytes
so that the store needs no geometry library (sitrep.control reads them with shapely).

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     [m.on for m in store.control_maps()]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, insert, select

from ..resolve.facts import Fact
from .schema import control_checks, control_maps, records

#: Ids per IN list, within every supported database's limit on bound parameters.
IN_CHUNK = 500


@dataclass(frozen=True)
class ControlMapRow:
    """One stored control map, without its geometry (what `sitrep control list` shows)."""

    id: int
    name: str
    side: str
    country: str
    on: date
    source: str
    sha256: str
    polygons: int
    area_km2: float
    bbox: tuple[float, float, float, float]
    added_at: datetime


@dataclass(frozen=True)
class CheckRow:
    """The stored verdict of one fact checked against a control map series."""

    article_id: str
    item_id: str
    place_key: str | None
    on: date | None
    event_type: str
    side: str | None
    verdict: str
    reason: str
    layer: str
    before_map: int | None
    before_on: date | None
    before_state: str | None
    after_map: int | None
    after_on: date | None
    after_state: str | None
    km: float | None
    checker: str
    checked_at: datetime


MAP_COLUMNS = tuple(c for c in control_maps.c if c.name != "geometry")


def _map_row(r: Any) -> ControlMapRow:
    return ControlMapRow(
        id=r.id,
        name=r.name,
        side=r.side,
        country=r.country,
        on=r.on,
        source=r.source,
        sha256=r.sha256,
        polygons=r.polygons,
        area_km2=r.area_km2,
        bbox=tuple(r.bbox),
        added_at=r.added_at,
    )


def find_map(conn: Connection, *, name: str, side: str, on: date) -> int | None:
    """The id of the map of this series, side and date, or None."""
    return conn.execute(
        select(control_maps.c.id).where(
            control_maps.c.name == name, control_maps.c.side == side, control_maps.c.on == on
        )
    ).scalar()


def insert_map(conn: Connection, values: dict[str, Any]) -> int:
    return int(conn.execute(insert(control_maps).values(**values).returning(control_maps.c.id)).scalar_one())


def delete_map(conn: Connection, map_id: int) -> None:
    conn.execute(delete(control_maps).where(control_maps.c.id == map_id))


def list_maps(conn: Connection, *, name: str | None = None) -> list[ControlMapRow]:
    query = select(*MAP_COLUMNS).order_by(control_maps.c.name, control_maps.c.on, control_maps.c.side)
    if name is not None:
        query = query.where(control_maps.c.name == name)
    return [_map_row(r) for r in conn.execute(query)]


def map_geometries(conn: Connection, *, name: str) -> list[tuple[ControlMapRow, bytes]]:
    """Every map of one series with its WKB geometry, oldest first."""
    rows = conn.execute(
        select(*MAP_COLUMNS, control_maps.c.geometry)
        .where(control_maps.c.name == name)
        .order_by(control_maps.c.on, control_maps.c.side)
    )
    return [(_map_row(r), bytes(r.geometry)) for r in rows]


def replace_checks(conn: Connection, rows: Sequence[dict[str, Any]]) -> None:
    """Every stored verdict replaced by `rows` (all facts are re-checked together)."""
    conn.execute(delete(control_checks))
    if rows:
        conn.execute(insert(control_checks), list(rows))


def _check_row(r: Any) -> CheckRow:
    return CheckRow(**{c.name: getattr(r, c.name) for c in control_checks.c})


def load_checks(conn: Connection, article_ids: Iterable[str] | None = None) -> list[CheckRow]:
    """Stored verdicts, of the given articles only when `article_ids` is given."""
    query = select(control_checks)
    if article_ids is None:
        return [_check_row(r) for r in conn.execute(query)]
    query = query.where(control_checks.c.article_id.in_(bindparam("ids", expanding=True)))  # bound as a list
    ids = sorted(set(article_ids))
    out: list[CheckRow] = []
    for i in range(0, len(ids), IN_CHUNK):
        out += [_check_row(r) for r in conn.execute(query, {"ids": ids[i : i + IN_CHUNK]})]
    return out


def with_checks(conn: Connection, found: list[Fact]) -> list[Fact]:
    """`found` with each fact's stored verdict attached, when it was checked as it stands now.

    A verdict is dropped when the fact's place, date or type changed since it was checked
    (a `sitrep reprocess` re-reads the article): `sitrep control check` checks it again.
    """
    if not found:
        return found
    checkable = sorted({f.article_id for f in found if f.kind == "event" and f.event_type})
    if not checkable:
        return found
    rows = {(r.article_id, r.item_id): r for r in load_checks(conn, checkable)}
    if not rows:
        return found
    out = []
    for fact in found:
        row = rows.get((fact.article_id, fact.item_id))
        if row is not None and (row.place_key, row.on, row.event_type) == (fact.place_key, fact.on, fact.event_type):
            fact = replace(fact, check=row)
        out.append(fact)
    return out


def forecast_hedges(conn: Connection, article_ids: Iterable[str]) -> dict[tuple[str, str], str | None]:
    """The `hedge` of every forecast in the stored records of the given articles."""
    ids = sorted(set(article_ids))
    out: dict[tuple[str, str], str | None] = {}
    for i in range(0, len(ids), IN_CHUNK):
        rows = conn.execute(
            select(records.c.article_id, records.c.record).where(records.c.article_id.in_(ids[i : i + IN_CHUNK]))
        )
        for r in rows:
            record = r.record if isinstance(r.record, dict) else json.loads(r.record)
            for forecast in record.get("forecasts", []):
                out[(r.article_id, forecast.get("id") or "")] = forecast.get("hedge")
    return out


def event_precisions(conn: Connection, article_ids: Iterable[str]) -> dict[tuple[str, str], str]:
    """How precisely each dated event of the given articles' records is dated ("day", "month", "year", …).

    Events dated only by their article are left out: their date is the publication day.
    """
    ids = sorted(set(article_ids))
    out: dict[tuple[str, str], str] = {}
    for i in range(0, len(ids), IN_CHUNK):
        rows = conn.execute(
            select(records.c.article_id, records.c.record).where(records.c.article_id.in_(ids[i : i + IN_CHUNK]))
        )
        for r in rows:
            record = r.record if isinstance(r.record, dict) else json.loads(r.record)
            times = {t.get("id"): t for t in record.get("times", [])}
            for event in record.get("events", []):
                time = times.get(event.get("time"))
                if time is not None and time.get("start"):
                    out[(r.article_id, event.get("id") or "")] = time.get("precision") or "unknown"
    return out
