"""sitrep_units: numbered and named formations, one item per unit, side from the text or the ORBAT."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


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


@pytest.mark.parametrize(
    "text,expected",
    [
        # ISW's abbreviations, and the side from the bracket or the formation named beside it
        (
            "Troops of the 11th Motorized Rifle Regiment (69th Motorized Rifle Division, 44th AC, "
            "Leningrad Military District [LMD]) reportedly attacked.",
            [
                (11, "regiment", "RU"),
                (69, "division", "RU"),
                (44, "corps", "RU"),
                (None, "military district", "RU"),
            ],
        ),
        (
            "Artillery of the 238th Artillery Brigade (8th CAA, SMD) struck the town.",
            [(238, "brigade", "RU"), (8, "army", "RU"), (None, "military district", "RU")],
        ),
        (
            "Drone crews of the 106th VDV Division, including its 173rd Separate Reconnaissance Battalion, "
            "hit a truck.",
            [(106, "division", "RU"), (173, "battalion", "RU")],
        ),
        # ordinals listed before one echelon word are as many units
        (
            "Elements of the 252nd and 752nd motorized rifle regiments advanced.",
            [(252, "regiment", "RU"), (752, "regiment", "RU")],
        ),
        # type words that no ORBAT row with this number has: another formation
        ("Drone operators of the 72nd Motorized Rifle Brigade struck the road.", [(72, "brigade", "RU")]),
        ("The 56th Motorised Brigade held the village.", [(56, "brigade", "UA")]),
        ("The 36th Naval Infantry Brigade of Ukraine held the bridgehead.", [(36, "brigade", "UA")]),
        # commas and a possessive inside the name
        (
            "Crews of the 20th Radiation, Chemical, and Biological Defense Brigade (Southern Military "
            "District) fired.",
            [(20, "brigade", "RU"), (None, "military district", "RU")],
        ),
        # a former name, an alias of the formation it became, is the unit as written, on that side
        (
            "The 3rd CAA, formerly the 2nd Luhansk People's Republic Army Corps, attacked.",
            [(3, "army", "RU"), (2, "corps", "RU")],
        ),
        ("Assault groups of the 1st Donetsk People's Republic Army Corps moved up.", [(1, "corps", "RU")]),
        # a brigade's drone battalion is a unit of its own, and a Territorial Defense brigade is Ukrainian
        ("Pilots of the Achilles battalion hit two tanks.", [(None, "battalion", "UA")]),
        ("The 113th Territorial Defense Brigade dug in east of the city.", [(113, "brigade", "UA")]),
        # groups of forces, named in quotes as ministry statements do
        ("The Tsentr Group of Forces continued to advance.", [(None, "group of forces", "RU")]),
        (
            "Soldiers of the 'Vostok' troop grouping took the hamlet, the defence ministry claimed.",
            [(None, "group of forces", "RU")],
        ),
        (
            "Units of the Southern Grouping of Forces and Battlegroup Centre attacked.",
            [(None, "group of forces", "RU"), (None, "group of forces", "RU")],
        ),
        # names written before an echelon word
        ("Elements of the Chechen Zapad-Akhmat Battalion attacked.", [(None, "battalion", "RU")]),
        (
            "Pilots of the Russian Black Raven drone detachment hit a van near the river.",
            [(None, "detachment", "RU")],
        ),
        ("The Azov Battalion commander spoke.", [(12, "brigade", "UA")]),
        ("Fighters of the Kastus Kalinouski Regiment held.", [(None, "regiment", "UA")]),
        # ordinals spelt out, capitalised only
        ("Ukraine's Third Assault Brigade repelled the attack.", [(3, "brigade", "UA")]),
        (
            "The first brigade to cross was Ukrainian; the Second Battalion followed.",
            [(2, "battalion", None)],
        ),
        # Cyrillic ordinals with their endings
        ("Бійці 47-ї ОМБр відбили атаку.", [(47, "brigade", "UA")]),
        ("Солдати 150-ї мотострілецької дивізії наступали.", [(150, "division", "RU")]),
    ],
)
def test_units_in_war_reporting(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ann Wagner, a Republican congresswoman, said the vote was close.",
        "Akhmat Kadyrov was killed in 2004.",
        "Russian Deputy Defence Minister Timur Ivanov was arrested.",
        "The Russian VDV lost many men; naval infantry stormed the beach.",
        "The Fire Brigade arrived, and Legion Media Legion Media took the photographs.",
        "Ukraine Says Russian Brigade Destroyed Near Bakhmut",
        "The 82nd Airborne was deployed to Poland.",
        "The 21st Century Fund gave money on the 3rd of May.",
        "Росія планує сформувати 14 дивізій і 16 бригад.",
        "A Ukrainian brigade operating in the area said the division was not advancing.",
        "Ships sailed into the Sea of Azov.",
        "Magura V5 sea drones and Magura drones hit the ship.",
    ],
)
def test_not_units(nlp, text):
    assert units(nlp, text) == []


def test_numbered_name_over_honorific(nlp):
    text = "Pilots from the 414th brigade, known as Ptakhy Madyara, hit a depot. Ptakhy Madyara posted the video."
    (unit,) = nlp(text)._.units
    assert (unit.name, unit.number, unit.side, len(unit.spans)) == ("414th brigade", 414, "UA", 3)


def test_listed_ordinal_joins_its_unit(nlp):
    text = "The 47th Brigade said so. The 47th and 110th brigades held."
    assert [(u.name, u.number) for u in nlp(text)._.units] == [("47th Brigade", 47), ("110th brigades", 110)]


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


@pytest.mark.parametrize(
    "text,expected",
    [
        # a bare name that is also a callsign, an idiom or common words is not a unit (data/orbat/README.md)
        ("Soldiers of the Skala regiment repelled an assault.", [(425, "regiment", "UA")]),
        ("The commander, known by the callsign Skala, spoke to reporters.", []),
        ("The minister said Moscow had crossed the Rubicon.", []),
        ("Drone crews of the Rubicon Center struck a convoy.", [(None, "unit", "RU")]),
        ("A steel border fence was built along the river.", []),
        # a renamed group keeps its side under its new long name
        (
            "A spokesman for the Dnipro Operational-Strategic Group reported clashes.",
            [(None, "group of forces", "UA")],
        ),
    ],
)
def test_alias_forms(nlp, text, expected):
    assert units(nlp, text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # formations above the field armies, written out or abbreviated as ISW does: one item each
        (
            "Crews of the 6th Tank Regiment (90th Tank Division, Central Military District [CMD]) "
            "advanced, the CMD said.",
            [
                (6, "regiment", "RU"),
                (90, "division", "RU"),
                ("Central Military District", "military district", "RU"),
            ],
        ),
        (
            "Scouts of the 10th Spetsnaz Brigade landed; the General Staff's Main Directorate runs it.",
            [(10, "brigade", "RU"), ("General Staff's Main Directorate", "directorate", "RU")],
        ),
        (
            "Volunteers of the Combat Army Reserve guard the bridges.",
            [("Combat Army Reserve", "reserve", "RU")],
        ),
        ("Ships of the Black Sea Fleet left their base.", [("Black Sea Fleet", "fleet", "RU")]),
        (
            "A spokesperson for Ukraine's Joint Forces Group reported eleven attacks.",
            [("Joint Forces Group", "group of forces", "UA")],
        ),
        # weapons of mass destruction are no district
        ("Inspectors found no WMD at the site.", []),
    ],
)
def test_formations_above_armies(nlp, text, expected):
    got = [(u.number if u.number is not None else u.name, u.echelon, u.side) for u in nlp(text)._.units]
    assert got == expected


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
