"""Numbered units in Ukrainian and Russian: ordinal, title and echelon, one item per unit."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "lang,text,expected",
    [
        ("uk", "Бійці 68-ї окремої єгерської бригади відбили штурм.", (68, "brigade", "UA")),
        ("uk", "Позиції тримає 47-ма окрема механізована бригада.", (47, "brigade", "UA")),
        ("ru", "Подразделения 76-й гвардейской десантно-штурмовой дивизии наступают.", (76, "division", "RU")),
        ("ru", "В боях участвовал 1-й мотострелковый полк.", (1, "regiment", "RU")),
        ("uk", "Дрони 116 ОМБр знищили техніку.", (116, "brigade", "UA")),
    ],
)
def test_units(nlp_of, lang, text, expected):
    (unit,) = nlp_of(lang)(text)._.units
    assert (unit.number, unit.echelon, unit.side) == expected


def test_a_unit_named_twice_is_one_item_in_its_fullest_form(uk):
    doc = uk("Бійці 68-ї окремої єгерської бригади відбили штурм. Згодом 68-ма бригада відійшла.")
    (unit,) = doc._.units
    assert unit.name == "68-ї окремої єгерської бригади" and len(unit.spans) == 2


@pytest.mark.parametrize("text", ["У 2024 році бригади отримали дрони.", "Загинули 3 людини."])
def test_numbers_that_are_no_units(uk, text):
    assert uk(text)._.units == []


@pytest.mark.parametrize(
    "lang,text,name",
    [
        ("uk", "Дрон уразив корабель Чорноморського флоту в Новоросійську.", "Чорноморського флоту"),
        ("ru", "Корабли Северного флота вышли в море.", "Северного флота"),
    ],
)
def test_formations_known_by_name(nlp_of, lang, text, name):
    units = nlp_of(lang)(text)._.units
    assert [(u.name, u.number, u.echelon, u.side) for u in units] == [(name, None, "fleet", "RU")]
