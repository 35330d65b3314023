"""The curated order of battle: sides of numbered formations from the type words written."""

from __future__ import annotations

import pytest

from sitrep.extract.units.orbat import branch_words, load_orbat


@pytest.mark.parametrize(
    "number,echelon,words,expected",
    [
        (68, "brigade", "68th Jaeger Brigade", "UA"),
        (47, "brigade", "47th Brigade", "UA"),
        (155, "brigade", "155th Mechanized Brigade", "UA"),
        (155, "brigade", "155th Naval Infantry Brigade", "RU"),
        # written type words no row with this number has: the ORBAT does not know this formation
        (72, "brigade", "72nd Motorized Rifle Brigade", None),
        # one side's row matches in part ("Motorised" of "Motorized Infantry")
        (56, "brigade", "56th Motorised Brigade", "UA"),
        # the same number and branch on both sides: the text must say
        (3, "corps", "3rd Army Corps", None),
        (44, "corps", "44th Army Corps", "RU"),
        (7, "division", "7th Airborne (VDV) Division", "RU"),
        # every brigade has a 2nd Battalion: only type words settle a battalion
        (2, "battalion", "2nd Battalion", None),
        (2, "battalion", "2nd Special Medical Battalion", "UA"),
    ],
)
def test_side_of(number, echelon, words, expected):
    assert load_orbat().side_of(number, echelon, words) == expected


@pytest.mark.parametrize(
    "words,strict,expected",
    [
        ("Separate Mechanised", False, {"mechanized"}),
        ("Guards Air Assault", False, {"airborne"}),
        ("Guards Air Assault", True, {"air", "assault"}),
        ("Marine", False, {"naval", "infantry"}),
        ("Airborne (VDV)", False, {"airborne"}),
    ],
)
def test_branch_words(words, strict, expected):
    assert branch_words(words, strict=strict) == expected


def test_by_branch_without_echelon_is_strict():
    orbat = load_orbat()
    assert orbat.by_branch(155, "naval infantry").side == "RU"  # type: ignore[union-attr]
    assert orbat.by_branch(82, "Airborne") is None  # not Ukraine's 82nd Air Assault


def test_every_row_is_complete():
    rows = load_orbat().formations
    assert rows and all(f.side in {"UA", "RU"} and f.echelon and f.name for f in rows)
