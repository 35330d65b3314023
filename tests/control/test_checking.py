"""Control maps in a store: adding (and refusing) layers, verdicts stored with the facts, and shown beside them.

The articles and their records are written by hand for the test; the polygons are drawn
around the gazetteer's own points for Pokrovsk and Kostiantynivka, so the verdicts follow
from the test's geometry, not from any real map.
"""

from __future__ import annotations

import json
import os
import re
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.control import add_control_map, check_claims
from sitrep.errors import ConfigError, InputError, NotFoundError, StoreError
from sitrep.geo import get_gazetteer
from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Claim, Event, Place, Record, Span
from sitrep.report.situation import render_markdown
from sitrep.situation import claims, place_timeline, situation_report
from sitrep.store import Store
from sitrep.store.db import engine_url

POKROVSK = get_gazetteer().get(704422)
KOSTIANTYNIVKA = get_gazetteer().get(705104)

TAKEN = (
    "Russian forces captured Pokrovsk after a months-long assault, the Russian Defence Ministry said on "
    "Thursday. Ukrainian commanders said their troops withdrew from Pokrovsk to save lives."
)
LATER = "Russian troops captured Pokrovsk last week, officials in Kyiv confirmed on Monday."
WRONG = "Russian forces captured Kostiantynivka, a pro-Kremlin blogger claimed on Friday."


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def place(text: str, entry, name: str) -> Place:
    """The place with a span at every mention, as the extractor gives it."""
    mentions = [Span(start=m.start(), end=m.end(), text=name) for m in re.finditer(re.escape(name), text)]
    return Place(
        id="p1", extractor="test/1", spans=mentions, name=name, canonical=entry.name,
        geonameid=entry.id, lat=entry.lat, lon=entry.lon, country=entry.cc, feature=entry.feature,
    )


def record(text: str, where: Place, events: list[dict], claims: list[dict] = ()) -> Record:
    return Record(
        id="unset",
        article=ArticleMeta(id="unset"),
        places=[where],
        claims=[Claim(id=f"c{i}", extractor="test/1", spans=[span(text, c.pop("words"))], **c) for i, c in enumerate(claims, 1)],
        events=[Event(id=f"e{i}", extractor="test/1", spans=[span(text, e.pop("words"))], **e) for i, e in enumerate(events, 1)],
    )


def square(lon: float, lat: float, half: float) -> dict:
    w, e, s, n = lon - half, lon + half, lat - half, lat + half
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}


def write(tmp: Path, name: str, geometry: object) -> Path:
    path = tmp / name
    path.write_text(json.dumps(geometry), encoding="utf-8")
    return path


PG_URL = os.environ.get("SITREP_TEST_PG_URL")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    """A fresh SQLite file, and a scratch PostgreSQL database where SITREP_TEST_PG_URL names a server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'sitrep.db'}"
        return
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set SITREP_TEST_PG_URL=postgresql://user@host:port/db")
    admin = create_engine(engine_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"sitrep_control_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield make_url(engine_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture()
def store(db_url):
    with Store.open(db_url) as store:
        store.add(
            Article(TAKEN, "taken.txt", outlet="Reuters", published=date(2025, 11, 20)),
            record(
                TAKEN,
                place(TAKEN, POKROVSK, "Pokrovsk"),
                [
                    {"type": "capture", "place": "Pokrovsk", "status": "claimed", "actor_side": "RU", "claim": "c1", "words": "Russian forces captured Pokrovsk"},
                    {"type": "withdrawal", "place": "Pokrovsk", "status": "reported", "actor_side": "UA", "words": "their troops withdrew from Pokrovsk"},
                ],
                [{"text": "Russian forces captured Pokrovsk", "claimant": "Russian Defence Ministry", "stance": "asserts", "words": "Russian forces captured Pokrovsk"}],
            ),
        )
        store.add(
            Article(LATER, "later.txt", outlet="The Kyiv Independent", published=date(2025, 11, 24)),
            record(LATER, place(LATER, POKROVSK, "Pokrovsk"), [{"type": "capture", "place": "Pokrovsk", "status": "reported", "actor_side": "RU", "words": "Russian troops captured Pokrovsk"}]),
        )
        store.add(
            Article(WRONG, "wrong.txt", outlet="Readovka", published=date(2025, 11, 21)),
            record(WRONG, place(WRONG, KOSTIANTYNIVKA, "Kostiantynivka"), [{"type": "capture", "place": "Kostiantynivka", "status": "reported", "actor_side": "RU", "words": "Russian forces captured Kostiantynivka"}]),
        )
        yield store


@pytest.fixture()
def maps(tmp_path):
    """Before: a held square 20 km east of Pokrovsk. After: one that takes Pokrovsk in, but not Kostiantynivka."""
    before = write(tmp_path, "before.geojson", square(POKROVSK.lon + 0.5, POKROVSK.lat, 0.2))
    after = write(tmp_path, "after.geojson", square(POKROVSK.lon + 0.1, POKROVSK.lat, 0.15))
    return before, after


def test_verdicts_are_stored_with_the_facts(store, maps):
    before, after = maps
    add_control_map(store, before, on=date(2025, 11, 15), check=False)
    summary = add_control_map(store, after, on=date(2025, 12, 1)).summary
    assert summary.maps == 2 and summary.facts == 4
    add_control_map(store, after, on=date(2025, 12, 15), check=False)
    summary = check_claims(store)
    assert summary.counts == {"consistent": 3, "inconsistent": 1}
    facts = {(f.place_name, f.event_type, f.status): f for f in store.facts(kinds=["event"])}
    capture = facts[("Pokrovsk", "capture", "claimed")]
    assert capture.check.verdict == "consistent"
    assert (capture.check.before_on, capture.check.after_on) == (date(2025, 11, 15), date(2025, 12, 1))
    assert capture.check.before_state == "outside" and capture.check.after_state == "inside"
    wrong = facts[("Kostyantynivka", "capture", "reported")]
    assert wrong.check.verdict == "inconsistent" and wrong.check.after_on == date(2025, 12, 15)


def test_an_invalid_file_stores_nothing_and_leaves_verdicts_alone(store, maps, tmp_path):
    add_control_map(store, maps[1], on=date(2025, 12, 1))
    stored_before = store.control_checks()
    bad = write(tmp_path, "bad.geojson", {"type": "Polygon", "coordinates": [[[37.0, 48.0], [38.0, 49.0], [38.0, 48.0], [37.0, 49.0], [37.0, 48.0]]]})
    with pytest.raises(InputError) as raised:
        add_control_map(store, bad, on=date(2025, 12, 15))
    assert raised.value.code == "E306"
    assert [m.on for m in store.control_maps()] == [date(2025, 12, 1)]
    assert store.control_checks() == stored_before


@pytest.mark.parametrize(
    "options,error,code",
    [
        ({"side": "NATO"}, ConfigError, "E309"),
        ({"name": "deep state!"}, ConfigError, "E310"),
        ({"country": "Ukraine"}, ConfigError, "E315"),
    ],
)
def test_bad_options_store_nothing(store, maps, options, error, code):
    with pytest.raises(error) as raised:
        add_control_map(store, maps[0], on=date(2025, 11, 15), **options)
    assert raised.value.code == code
    assert store.control_maps() == []


def test_the_same_map_twice_needs_replace(store, maps):
    first = add_control_map(store, maps[0], on=date(2025, 11, 15), check=False).map
    with pytest.raises(StoreError) as raised:
        add_control_map(store, maps[1], on=date(2025, 11, 15), check=False)
    assert raised.value.code == "E311"
    second = add_control_map(store, maps[1], on=date(2025, 11, 15), check=False, replace=True).map
    assert [m.id for m in store.control_maps()] == [second.id] and second.sha256 != first.sha256


def test_checking_needs_a_series(store, maps):
    with pytest.raises(NotFoundError) as raised:
        check_claims(store)
    assert raised.value.code == "E312"
    add_control_map(store, maps[0], on=date(2025, 11, 15), check=False)
    add_control_map(store, maps[0], on=date(2025, 11, 15), name="other", check=False)
    with pytest.raises(NotFoundError) as raised:
        check_claims(store)
    assert raised.value.code == "E313"
    with pytest.raises(NotFoundError) as raised:
        check_claims(store, name="missing")
    assert raised.value.code == "E314"
    assert check_claims(store, name="other").layer == "other"


def test_views_show_the_verdict_beside_the_fact(store, maps):
    for day, path in ((date(2025, 11, 15), maps[0]), (date(2025, 12, 1), maps[1]), (date(2025, 12, 15), maps[1])):
        add_control_map(store, path, on=day, check=False)
    check_claims(store)
    props, _ = claims(store, place="Pokrovsk")
    capture = next(p for p in props if p.event_type == "capture")
    assert {f.check.verdict for f in capture.facts} == {"consistent"}
    _, entries, _ = place_timeline(store, place="Pokrovsk")
    assert all(f.check is not None for e in entries for f in e.facts)
    report = render_markdown(situation_report(store))
    assert "Map (deepstate, not proof): 1 of 1 decided reports consistent" in report
    assert "Map (deepstate, not proof): 0 of 1 decided reports consistent" in report
    assert "track record: Readovka: too few to judge (1 claims with an outcome, of 1)" in report


def test_the_cli_adds_lists_checks_and_refuses(store, maps, tmp_path):
    db = store.url
    runner = CliRunner()
    added = runner.invoke(app, ["control", "add", str(maps[0]), "--date", "2025-11-15", "--db", db])
    assert added.exit_code == 0, added.output
    assert "stored control map 1: 'deepstate' RU-held area on 2025-11-15, 1 polygons" in added.output
    assert "checked 4 capture, advance and withdrawal facts against 1 'deepstate' maps" in added.output
    bad_date = runner.invoke(app, ["control", "add", str(maps[1]), "--date", "1 December", "--db", db])
    assert bad_date.exit_code == 2 and "E308" in bad_date.output
    not_json = tmp_path / "broken.geojson"
    not_json.write_text('{"type": "Polygon", ', encoding="utf-8")
    broken = runner.invoke(app, ["control", "add", str(not_json), "--date", "2025-12-01", "--db", db])
    assert broken.exit_code == 2 and "E301" in broken.output and "broken.geojson" in broken.output
    listed = runner.invoke(app, ["control", "list", "--format", "json", "--db", db])
    assert [m["on"] for m in json.loads(listed.stdout)] == ["2025-11-15"]
    runner.invoke(app, ["control", "add", str(maps[1]), "--date", "2025-12-01", "--db", db])
    shown = runner.invoke(app, ["claims", "--place", "Pokrovsk", "--db", db])
    assert "map deepstate: consistent (maps 2025-11-15 → 2025-12-01)" in shown.output
    as_json = json.loads(runner.invoke(app, ["claims", "--format", "json", "--db", db]).stdout)
    checks = [s["map_check"] for p in as_json for s in p["stances"] if s["map_check"]]
    assert {c["verdict"] for c in checks} == {"consistent", "undetermined"}


def test_sources_lists_every_outlet_with_counts_and_denominators(store, maps):
    for day, path in ((date(2025, 11, 15), maps[0]), (date(2025, 12, 1), maps[1]), (date(2025, 12, 15), maps[1])):
        add_control_map(store, path, on=day, check=False)
    check_claims(store)
    runner = CliRunner()
    records = json.loads(runner.invoke(app, ["sources", "--format", "json", "--db", store.url]).stdout)
    outlets = {r["name"]: r for r in records if r["kind"] == "outlet"}
    assert set(outlets) == {"Reuters", "The Kyiv Independent", "Readovka"}
    assert (outlets["Readovka"]["inconsistent"], outlets["Readovka"]["map_checked"]) == (1, 1)
    assert outlets["Reuters"]["consistent"] == 2 and outlets["Reuters"]["corroborated"] == 1
    assert not any(r["judged"] for r in records)  # nobody has five claims with an outcome here
    assert records[0]["brier"] is None
    md = runner.invoke(app, ["sources", "--format", "md", "--db", store.url]).stdout
    assert "| Readovka | outlet | 1 | 1 | 0 of 1 | 0 of 1 | 0 of 1 | 0 |" in md and "too few to judge" in md
    table = runner.invoke(app, ["sources", "--kind", "sides", "--db", store.url])
    assert table.exit_code == 0 and "RU\tside" in table.stdout

