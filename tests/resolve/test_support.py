"""A fact stands on its own sentence: real sentences, place relations, unreal events, history, holders."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.resolve.support import good_holder, past_year, relation_of, sentence_at, unreal_cue


@pytest.mark.parametrize(
    "text,word,expected",
    [
        (
            "Shelling hit Kherson overnight.[4] Russian forces captured Tykhe on Monday. Kyiv denied it.",
            "captured",
            "Russian forces captured Tykhe on Monday.",
        ),
        (
            "Shelling hit Kherson overnight.[[ii]](https://example.org/n2) Russian forces captured Tykhe.",
            "captured",
            "Russian forces captured Tykhe.",
        ),
        ("Key takeaways\nRussian troops advanced west of Bakhmut.\nMore below", "advanced", "Russian troops advanced west of Bakhmut."),
        ("“We held the town,” the commander said. Then it fell.", "held", "“We held the town,” the commander said."),
    ],
)
def test_the_sentence_around_a_word(text, word, expected):
    bounds = sentence_at(text, text.index(word))
    assert bounds is not None and text[bounds[0] : bounds[1]] == expected


def test_a_run_of_text_without_stops_is_no_sentence():
    text = "Russian forces attacked " + "and pressed on along the road " * 40 + "near Siversk."
    assert sentence_at(text, text.index("attacked")) is None


@pytest.mark.parametrize(
    "text,place,expected",
    [
        ("Russian forces advanced near Pokrovsk on Monday.", "Pokrovsk", "near"),
        ("Fighting continued in the Kupiansk direction.", "Kupiansk", "direction"),
        ("Troops pushed toward Siversk from the east.", "Siversk", "toward"),
        ("Assaults on the outskirts of Huliaipole went on.", "Huliaipole", "outskirts"),
        ("Drones struck a depot 12 km south of Izium.", "Izium", "near"),
        ("Russian forces captured Tykhe on Monday.", "Tykhe", None),
        ("Shelling hit the centre of Kherson.", "Kherson", None),
        ("Missiles struck the Kharkiv region overnight.", "Kharkiv", None),
    ],
)
def test_how_a_sentence_names_its_place(text, place, expected):
    start = text.index(place)
    assert relation_of(text, start, start + len(place)) == expected


@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("Russian troops attempted to advance toward Siversk.", "advance", "attempted"),
        ("Russian units tried to storm the village again.", "storm", "tried"),
        ("Ukraine could withdraw from the town within days.", "withdraw", "could"),
        ("Even with reinforcements, Russia would not capture the city.", "capture", "would"),
        ("Russian forces did not advance near Kupiansk.", "advance", "not"),
        ("The failed assault on Robotyne cost a battalion.", "assault", "failed"),
        ("Russian forces captured Tykhe on Monday.", "captured", None),
        ("Ukrainian troops withdrew from Avdiivka, the army said.", "withdrew", None),
        ("The army said that troops withdrew, but Russia failed to hold it.", "withdrew", None),
    ],
)
def test_attempts_hypotheticals_and_negations(text, trigger, expected):
    start = text.index(trigger)
    assert unreal_cue(text, 0, start, start + len(trigger)) == expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("In 1943 the Red Army recaptured Kharkiv after heavy fighting.", 1943),
        ("The city has been shelled since 2014, and again in 2026.", None),
        ("Russian forces captured Tykhe on Monday.", None),
        ("The town changed hands in 2023 and again in 2024.", 2023),
    ],
)
def test_history_is_told_by_an_old_year(sentence, expected):
    assert past_year(sentence, date(2026, 2, 1)) == expected


@pytest.mark.parametrize(
    "holder,expected",
    [
        ("Geolocated footage", False),
        ("satellite imagery", False),
        ("Key takeaways:", False),
        ("it", False),
        ("the Ukrainian General Staff", True),
        ("Institute for the Study of War", True),
        ("Oleksandr Syrskyi", True),
        ("Russian milbloggers", True),
    ],
)
def test_holders_are_people_bodies_or_outlets(holder, expected):
    assert good_holder(holder) is expected


@pytest.mark.parametrize(
    "text,place,expected",
    [
        ("The Kyiv Independent said drones hit the city.", "Kyiv", True),
        ("Drones hit a cafe called Paradise in Donetsk.", "Paradise", True),
        ("Missiles struck on the day of the Geneva talks.", "Geneva", True),
        ("Missiles struck Kharkiv City overnight.", "Kharkiv", False),
        ("Shelling hit the Donetsk Oblast town of Siversk.", "Donetsk", False),
        ("Russian forces shelled Kherson on Monday.", "Kherson", False),
    ],
)
def test_a_place_inside_a_longer_name_is_no_place(text, place, expected):
    from sitrep.resolve.support import part_of_name

    start = text.index(place)
    assert part_of_name(text, start, start + len(place)) is expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("The Fall of the Fortress Cities of the East", True),
        ("Chapter 2: the siege of the port -", True),
        ("Russian forces shelled Kherson on Monday.", False),
        ("“We will hold the line,” the commander said.", False),
    ],
)
def test_headings_and_labels(sentence, expected):
    from sitrep.resolve.support import is_heading

    assert is_heading(sentence) is expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Russia responded by annexing the peninsula.", "annexing"),
        ("Last summer drones struck the port twice.", "last summer"),
        ("Drones struck the port on Tuesday.", None),
    ],
)
def test_background_history(sentence, expected):
    from sitrep.resolve.support import history_cue

    assert history_cue(sentence) == expected


def test_the_year_nearest_the_trigger_decides():
    sentence = "Russia, which in 2014 occupied the peninsula, in 2026 struck the port."
    assert past_year(sentence, date(2026, 2, 1), at=sentence.index("occupied")) == 2014
    assert past_year(sentence, date(2026, 2, 1), at=sentence.index("struck")) is None
