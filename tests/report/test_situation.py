"""The situation report names outlets by the curated table and counts each organisation once."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.report.situation import build_report, render_markdown
from sitrep.resolve.facts import Fact
from sitrep.resolve.propositions import ArticleInfo, group_facts


def capture(article: str, on: date) -> Fact:
    # each outlet words it its own way: a sentence word for word the same counts once
    text = f"Russian forces captured the village of Tykhe after a week of assaults ({article})."
    return Fact(article, "e1", "event", "reported", text, 0, len(text), "capture", "geo:1", "Tykhe", on=on)


@pytest.mark.parametrize(
    "outlets,expected",
    [
        (
            ["www.criticalthreats.org", "understandingwar.org"],
            [
                "by 1 named outlet.",
                "reported by Institute for the Study of War only",
                "[1] Institute for the Study of War, 2026-01-30",
            ],
        ),
        (
            ["www.reuters.com", "apnews.com"],
            [
                "by 2 named outlets",
                "reported by 2 independent outlets (2 articles): Reuters, The Associated Press",
                "[1] Reuters, 2026-01-30",
                "[2] The Associated Press, 2026-01-31",
            ],
        ),
        (
            ["www.kten.com", "Reuters"],
            ["by 2 named outlets", "(2 articles): kten.com, Reuters", "[1] kten.com, 2026-01-30"],
        ),
    ],
)
def test_report_names_and_counts_outlets_canonically(outlets, expected):
    days = [date(2026, 1, 30), date(2026, 1, 31)]
    infos = {
        f"a{i}": ArticleInfo(f"a{i}", outlet, day)
        for i, (outlet, day) in enumerate(zip(outlets, days, strict=True))
    }
    facts = [capture(article, info.published) for article, info in infos.items()]
    text = render_markdown(build_report(group_facts(facts, infos), [], infos, title="Tykhe"))
    for words in expected:
        assert words in text
    assert "criticalthreats.org" not in text and "www." not in text
