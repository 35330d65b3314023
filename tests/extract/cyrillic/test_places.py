"""Cyrillic and inflected place names, resolved to the English pipeline's gazetteer entries."""

from __future__ import annotations

import pytest


def places(nlp, text):
    return {p.canonical: p for p in nlp(text)._.places}


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Окупанти тиснуть на Покровськ і Мирноград.", {"Pokrovsk", "Myrnohrad"}),
        ("uk", "Бої тривають біля Покровська та на підступах до Мирнограда.", {"Pokrovsk", "Myrnohrad"}),
        ("uk", "Над Покровськом уночі збили два дрони.", {"Pokrovsk"}),
        ("ru", "Бои продолжаются под Покровском, сообщают военные.", {"Pokrovsk"}),
        ("ru", "Армия отступила из Курахово к Покровску.", {"Kurakhove", "Pokrovsk"}),
        ("uk", "Ворог обстріляв Харків і Запоріжжя.", {"Kharkiv", "Zaporizhzhya"}),
    ],
)
def test_inflected_names_find_their_place(nlp_of, lang, text, expected):
    assert set(places(nlp_of(lang), text)) == expected


def test_pokrovsk_is_the_donetsk_town_next_to_myrnohrad(uk):
    found = places(uk, "Сили оборони тримають Покровськ, Мирноград і Родинське.")
    assert found["Pokrovsk"].country == "UA" and found["Pokrovsk"].geonameid == 704422


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ru", "Украинская армия отошла на новые позиции."),
        ("uk", "Покровська громада евакуює дітей."),
        ("uk", "Повітряні Сили збили вісім дронів."),
        ("ru", "По словам военных, ночь прошла спокойно."),
    ],
)
def test_adjectives_and_common_words_are_no_places(nlp_of, lang, text):
    assert places(nlp_of(lang), text) == {}


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Вибухи лунали в Донецькій області.", {"Donetsk Oblast"}),
        ("uk", "На Донеччині тривають бої.", {"Donetsk Oblast"}),
        ("uk", "Тривогу оголосили над Київською, Полтавською та Черкаською областями.",
         {"Kyiv Oblast", "Poltava Oblast", "Cherkasy Oblast"}),
        ("ru", "Дроны сбиты в Краснодарском крае и Белгородской области.", {"Krasnodar Krai", "Belgorod Oblast"}),
        ("uk", "Удари РФ по Херсонщині тривають.", {"Russia", "Kherson Oblast"}),
        ("ru", "Корабли вышли в акваторию Черного моря.", {"Black Sea"}),
    ],
)
def test_regions_seas_and_abbreviations(nlp_of, lang, text, expected):
    assert set(places(nlp_of(lang), text)) == expected


def test_names_are_kept_as_written_with_the_english_canonical(ru):
    (place,) = ru("Российские войска продвинулись к Покровску.")._.places
    assert (place.name, place.canonical, place.spans[0].text) == ("Покровску", "Pokrovsk", "Покровску")


def test_one_place_every_spelling(uk):
    (place,) = uk("Покровськ під ударом. Біля Покровська тривають бої, над Покровськом дрони.")._.places
    assert [s.text for s in place.spans] == ["Покровськ", "Покровська", "Покровськом"]


@pytest.mark.parametrize(
    "lang,text",
    [
        ("uk", "Київ заявив про нові удари."),
        ("ru", "Москва заявила о наступлении."),
        ("ru", "Россия перебросила резервы."),
        ("uk", "Бійці Сил оборони України тримають позиції."),
        ("ru", "Об этом сообщило Минобороны России."),
        ("uk", "Удари РФ по енергетиці тривають."),
        ("uk", "Уряд передасть Україні нові бронемашини."),
        ("ru", "Война началась с вторжения России."),
    ],
)
def test_a_capital_that_says_is_a_metonym(nlp_of, lang, text):
    (place,) = nlp_of(lang)(text)._.places
    assert place.literal is False


@pytest.mark.parametrize(
    "lang,text", [("uk", "Дрони летіли над півднем України."), ("ru", "Снаряды упали на территории России.")]
)
def test_a_country_where_things_happen_is_literal(nlp_of, lang, text):
    (place,) = nlp_of(lang)(text)._.places
    assert place.literal is True
