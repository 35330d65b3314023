"""Track records from hand-made facts: corroboration, contradiction, map verdicts (denials inverted), forecasts, Brier."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from sitrep.resolve.facts import Fact
from sitrep.resolve.forecasts import LedgerEntry
from sitrep.resolve.propositions import ArticleInfo, group_facts
from sitrep.resolve.track_records import MIN_CHECKED, UNHEDGED, TrackRecord, Voices, track_records
from sitrep.store.control import CheckRow

SIDES = {"TASS": "RU", "Russian Defence Ministry": "RU", "Ukrainian General Staff": "UA"}


def voices(articles: dict[str, ArticleInfo]) -> Voices:
    return Voices(articles, lambda h: (h, "person" if h == "Ivan Petrenko" else "organisation"), SIDES.get)


def check(verdict: str) -> CheckRow:
    return CheckRow(
        "a", "e1", "geo:1", date(2025, 3, 1), "capture", "RU", verdict, "test", "deepstate",
        1, date(2025, 2, 15), "outside", 2, date(2025, 3, 15), "inside", 4.0, "sitrep.control/1", datetime(2025, 4, 1),
    )


def event(article: str, place: str, on: date, *, status: str = "reported", holder: str | None = None, verdict: str | None = None) -> Fact:
    return Fact(
        article, "e1", "event", status, f"Russian forces captured {place}.", 0, 30, "capture", f"geo:{place}", place,
        holder, "RU", on, check=check(verdict) if verdict else None,
    )


ARTICLES = {
    "t1": ArticleInfo("t1", "TASS"), "t2": ArticleInfo("t2", "TASS"), "t3": ArticleInfo("t3", "TASS"),
    "r1": ArticleInfo("r1", "Reuters"), "k1": ArticleInfo("k1", "Kyiv Post"),
    "copy": ArticleInfo("copy", "Reprint Daily", duplicate_of="t1"),
}


def by_name(records: list[TrackRecord]) -> dict[tuple[str, str], TrackRecord]:
    return {(r.name, r.kind): r for r in records}


def test_outcomes_are_counted_for_outlet_claimant_and_side():
    facts = [
        event("t1", "Avdiivka", date(2025, 3, 1), status="claimed", holder="Russian Defence Ministry", verdict="consistent"),
        event("r1", "Avdiivka", date(2025, 3, 3), verdict="consistent"),  # an independent outlet, later
        event("copy", "Avdiivka", date(2025, 3, 3)),  # a copy adds nobody
        event("t2", "Orikhiv", date(2025, 5, 1), status="claimed", holder="Russian Defence Ministry", verdict="inconsistent"),
        event("k1", "Orikhiv", date(2025, 5, 2), status="denied", holder="Ukrainian General Staff", verdict="inconsistent"),
    ]
    records = by_name(track_records(group_facts(facts, ARTICLES), [], voices(ARTICLES)))
    tass = records[("TASS", "outlet")]
    assert (tass.claims, tass.corroborated, tass.contradicted) == (2, 1, 1)
    assert (tass.consistent, tass.inconsistent, tass.map_by_type) == (1, 1, {"capture": [2, 1]})
    assert records[("Russian Defence Ministry", "organisation")].with_outcome == 2
    # Denying a capture the map does not show is map-consistent for the denier.
    staff = records[("Ukrainian General Staff", "organisation")]
    assert (staff.consistent, staff.inconsistent, staff.contradicted) == (1, 0, 1)
    assert records[("UA", "side")].consistent == 1 and records[("RU", "side")].inconsistent == 1
    assert ("Reprint Daily", "outlet") not in records


def test_fewer_than_five_outcomes_is_too_few_to_judge_with_denominators():
    facts = [event("t1", f"Village {i}", date(2025, 3, i + 1), verdict="consistent") for i in range(MIN_CHECKED - 1)]
    tass = by_name(track_records(group_facts(facts, ARTICLES), [], voices(ARTICLES)))[("TASS", "outlet")]
    assert not tass.judged
    assert tass.note() == "TASS: too few to judge (4 claims with an outcome, of 4)"


def test_a_judged_record_names_what_was_checked_with_its_denominator():
    facts = [event("t1", f"Village {i}", date(2025, 3, i + 1), verdict="consistent" if i < 4 else "inconsistent") for i in range(6)]
    tass = by_name(track_records(group_facts(facts, ARTICLES), [], voices(ARTICLES)))[("TASS", "outlet")]
    assert tass.note().startswith("TASS: 6 capture claims checked against the map, 4 consistent;")
    assert "0 of 6 claims corroborated" in tass.note()


def forecast(article: str, n: int, holder: str = "Ivan Petrenko") -> Fact:
    return Fact(article, f"f{n}", "forecast", "forecast", "X could fall.", 0, 10, "capture", f"geo:{n}", "X", holder, None, date(2025, 1, 1))


@pytest.mark.parametrize(
    "hedges,outcomes,brier",
    [
        ({"could": 5}, ["came true"] * 5, round((0.4 - 1) ** 2, 3)),
        ({"likely": 3, None: 2}, ["came true", "did not", "came true", "did not", "did not"], round(((0.3**2) + 0.7**2 + 0.3**2 + UNHEDGED**2 + UNHEDGED**2) / 5, 3)),
        ({"could": 4}, ["came true"] * 4, None),  # fewer than five resolved: no score
        ({"would": 6}, ["came true"] * 6, None),  # no probability can be read
    ],
)
def test_brier_only_with_five_resolved_forecasts_that_give_a_probability(hedges, outcomes, brier):
    words = [w for w, n in hedges.items() for _ in range(n)]
    made = [forecast("t1", i) for i in range(len(words))]
    entries = [LedgerEntry(f, None, outcome) for f, outcome in zip(made, outcomes, strict=True)]
    hedge_of = {(f.article_id, f.item_id): w for f, w in zip(made, words, strict=True)}
    person = by_name(track_records([], entries, voices(ARTICLES), hedges=hedge_of))[("Ivan Petrenko", "person")]
    assert person.forecasts == len(words) and person.resolved == len(outcomes)
    assert person.brier == brier


def test_the_same_claimant_quoted_by_another_outlet_is_no_corroboration():
    facts = [
        event("t1", "Kurakhove", date(2025, 1, 6), status="claimed", holder="Russian Defence Ministry"),
        event("r1", "Kurakhove", date(2025, 1, 7), status="claimed", holder="Russian Defence Ministry"),
    ]
    records = by_name(track_records(group_facts(facts, ARTICLES), [], voices(ARTICLES)))
    assert records[("Russian Defence Ministry", "organisation")].corroborated == 0
    facts.append(event("k1", "Kurakhove", date(2025, 1, 8)))  # Kyiv Post reports it on its own authority
    records = by_name(track_records(group_facts(facts, ARTICLES), [], voices(ARTICLES)))
    assert records[("Russian Defence Ministry", "organisation")].corroborated == 1
    assert records[("TASS", "outlet")].corroborated == 1
