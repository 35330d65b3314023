"""Events that report nothing that happened are no events; events placed where they happened.

Sentences written for these tests in the style of war reporting (issue 11: background,
capability, demands, held ground; a place only pointed at is no venue).
"""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.events.occurrence import article_now


def _events(nlp, text):
    return [(e.type, e.place, e.status) for e in nlp(text)._.events]


@pytest.mark.parametrize(
    "text",
    [
        # background: dated more than a year before the article
        "The annexation of Crimea in 2014 still shapes the talks, officials said on 3 February 2026.",
        "It was a smaller retreat than the Russian retreat from Kherson in late 2022, the ministry said on 9 January 2026.",
        "A museum in Kyiv, opened on 2 February 2026, recalls the siege of Mariupol in 2022.",
        # capability
        "Officials said on 3 February 2026 that the new missiles are capable of striking targets across Belgorod.",
        "The rocket launchers can reach Belgorod from their firing positions.",
        # demands, questions, refusals
        "The Kremlin has demanded that Ukraine withdraw its troops from Kramatorsk.",
        "Negotiators argued over whether Russia should withdraw from Zaporizhzhia.",
        "Moscow rejected any deployment of European troops in Odesa.",
        # ground held, not taken
        "Russia occupies about a fifth of Ukraine, including territory it has seized around Melitopol.",
        "Talks stalled over the land that Russian forces have not captured in Donetsk Oblast.",
    ],
)
def test_no_reported_event(nlp, text):
    assert _events(nlp, text) == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # dated this year: news, not background
        (
            "Russian forces captured Hryshyne on 10 February 2026, the General Staff said on 11 February 2026.",
            ("capture", "Hryshyne", "reported"),
        ),
        # a date years back elsewhere in the sentence does not date this clause
        (
            "Russian drones struck Odesa on 2 February 2026, in the heaviest raid since the summer of 2023.",
            ("strike", "Odesa", "reported"),
        ),
        # an expectation is a forecast, not a mere capability
        (
            "Analysts expect that Russian troops could capture Siversk within weeks.",
            ("capture", "Siversk", "forecast"),
        ),
        # officials governing a place speak for it
        (
            "Officials in Sumy Oblast reported three injuries from Russian shelling.",
            ("strike", "Sumy Oblast", "reported"),
        ),
    ],
)
def test_reported_event_kept(nlp, text, expected):
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    "text,place",
    [
        ("Israeli jets struck Gaza overnight, killing three people.", "Gaza"),
        ("Three people were killed in a gas explosion in Milan, Italian media said.", "Milan"),
    ],
)
def test_events_outside_the_theatre_are_other_news(nlp, text, place):
    assert all(p != place for _, p, _ in _events(nlp, text))


def test_the_theatre_is_a_setting(nlp):
    from sitrep.extract.events.events import find_events

    doc = nlp("Israeli jets struck Gaza overnight.")
    assert [(e.type, e.place) for e in find_events(doc, theatre=("PS", "IL"))] == [("strike", "Gaza")]


def test_a_claim_and_a_report_of_one_advance_are_one_event(nlp):
    text = (
        "Russian milbloggers claimed that Russian forces advanced near Bilytske. "
        "Geolocated footage shows that Russian forces advanced near Bilytske."
    )
    assert [e for e in _events(nlp, text) if e[:2] == ("advance", "Bilytske")] == [
        ("advance", "Bilytske", "reported")
    ]


def test_a_denial_stays_apart_from_a_report(nlp):
    text = (
        "Russian forces advanced near Bilytske, the ministry said. "
        "Ukrainian officials said Russian forces did not advance near Bilytske."
    )
    statuses = {e[2] for e in _events(nlp, text) if e[:2] == ("advance", "Bilytske")}
    assert statuses == {"reported", "denied"}


@pytest.mark.parametrize(
    "text,places",
    [
        (
            "Russian forces attacked east of Siversk near Hryhorivka, Vyimka, and Zvanivka on Tuesday.",
            {"Hryhorivka", "Vyimka", "Zvanivka"},
        ),
        ("Ukrainian troops struck Russian positions near Tokmak and Polohy.", {"Tokmak", "Polohy"}),
    ],
)
def test_a_written_list_of_settlements_is_read_to_its_end(nlp, text, places):
    assert places <= {p for _, p, _ in _events(nlp, text)}


@pytest.mark.parametrize(
    "text,wrong",
    [
        # "the energy sector" names no place said before
        (
            "Heavy fighting went on around Lyman. Officials said Russia launched 90 drones overnight at the energy sector.",
            "Lyman",
        ),
        # a named stretch of front is not the town named in the sentence before
        (
            "Ukrainian troops hold positions near Siversk. Russian forces recently advanced in the Kostiantynivka-Druzhkivka tactical area.",
            "Siversk",
        ),
        # a reporter's dateline is not where the advance happened
        (
            "Russian troops have made sizeable gains along the southern front, Jane Doe in Odesa reports.",
            "Odesa",
        ),
    ],
)
def test_no_venue_from_a_place_only_pointed_at(nlp, text, wrong):
    assert all(p != wrong for t, p, _ in _events(nlp, text) if t != "fighting")


def test_the_city_points_back_to_the_town_named_before(nlp):
    text = "Russian troops are closing in on Pokrovsk. Street fighting continues in the city."
    assert ("fighting", "Pokrovsk", "reported") in _events(nlp, text)


def test_article_now_is_the_latest_full_date(nlp):
    doc = nlp("On 3 February 2026 officials recalled the battles of 2022.")
    assert article_now(doc) == date(2026, 2, 3)
