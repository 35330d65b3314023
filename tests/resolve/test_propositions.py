"""Grouping facts of several articles into propositions, with stances, verdicts and links."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.facts import Fact
from sitrep.resolve.propositions import ArticleInfo, claim_key, group_facts


def event(article: str, status: str, on: date | None, *, kind: str = "capture", place: str = "geo:704422",
          holder: str | None = None, item: str = "e1") -> Fact:
    return Fact(article, item, "event", status, f"{kind} sentence of {article}", 0, 10, kind, place, "Pokrovsk",
                holder, None, on)


ARTICLES = {
    "reuters": ArticleInfo("reuters", "Reuters", date(2025, 12, 1)),
    "ap": ArticleInfo("ap", "AP", date(2025, 12, 2)),
    "ap-copy": ArticleInfo("ap-copy", "Yahoo News", date(2025, 12, 2), duplicate_of="ap"),
    "reuters-2": ArticleInfo("reuters-2", "Reuters", date(2025, 12, 3)),
    "tass": ArticleInfo("tass", "TASS", date(2025, 11, 20)),
    "kyiv": ArticleInfo("kyiv", "Kyiv Independent", date(2025, 11, 21)),
}


def test_two_independent_outlets_corroborate():
    props = group_facts([event("reuters", "reported", date(2025, 12, 1)), event("ap", "reported", date(2025, 12, 2))], ARTICLES)
    assert len(props) == 1 and props[0].verdict == "corroborated" and props[0].outlets == ["Reuters", "AP"]


@pytest.mark.parametrize(
    "second",
    [
        event("ap-copy", "reported", date(2025, 12, 2)),  # a syndicated copy is no confirmation
        event("reuters-2", "reported", date(2025, 12, 3)),  # the same outlet again counts once
    ],
)
def test_copies_and_the_same_outlet_do_not_corroborate(second):
    props = group_facts([event("reuters", "reported", date(2025, 12, 1)), second], ARTICLES)
    assert [p.verdict for p in props] == ["single-sourced"]


def test_asserted_by_one_side_and_denied_by_the_other_is_contested():
    facts = [
        event("tass", "claimed", date(2025, 11, 20), kind="encirclement", holder="Russian Ministry of Defence"),
        event("kyiv", "denied", date(2025, 11, 21), kind="encirclement", holder="Ukraine's General Staff"),
    ]
    (prop,) = group_facts(facts, ARTICLES)
    assert prop.verdict == "contested"
    assert [(s.who, s.stance) for s in prop.stances] == [
        ("Russian Ministry of Defence", "asserts"), ("Ukraine's General Staff", "denies")]
    assert prop.refutes and prop.refutes[0][1].article_id == "kyiv"


def test_a_later_report_confirms_an_earlier_claim():
    facts = [event("tass", "claimed", date(2025, 11, 20), holder="Russian MoD"), event("reuters", "reported", date(2025, 12, 1))]
    props = group_facts(facts, ARTICLES)
    assert len(props) == 2  # eleven days apart: beyond the window, two propositions
    facts[1] = event("kyiv", "reported", date(2025, 11, 21))
    (prop,) = group_facts(facts, ARTICLES)
    assert prop.confirms and prop.confirms[0][0].article_id == "tass"


@pytest.mark.parametrize("place,kind", [("geo:1", "capture"), ("geo:704422", "withdrawal")])
def test_other_places_or_types_are_other_propositions(place, kind):
    facts = [event("reuters", "reported", date(2025, 12, 1)), event("ap", "reported", date(2025, 12, 2), kind=kind, place=place)]
    assert len(group_facts(facts, ARTICLES)) == 2


def test_forecasts_are_left_to_the_ledger():
    assert group_facts([event("reuters", "forecast", date(2025, 12, 1))], ARTICLES) == []


def test_claims_carried_by_an_event_are_not_repeated():
    e = Fact("tass", "e1", "event", "claimed", "s", 0, 1, "capture", "geo:1", "X", "MoD", claim="c1")
    c = Fact("tass", "c1", "claim", "asserts", "Russian forces took X", 0, 1, holder="MoD", claim="c1")
    free = Fact("tass", "c2", "claim", "asserts", "Talks will resume", 0, 1, holder="Peskov", claim="c2")
    props = group_facts([e, c, free], ARTICLES)
    assert sorted(p.kind for p in props) == ["claim", "event"]
    assert [p.key for p in props if p.kind == "claim"] == [claim_key("Talks will resume")]
