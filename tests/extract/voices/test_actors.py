"""sitrep_actors: people and organisations with their side; metonymic places as governments."""

from __future__ import annotations

import pytest

from sitrep.extract.voices.actors import looks_like_name


def actors(nlp, text):
    return {a.name: (a.kind, a.side) for a in nlp(text)._.actors}


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("Russian Defense Minister Andrei Belousov visited the front.", "Andrei Belousov", ("person", "RU")),
        (
            "Ukrainian commander Oleksandr Tarnavskyi said the line held.",
            "Oleksandr Tarnavskyi",
            ("person", "UA"),
        ),
        ("Dmitry Peskov, the Kremlin spokesman, declined to comment.", "Dmitry Peskov", ("person", "RU")),
        (
            "President Volodymyr Zelensky urged allies to send air defence.",
            "Volodymyr Zelensky",
            ("person", "UA"),
        ),
        (
            "The Armed Forces of Ukraine reported 120 clashes.",
            "The Armed Forces of Ukraine",
            ("organisation", "UA"),
        ),
        (
            "A new report by the Institute for the Study of War disagrees.",
            "the Institute for the Study of War",
            ("organisation", None),
        ),
    ],
)
def test_actor_sides(nlp, text, name, expected):
    assert actors(nlp, text)[name] == expected


@pytest.mark.parametrize(
    "text,name,side",
    [
        ("Kyiv denies that its troops are surrounded.", "Kyiv", "UA"),
        ("Moscow claimed the capture of the village.", "Moscow", "RU"),
    ],
)
def test_metonyms_become_governments(nlp, text, name, side):
    assert actors(nlp, text)[name] == ("government", side)


def test_places_and_units_are_not_actors(seed_record):
    names = {a.name for a in seed_record.actors}
    assert "Pokrovsk" not in names and "Myrnohrad" not in names
    assert not any("Brigade" in n for n in names)
    assert {"Volodymyr Zelensky", "Vladimir Putin", "George Barros"} <= names


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Institute for the Study of War", True),
        ("the Institute for the Study of War", True),
        ("Ukraine's foreign ministry", True),
        ("Oreshnik", False),  # a missile
        ("Iskander-M ballistic missiles", False),
        ("Dnipropetrovsk-Zaporizhia Oblast", False),
        ("Марлз на спільній прес-конференції", False),  # a phrase, not a name
        ("Денис Шмигаль", True),
        ("said", False),
    ],
)
def test_looks_like_name(name, expected):
    assert looks_like_name(name) is expected


@pytest.mark.parametrize(
    "text,absent",
    [
        # The press reports the story; it is a source, not an actor.
        ("The Wall Street Journal reported that Ukrainian troops held Pokrovsk.", "The Wall Street Journal"),
        ("Russian forces advanced, Reuters reported, citing the Defense Ministry.", "Reuters"),
        # Weapons and ships by their numbers; ordinary words the tagger took for names.
        ("Ukraine launched FP-5 Flamingo missiles at the plant overnight.", "FP-5 Flamingo"),
        ("Temperatures fell to 14 Fahrenheit as the strikes cut the heating.", "Fahrenheit"),
    ],
)
def test_media_weapons_and_words_are_not_actors(nlp, text, absent):
    assert absent not in actors(nlp, text)


def test_a_state_agency_is_an_actor(nlp):
    text = "The Security Service of Ukraine said it had detained two Russian agents in Kharkiv."
    found = {name.removeprefix("The "): side for name, (_, side) in actors(nlp, text).items()}
    assert found["Security Service of Ukraine"] == "UA"
