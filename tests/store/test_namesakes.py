"""Places the gazetteer lacks: one name placed far apart is two places, placed close is one.

Extraction places a front-line village the gazetteer does not know at the town its clause
names (no GeoNames id, but a position). The records here are built by hand so the tests
check how the store keys such places, not the extractors.
"""

from __future__ import annotations

import os
import re
import uuid
from datetime import date
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url

from sitrep import situation
from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Event, Place, Record, Span
from sitrep.resolve.facts import place_key_of, same_place
from sitrep.resolve.stories import ArticleProfile
from sitrep.store import Store
from sitrep.store.db import engine_url

PG_URL = os.environ.get("SITREP_TEST_PG_URL")

TEXTS = {
    "west": "Russian forces captured the village of Stepove after a week of assaults, the brigade said.",
    "east": "Russian troops captured Stepove on Tuesday, according to the regional military administration.",
    "near": "Russian units captured the village of Stepove again, a battalion spokesman told reporters.",
}


def record_of(text: str, lat: float, lon: float) -> Record:
    """A record with one gazetteer-less Stepove placed at (lat, lon) and a capture there."""
    spans = [Span(start=m.start(), end=m.end(), text="Stepove") for m in re.finditer("Stepove", text)]
    words = text[: text.index("Stepove") + len("Stepove")]
    return Record(
        id="unset",
        article=ArticleMeta(id="unset"),
        places=[Place(id="p1", name="Stepove", lat=lat, lon=lon, country="UA", feature="local", spans=spans, extractor="t/1")],
        events=[
            Event(
                id="e1", type="capture", place="Stepove", status="reported", actor_side="RU",
                spans=[Span(start=0, end=len(words), text=words)], extractor="t/1",
            )
        ],
    )  # fmt: skip


#: Stepove placed at Orikhiv's side, ~100 km from one placed by Oleksandrivka, and one 10 km from the first.
WEST = (47.57, 35.78)
EAST = (47.75, 37.06)
NEAR = (47.62, 35.67)


@pytest.fixture(params=["sqlite", "postgresql"])
def filled(request, db_url):
    """The three articles stored on SQLite and, when SITREP_TEST_PG_URL names a server, PostgreSQL
    (where the key range of the look-up is read under the server's collation)."""
    url = db_url
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
    published = date(2026, 3, 2)
    with Store.open(url) as store:
        for origin, (lat, lon), outlet in (("west", WEST, "A"), ("east", EAST, "B"), ("near", NEAR, "C")):
            words = TEXTS[origin]
            store.add(Article(words, f"{origin}.txt", outlet=outlet, published=published), record_of(words, lat, lon))
        yield store


@pytest.fixture
def pg_url():
    """A scratch database on the PostgreSQL server of SITREP_TEST_PG_URL, dropped afterwards."""
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set SITREP_TEST_PG_URL=postgresql://user@host:port/db")
    admin = create_engine(engine_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"sitrep_test_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(sql(f'CREATE DATABASE "{name}"'))
    yield make_url(engine_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(sql(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def test_a_placed_name_without_geonames_id_is_keyed_by_where_it_was_placed():
    assert place_key_of(Place(name="Stepove", lat=47.567, lon=35.781, extractor="t")) == "place:stepove@47.57,35.78"
    assert place_key_of(Place(name="Stepove", extractor="t")) == "place:stepove"
    assert place_key_of(Place(name="Stepove", geonameid=1, lat=1.0, lon=2.0, extractor="t")) == "geo:1"


@pytest.mark.parametrize(
    ("key", "known", "expected"),
    [
        ("place:stepove@47.62,35.67", ["place:stepove@47.57,35.78"], "place:stepove@47.57,35.78"),
        ("place:stepove@47.75,37.06", ["place:stepove@47.57,35.78"], "place:stepove@47.75,37.06"),
        ("place:stepove@47.62,35.67", ["place:stepne@47.57,35.78"], "place:stepove@47.62,35.67"),
        ("place:stepove", ["place:stepove@47.57,35.78"], "place:stepove"),
        # the nearest of two within reach
        ("place:stepove@47.60,35.70", ["place:stepove@47.40,35.70", "place:stepove@47.62,35.70"], "place:stepove@47.62,35.70"),
    ],
)
def test_same_place_reuses_the_nearest_key_of_that_name_within_reach(key, known, expected):
    assert same_place(key, known) == expected


def test_namesakes_far_apart_are_two_places_with_their_own_positions(filled):
    rows = {r.key: r for r in filled.find_entities("Stepove", kind="place")}
    assert sorted(rows) == ["place:stepove@47.57,35.78", "place:stepove@47.75,37.06"]
    assert (rows["place:stepove@47.57,35.78"].lat, rows["place:stepove@47.57,35.78"].lon) == WEST
    assert (rows["place:stepove@47.75,37.06"].lat, rows["place:stepove@47.75,37.06"].lon) == EAST
    # the village placed 10 km from the first is the first: two articles mention it
    assert rows["place:stepove@47.57,35.78"].articles == 2
    assert rows["place:stepove@47.75,37.06"].articles == 1


def test_facts_carry_the_key_of_their_own_stepove(filled):
    keys = sorted(f.place_key or "" for f in filled.facts(kinds=["event"]))
    assert keys == ["place:stepove@47.57,35.78", "place:stepove@47.57,35.78", "place:stepove@47.75,37.06"]


def test_two_articles_placing_one_village_close_together_share_a_story_key(filled):
    profile = ArticleProfile.from_record(
        record_of(TEXTS["near"], *NEAR), TEXTS["near"], same={"place:stepove@47.62,35.67": "place:stepove@47.57,35.78"}
    )
    assert "place:stepove@47.57,35.78" in profile.places


def test_place_option_finds_every_stepove_by_its_name(filled):
    selection = situation.select_place(filled, "Stepove")
    assert set(selection.keys) == {"place:stepove@47.57,35.78", "place:stepove@47.75,37.06"}
    props, _ = situation.claims(filled, place="Stepove")
    assert {f.place_key for p in props for f in p.facts} == set(selection.keys)
    name, entries, _ = situation.place_timeline(filled, place="Stepove")
    assert name == "Stepove" and entries
    built = situation.situation_report(filled, place="Stepove")
    # one section per village, told apart by where it lies
    assert sorted(name for name, _ in built.places) == ["Stepove (47.57, 35.78)", "Stepove (47.75, 37.06)"]
    assert len(built.map_points) == 2
    assert "## Stepove (47.57, 35.78)" in situation.render_markdown(built)


def test_the_web_app_shows_each_stepove_on_its_own(filled):
    from starlette.testclient import TestClient

    from sitrep.web import create_app

    with TestClient(create_app(filled.url)) as client:
        places = [p for p in client.get("/api/places").json()["places"] if p["name"] == "Stepove"]
        assert len(places) == 2
        for place in places:
            page = client.get(f"/place/{quote(place['key'], safe='')}/facts")
            assert page.status_code == 200 and "Stepove" in page.text


@pytest.mark.parametrize(
    ("lat", "lon", "region"),
    [
        (47.57, 35.78, None),  # by Orikhiv: the gazetteer's Stepoves are all elsewhere
        (47.19, 31.52, "Mykolaiv Oblast"),  # where the gazetteer has one
        (None, None, "Mykolaiv Oblast"),  # no position: the name alone, as before
    ],
)
def test_a_stored_place_takes_no_gazetteer_namesake_far_from_it(lat, lon, region):
    from sitrep.resolve.areas import StoredPlace, entry_of

    entry = entry_of(StoredPlace("place:stepove@x", "Stepove", lat, lon))
    assert (entry.region if entry else None) == region
