"""One outlet, one name: outlet strings (names, aliases, domains, URLs, feed titles) to the table's name."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from sitrep.outlets import _name_key, canonical_outlet, domain_of, find_outlet, load_outlets, outlet_key


@pytest.mark.parametrize(
    "value,expected",
    [
        ("Reuters", "Reuters"),
        ("REUTERS", "Reuters"),
        ("reuters.com", "Reuters"),
        ("www.reuters.com", "Reuters"),
        ("https://www.reuters.com/world/europe/some-story-2026-01-30/", "Reuters"),
        ("understandingwar.org", "Institute for the Study of War"),
        ("www.criticalthreats.org", "Institute for the Study of War"),
        ("ISW", "Institute for the Study of War"),
        ("Associated Press", "The Associated Press"),
        ("apnews.com", "The Associated Press"),
        ("Kyiv Independent", "The Kyiv Independent"),
        ("the kyiv independent", "The Kyiv Independent"),
        ("edition.cnn.com", "CNN"),  # a subdomain of a listed domain
        ("news.un.org", "United Nations"),
        ("http://abcnews.go.com:80/International/story?id=1", "ABC News"),
        ("World news | The Guardian", "The Guardian"),  # a feed title around the outlet's name
        ("BBC News - World", "BBC"),
        ("Liga.net", "Liga.net"),  # a name that is also a domain
        ("www.kten.com", "kten.com"),  # unknown domain: bare, without www.
        ("HTTPS://Blog.Example.org/post/1", "blog.example.org"),
        ("  Daily   Reprint ", "Daily Reprint"),  # unknown name: its own words, tidied
        ("go.com", "go.com"),  # only a listed host or its subdomains match, never a parent
    ],
)
def test_canonical_outlet(value, expected):
    assert canonical_outlet(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [
        ("https://www.understandingwar.org/backgrounder/x", "understandingwar.org"),
        ("WWW.Reuters.com.", "reuters.com"),
        ("Reuters", None),
        ("U.N.", None),
        ("Radio Free Europe/Radio Liberty", None),
    ],
)
def test_domain_of(value, expected):
    assert domain_of(value) == expected


@pytest.mark.parametrize(
    "first,second,same",
    [
        ("criticalthreats.org", "understandingwar.org", True),
        ("Reuters", "https://www.reuters.com/world/", True),
        ("AP", "apnews.com", True),
        ("reuters.com", "apnews.com", False),
        ("kten.com", "www.kten.com", True),
        ("kten.com", "kfgo.com", False),
    ],
)
def test_outlet_key_makes_one_voice_per_organisation(first, second, same):
    assert (outlet_key(first) == outlet_key(second)) is same


def test_every_listed_domain_finds_its_own_row():
    for outlet in load_outlets():
        for domain in outlet.domains:
            assert find_outlet(domain) is outlet and find_outlet(f"https://www.{domain}/x") is outlet


def test_domain_column_is_well_formed():
    path = resources.files("sitrep") / "data" / "outlets.csv"
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    domains = [d for r in rows for d in r["domains"].split("|") if d]
    assert domains and len(domains) == len(set(domains)), "a domain may belong to only one outlet"
    assert all(domain_of(d) == d for d in domains), "bare lower-case hosts, without www. or a path"
    # Domains added from memory say so in the row's source.
    assert all("common knowledge" in r["source"] for r in rows if r["domains"])


def test_names_stay_distinct_when_compared_loosely():
    owners: dict[str, set[str]] = {}
    for outlet in load_outlets():
        for form in (outlet.name, *outlet.aliases):
            owners.setdefault(_name_key(form), set()).add(outlet.name)
    shared = {key: names for key, names in owners.items() if len(names) > 1}
    assert not shared, "two outlets would share a name without case or a leading 'The'"


def _outlet_rows() -> list[dict[str, str]]:
    with resources.files("sitrep").joinpath("data", "outlets.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize(
    "name,side",
    [
        # state media and state bodies carry their state's side
        ("Ukrinform", "UA"),
        ("Suspilne", "UA"),
        ("TASS", "RU"),
        ("Sputnik", "RU"),
        ("General Staff of the Armed Forces of Ukraine", "UA"),
        ("Federal Security Service", "RU"),
        # privately owned outlets, channels and OSINT projects have none, on either side
        ("Ukrainska Pravda", ""),
        ("UNIAN", ""),
        ("Kommersant", ""),
        ("Interfax", ""),
        ("Rybar", ""),
        ("DeepState", ""),
        ("The Insider", ""),
    ],
)
def test_side_is_the_state_that_owns_the_outlet(name, side):
    (row,) = [r for r in _outlet_rows() if r["name"] == name]
    assert row["side"] == side


def test_a_side_is_given_only_to_rows_of_that_state():
    assert all(r["country"] == r["side"] for r in _outlet_rows() if r["side"])
