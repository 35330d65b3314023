"""Cross-article views over a store of articles written for the test, with hand-made records.

The records are built by hand so that these tests check copies, stories, propositions,
timelines, the ledger and the report, not the extractors (tested on their own).
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from typer.testing import CliRunner

from sitrep import situation
from sitrep.cli import app
from sitrep.errors import NotFoundError
from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Claim, Event, Forecast, Place, Record, Span
from sitrep.report.html import render_html
from sitrep.report.situation import render_markdown
from sitrep.store import Store

WIRE = (
    "Russian forces captured the town of Avdiivka in the Donetsk region on Saturday after months of "
    "fighting, Ukraine's military said, in Moscow's biggest gain since the fall of Bakhmut.\n"
    "Ukrainian troops withdrew from Avdiivka to positions further west to avoid encirclement, the "
    "commander of Ukraine's forces said in a statement."
)
SECOND_OUTLET = (
    "Ukraine pulled its troops out of Avdiivka on Saturday, and Russian troops captured the town, "
    "officials in Kyiv said. Russian artillery and glide bombs had pounded Avdiivka for weeks.\n"
    "Analysts said Russian forces could advance towards Pokrovsk within months."
)
CLAIM = (
    "Russia's Defence Ministry claimed that its troops had encircled Chasiv Yar. "
    "Ukraine's General Staff denied that Chasiv Yar was encircled and said fighting continued in the town."
)


def span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start=start, end=start + len(words), text=words)


def mentions(text: str, name: str) -> list[Span]:
    """A span at every mention of the name, as the places extractor gives them."""
    return [Span(start=m.start(), end=m.end(), text=name) for m in re.finditer(re.escape(name), text)]


AVDIIVKA = {
    "name": "Avdiivka",
    "geonameid": 713122,
    "lat": 48.14,
    "lon": 37.74,
    "country": "UA",
    "feature": "town",
}
POKROVSK = {
    "name": "Pokrovsk",
    "geonameid": 704422,
    "lat": 48.28,
    "lon": 37.18,
    "country": "UA",
    "feature": "city",
}
CHASIV_YAR = {
    "name": "Chasiv Yar",
    "geonameid": 711660,
    "lat": 48.59,
    "lon": 37.85,
    "country": "UA",
    "feature": "town",
}


def record_of(
    text: str, places: list[dict], events: list[dict], claims: list[dict] = (), forecasts: list[dict] = ()
) -> Record:
    """A record as the extractors would write it, built by hand so these tests check resolution only."""
    x = "test/1"
    return Record(
        id="unset",
        article=ArticleMeta(id="unset"),
        places=[
            Place(id=f"p{i}", extractor=x, spans=mentions(text, p["name"]), **p)
            for i, p in enumerate(places, 1)
        ],
        claims=[
            Claim(id=f"c{i}", extractor=x, spans=[span(text, c["text"])], **c)
            for i, c in enumerate(claims, 1)
        ],
        events=[
            Event(id=f"e{i}", extractor=x, spans=[span(text, e.pop("words"))], **e)
            for i, e in enumerate(events, 1)
        ],
        forecasts=[
            Forecast(id=f"f{i}", extractor=x, spans=[span(text, f.pop("words"))], **f)
            for i, f in enumerate(forecasts, 1)
        ],
    )


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('situation') / 'sitrep.db'}"
    wire = record_of(
        WIRE,
        [AVDIIVKA],
        [
            {
                "type": "capture",
                "place": "Avdiivka",
                "status": "reported",
                "actor_side": "RU",
                "words": "Russian forces captured the town of Avdiivka",
            },
            {
                "type": "withdrawal",
                "place": "Avdiivka",
                "status": "reported",
                "actor_side": "UA",
                "words": "Ukrainian troops withdrew from Avdiivka",
            },
        ],
    )
    second = record_of(
        SECOND_OUTLET,
        [AVDIIVKA, POKROVSK],
        [
            {
                "type": "capture",
                "place": "Avdiivka",
                "status": "reported",
                "actor_side": "RU",
                "words": "Russian troops captured the town",
            },
            {
                "type": "strike",
                "place": "Avdiivka",
                "status": "reported",
                "mode": "artillery",
                "actor_side": "RU",
                "words": "Russian artillery and glide bombs had pounded Avdiivka",
            },
            {
                "type": "advance",
                "place": "Pokrovsk",
                "status": "forecast",
                "words": "Russian forces could advance towards Pokrovsk",
            },
        ],
        forecasts=[
            {
                "event_type": "advance",
                "place": "Pokrovsk",
                "by": ["Analysts"],
                "horizon": "months",
                "words": "could advance towards Pokrovsk within months",
            }
        ],
    )
    claim = record_of(
        CLAIM,
        [CHASIV_YAR],
        [
            {
                "type": "encirclement",
                "place": "Chasiv Yar",
                "status": "claimed",
                "claim": "c1",
                "actor_side": "RU",
                "words": "its troops had encircled Chasiv Yar",
            },
            {
                "type": "encirclement",
                "place": "Chasiv Yar",
                "status": "denied",
                "claim": "c2",
                "actor_side": "RU",
                "words": "Chasiv Yar was encircled",
            },
        ],
        claims=[
            {
                "text": "its troops had encircled Chasiv Yar",
                "claimant": "Russia's Defence Ministry",
                "stance": "asserts",
                "links": ["c2"],
            },
            {
                "text": "Chasiv Yar was encircled",
                "claimant": "Ukraine's General Staff",
                "stance": "denies",
                "links": ["c1"],
            },
        ],
    )
    items = [
        (
            Article(
                WIRE, "wire.txt", outlet="Reuters", published=date(2024, 2, 17), title="Russia takes Avdiivka"
            ),
            wire,
        ),
        (
            Article(
                WIRE + "\nSubscribe to our newsletter.",
                "copy.txt",
                outlet="Daily Reprint",
                published=date(2024, 2, 17),
            ),
            wire,
        ),
        (Article(SECOND_OUTLET, "ap.txt", outlet="AP", published=date(2024, 2, 18)), second),
        (Article(CLAIM, "claim.txt", outlet="Ukrinform", published=date(2024, 4, 10)), claim),
    ]
    with Store.open(url) as opened:
        for article, record in items:
            opened.add(article, record)
        yield opened


def test_a_syndicated_copy_points_to_its_original(store):
    rows = {r.origin: r for r in store.articles()}
    assert rows["copy.txt"].duplicate_of == rows["wire.txt"].id
    assert rows["wire.txt"].duplicate_of is None
    assert rows["copy.txt"].story_id == rows["wire.txt"].story_id


def test_two_outlets_on_the_same_capture_share_a_story(store):
    rows = {r.origin: r for r in store.articles()}
    assert rows["ap.txt"].story_id == rows["wire.txt"].story_id != rows["claim.txt"].story_id
    assert store.stories()[0].articles == 3


def test_the_capture_is_corroborated_by_two_independent_outlets_not_the_copy(store):
    props, _ = situation.claims(store, place="Avdiivka")
    capture = next(p for p in props if p.kind == "event" and p.event_type == "capture")
    assert capture.verdict == "corroborated"
    assert sorted(capture.outlets) == ["Reuters", "The Associated Press"]  # canonical names (outlets.csv)


def test_claimed_and_denied_is_contested(store):
    props, _ = situation.claims(store, place="Chasiv Yar")
    encirclement = next(p for p in props if p.event_type == "encirclement")
    assert encirclement.verdict == "contested"


def test_timeline_is_dated_and_cites_its_sources(store):
    name, entries, infos = situation.place_timeline(store, place="Avdiivka")
    assert name == "Avdiivka" and entries
    assert all(e.on == date(2024, 2, 17) or e.on == date(2024, 2, 18) for e in entries)
    assert all(f.article_id in infos for e in entries for f in e.facts)


def test_forecast_ledger_lists_the_expectation(store):
    entries, _ = situation.forecasts(store)
    advance = [
        e for e in entries if e.forecast.event_type == "advance" and e.forecast.place_name == "Pokrovsk"
    ]
    assert advance and advance[0].outcome == "open" and advance[0].forecast.horizon


def test_report_sentences_end_with_citations_that_resolve(store):
    text = render_markdown(situation.situation_report(store))
    body, sources = text.split("## Sources")
    bullets = [line for line in body.splitlines() if line.startswith("- ")]
    assert bullets and all(
        "[" in line.rsplit(".", 1)[-1] or line.rstrip().endswith("more)") for line in bullets
    )
    numbers = {line.split("]")[0] + "]" for line in sources.strip().splitlines()}
    cited = {f"[{n}]" for line in bullets for n in line.split("[")[1:] for n in [n.split("]")[0]]}
    assert cited <= numbers
    assert "Reuters, 2024-02-17" in sources


def test_report_for_one_place_and_period(store):
    built = situation.situation_report(
        store, place="Avdiivka", since=date(2024, 2, 1), until=date(2024, 2, 28)
    )
    assert built.title == "Situation report: Avdiivka"
    assert [name for name, _ in built.places][0] == "Avdiivka"
    assert "<h1>Situation report: Avdiivka</h1>" in render_html(built)


def test_unknown_place_is_a_clear_error(store):
    with pytest.raises(NotFoundError, match="E208.*Atlantis"):
        situation.claims(store, place="Atlantis")


# --- the commands over the same store ---------------------------------------------------------

runner = CliRunner()


@pytest.mark.parametrize(
    "args,expected",
    [
        (["stories"], "3 articles (1 copy)"),
        (["claims", "--place", "Chasiv Yar"], "[contested] encirclement at Chasiv Yar"),
        (["timeline", "--place", "Avdiivka"], "Timeline: Avdiivka"),
        (["forecasts"], "advance toward Pokrovsk within months"),
        (["report", "--place", "Avdiivka"], "# Situation report: Avdiivka"),
        (["report", "--format", "html"], "<h2 id=\"sources\">Sources</h2>"),
    ],
)
def test_commands_print_the_views(store, args, expected):
    result = runner.invoke(app, [*args, "--db", store.url])
    assert result.exit_code == 0, result.output
    assert expected in result.stdout


@pytest.mark.parametrize("command", ["stories", "claims", "timeline", "forecasts"])
def test_commands_give_json(store, command):
    extra = ["--place", "Avdiivka"] if command == "timeline" else []
    result = runner.invoke(app, [command, *extra, "--format", "json", "--db", store.url])
    assert result.exit_code == 0 and isinstance(json.loads(result.stdout), list)


def test_unknown_place_exits_2_with_one_line(store):
    result = runner.invoke(app, ["timeline", "--place", "Atlantis", "--db", store.url])
    assert result.exit_code == 2 and "E208" in result.stderr


def test_demo_ingests_the_sample_and_reports(tmp_path):
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")])
    assert result.exit_code == 0, result.output
    assert "# Situation report" in result.stdout and "## Sources" in result.stdout
    assert "sitrep show" in result.stdout and str(tmp_path / "demo.db") in result.stdout
    again = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.db")])
    assert "0 new, 1 already stored" in again.stdout


@pytest.mark.parametrize("spelling", ["Avdiivka", "Avdeyevka", "avdiivka"])
def test_a_place_is_found_by_any_spelling_the_gazetteer_knows(store, spelling):
    assert situation.select_place(store, spelling).keys == ["geo:713122"]


@pytest.mark.parametrize("was_enabled", [True, False])
def test_views_pause_the_cycle_collector_and_restore_it(store, monkeypatch, was_enabled):
    import gc

    seen = []
    monkeypatch.setattr(situation, "build_report", lambda *a, **k: seen.append(gc.isenabled()) or 1 / 0)
    (gc.enable if was_enabled else gc.disable)()
    try:
        with pytest.raises(ZeroDivisionError):  # restored even when the view fails
            situation.situation_report(store, place="Pokrovsk")
        assert seen == [False] and gc.isenabled() is was_enabled
    finally:
        gc.enable()
