"""The forecast ledger: deadlines from horizons, and outcomes from later reports."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.facts import Fact
from sitrep.resolve.forecasts import deadline, ledger
from sitrep.resolve.propositions import ArticleInfo, group_facts

MADE = date(2025, 11, 3)


@pytest.mark.parametrize(
    "horizon,expected",
    [
        ("weeks", date(2025, 12, 29)),
        ("within days", date(2025, 11, 17)),
        ("by May 9", date(2026, 5, 9)),
        ("by the end of the year", date(2025, 12, 31)),
        ("this summer", date(2025, 8, 31)),
        ("within 3 months", date(2026, 2, 4)),
        ("in two weeks", date(2025, 11, 17)),
        ("within a few months", date(2026, 2, 4)),
        ("soon", None),
        (None, None),
    ],
)
def test_deadline(horizon, expected):
    assert deadline(horizon, MADE) == expected


def forecast(horizon: str | None, made: date | None = MADE) -> Fact:
    return Fact("wsj", "f1", "forecast", "forecast", "Pokrovsk could fall within weeks", 0, 30, "capture",
                "geo:704422", "Pokrovsk", "Analysts", None, made, horizon)


def report(on: date, article: str = "ap") -> Fact:
    return Fact(article, "e1", "event", "reported", "Russia captured Pokrovsk", 0, 20, "capture", "geo:704422",
                "Pokrovsk", None, None, on)


def outcome(fc: Fact, *reports: Fact, as_of: date | None = None) -> str:
    infos = {f.article_id: ArticleInfo(f.article_id) for f in reports}
    return ledger([fc], group_facts(list(reports), infos), as_of=as_of)[0].outcome


def test_came_true_within_the_horizon():
    assert outcome(forecast("weeks"), report(date(2025, 12, 1))) == "came true"


def test_did_not_when_the_deadline_passed_first():
    assert outcome(forecast("days"), report(date(2026, 2, 1))) == "did not"


def test_open_while_the_deadline_is_ahead():
    assert outcome(forecast("months"), as_of=date(2025, 12, 1)) == "open"


def test_undated_forecast_stays_open():
    assert outcome(forecast("weeks", made=None), report(date(2025, 12, 1))) == "open"
