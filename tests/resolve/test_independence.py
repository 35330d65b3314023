"""Independence that cannot be gamed: volume, copies and one outlet's own reports are one voice."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sitrep.resolve.facts import Fact
from sitrep.resolve.propositions import ArticleInfo, group_facts, origin_source

DAY = date(2026, 2, 3)
SENTENCE = "Russian forces captured the village of Tykhe after a week of assaults."


def capture(article: str, *, status: str = "reported", text: str = SENTENCE, on: date = DAY, holder=None) -> Fact:
    return Fact(article, "e1", "event", status, text, 0, len(text), "capture", "geo:1", "Tykhe", holder, on=on)


@pytest.mark.parametrize(
    "origin",
    [lambda i: f"exports/bulk.jsonl:{i}", lambda i: f"drop/note-{i}.txt", lambda i: f"crawl.warc.gz#{i}"],
)
def test_a_thousand_outletless_copies_are_one_voice(origin):
    infos = {f"a{i}": ArticleInfo(f"a{i}", origin=origin(i)) for i in range(1000)}
    (prop,) = group_facts([capture(a) for a in infos], infos)
    assert len(prop.outlets) == 1 and prop.articles == 1000
    assert prop.verdict == "single-sourced"


def test_one_sentence_under_many_outlet_names_counts_once():
    # a near-copy the whole-text test missed: the same sentence word for word
    infos = {f"a{i}": ArticleInfo(f"a{i}", outlet=f"Site {i}") for i in range(50)}
    (prop,) = group_facts([capture(a) for a in infos], infos)
    assert len(prop.outlets) == 1


def test_two_outlets_in_their_own_words_corroborate():
    infos = {"a": ArticleInfo("a", outlet="Reuters"), "b": ArticleInfo("b", outlet="AP")}
    facts = [capture("a"), capture("b", text="Tykhe fell to Russian troops, Ukrainian officials confirmed.")]
    (prop,) = group_facts(facts, infos)
    assert prop.verdict == "corroborated" and len(prop.outlets) == 2


def test_two_copies_of_one_report_never_refute_each_other():
    infos = {"a": ArticleInfo("a", outlet="Reuters"), "b": ArticleInfo("b", outlet="Daily Reprint", duplicate_of="a")}
    later = capture("b", status="denied", text="Russian forces did not capture Tykhe.", on=DAY + timedelta(days=2))
    (prop,) = group_facts([capture("a", status="claimed"), later], infos)
    assert prop.verdict != "contested" and prop.refutes == [] and prop.confirms == []


def test_articles_of_one_story_never_refute_each_other():
    infos = {"a": ArticleInfo("a", outlet="Reuters", story_id=7), "b": ArticleInfo("b", outlet="AP", story_id=7)}
    later = capture("b", status="denied", text="Tykhe was not captured.", on=DAY + timedelta(days=1))
    (prop,) = group_facts([capture("a", status="claimed"), later], infos)
    assert prop.refutes == []


def test_an_outlet_does_not_contest_its_own_report():
    infos = {
        "a": ArticleInfo("a", outlet="understandingwar.org", story_id=1),
        "b": ArticleInfo("b", outlet="Institute for the Study of War", story_id=2),
    }
    later = capture("b", status="denied", text="Russian forces made no confirmed advances at Tykhe.", on=DAY + timedelta(days=2))
    (prop,) = group_facts([capture("a"), later], infos)
    assert prop.verdict != "contested"


def test_named_holders_at_odds_contest_even_in_one_article():
    infos = {"a": ArticleInfo("a", outlet="Ukrinform")}
    facts = [
        capture("a", status="claimed", holder="Russia's Defence Ministry"),
        Fact("a", "e2", "event", "denied", "Kyiv denied it.", 80, 95, "capture", "geo:1", "Tykhe",
             "Ukraine's General Staff", on=DAY),
    ]
    (prop,) = group_facts(facts, infos)
    assert prop.verdict == "contested"


@pytest.mark.parametrize(
    "origin,expected",
    [("exports/feed.jsonl:1002", "exports/feed.jsonl"), ("a.xml#12", "a.xml"), ("notes/x.txt", "notes"), ("x.txt", ".")],
)
def test_origin_source(origin, expected):
    assert origin_source(origin) == expected
