"""Anchors: a place's own relation to a town, region or front sector outranks its namesakes' sizes."""

from __future__ import annotations

import pytest

from sitrep.extract.places.anchors import DIRECTION_KM, RELATION_KM, Anchor, fits, reach
from sitrep.geo import Entry, distance_km


def places(nlp, text):
    return {p.name: p for p in nlp(text)._.places}


def km(a, b) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


@pytest.mark.parametrize(
    "text,names,anchor",
    [
        # A list sharing one bracket: a city of 50,000 far away is not the village meant.
        (
            "Russian troops attacked near Pryluky, Zelene, and Dobropillia (all northwest of Huliaipole) on Monday.",
            ["Pryluky", "Zelene", "Dobropillia"],
            "Huliaipole",
        ),
        # Its own bracket: a town of 28,000 a hundred kilometres off, bigger than its anchor, is not it.
        (
            "Drone footage showed infantry moving into Dobropillia (north of Huliaipole) at dawn.",
            ["Dobropillia"],
            "Huliaipole",
        ),
        # An apposition after a comma, and one without.
        ("Russian troops advanced near Hai, east of Huliaipole, the brigade said.", ["Hai"], "Huliaipole"),
        (
            "Ukrainian units repelled assaults near Dobropillia near Huliaipole on Tuesday.",
            ["Dobropillia"],
            "Huliaipole",
        ),
        # The clause's reference town anchors a city of the same name as well as the villages.
        (
            "The enemy kept attacking northwest of Huliaipole near Pryluky and Zelene through the week.",
            ["Pryluky", "Zelene"],
            "Huliaipole",
        ),
    ],
)
def test_a_place_lies_where_its_relation_says(nlp, text, names, anchor):
    found = places(nlp, text)
    for name in names:
        assert km(found[name], found[anchor]) <= RELATION_KM, (name, found[name])


@pytest.mark.parametrize(
    "text,name,geonameid",
    [
        # A smaller town written relative to a bigger one nearby keeps its own entry.
        ("Drones struck Izium, southeast of Kharkiv, overnight.", "Izium", 707292),
        (
            "Russian forces shelled Vovchansk (northeast of Kharkiv) and Kupiansk on Sunday.",
            "Vovchansk",
            689304,
        ),
        ("The mayor of Lyman, near Kramatorsk, said the town had no power.", "Lyman", 704204),
        # A town that anchors its clause is not itself anchored by the village after it.
        (
            "On Tuesday the enemy pressed south of Kupiansk near Pishchane and toward Borova.",
            "Kupiansk",
            703656,
        ),
        # Without a relation the gazetteer's town stands.
        ("Drone strikes hit Pryluky in Chernihiv Oblast overnight.", "Pryluky", 696108),
    ],
)
def test_a_town_with_a_fitting_relation_keeps_its_entry(nlp, text, name, geonameid):
    assert places(nlp, text)[name].geonameid == geonameid


@pytest.mark.parametrize(
    "text,name,region",
    [
        (
            "In Zaporizhia Oblast, Russian forces attacked near Pryvillia and Sofiivka over the weekend.",
            "Pryvillia",
            "Zaporizhzhia Oblast",
        ),
        (
            "In Zaporizhia Oblast, Russian forces attacked near Pryvillia and Sofiivka over the weekend.",
            "Sofiivka",
            "Zaporizhzhia Oblast",
        ),
        (
            "Fighting continued near Pryvillia in Donetsk Oblast, local officials said.",
            "Pryvillia",
            "Donetsk Oblast",
        ),
    ],
)
def test_a_village_lies_in_the_region_its_sentence_names(nlp, text, name, region):
    assert places(nlp, text)[name].region == region


def test_a_village_lies_in_the_front_sector_the_text_describes(nlp):
    text = (
        "The enemy kept up its pressure in the Huliaipole direction on Friday.\n"
        "Russian troops attacked near Sofiivka and Hai, a regional official said."
    )
    found = places(nlp, text)
    for name in ("Sofiivka", "Hai"):
        assert km(found[name], found["Huliaipole"]) <= DIRECTION_KM, found[name]


def test_a_place_entity_run_across_a_list_is_cut_into_its_names(nlp):
    found = places(
        nlp, "Russian forces attacked near Pryluky and Zelene (northwest of Huliaipole) yesterday."
    )
    assert "Pryluky and Zelene" not in found and {"Pryluky", "Zelene"} <= found.keys()


def _town(name: str, lat: float, lon: float, population: int) -> Entry:
    return Entry(
        id=1,
        name=name,
        lat=lat,
        lon=lon,
        cc="UA",
        admin1="05",
        region=None,
        feature="town",
        population=population,
    )


@pytest.mark.parametrize(
    "entry,anchor,alone,expected",
    [
        # 20 km from a small town: fits.
        (_town("A", 48.2, 37.0, 900), _town("T", 48.0, 37.0, 12_000), False, True),
        # 110 km from a small town, a namesake elsewhere: does not.
        (_town("A", 49.0, 37.0, 900), _town("T", 48.0, 37.0, 12_000), False, False),
        # The only place of its name, smaller than its anchor, within ~150 km: fits.
        (_town("A", 49.0, 37.0, 900), _town("T", 48.0, 37.0, 12_000), True, True),
        # Bigger than its anchor and far: one does not locate a town by a smaller one.
        (_town("A", 49.0, 37.0, 30_000), _town("T", 48.0, 37.0, 12_000), True, False),
        # 70 km out from a city of a million: its surroundings.
        (_town("A", 48.63, 37.0, 900), _town("T", 48.0, 37.0, 1_000_000), False, True),
    ],
)
def test_fits(entry, anchor, alone, expected):
    assert fits(entry, Anchor(anchor, "own"), alone=alone) is expected


def test_reach_grows_with_the_anchor():
    small, city = _town("T", 48.0, 37.0, 12_000), _town("C", 48.0, 37.0, 1_000_000)
    assert reach(Anchor(small, "own")) < reach(Anchor(city, "own"))


def test_a_region_named_with_a_bearing_anchors_no_clause(nlp):
    # "northern Kharkiv Oblast" says where fighting is, not the town the next names lie by.
    text = (
        "Russian troops gained ground in northern Kharkiv Oblast and near Kupiansk, Pokrovsk, and Huliaipole."
    )
    assert places(nlp, text)["Huliaipole"].geonameid == 707898


def test_a_town_naming_its_own_sector_stays_out_of_another(nlp):
    text = (
        "The enemy kept up its pressure in the Lyman direction on Friday. "
        "Elsewhere, troops gained ground near Kupiansk and Huliaipole. "
        "Fighting in the Huliaipole direction went on through the weekend."
    )
    assert places(nlp, text)["Huliaipole"].geonameid == 707898
