"""Exports of the selected facts: GeoJSON, CSV, an ACLED-style CSV, and the records as JSONL.

What `sitrep export` writes and the web pages' download links serve (docs/web.md describes
each format and the ACLED mapping):

- ``geojson``: a FeatureCollection, one Point feature per event proposition (the reports of
  one event across articles, sitrep.resolve.propositions) or forecast, with its type,
  verdict, dates, holders, independent outlets and citations (URL and quoted sentence);
- ``csv``: one row per fact, with its proposition's verdict;
- ``acled``: one row per event proposition in ACLED's column names (forecasts left out);
- ``jsonl``: the stored record of each selected article, one JSON object a line.

    >>> import io
    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db", readonly=True) as store:  # doctest: +SKIP
    ...     out = io.StringIO()
    ...     write_export(store, "geojson", Filters(), out).rows
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from .errors import ConfigError, Messages
from .geo import get_gazetteer
from .resolve.facts import Fact
from .resolve.propositions import ArticleInfo, Proposition, article_info
from .store import Store
from .store.views import SHOWN
from .views import Filters, group_with_forecasts

FORMATS = {
    "geojson": "application/geo+json",
    "csv": "text/csv",
    "acled": "text/csv",
    "jsonl": "application/x-ndjson",
}
SUFFIXES = {"geojson": "geojson", "csv": "csv", "acled": "acled.csv", "jsonl": "jsonl"}

CSV_COLUMNS = [
    "article_id", "item_id", "kind", "status", "event_type", "date", "place", "place_key", "latitude",
    "longitude", "holder", "side", "outlet", "published", "url", "start", "end", "sentence",
    "proposition", "verdict", "independent_outlets",
]  # fmt: skip
ACLED_COLUMNS = [
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes",
]  # fmt: skip

#: sitrep event type → ACLED (event type, sub-event type), following docs/events.md. In an
#: interstate war both sides are state forces, so territory changes are armed clashes.
ACLED_TYPES = {
    "advance": ("Battles", "Armed clash"),
    "capture": ("Battles", "Armed clash"),
    "encirclement": ("Battles", "Armed clash"),
    "fighting": ("Battles", "Armed clash"),
    "casualties": ("Battles", "Armed clash"),
    "strike": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "withdrawal": ("Strategic developments", "Non-violent transfer of territory"),
    "reinforcement": ("Strategic developments", "Change to group/activity"),
    "evacuation": ("Strategic developments", "Other"),
}
#: Words of an air or drone strike in its sentence (ACLED's "Air/drone strike").
AIR_WORDS = re.compile(
    r"\b(drones?|uavs?|shaheds?|fpv|air ?strikes?|aviation|aircraft|glide bombs?|kabs?)\b", re.I
)
#: ACLED's actor names for the two state forces (ACLED actor list).
ACLED_ACTORS = {"RU": "Military Forces of Russia (2000-)", "UA": "Military Forces of Ukraine (2019-)"}
OTHER_SIDE = {"RU": "UA", "UA": "RU"}
#: ACLED geo_precision: 1 the town itself, 2 a part of a region near it, 3 the region.
PRECISION = {"city": 1, "town": 1, "village": 1, "settlement": 1, "oblast": 3, "region": 3, "country": 3}


@dataclass(frozen=True)
class ExportSummary:
    format: str
    rows: int  # features, CSV rows or JSON lines written
    without_coordinates: int  # propositions left out of GeoJSON for want of a position


@dataclass
class Selection:
    """The facts matching the filters, their propositions, articles and place coordinates."""

    facts: list[Fact]
    items: list[Proposition]
    articles: dict[str, ArticleInfo]
    places: dict[str, tuple[str, float | None, float | None]]


def select(store: Store, filters: Filters) -> Selection:
    """The event facts matching `filters`, grouped into propositions (and forecasts)."""
    loaded = store.facts(
        place_keys=list(filters.place_keys) or None, since=filters.since, until=filters.until, kinds=list(SHOWN)
    )
    infos = store.article_infos(sorted({f.article_id for f in loaded}))
    facts = [f for f in loaded if filters.matches(f, infos.get(f.article_id))]
    items = group_with_forecasts(facts, infos)
    items.sort(key=lambda p: (p.first or date.max, p.place_name or "", p.event_type or ""))
    places = store.entity_rows(sorted({f.place_key for f in facts if f.place_key}))
    return Selection(facts, items, infos, places)


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _citation(fact: Fact, info: ArticleInfo | None) -> dict[str, Any]:
    return {
        "article": fact.article_id,
        "outlet": info.outlet_name if info else None,
        "published": _day(info.published) if info else None,
        "url": info.url if info else None,
        "title": info.title if info else None,
        "copy_of": info.duplicate_of if info else None,
        "start": fact.start,
        "end": fact.end,
        "sentence": fact.text,
    }


def _position(sel: Selection, prop: Proposition) -> tuple[float, float] | None:
    _, lat, lon = sel.places.get(prop.place_key or "", ("", None, None))
    return (lat, lon) if lat is not None and lon is not None else None


def geojson(sel: Selection) -> tuple[dict[str, Any], int]:
    """The FeatureCollection, and how many propositions had no position."""
    features, missing = [], 0
    for prop in sel.items:
        position = _position(sel, prop)
        if position is None:
            missing += 1
            continue
        lat, lon = position
        features.append(
            {
                "type": "Feature",
                "id": prop.key,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "type": prop.event_type,
                    "kind": prop.kind,
                    "status": prop.verdict,
                    "statuses": sorted({f.status for f in prop.facts}),
                    "date": _day(prop.first),
                    "last_date": _day(prop.last),
                    "place": prop.place_name,
                    "place_key": prop.place_key,
                    "holders": list(dict.fromkeys(s.who for s in prop.stances)),
                    "stances": [{"who": s.who, "stance": s.stance} for s in prop.stances],
                    "outlets": prop.outlets,
                    "citations": [_citation(f, sel.articles.get(f.article_id)) for f in prop.facts],
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}, missing


def _csv(rows: list[list[Any]], header: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def fact_rows(sel: Selection) -> list[list[Any]]:
    rows = []
    for prop in sel.items:
        for f in prop.facts:
            info = sel.articles.get(f.article_id)
            _, lat, lon = sel.places.get(f.place_key or "", ("", None, None))
            rows.append(
                [
                    f.article_id,
                    f.item_id,
                    f.kind,
                    f.status,
                    f.event_type,
                    _day(f.on),
                    f.place_name,
                    f.place_key,
                    lat,
                    lon,
                    f.holder,
                    f.side,
                    info.outlet_name if info else None,
                    _day(info.published) if info else None,
                    info.url if info else None,
                    f.start,
                    f.end,
                    " ".join(f.text.split()),
                    prop.key,
                    prop.verdict,
                    len(prop.outlets),
                ]  # fmt: skip
            )
    return rows


def _admin1_and_precision(key: str | None) -> tuple[str | None, int]:
    if key and key.startswith("geo:"):
        entry = get_gazetteer().get(int(key.removeprefix("geo:")))
        if entry is not None:
            return entry.region, PRECISION.get(entry.feature, 2)
    return None, 2


def acled_rows(sel: Selection) -> list[list[Any]]:
    """One row per event proposition (forecasts left out: ACLED records what happened)."""
    rows = []
    for prop in sel.items:
        if prop.kind != "event":
            continue
        position = _position(sel, prop)
        event_type, sub_type = ACLED_TYPES.get(prop.event_type or "", ("Strategic developments", "Other"))
        if prop.event_type == "strike" and any(AIR_WORDS.search(f.text) for f in prop.facts):
            sub_type = "Air/drone strike"
        side = Counter(f.side for f in prop.facts if f.side).most_common(1)
        actor = side[0][0] if side else None
        other = OTHER_SIDE.get(actor or "") if event_type == "Battles" else None
        admin1, precision = _admin1_and_precision(prop.place_key)
        stances = "; ".join(dict.fromkeys(f"{s.who} {s.stance}" for s in prop.stances))
        notes = f"sitrep {prop.event_type}, {prop.verdict} ({stances}): {' '.join(prop.text.split())}"
        rows.append(
            [
                _day(prop.first),
                event_type,
                sub_type,
                ACLED_ACTORS.get(actor or "", ""),
                ACLED_ACTORS.get(other or "", ""),
                admin1,
                prop.place_name,
                position[0] if position else None,
                position[1] if position else None,
                precision,
                "; ".join(prop.outlets)
                or "; ".join(
                    dict.fromkeys(
                        article_info(sel.articles, f.article_id).outlet_name
                        or f.article_id
                        for f in prop.facts
                    )
                ),
                notes,
            ]
        )
    return rows


def jsonl_lines(store: Store, filters: Filters) -> Iterator[str]:
    """The stored record of each article with a matching fact (every article when nothing is filtered)."""
    unfiltered = filters == Filters()
    if unfiltered:
        ids = store.article_ids()
    else:
        ids = sorted({f.article_id for f in select(store, filters).facts})
    for article_id in ids:
        record = store.get(article_id).record
        if record is not None:
            yield record.model_dump_json() + "\n"


def write_export(store: Store, fmt: str, filters: Filters, out: TextIO) -> ExportSummary:
    """Write the export `fmt` (one of FORMATS) of the facts matching `filters` to `out`."""
    if fmt not in FORMATS:
        raise ConfigError(Messages.E408, value=fmt, options=", ".join(FORMATS))
    if fmt == "jsonl":
        n = 0
        for line in jsonl_lines(store, filters):
            out.write(line)
            n += 1
        return ExportSummary(fmt, n, 0)
    sel = select(store, filters)
    if fmt == "geojson":
        collection, missing = geojson(sel)
        json.dump(collection, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return ExportSummary(fmt, len(collection["features"]), missing)
    rows = fact_rows(sel) if fmt == "csv" else acled_rows(sel)
    out.write(_csv(rows, CSV_COLUMNS if fmt == "csv" else ACLED_COLUMNS))
    return ExportSummary(fmt, len(rows), 0)
