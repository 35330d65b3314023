"""Times and forecasts in Ukrainian and Russian, resolved by the English resolver's mechanism."""

from __future__ import annotations

from datetime import date

import pytest

PUBLISHED = date(2025, 11, 20)  # a Thursday


def times(nlp, text):
    doc = nlp.make_doc(text)
    doc._.published = PUBLISHED
    return [(t.text, t.start, t.end) for t in nlp(doc)._.times]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Атака почалася 15 листопада.", ("15 листопада", date(2025, 11, 15), date(2025, 11, 15))),
        ("uk", "Вчора ворог обстріляв місто.", ("Вчора", date(2025, 11, 19), date(2025, 11, 19))),
        ("uk", "Удар завдали у ніч на 13 листопада.", ("ніч на 13 листопада", date(2025, 11, 13), date(2025, 11, 13))),
        ("uk", "Три дні тому дрони атакували порт.", ("Три дні тому", date(2025, 11, 17), date(2025, 11, 17))),
        ("uk", "Бої тривали минулого тижня.", ("минулого тижня", date(2025, 11, 10), date(2025, 11, 16))),
        ("ru", "Обстрел произошел в ночь на 3 ноября.", ("ночь на 3 ноября", date(2025, 11, 3), date(2025, 11, 3))),
        ("ru", "Два дня назад армия заняла село.", ("Два дня назад", date(2025, 11, 18), date(2025, 11, 18))),
        ("ru", "Атака началась в среду.", ("среду", date(2025, 11, 19), date(2025, 11, 19))),
        ("ru", "В июле 2024 года город обстреляли.", ("июле 2024 года", date(2024, 7, 1), date(2024, 7, 31))),
    ],
)
def test_times_resolve_against_the_publication_date(nlp_of, lang, text, expected):
    assert times(nlp_of(lang), text) == [expected]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("uk", "Люті бої тривають на сході."),  # лютий: fierce, not February
        ("uk", "Серед цілей були склади."),  # серед: among, not середа
        ("uk", "Операція триває 100 днів."),  # a duration, not a time
        ("uk", "Тому ворог відступив."),  # тому: therefore, without a unit before it
    ],
)
def test_words_that_only_look_like_times(nlp_of, lang, text):
    assert times(nlp_of(lang), text) == []


def test_an_open_horizon_is_not_invented(uk):
    assert times(uk, "Наступ очікується найближчими тижнями.") == [("найближчими тижнями", None, None)]


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "uk",
            "Генштаб очікує, що найближчими тижнями ворог може атакувати Покровськ.",
            ("strike", "Покровськ", ["Генштаб"], "найближчими тижнями"),
        ),
        (
            "ru",
            "Как сообщает ISW, российские войска планируют окружить Покровск.",
            ("encirclement", "Покровск", ["ISW"], None),
        ),
    ],
)
def test_forecasts_and_their_holder(nlp_of, lang, text, expected):
    doc = nlp_of(lang)(text)
    assert [(f.event_type, f.place, f.by, f.horizon) for f in doc._.forecasts] == [expected]
    assert [e.status for e in doc._.events] == ["forecast"]


def test_a_reported_event_is_no_forecast(ru):
    doc = ru("Российские войска окружили Покровск.")
    assert doc._.forecasts == [] and [e.status for e in doc._.events] == ["reported"]
