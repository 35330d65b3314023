"""sitrep_places: toponyms found, resolved in the gazetteer, metonyms marked, relative locations kept."""

from __future__ import annotations

import pytest


def places(nlp, text):
    return {p.name: p for p in nlp(text)._.places}


@pytest.mark.parametrize(
    "text,expected",
    [
        # name as written → (country, region)
        (
            "Russian troops pressed on toward Pokrovsk in the Donetsk region.",
            {"Pokrovsk": ("UA", "Donetsk Oblast"), "Donetsk region": ("UA", "Donetsk Oblast")},
        ),
        (
            "Shelling hit Kupiansk and Vovchansk overnight.",
            {"Kupiansk": ("UA", "Kharkiv Oblast"), "Vovchansk": ("UA", "Kharkiv Oblast")},
        ),
        (
            "Ukrainian forces liberated Ternove, Verbove and Orestopil, officials said.",
            {"Verbove": ("UA", "Zaporizhzhia Oblast")},
        ),
        (
            "Drones struck a refinery in the Samara region of Russia.",
            {"Samara region": ("RU", "Samara Oblast")},
        ),
    ],
)
def test_places_are_found_and_resolved(nlp, text, expected):
    found = places(nlp, text)
    for name, (country, region) in expected.items():
        assert name in found, f"{name} not in {list(found)}"
        assert (found[name].country, found[name].region) == (country, region)
        assert found[name].lat is not None and found[name].lon is not None


@pytest.mark.parametrize(
    "text,name,geonameid",
    [
        ("Fighting continued in Pokrovsk, the army said.", "Pokrovsk", 704422),  # Donetsk oblast, not Yakutia
        (
            "The town's old name was dropped in 2016; fighting near Krasnoarmiisk continued.",
            "Krasnoarmiisk",
            704422,
        ),
        ("Units withdrew from Artemivsk after months of fighting.", "Artemivsk", 713174),
        ("Russian forces advanced near Avdeyevka.", "Avdeyevka", 713122),
    ],
)
def test_variants_resolve_to_the_front_line_town(nlp, text, name, geonameid):
    assert places(nlp, text)[name].geonameid == geonameid


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Ukraine denies Moscow's claim that its troops are surrounded.",
            {"Ukraine": False, "Moscow": False},
        ),
        ("The Kremlin said the talks would continue.", {"Kremlin": False}),
        ("Washington urged Kyiv to hold the line.", {"Washington": False, "Kyiv": False}),
        (
            "Missiles struck Kharkiv overnight, and residents in Kyiv sheltered in the metro.",
            {"Kharkiv": True, "Kyiv": True},
        ),
        ("Refugees crossed from Ukraine into Poland.", {"Ukraine": True, "Poland": True}),
        ("Moscow was ready for talks, officials said.", {"Moscow": False}),
        ("The Boise Fire Department offered advice.", {"Boise": False}),  # part of another name
        ("A New Jersey man won the lottery.", {"New Jersey": False}),
        ("The Security Service of Ukraine detained two agents.", {"Ukraine": False}),  # in a body's name
        ("Kyiv denies it. Missiles later struck Kyiv.", {"Kyiv": True}),  # as many literal: literal
    ],
)
def test_metonyms_are_not_literal(nlp, text, expected):
    found = places(nlp, text)
    assert {name: found[name].literal for name in expected} == expected


@pytest.mark.parametrize(
    "text,anchor,relation,direction,distance",
    [
        (
            "Russian troops were spotted 3 km south of Pokrovsk on Monday.",
            "Pokrovsk",
            "direction",
            "south",
            3.0,
        ),
        ("Fighting raged on the outskirts of Myrnohrad.", "Myrnohrad", "outskirts of", None, None),
        ("Shelling was reported near Kostiantynivka.", "Kostiantynivka", "near", None, None),
    ],
)
def test_relative_locations_keep_their_anchor(nlp, text, anchor, relation, direction, distance):
    rel = places(nlp, text)[anchor].relative
    assert [(r.relation, r.direction, r.distance_km) for r in rel] == [(relation, direction, distance)]
    assert text[rel[0].span.start : rel[0].span.end] == rel[0].text


@pytest.mark.parametrize(
    "text",
    [
        "Russians are advancing, the soldiers report.",
        "Two Ukrainians were wounded, a spokesman said.",
    ],
)
def test_demonyms_are_not_places(nlp, text):
    assert places(nlp, text) == {}


@pytest.mark.parametrize(
    "text,expected",
    [
        # GeoWebNews: an adjective modifying a noun is a toponym (Literal_ or Non_Literal_Modifier).
        ("Shells landed near the Turkish border overnight.", {"Turkish": ("TR", True)}),
        ("The Syrian army said it had retaken the town.", {"Syrian": ("SY", False)}),
        ("Ukrainian soldiers report heavy shelling.", {"Ukrainian": ("UA", False)}),
    ],
)
def test_adjectives_are_toponyms(nlp, text, expected):
    found = places(nlp, text)
    assert {
        name: (found[name].country, found[name].literal) for name in expected if name in found
    } == expected


@pytest.mark.parametrize(
    "text,country,literal",
    [
        # The country's own item keeps its name and its own mentions' verdict; the adjective joins its spans.
        ("Russian forces shelled Kharkiv overnight. Russia denied it.", "Russia", False),
        ("The Turkish army crossed the border into Syria. Turkey lies to the north.", "Turkey", True),
    ],
)
def test_adjective_joins_the_country_it_names(nlp, text, country, literal):
    found = places(nlp, text)
    adjective = text.split()[0] if text.split()[0] != "The" else text.split()[1]
    assert adjective not in found
    assert found[country].literal is literal
    assert adjective in [text[s.start : s.end] for s in found[country].spans]


@pytest.mark.parametrize(
    "text,name,region",
    [
        # "Town, State": the state written after the name settles which town, even an English word.
        ("Students marched in Parkland, Florida, on Saturday.", "Parkland", "Florida"),
        ("The plant in Gainesville, Va., will close.", "Gainesville", "Virginia"),
        ("A sniper born in Charleston, W.Va., enlisted in 2004.", "Charleston", "West Virginia"),
    ],
)
def test_a_state_after_a_comma_qualifies_the_town(nlp, text, name, region):
    found = places(nlp, text)
    assert found[name].region == region


def test_unknown_streets_sit_in_the_articles_town(nlp):
    text = "Police closed Baker Street in Pokrovsk after the strike. Residents of Pokrovsk left."
    found = places(nlp, text)
    street = next(p for p in found.values() if p.feature == "local")
    assert (street.lat, street.lon) == (found["Pokrovsk"].lat, found["Pokrovsk"].lon)


def test_one_item_per_place_with_every_mention(nlp):
    text = "Pokrovsk is under fire. The defenders of Pokrovsk hold on, and Pokrovsk may fall."
    (place,) = [p for p in nlp(text)._.places if p.name == "Pokrovsk"]
    assert [text[s.start : s.end] for s in place.spans] == ["Pokrovsk"] * 3


def test_seed_places(seed_record):
    got = {p.name: (p.geonameid, p.literal) for p in seed_record.places}
    assert got["Pokrovsk"] == (704422, True)
    assert got["Myrnohrad"] == (710035, True)
    assert got["Bakhmut"][0] == 713174
    assert got["Moscow"][1] is False and got["Kyiv"][1] is False
    assert "Ukrainian" not in got and "Russians" not in got


@pytest.mark.parametrize(
    "text,expected,absent",
    [
        # A surname of a person the article names in full is not a village of that name.
        (
            "The farm was owned by Pierre Louis Belleville, a colonial surveyor. Belleville’s mill later burned down.",
            set(),
            {"Belleville"},
        ),
        # "<person> of <town>": where the person lives.
        ("David and Jodi Mahler of Bellmore appeared on the show.", {"Bellmore"}, set()),
        # A list whose comma went missing, tagged as one entity: one place per country.
        ("Investors looked at Cyprus, Greece Italy or Spain.", {"Greece", "Italy"}, {"Greece Italy"}),
    ],
)
def test_names_found_or_dropped_by_context(nlp, text, expected, absent):
    found = places(nlp, text)
    assert expected <= set(found), list(found)
    assert not absent & set(found)
