"""sitrep_times: time expressions found in text and resolved against the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.extract.events.times import resolve

PUB = date(2024, 4, 14)  # a Sunday


@pytest.mark.parametrize(
    "text,expected",
    [
        ("last week", (date(2024, 4, 1), date(2024, 4, 7), "week")),
        ("yesterday", (date(2024, 4, 13), date(2024, 4, 13), "day")),
        ("Thursday", (date(2024, 4, 11), date(2024, 4, 11), "day")),
        ("April 13", (date(2024, 4, 13), date(2024, 4, 13), "day")),
        ("by May 9", (date(2024, 5, 9), date(2024, 5, 9), "day")),
        ("the end of October", (date(2023, 10, 21), date(2023, 10, 31), "month")),
        ("mid-May", (date(2024, 5, 11), date(2024, 5, 20), "month")),
        ("this summer", (date(2024, 6, 1), date(2024, 8, 31), "season")),
        ("three days ago", (date(2024, 4, 11), date(2024, 4, 11), "day")),
        ("since 2023", (date(2023, 1, 1), PUB, "year")),
        ("Feb. 24, 2022", (date(2022, 2, 24), date(2022, 2, 24), "day")),
        ("within weeks", (None, None, "week")),
    ],
)
def test_resolve_against_publication_date(text, expected):
    assert resolve(text, published=PUB)[:3] == expected


@pytest.mark.parametrize(
    "text", ["last week", "on Sunday", "the end of October", "three days ago", "this summer"]
)
def test_relative_times_stay_unresolved_without_a_publication_date(text):
    start, end, _precision, relative = resolve(text, published=None)
    assert (start, end, relative) == (None, None, True)


def test_absolute_dates_resolve_without_a_publication_date():
    assert resolve("February 24, 2022", published=None)[:3] == (date(2022, 2, 24), date(2022, 2, 24), "day")


def _times(nlp, text, published):
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)._.times


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russian forces struck Kharkiv on Sunday, officials said.", ["Sunday"]),
        (
            "The brigade has held the line since 2023 and expects an assault this summer.",
            ["since 2023", "this summer"],
        ),
        ("Moscow wants the town taken by May 9.", ["by May 9"]),
        ("The 68th Brigade may withdraw.", []),
    ],
)
def test_finds_time_expressions(nlp, text, expected):
    assert [t.text for t in _times(nlp, text, PUB)] == expected


def test_times_carry_spans_ids_and_resolution(nlp):
    text = "Shelling resumed last week."
    (t,) = _times(nlp, text, PUB)
    assert text[t.spans[0].start : t.spans[0].end] == "last week"
    assert t.id == "t1" and t.start == date(2024, 4, 1) and t.precision == "week" and t.relative
