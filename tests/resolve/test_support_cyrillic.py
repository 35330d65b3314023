"""Place relations of Ukrainian and Russian sentences (the Cyrillic entries of support.toml)."""

from __future__ import annotations

import pytest

from sitrep.resolve.support import relation_of


@pytest.mark.parametrize(
    "text,name,expected",
    [
        ("Бої тривають біля Покровська.", "Покровська", "near"),
        ("Бої тривають поблизу Торецька.", "Торецька", "near"),
        ("Бои идут в районе Торецка.", "Торецка", "near"),
        ("Бои под Курском продолжаются.", "Курском", "near"),
        ("Дроны сбили возле Белгорода.", "Белгорода", "near"),
        ("Росіяни наступають у напрямку Покровська.", "Покровська", "toward"),
        ("Наступление в направлении Купянска.", "Купянска", "toward"),
        ("Ворог закріпився на околицях Куп'янська.", "Куп'янська", "outskirts"),
        ("Росіяни атакували на Покровському напрямку.", "Покровському", "direction"),
        ("Удари біля Мирнограда, Покровська та Селидового.", "Селидового", "near"),
        ("Бої у Покровську.", "Покровську", None),
        ("Армия вошла в Курахово.", "Курахово", None),
    ],
)
def test_relations(text, name, expected):
    start = text.index(name)
    assert relation_of(text, start, start + len(name)) == expected
