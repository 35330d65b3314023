"""Events, quantities and claims in Ukrainian and Russian."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Російські війська просунулися біля Мирнограда.", ("advance", "Мирнограда", "reported", "RU")),
        ("ru", "Российская армия обстреляла Харьков ночью.", ("strike", "Харьков", "reported", "RU")),
        ("uk", "Ворог нібито захопив Курахове.", ("capture", "Курахове", "claimed", "RU")),
        ("uk", "Генштаб спростував, що окупанти зайшли в Покровськ.", ("advance", "Покровськ", "denied", "RU")),
        ("ru", "Украинские военные отступили из Курахово.", ("withdrawal", "Курахово", "reported", "UA")),
    ],
)
def test_events(nlp_of, lang, text, expected):
    events = nlp_of(lang)(text)._.events
    assert [(e.type, e.place, e.status, e.actor_side) for e in events] == [expected]


def test_the_town_not_the_oblast_around_it(uk):
    events = uk("Бої тривають біля Покровська в Донецькій області.")._.events
    assert [e.place for e in events] == ["Покровська"]


def test_no_place_no_event(uk):
    assert uk("Ворог атакував позиції вночі.")._.events == []


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Сили ППО збили 32 дрони.", [("32 дрони", 32.0)]),
        ("ru", "Уровень воды поднялся на 1,2 метра.", [("1,2 метра", 1.2)]),
        ("uk", "Ворог 11 578 разів обстріляв прикордоння.", [("11 578 разів", 11578.0)]),
        ("ru", "Пострадали двое мирных жителей.", [("двое мирных жителей", 2.0)]),
        ("uk", "Атака почалася 13 листопада о 14:30.", []),
        ("uk", "Поранено три бійці у Херсоні.", [("три бійці", 3.0)]),
        ("uk", "Уряд виділить понад 30 млн доларів.", [("понад 30 млн доларів", 30_000_000.0)]),
        ("ru", "Война идет более двух лет.", [("более двух лет", 2.0)]),
        ("uk", "У 2024 році обстріли посилилися.", []),
    ],
)
def test_quantities(nlp_of, lang, text, expected):
    assert [(q.text, q.value) for q in nlp_of(lang)(text)._.quantities] == expected


@pytest.mark.parametrize(
    "lang,text,claimant,stance,words",
    [
        ("uk", "Речник угруповання Петро Мельник заявив, що ворог зазнав втрат.",
         "Речник угруповання Петро Мельник", "asserts", "ворог зазнав втрат"),
        ("ru", "По данным Минобороны России, над областью сбиты 20 дронов.",
         "Минобороны России", "asserts", "над областью сбиты 20 дронов"),
        ("uk", "Командування спростувало інформацію про оточення міста.",
         "Командування", "denies", "інформацію про оточення міста"),
        ("ru", "Противник потерял до 40 военных, сообщили в штабе группировки.",
         "штабе группировки", "asserts", "Противник потерял до 40 военных"),
    ],
)
def test_claims(nlp_of, lang, text, claimant, stance, words):
    claims = nlp_of(lang)(text)._.claims
    assert [(c.claimant, c.stance, c.text) for c in claims] == [(claimant, stance, words)]


def test_about_this_gives_the_sentence_before(uk):
    doc = uk("Окупанти обстріляли Херсон з артилерії. Про це повідомила обласна військова адміністрація.")
    (claim,) = doc._.claims
    assert claim.text == "Окупанти обстріляли Херсон з артилерії"


def test_a_quote_with_a_speaker_is_a_claim(ru):
    doc = ru("«Город полностью под нашим контролем», — заявил спикер Иван Петров.")
    (claim,) = doc._.claims
    assert (claim.text, claim.claimant) == ("Город полностью под нашим контролем", "спикер Иван Петров")


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Ворог підійшов до Торецька. Бої тривають на околицях міста.", ("fighting", "Торецька")),
        ("ru", "Колонна двигалась к Купянску. Затем танки въехали в город.", ("advance", "Купянску")),
    ],
)
def test_the_city_takes_up_the_town_of_the_sentence_before(nlp_of, lang, text, expected):
    events = nlp_of(lang)(text)._.events
    assert expected in [(e.type, e.place) for e in events]


def test_no_anaphor_no_borrowed_place(uk):
    events = uk("Ворог підійшов до Торецька. Бої тривають щодня.")._.events
    assert [(e.type, e.place) for e in events] == []


@pytest.mark.parametrize(
    "lang,text",
    [("uk", "Бійці 116 ОМБр відбили штурм."), ("ru", "Бойцы 810-й бригады морской пехоты отошли.")],
)
def test_a_units_number_is_no_quantity(nlp_of, lang, text):
    assert nlp_of(lang)(text)._.quantities == []
