"""Control maps in the store: adding a layer, and checking every capture, advance and withdrawal against them.

What `sitrep control add`, `control list` and `control check` do:

    >>> from datetime import date
    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     added = add_control_map(store, "occupied-2025-11-15.geojson", on=date(2025, 11, 15))
    ...     print(added.summary.counts)

Verdicts are stored with the facts (table `control_checks`) and read back with them, so
`claims`, `timeline`, `report` and the web views show them beside each fact. Adding a map
re-checks every stored fact against its series; after ingesting more articles, run
`sitrep control check`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from ..errors import ConfigError, Messages, NotFoundError
from ..geo import get_gazetteer
from ..resolve.facts import Fact
from ..store import Store
from ..store.control import ControlMapRow
from .layers import read_layer
from .snapshots import Snapshot
from .verdicts import CHECKED_TYPES, CHECKER, PlacePoint, Verdict, judge

SIDES = ("UA", "RU")
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_COUNTRY = re.compile(r"^[A-Z]{2}$")


@dataclass(frozen=True)
class CheckSummary:
    """What one run of checks did: the series, how many maps and facts, and the verdicts."""

    layer: str
    maps: int
    facts: int
    counts: dict[str, int] = field(default_factory=dict)  # verdict → facts
    by_type: dict[str, dict[str, int]] = field(default_factory=dict)  # event type → verdict → facts


@dataclass(frozen=True)
class AddedMap:
    map: ControlMapRow
    summary: CheckSummary | None  # None when the checks were not run (check=False)


def parse_map_date(value: str) -> date:
    """A YYYY-MM-DD control map date (E308)."""
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(Messages.E308, value=value) from e


def _validate(*, side: str, name: str, country: str) -> tuple[str, str, str]:
    if side.upper() not in SIDES:
        raise ConfigError(Messages.E309, value=side)
    if not _NAME.match(name):
        raise ConfigError(Messages.E310, value=name)
    if not _COUNTRY.match(country.upper()):
        raise ConfigError(Messages.E315, value=country)
    return side.upper(), name, country.upper()


def add_control_map(
    store: Store,
    path: Path | str,
    *,
    on: date,
    side: str = "RU",
    name: str = "deepstate",
    country: str = "UA",
    replace: bool = False,
    check: bool = True,
) -> AddedMap:
    """Validate a GeoJSON layer, store it as the area `side` holds on `on`, and re-check the stored facts.

    Nothing is stored when the file is invalid (E300–E307) or the options are (E309, E310,
    E315), or when a map of the same series, side and date exists and `replace` is False (E311).
    """
    side, name, country = _validate(side=side, name=name, country=country)
    layer = read_layer(path)
    map_id = store.add_control_map(
        {
            "name": name,
            "side": side,
            "country": country,
            "on": on,
            "source": str(path),
            "sha256": layer.sha256,
            "polygons": layer.polygons,
            "area_km2": round(layer.area_km2, 1),
            "bbox": list(layer.bbox),
            "geometry": layer.wkb,
            "added_at": datetime.now(UTC),
        },
        replace=replace,
    )
    row = next(m for m in store.control_maps(name=name) if m.id == map_id)
    return AddedMap(row, check_claims(store, name=name) if check else None)


def series_name(store: Store, name: str | None) -> str:
    """The series to check against: `name`, or the only one stored (E312 none, E313 several, E314 unknown)."""
    names = sorted({m.name for m in store.control_maps()})
    if not names:
        raise NotFoundError(Messages.E312, url=store.url)
    if name is None:
        if len(names) > 1:
            raise NotFoundError(Messages.E313, url=store.url, names=", ".join(names))
        return names[0]
    if name not in names:
        raise NotFoundError(Messages.E314, name=name, url=store.url, names=", ".join(names))
    return name


def load_snapshots(store: Store, name: str) -> tuple[list[Snapshot], str]:
    """The series' snapshots, oldest first, with spatial indexes, and the country they cover."""
    rows = store.control_map_geometries(name)
    country = Counter(r.country for r, _ in rows).most_common(1)[0][0]
    return [Snapshot.from_wkb(r.id, r.on, r.side, wkb) for r, wkb in rows], country


def place_points(store: Store, facts: Iterable[Fact]) -> dict[str, PlacePoint]:
    """The gazetteer's position, country and kind of feature of each place key of `facts`."""
    gazetteer = get_gazetteer()
    out: dict[str, PlacePoint] = {}
    for fact in facts:
        key = fact.place_key
        if key is None or key in out:
            continue
        name = fact.place_name or key
        if key.startswith("geo:") and key[4:].isdigit() and (entry := gazetteer.get(int(key[4:]))):
            out[key] = PlacePoint(entry.name, entry.lat, entry.lon, entry.cc, entry.feature)
            continue
        # A curated place (no GeoNames id): its stored position, and the kind its gazetteer entry gives.
        rows = [r for r in store.find_entities(name, kind="place", keys=[key]) if r.key == key]
        lat, lon, cc = (rows[0].lat, rows[0].lon, rows[0].country) if rows else (None, None, None)
        feature = next(
            (e.feature for e in gazetteer.lookup(name) if lat is not None and (e.lat, e.lon) == (lat, lon)), None
        )
        out[key] = PlacePoint(name, lat, lon, cc, feature)
    return out


def checkable(facts: Iterable[Fact]) -> list[Fact]:
    """Capture, advance and withdrawal events reported, claimed or denied (forecasts are not checked)."""
    return [f for f in facts if f.kind == "event" and f.event_type in CHECKED_TYPES and f.status != "forecast"]


def _row(fact: Fact, verdict: Verdict, layer: str, now: datetime) -> dict[str, Any]:
    before, after = verdict.before, verdict.after
    return {
        "article_id": fact.article_id,
        "item_id": fact.item_id,
        "place_key": fact.place_key,
        "on": fact.on,
        "event_type": fact.event_type or "",
        "side": fact.side,
        "verdict": verdict.verdict,
        "reason": verdict.reason,
        "layer": layer,
        "before_map": before.map_id if before else None,
        "before_on": before.on if before else None,
        "before_state": before.state if before else None,
        "after_map": after.map_id if after else None,
        "after_on": after.on if after else None,
        "after_state": after.state if after else None,
        "km": after.km if after else None,
        "checker": CHECKER,
        "checked_at": now,
    }


def check_claims(store: Store, *, name: str | None = None) -> CheckSummary:
    """Check every stored capture, advance and withdrawal against one map series; store the verdicts."""
    layer = series_name(store, name)
    snapshots, country = load_snapshots(store, layer)
    facts = checkable(store.facts(kinds=["event"]))
    places = place_points(store, facts)
    precisions = store.event_precisions(sorted({f.article_id for f in facts}))
    now = datetime.now(UTC)
    rows, counts, by_type = [], Counter[str](), dict[str, Counter[str]]()
    for fact in facts:
        verdict = judge(
            event_type=fact.event_type or "",
            side=fact.side,
            on=fact.on,
            place=places.get(fact.place_key or ""),
            snapshots=snapshots,
            country=country,
            precision=precisions.get((fact.article_id, fact.item_id.split("/")[0]), "day"),
        )
        rows.append(_row(fact, verdict, layer, now))
        counts[verdict.verdict] += 1
        by_type.setdefault(fact.event_type or "", Counter())[verdict.verdict] += 1
    store.replace_control_checks(rows)
    return CheckSummary(layer, len(snapshots), len(facts), dict(counts), {k: dict(v) for k, v in by_type.items()})


def list_control_maps(store: Store) -> list[ControlMapRow]:
    """Every stored control map (without geometry), by series and date."""
    return store.control_maps()
