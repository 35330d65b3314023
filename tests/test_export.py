"""Exports read back: GeoJSON through shapely, CSV and ACLED CSV through csv, JSONL through json.

The store is the hand-made one of tests/test_situation.py: Avdiivka captured (Reuters, a
copy of it, and AP), a forecast at Pokrovsk, and an encirclement of Chasiv Yar claimed by
Moscow and denied by Kyiv.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from shapely.geometry import Point, shape
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.errors import ConfigError
from sitrep.export import ACLED_COLUMNS, CSV_COLUMNS, write_export
from sitrep.views import Filters, group_with_forecasts
from tests.test_situation import store  # noqa: F401  (the module-scoped store fixture)

ALL = Filters()


def exported(store, fmt: str, filters: Filters = ALL) -> str:  # noqa: F811
    out = io.StringIO()
    write_export(store, fmt, filters, out)
    return out.getvalue()


def event_facts(store, filters: Filters = ALL):  # noqa: F811
    facts = store.facts(kinds=["event", "forecast"])  # what the exports and the map show
    infos = store.article_infos(sorted({f.article_id for f in facts}))
    return [f for f in facts if filters.matches(f, infos.get(f.article_id))], infos


def test_geojson_reads_back_as_points_at_the_places(store):  # noqa: F811
    collection = json.loads(exported(store, "geojson"))
    facts, infos = event_facts(store)
    assert len(collection["features"]) == len(group_with_forecasts(facts, infos))
    shapes = {f["id"]: shape(f["geometry"]) for f in collection["features"]}
    assert all(isinstance(s, Point) and s.is_valid for s in shapes.values())
    capture = next(
        f
        for f in collection["features"]
        if f["properties"]["type"] == "capture" and f["properties"]["place"] == "Avdiivka"
    )
    assert shapes[capture["id"]].equals(Point(37.74, 48.14))
    props = capture["properties"]
    assert props["status"] == "corroborated" and sorted(props["outlets"]) == [
        "Reuters",
        "The Associated Press",
    ]
    assert props["date"] == "2024-02-17"
    cited = {c["outlet"] for c in props["citations"]}
    assert {"Reuters", "The Associated Press"} <= cited
    assert all(c["sentence"] and c["end"] > c["start"] for c in props["citations"])


def test_geojson_keeps_claimant_and_denier(store):  # noqa: F811
    collection = json.loads(exported(store, "geojson"))
    encirclement = next(
        f["properties"] for f in collection["features"] if f["properties"]["type"] == "encirclement"
    )
    assert encirclement["status"] == "contested"
    stances = {(s["who"], s["stance"]) for s in encirclement["stances"]}
    assert ("Russia's Defence Ministry", "asserts") in stances and (
        "Ukraine's General Staff",
        "denies",
    ) in stances


def test_csv_has_one_row_per_fact(store):  # noqa: F811
    rows = list(csv.DictReader(io.StringIO(exported(store, "csv"))))
    facts, _ = event_facts(store)
    assert len(rows) == len(facts)
    assert list(rows[0]) == CSV_COLUMNS
    copy = [r for r in rows if r["outlet"] == "Daily Reprint"]
    assert copy and all(r["verdict"] == "corroborated" for r in copy if r["event_type"] == "capture")


def test_acled_has_one_row_per_event_and_no_forecasts(store):  # noqa: F811
    rows = list(csv.DictReader(io.StringIO(exported(store, "acled"))))
    assert list(rows[0]) == ACLED_COLUMNS
    facts, infos = event_facts(store)
    events = [p for p in group_with_forecasts(facts, infos) if p.kind == "event"]
    assert len(rows) == len(events)
    capture = next(r for r in rows if r["location"] == "Avdiivka" and "capture" in r["notes"])
    assert (capture["event_type"], capture["sub_event_type"]) == ("Battles", "Armed clash")
    assert capture["actor1"] == "Military Forces of Russia (2000-)"
    assert capture["actor2"] == "Military Forces of Ukraine (2019-)"
    assert capture["admin1"] == "Donetsk Oblast" and capture["geo_precision"] == "1"
    assert capture["event_date"] == "2024-02-17"
    strike = next(r for r in rows if "strike" in r["notes"])
    assert strike["event_type"] == "Explosions/Remote violence"


def test_jsonl_holds_each_stored_record(store):  # noqa: F811
    lines = exported(store, "jsonl").splitlines()
    assert len(lines) == store.counts().records
    assert {json.loads(line)["id"] for line in lines} == {a.id for a in store.articles()}


@pytest.mark.parametrize(
    "filters,places",
    [
        (Filters(since=date(2024, 4, 1)), {"Chasiv Yar"}),
        (Filters(until=date(2024, 2, 17)), {"Avdiivka"}),
        (Filters(statuses=("denied",)), {"Chasiv Yar"}),
        (Filters(event_types=("strike",)), {"Avdiivka"}),
        (Filters(outlets=("Ukrinform",)), {"Chasiv Yar"}),
        (Filters(sides=("UA",)), {"Avdiivka"}),
    ],
)
def test_filters_select_the_same_facts_in_every_export(store, filters, places):  # noqa: F811
    features = json.loads(exported(store, "geojson", filters))["features"]
    assert {f["properties"]["place"] for f in features} == places
    rows = list(csv.DictReader(io.StringIO(exported(store, "csv", filters))))
    facts, _ = event_facts(store, filters)
    assert len(rows) == len(facts) and {r["place"] for r in rows} == places


def test_unknown_format_is_a_coded_error(store):  # noqa: F811
    with pytest.raises(ConfigError, match="E408"):
        write_export(store, "kml", Filters(), io.StringIO())


def test_cli_export_writes_a_file(store, tmp_path):  # noqa: F811
    out = tmp_path / "facts.geojson"
    result = CliRunner().invoke(
        app, ["export", "--format", "geojson", "--place", "Avdiivka", "--out", str(out), "--db", store.url]
    )
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    assert features and {f["properties"]["place"] for f in features} == {"Avdiivka"}


def test_cli_export_rejects_a_bad_date(store):  # noqa: F811
    result = CliRunner().invoke(
        app, ["export", "--format", "csv", "--since", "17/02/2024", "--db", store.url]
    )
    assert result.exit_code == 2 and "E401" in result.output


@pytest.mark.parametrize("fmt", ["geojson", "csv", "acled", "jsonl"])
def test_every_export_format_is_documented(fmt):
    from pathlib import Path

    from sitrep.export import FORMATS

    assert fmt in FORMATS
    assert f"| `{fmt}` |" in (Path(__file__).resolve().parents[1] / "docs" / "web.md").read_text(
        encoding="utf-8"
    )
