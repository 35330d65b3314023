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
        ("uk", "Українська громада евакуює дітей."),
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
        # an abbreviated ministry, a head noun with an apostrophe, support given to the state
        ("ru", "Об этом заявил глава МИД РФ."),
        ("uk", "Він зустрівся з прем'єром України вчора."),
        ("uk", "Уряд продовжить підтримку України."),
        # a state that is urged, invited or helped
        ("uk", "Партнери закликали Україну до переговорів."),
        ("ru", "Организаторы решили пригласить Россию на встречу."),
        # a state with duties and intentions
        ("uk", "Україна повинна отримати більше ППО."),
        ("ru", "Россия готова к обмену пленными."),
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


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        # an adjective agrees with its noun: велика, великая — not the lemma великий
        ("uk", "Ворог тисне на позиції біля Великої Новосілки.", {"Velyka Novosilka"}),
        ("uk", "Бої тривають під Великою Новосілкою та в Кривому Розі.", {"Velyka Novosilka", "Kryvyy Rih"}),
        ("uk", "Окупанти обстріляли околиці Часового Яру.", {"Chasiv Yar"}),
        # GeoNames holds Velyka Novosilka's Russian name only romanised
        ("ru", "Армия продвинулась у Великой Новосёлки.", {"Velyka Novosilka"}),
        # a Russian possessive's short form: Часовым Яром → Часов Яр
        ("ru", "Штурмы под Часовым Яром не прекращаются.", {"Chasiv Yar"}),
        ("ru", "Ракета попала в Кривой Рог.", {"Kryvyy Rih"}),
        # hyphenated names, the second half unknown to the dictionary
        ("uk", "Дрони злетіли з районів Приморсько-Ахтарська.", {"Primorsko-Akhtarsk"}),
        ("ru", "Беспилотники запущены из Приморско-Ахтарска.", {"Primorsko-Akhtarsk"}),
    ],
)
def test_names_of_two_inflected_words(nlp_of, lang, text, expected):
    assert set(places(nlp_of(lang), text)) == expected


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Росіяни вдарили по Броварському районі вночі.", "Brovary"),
        ("ru", "Вертолет стоял на аэродроме Клинского района.", "Klin"),
        ("ru", "Обломки упали над Раменским районом.", "Ramenskoye"),
        ("uk", "Евакуація триває з Покровської громади.", "Pokrovsk"),
    ],
)
def test_a_district_named_by_its_town_is_placed_there(nlp_of, lang, text, expected):
    assert set(places(nlp_of(lang), text)) == {expected}


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ru", "Московский район Харькова снова под обстрелом."),  # a city's district, no town's
        ("uk", "Сказав Роман Падун журналістам."),  # a given name and a surname
    ],
)
def test_no_district_or_person_is_a_town(nlp_of, lang, text):
    assert not {p.canonical for p in nlp_of(lang)(text)._.places} - {"Kharkiv"}


def test_a_street_is_placed_in_the_town_of_its_sentence(uk):
    found = uk("У Покровську снаряд влучив у будинок на вулиці Тараса Шевченка.")._.places
    town, street = found
    assert town.canonical == "Pokrovsk"
    assert (street.name, street.feature, street.lat, street.lon) == ("вулиці Тараса Шевченка", "local", town.lat, town.lon)


def test_a_street_is_no_event_place(ru):
    events = ru("Танк въехал в Купянск и был подбит на улице Некрасова.")._.events
    assert {e.place for e in events} == {"Купянск"}


def test_a_locative_before_the_subject_is_a_place(uk):
    assert set(places(uk, "У Покровську снаряд влучив у школу.")) == {"Pokrovsk"}


def test_a_street_without_a_town_in_its_sentence_is_in_the_articles_town(uk):
    text = (
        "У Херсоні вибухи лунали всю ніч. Раніше ворог обстрілював і Миколаїв. "
        "Херсон знову без світла. Снаряд влучив у будинок на вулиці Лесі Українки."
    )
    street = next(p for p in uk(text)._.places if p.feature == "local")
    assert street.canonical == "Лесі Українки, Kherson"
