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
        "Veterans of the 2014 annexation of Crimea met in Lviv, the mayor's office said on 3 February 2026.",
        "Ukraine's pullback from Lysychansk in July 2022 is still debated in Kyiv, a historian wrote on 9 January 2026.",
        "A museum in Kyiv, opened on 2 February 2026, recalls the siege of Mariupol in 2022.",
        # capability
        "Officials said on 3 February 2026 that the new missiles are capable of striking targets across Belgorod.",
        "The rocket launchers can reach Belgorod from their firing positions.",
        # demands, questions, refusals
        "The Russian delegation demanded a Ukrainian withdrawal from Sloviansk.",
        "It remains open whether Moscow's army should withdraw from Enerhodar.",
        "The Kremlin said it would reject any deployment of foreign peacekeepers to Odesa.",
        # ground held, not taken
        "Talks stalled over the ground that Moscow's troops seized near Vasylivka.",
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
            "Regional officials in Sumy Oblast said Russian artillery shelled two border villages overnight.",
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
            "Ukrainian troops hold positions near Siversk. Russian assault groups advanced overnight in the Toretsk-Niu-York sector.",
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
    text = "Russian troops are closing in on Pokrovsk. Soldiers describe house-to-house fighting in the city."
    assert ("fighting", "Pokrovsk", "reported") in _events(nlp, text)


def test_article_now_is_the_latest_full_date(nlp):
    doc = nlp("On 3 February 2026 officials recalled the battles of 2022.")
    assert article_now(doc) == date(2026, 2, 3)
