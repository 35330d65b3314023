"""Quotes with their speakers, and sources, in Ukrainian and Russian."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "lang,text,speaker",
    [
        ("uk", "«Ми тримаємо позиції», — заявив речник бригади Олег Петренко.", "речник бригади Олег Петренко"),
        ("uk", "Командир роти Іван Коваль сказав: «Противник тисне щодня».", "Командир роти Іван Коваль"),
        ("ru", "«Город под нашим контролем», — заявил спикер группировки Андрей Волков.",
         "спикер группировки Андрей Волков"),
        ("ru", "Представитель штаба Павел Орлов подчеркнул: «Наступление остановлено».",
         "Представитель штаба Павел Орлов"),
    ],
)
def test_the_speaker_is_named_without_the_verb(nlp_of, lang, text, speaker):
    (quote,) = nlp_of(lang)(text)._.quotes
    assert quote.speaker == speaker


def test_a_pronoun_takes_the_last_holder(ru):
    doc = ru("Глава администрации Петр Сидоров утверждает, что дамбу повредили.\n\n«Вода поднимается», — написал он.")
    (quote,) = doc._.quotes
    assert quote.speaker == "Глава администрации Петр Сидоров"


@pytest.mark.parametrize(
    "lang,text",
    [
        ("ru", "Это подтвердил и мэр Петр Сидоров.\n\n«Вода поднимается», — сообщил он изданию «Вести»."),
        ("uk", "Це підтвердив і мер Петро Сидоренко.\n\n«Вода піднімається», — сказав він виданню «Вісті»."),
    ],
)
def test_he_told_an_outlet_is_still_he(nlp_of, lang, text):
    (quote,) = nlp_of(lang)(text)._.quotes
    assert quote.speaker in {"мэр Петр Сидоров", "мер Петро Сидоренко"}


def test_in_the_statement_is_the_body_that_issued_it(uk):
    doc = uk("Про це повідомив Центр протидії дезінформації. «Місто під контролем» — йдеться в повідомленні.")
    (quote,) = doc._.quotes
    assert quote.speaker == "Центр протидії дезінформації"


@pytest.mark.parametrize("text", ["Ракети «Іскандер-М» влучили в склад.", "Як пише видання «Суспільне», ворог відступив."])
def test_titles_in_quotation_marks_are_no_quotes(uk, text):
    assert uk(text)._.quotes == []


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "За даними Генштабу ЗСУ, ворог втратив 1200 осіб.", ["Генштабу ЗСУ"]),
        ("ru", "По данным Минобороны России, сбиты 20 дронов.", ["Минобороны России"]),
        ("ru", "Бои идут на окраинах, как сообщает ТАСС.", ["ТАСС"]),
        ("uk", "DeepState повідомляє про просування ворога.", ["DeepState"]),
        ("uk", "Як повідомляє «Українська правда», рішення ухвалили.", ["Українська правда"]),
        ("uk", "За даними розвідки, ворог перекидає резерви.", ["розвідки"]),
        ("ru", "По данным местных властей, пострадали трое.", ["местных властей"]),
        ("uk", "Згідно з даними Повітряних сил, збито 40 дронів.", ["Повітряних сил"]),
    ],
)
def test_sources_after_their_formula(nlp_of, lang, text, expected):
    assert [s.name for s in nlp_of(lang)(text)._.sources] == expected


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ru", "Областная прокуратура пишет, что погибли двое.", ["Областная прокуратура"]),
        ("uk", "У ДСНС уточнюють, що пожежу загасили.", ["ДСНС"]),
        ("ru", "Осенью 2022 года издание РБК сообщало о планах.", ["издание РБК"]),
        ("ru", "Мэр города Петр Сидоров написал в телеграм-канале о взрывах.", ["Мэр города Петр Сидоров"]),
        ("uk", "Штаб угруповання: ворог відступив від села.\nБої тривають.", ["Штаб угруповання"]),
    ],
)
def test_sources_named_before_their_verb_or_heading_a_line(nlp_of, lang, text, expected):
    assert [s.name for s in nlp_of(lang)(text)._.sources] == expected


def test_a_person_who_only_asserts_is_no_source(ru):
    assert ru("Петр Сидоров утверждает, что город держится.")._.sources == []


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("ru", "Мэр города Петр Сидоров написал о взрывах.", [("Петр Сидоров", "person", None)]),
        ("uk", "Про це повідомив Олег Іванович Петренко.", [("Олег Іванович Петренко", "person", None)]),
        ("ru", "Вооруженные силы Украины и СБУ отчитались.",
         [("Вооруженные силы Украины", "organisation", "UA"), ("СБУ", "organisation", "UA")]),
        ("uk", "Позиції тримають Сили оборони України.", [("Сили оборони України", "organisation", "UA")]),
        ("ru", "Областная прокуратура пишет, что погибли двое.", [("Областная прокуратура", "organisation", None)]),
        ("uk", "Як повідомляє РБК-Україна, бої тривають.", []),
    ],
)
def test_actors(nlp_of, lang, text, expected):
    assert [(a.name, a.kind, a.side) for a in nlp_of(lang)(text)._.actors] == expected


def test_a_source_label_lists_the_sources_after_it(uk):
    doc = uk("Уряд виділить кошти.\n\nДжерело: міністр Петро Коваль у Telegram, Укрінформ за підсумками брифінгу\n\nДеталі: гроші підуть на дрони.")
    assert [s.name for s in doc._.sources] == ["Telegram", "Укрінформ"]


def test_a_quote_label_names_the_speaker(uk):
    doc = uk("Міністр пообіцяв допомогу.\n\nПряма мова Коваля: \"Ми передамо ще дві батареї ППО.\"")
    (quote,) = doc._.quotes
    assert quote.speaker == "Коваля"


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        (
            "uk",
            "Про це повідомляє проєкт DeepState. Раніше DeepState повідомляв про бої, а проєкт уточнив карту.",
            ["проєкт DeepState"],
        ),
        (
            "ru",
            "По данным Херсонской областной администрации, обстрел длился час. В администрации сообщили о раненых.",
            ["Херсонской областной администрации"],
        ),
    ],
)
def test_one_source_per_body(nlp_of, lang, text, expected):
    assert [s.name for s in nlp_of(lang)(text)._.sources] == expected
