"""Cross-article views filter on each fact's own place and hold forecasts to gazetteer places.

Hand-made records (the extractors are tested on their own) over sentences written for the
test: `--place` keeps facts at the place or inside it, facts only near it need `--near`,
a forecast's place is never a person, and the ledger says "came true" only with the later
report it cites.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep import situation
from sitrep.ingest.article import Article
from sitrep.models import Actor, ArticleMeta, Claim, Event, Forecast, Place, Record, Span
from sitrep.store import Store

X = "test/1"
GEO = {
    "Pokrovsk": dict(geonameid=704422, lat=48.28, lon=37.18, country="UA", region="Donetsk Oblast", feature="city"),
    "Kramatorsk": dict(geonameid=704508, lat=48.72, lon=37.56, country="UA", region="Donetsk Oblast", feature="city"),
    "Myrnohrad": dict(geonameid=710035, lat=48.30, lon=37.26, country="UA", region="Donetsk Oblast", feature="town"),
    "Kharkiv": dict(geonameid=706483, lat=49.98, lon=36.25, country="UA", region="Kharkiv Oblast", feature="city"),
    "Kostiantynivka": dict(geonameid=705104, lat=48.53, lon=37.71, country="UA", region="Donetsk Oblast", feature="city"),
    "Putin": dict(geonameid=9999991, lat=55.0, lon=37.0, country="RU", feature="village"),
}


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def every(text: str, words: str) -> list[Span]:
    found, start = [], text.find(words)
    while start != -1:
        found.append(Span(start=start, end=start + len(words), text=words))
        start = text.find(words, start + 1)
    return found


def sentence_of(text: str, words: str) -> Span:
    start = text.index(words)
    left = text.rfind(". ", 0, start)
    s = left + 2 if left >= 0 else 0
    e = text.index(".", start + len(words) - 1) + 1
    return Span(start=s, end=e, text=text[s:e])


def record(text: str, *, events=(), claims=(), forecasts=(), actors=()) -> Record:
    names = [n for n in GEO if n in text]
    return Record(
        id="unset",
        article=ArticleMeta(id="unset"),
        places=[Place(id=f"p{i}", name=n, extractor=X, spans=every(text, n), **GEO[n]) for i, n in enumerate(names, 1)],
        actors=[Actor(id=f"a{i}", name=n, kind="person", extractor=X, spans=[span(text, n)]) for i, n in enumerate(actors, 1)],
        events=[
            Event(
                id=f"e{i}", type=t, place=p, status=s, actor_side="RU", extractor=X,
                spans=[sentence_of(text, w), span(text, w)],
            )
            for i, (t, p, s, w) in enumerate(events, 1)
        ],
        claims=[
            Claim(id=f"c{i}", text=w, claimant=who, stance="asserts", extractor=X, spans=[span(text, w)])
            for i, (w, who) in enumerate(claims, 1)
        ],
        forecasts=[
            Forecast(id=f"f{i}", event_type=t, place=p, by=by, horizon=h, extractor=X, spans=[sentence_of(text, w)])
            for i, (t, p, by, h, w) in enumerate(forecasts, 1)
        ],
    )


ONE = (
    "Russian forces captured a mine in Pokrovsk on Monday. Russian troops advanced near Pokrovsk overnight. "
    "A missile struck Kramatorsk on Tuesday. Drones struck Kharkiv before dawn. "
    "Shelling hit villages in the Kostiantynivka and Kharkiv regions. "
    "Officials said power was restored in Kharkiv after repairs."
)
TWO = (
    "Analysts expect Russia to capture Kostiantynivka within weeks. "
    "Commentators said Putin would capture Putin within months."
)
THREE = "Russian forces captured Kostiantynivka on Thursday, the defence ministry said."
FOUR = "Analysts expect Russia to capture Myrnohrad within weeks. Russian forces attacked near Myrnohrad."


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('views') / 'sitrep.db'}"
    items = [
        (
            Article(ONE, "one.txt", outlet="Reuters", published=date(2026, 1, 5)),
            record(
                ONE,
                events=[
                    ("capture", "Pokrovsk", "reported", "captured"),
                    ("advance", "Pokrovsk", "reported", "advanced"),
                    ("strike", "Kramatorsk", "reported", "struck Kramatorsk"),
                    ("strike", "Kharkiv", "reported", "struck Kharkiv"),
                    ("strike", "Kostiantynivka", "reported", "Shelling hit"),
                ],
                claims=[("power was restored in Kharkiv after repairs", "Officials")],
            ),
        ),
        (
            Article(TWO, "two.txt", outlet="AP", published=date(2026, 1, 6)),
            record(
                TWO,
                forecasts=[
                    ("capture", "Kostiantynivka", ["Analysts"], "weeks", "capture Kostiantynivka"),
                    ("capture", "Putin", ["Commentators"], "months", "capture Putin"),
                ],
                actors=["Putin"],
            ),
        ),
        (
            Article(THREE, "three.txt", outlet="Kyiv Independent", published=date(2026, 1, 20)),
            record(THREE, events=[("capture", "Kostiantynivka", "reported", "captured")]),
        ),
        (
            Article(FOUR, "four.txt", outlet="BBC", published=date(2026, 1, 7)),
            record(
                FOUR,
                events=[("fighting", "Myrnohrad", "reported", "attacked")],
                forecasts=[("capture", "Myrnohrad", ["Analysts"], "weeks", "capture Myrnohrad")],
            ),
        ),
    ]
    with Store.open(url) as opened:
        for article, rec in items:
            opened.add(article, rec)
        yield opened


def places_of(props) -> set[tuple[str | None, str | None]]:
    return {(f.place_name, f.relation) for p in props for f in p.facts}


@pytest.mark.parametrize(
    "place,near,inside,outside",
    [
        ("Pokrovsk", None, {("Pokrovsk", None)}, {("Pokrovsk", "near"), ("Kharkiv", None), ("Kramatorsk", None)}),
        ("Pokrovsk", 20, {("Pokrovsk", None), ("Pokrovsk", "near"), ("Myrnohrad", "near")}, {("Kramatorsk", None)}),
        ("Donetsk Oblast", None, {("Pokrovsk", None), ("Kramatorsk", None)}, {("Kharkiv", None)}),
        ("Kharkiv", None, {("Kharkiv", None)}, {("Pokrovsk", None), ("Kramatorsk", None)}),
    ],
)
def test_every_claims_group_has_a_fact_at_the_place_or_inside_it(store, place, near, inside, outside):
    props, _ = situation.claims(store, place=place, near_km=near)
    found = places_of(props)
    assert inside <= found and not (outside & found)
    assert all(any(f.place_name for f in p.facts) for p in props)


def test_a_town_named_for_its_region_counts_for_the_region_only(store):
    facts = [f for p in situation.claims(store, place="Donetsk Oblast")[0] for f in p.facts]
    assert ("Kostiantynivka", "region") in {(f.place_name, f.relation) for f in facts}
    town = [f for p in situation.claims(store, place="Kostiantynivka")[0] for f in p.facts]
    assert "region" not in {f.relation for f in town}


def test_a_claim_is_placed_by_its_own_words(store):
    props, _ = situation.claims(store, place="Kharkiv")
    assert any(p.kind == "claim" and "power was restored" in p.text for p in props)
    props, _ = situation.claims(store, place="Pokrovsk")
    assert not any(p.kind == "claim" for p in props)


def test_near_must_not_be_negative(store):
    with pytest.raises(Exception, match="E230"):
        situation.claims(store, place="Pokrovsk", near_km=-3)


def test_no_forecast_place_is_a_person(store):
    entries, _ = situation.forecasts(store)
    assert entries and all(e.forecast.place_name != "Putin" for e in entries)


def test_came_true_only_with_a_cited_later_report_at_the_place(store):
    entries, infos = situation.forecasts(store)
    by_place = {e.forecast.place_name: e for e in entries}
    kostiantynivka = by_place["Kostiantynivka"]
    assert kostiantynivka.outcome == "came true"
    assert kostiantynivka.evidence and kostiantynivka.evidence[0].on > kostiantynivka.forecast.on
    assert "captured Kostiantynivka" in kostiantynivka.evidence[0].text
    # only fighting near Myrnohrad was reported later: not a capture at it
    assert by_place["Myrnohrad"].outcome != "came true" and not by_place["Myrnohrad"].evidence
    assert all(e.evidence for e in entries if e.outcome == "came true")


def test_the_report_cites_the_event_that_bore_a_forecast_out(store):
    built = situation.situation_report(store)
    lines = [line for _, sections in built.places for s in sections for line in s.lines]
    came = [line for line in lines if "came true" in line.text]
    assert came and all(len(line.cites) == 2 for line in came)
    quotes = {c.number: c.quote for c in built.citations}
    assert any("captured Kostiantynivka" in quotes[line.cites[1]] for line in came)


def test_timeline_prints_dates(store):
    from typer.testing import CliRunner

    from sitrep.cli import app

    result = CliRunner().invoke(app, ["timeline", "--place", "Pokrovsk", "--db", store.url])
    assert result.exit_code == 0 and "2026-01-05" in result.stdout and "<10" not in result.stdout
