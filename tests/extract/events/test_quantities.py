"""sitrep_quantities: numbers with their value, range, unit and what they count."""

from __future__ import annotations

import pytest

from sitrep.extract.events.quantities import parse_number


@pytest.mark.parametrize(
    "words,expected",
    [
        (["60,000"], 60000),
        (["2.1", "million"], 2_100_000),
        (["three", "dozen"], 36),
        (["twenty", "-", "five"], 25),
        (["95bn"], 95_000_000_000),
        (["a", "hundred"], 100),
        (["ten"], 10),
        (["soldiers"], None),
    ],
)
def test_parse_number(words, expected):
    assert parse_number(words) == expected


def _quantities(nlp, text):
    return nlp(text)._.quantities


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russia fired 187 drones and 14 missiles overnight.", [187, 14]),
        ("The town had a population of about 60,000 before the war.", [60000]),
        ("Officials said three dozen missiles were fired.", [36]),
        ("Congress approved $60.8bn in aid.", [60_800_000_000]),
        ("The 68th Brigade pulled back on February 20, 2024.", []),
        ("One officer said the war began more than two years ago.", []),
        ("Su-34 jets and a Project 22460 vessel were hit.", []),
        ("A 56-year-old medic was wounded.", []),
        ("The glide vehicle reached 9,500 kilometres per hour (5,903 miles per hour).", [9500]),
        ("Temperatures fell to minus 10 degrees.", [-10]),
        ("Fighting lasted 10 days.", [10]),
        # references, frequencies and photo captions are no counts
        ("The two sides exchanged prisoners on Thursday.", []),
        ("Russia struck the city three times.", []),
        ("Item 1 of 5 Ukrainian soldiers pose for a picture.", [5]),
        ("The two-year conflict began in the Donbas.", [2]),
        # a day of a date the times component left, and a numbered heading, are no counts
        ("Russian troops attacked near Siversk on March 3 and 4 with 40 soldiers.", [40]),
        ("The shelling eased on 21 September, the mayor said.", []),
        ("Main Effort #2 runs along the river.", []),
    ],
)
def test_values(nlp, text, expected):
    assert [q.value for q in _quantities(nlp, text)] == expected


def test_percentage_of_what(nlp):
    (q,) = _quantities(nlp, "Some units have only 20% of their authorized strength.")
    assert (q.value, q.unit, q.about) == (20, "%", "their authorized strength")


def test_approximation_is_kept_in_the_text(nlp):
    (q,) = _quantities(nlp, "The town had about 60,000 residents.")
    assert q.text.startswith("about 60,000") and q.approximate


def test_range(nlp):
    (q,) = _quantities(nlp, "Between 30 to 40 soldiers hold the village.")
    assert (q.value, q.low, q.high) == (None, 30, 40)


def test_part_of_a_whole(nlp):
    (q,) = _quantities(nlp, "A commander said that out of his twenty fighters, only five remain.")
    assert (q.value, q.total) == (5, 20)


def test_part_of_the_whole_launched(nlp):
    (q,) = _quantities(nlp, "Air defences downed 16 of the 36 launched.")
    assert (q.value, q.total) == (16, 36)


def test_of_phrase_keeps_a_later_number_apart(nlp):
    text = "That makes 3.4 million, or roughly 8 percent of a pre-war population of 42 million."
    assert [q.value for q in _quantities(nlp, text)] == [3_400_000, 8, 42_000_000]


def test_ratio(nlp):
    (q,) = _quantities(nlp, "For every Ukrainian drone, there are up to ten Russian ones.")
    assert q.value == 10 and q.about.startswith("ratio: for every Ukrainian drone")


def test_vague_count_has_no_value(nlp):
    (q,) = _quantities(nlp, "Dozens of civilians sheltered in the metro.")
    assert q.value is None and q.text == "Dozens of civilians" and q.about == "civilians"


def test_spans_point_at_the_text(nlp):
    text = "Ukraine lost about 5 percent of its population."
    (q,) = _quantities(nlp, text)
    assert text[q.spans[0].start : q.spans[0].end] == q.text
