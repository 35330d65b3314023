"""Grouping facts of several articles into propositions, with stances, verdicts and links."""

from __future__ import annotations

from datetime import date, timedelta

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
    assert len(props) == 1 and props[0].verdict == "corroborated"
    assert props[0].outlets == ["Reuters", "The Associated Press"]  # shown under the table's names


WEB = {
    "ctp": ArticleInfo("ctp", "www.criticalthreats.org", date(2026, 1, 30)),
    "isw": ArticleInfo("isw", "understandingwar.org", date(2026, 1, 30)),
    "isw-named": ArticleInfo("isw-named", "ISW", date(2026, 1, 31)),
    "reuters-web": ArticleInfo("reuters-web", "www.reuters.com", date(2026, 1, 30)),
    "reuters-name": ArticleInfo("reuters-name", "Reuters", date(2026, 1, 31)),
    "ap-web": ArticleInfo("ap-web", "apnews.com", date(2026, 1, 31)),
    "ap-url": ArticleInfo("ap-url", None, date(2026, 1, 31), url="https://apnews.com/article/ukraine-abc123"),
    "kten": ArticleInfo("kten", "www.kten.com", date(2026, 1, 31)),
    "kfgo": ArticleInfo("kfgo", "kfgo.com", date(2026, 1, 31)),
}


@pytest.mark.parametrize(
    "first,second,verdict,outlets",
    [
        # ISW's assessments appear on its own site and on AEI's Critical Threats site: one voice.
        ("ctp", "isw", "single-sourced", ["Institute for the Study of War"]),
        ("isw", "isw-named", "single-sourced", ["Institute for the Study of War"]),
        ("reuters-web", "reuters-name", "single-sourced", ["Reuters"]),
        ("reuters-web", "ap-web", "corroborated", ["Reuters", "The Associated Press"]),
        ("reuters-web", "ap-url", "corroborated", ["Reuters", "The Associated Press"]),  # outlet from the URL
        ("kten", "kfgo", "corroborated", ["kten.com", "kfgo.com"]),  # unknown outlets: their bare domains
    ],
)
def test_one_organisation_under_several_names_or_domains_is_one_voice(first, second, verdict, outlets):
    facts = [event(first, "reported", date(2026, 1, 30)), event(second, "reported", date(2026, 1, 31))]
    (prop,) = group_facts(facts, WEB)
    assert (prop.verdict, prop.outlets) == (verdict, outlets)


@pytest.mark.parametrize(
    "info,name,voice",
    [
        (ArticleInfo("a", "www.criticalthreats.org"), "Institute for the Study of War", "institute for the study of war"),
        (ArticleInfo("a", "www.kyivpost.com"), "Kyiv Post", "kyiv post"),
        (ArticleInfo("a", None, url="https://www.kten.com/story/1"), "kten.com", "kten.com"),
        (ArticleInfo("a1", None), None, "article a1"),
        (ArticleInfo("a2", "  "), None, "article a2"),
    ],
)
def test_article_outlet_name_and_voice(info, name, voice):
    assert (info.outlet_name, info.voice) == (name, voice)


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


def _grouped_by_full_scan(facts: list[Fact]) -> list[list[tuple[str, str]]]:
    """Event propositions as (article, item) lists, found the simple way: every earlier
    proposition of the slot is tried, oldest first (what `group_facts` must agree with)."""
    slots: dict[tuple, list[dict]] = {}
    order: list[dict] = []
    for f in sorted(facts, key=lambda f: (f.on or date.min, f.article_id, f.item_id)):
        slot = slots.setdefault((f.event_type, f.place_key, f.relation), [])
        match = None
        for prop in slot:
            first, last = prop["span"] or (None, None)
            if f.on is None or first is None:
                joins = f.on is None and first is None
            else:
                joins = (first - f.on).days <= 7 and (f.on - last).days <= 7
            if joins and (f.side is None or prop["side"] is None or f.side == prop["side"]):
                match = prop
                break
        if match is None:
            match = {"facts": [], "span": None, "side": None}
            slot.append(match)
            order.append(match)
        match["facts"].append((f.article_id, f.item_id))
        if f.on is not None:
            first, last = match["span"] or (f.on, f.on)
            match["span"] = (min(first, f.on), max(last, f.on))
        match["side"] = match["side"] or f.side
    by_slot = sorted(order, key=lambda p: list(slots).index(next(k for k, v in slots.items() if p in v)))
    return [p["facts"] for p in by_slot]


@pytest.mark.parametrize("seed", range(6))
def test_grouping_over_years_matches_a_full_scan(seed):
    """Reports of a few places over two years, some undated, some by one side: the grouping
    that skips closed propositions finds exactly what trying every proposition finds."""
    import random

    rng = random.Random(seed)
    facts = []
    for i in range(400):
        day = None if rng.random() < 0.05 else date(2024, 1, 1) + timedelta(days=rng.randrange(730))
        facts.append(
            Fact(f"a{i}", f"e{rng.randrange(3)}", "event", rng.choice(["reported", "claimed", "denied"]),
                 f"sentence {i}", 0, 10, rng.choice(["capture", "strike"]), rng.choice(["geo:1", "geo:2"]),
                 "X", None, rng.choice([None, None, "RU", "UA"]), day, relation=rng.choice([None, "near"]))
        )  # fmt: skip
    props = group_facts(facts, {})
    assert [[(f.article_id, f.item_id) for f in p.facts] for p in props] == _grouped_by_full_scan(facts)
