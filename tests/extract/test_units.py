"""sitrep_units: numbered and named formations, one item per unit, side from the text or the ORBAT."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def units(nlp, text):
    return [(u.number, u.echelon, u.side) for u in nlp(text)._.units]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("An officer from the 68th Separate Jaeger Brigade said so.", [(68, "brigade", "UA")]),
        ("The 25th Airborne Brigade holds the line.", [(25, "brigade", "UA")]),
        ("The Russian 2nd Combined Arms Army is attacking.", [(2, "army", "RU")]),
        ("Paratroopers of the 76th Guards Air Assault Division moved in.", [(76, "division", "RU")]),
        ("Marines of the 155th naval infantry were seen.", [(155, "brigade", "RU")]),
        ("Ukraine's 155th Mechanized Brigade was formed abroad.", [(155, "brigade", "UA")]),
        ("Soldiers of the 1st Battalion rotated out.", [(1, "battalion", None)]),
        ("Бійці 47 ОМБр відбили атаку.", [(47, "brigade", "UA")]),
        ("Wagner fighters and Akhmat units attacked.", [(None, "PMC", "RU"), (None, "unit", "RU")]),
        ("Azov fighters defended the plant near the Sea of Azov.", [(12, "brigade", "UA")]),
        ("The 21st century changed warfare.", []),
        ("Elements of the 11th Army Corps attacked.", [(11, "corps", "RU")]),
        # a sub-unit takes its parent's side; motor rifle formations are Russian
        (
            "Troops of the 33rd Reconnaissance Battalion of the 20th Motorized Rifle Division fired.",
            [(33, "battalion", "RU"), (20, "division", "RU")],
        ),
    ],
)
def test_units(nlp, text, expected):
    assert units(nlp, text) == expected


def test_one_unit_per_article(nlp):
    text = "An officer of the 68th Jaeger Brigade spoke. The 68th Brigade withdrew, and the 68th regrouped."
    (unit,) = nlp(text)._.units
    assert unit.name == "68th Jaeger Brigade"
    assert [text[s.start : s.end] for s in unit.spans] == ["68th Jaeger Brigade", "68th Brigade", "68th"]


def test_seed_units(seed_record):
    assert [(u.name, u.number, u.echelon, u.side) for u in seed_record.units] == [
        ("68th Jaeger Brigade", 68, "brigade", "UA"),
        ("25th Airborne Brigade", 25, "brigade", "UA"),
    ]


def test_shipped_orbat_matches_its_source():
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_orbat

    shipped = (ROOT / "src" / "sitrep" / "data" / "orbat.csv").read_text(encoding="utf-8")
    assert shipped == build_orbat.render(), "run scripts/build_orbat.py"


@pytest.mark.parametrize(
    "number,expected", [(1, "1st"), (2, "2nd"), (3, "3rd"), (11, "11th"), (22, "22nd"), (113, "113th")]
)
def test_ordinal(number, expected):
    sys.path.insert(0, str(ROOT / "scripts"))
    import build_orbat

    assert build_orbat.ordinal(number) == expected
