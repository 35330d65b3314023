"""Sites: streets, buildings and businesses of the article's town, placed there, not at namesakes."""

from __future__ import annotations

import pytest


def places(nlp, text):
    return {p.name: p for p in nlp(text)._.places}


@pytest.mark.parametrize(
    "text,site",
    [
        # Named by their last or first word, whatever label the parser gives.
        (
            "Shots were fired near Marjory Stoneman Douglas High School in Parkland, Florida.",
            "Marjory Stoneman Douglas High School",
        ),
        (
            "Schools: Piney Branch Elementary, Marsteller Middle and Patriot High, all in Gainesville, Va.",
            "Piney Branch Elementary",
        ),
        ("The developer owns the adjacent Hotel Kyjev in Bratislava.", "Hotel Kyjev"),
        ("The blast damaged the Hrushevsky railway station in Kramatorsk.", "Hrushevsky railway station"),
        ("Next month a Museum of Modern Art reopens on Park Avenue in Miami Beach.", "Museum of Modern Art"),
        (
            "Water flooded the basement of the Illinois State Armory, officials in Chicago said.",
            "Illinois State Armory",
        ),
        ("Tips came from the Celebrity Cake Studio in Tacoma this week.", "Celebrity Cake Studio"),
        # Opened by a street or quarter word, with the particles of French names.
        ("Once called Rue d’Orléans, the lane now runs through New Orleans.", "Rue d’Orléans"),
        ("They walked down the Rue de la Paix in Paris.", "Rue de la Paix"),
        ("The Faubourg Marigny grew downriver from New Orleans.", "Faubourg Marigny"),
        # A business where something happens.
        ("The winning ticket was sold at Black Sheep in Santa Barbara on Friday.", "Black Sheep"),
        ("Residents of Gainesville can walk to Wegmans in ten minutes.", "Wegmans"),
        ("Shoppers crowd the Shops at Wellbury in Gainesville.", "Wellbury"),
        # Streets named before a plural street word.
        ("The streetcar rolled down Bourbon and Dauphine streets in New Orleans.", "Dauphine"),
    ],
)
def test_sites_of_the_articles_town(nlp, text, site):
    found = places(nlp, text)
    town = next(p for p in found.values() if p.feature in {"city", "town", "capital"})
    assert found[site].feature == "local", list(found)
    assert (found[site].lat, found[site].lon) == (town.lat, town.lon)


@pytest.mark.parametrize(
    "text,absent",
    [
        # One ordinary word before "plant" is no name; a newspaper is no street; an employer no venue.
        ("Steel plant workers were evacuated from Mariupol on Monday.", "Steel plant"),
        ("Whilst market stalls stayed shut in Kharkiv, shops reopened.", "Whilst market"),
        ("The Wall Street Journal reported fighting in Pokrovsk.", "Wall Street"),
        ("Said Jane Doe, a fellow at Chatham House, in London.", "Chatham House"),
        # A denomination is a body, not a building.
        ("The Ukrainian Greek Catholic Church opened a shelter in Lviv.", "Ukrainian Greek Catholic Church"),
        # A name opening with a demonym is no site's name.
        ("A Russian church in Paris was vandalised overnight.", "Russian church"),
    ],
)
def test_no_site_without_a_name(nlp, text, absent):
    assert absent not in places(nlp, text)


def test_streets_and_squares_of_the_articles_town_are_not_namesakes_elsewhere(nlp):
    # "Washington Square" is also a place in Philadelphia, "Marigny" a village in Normandy.
    text = "The tram rolled down Bourbon and Dauphine streets in New Orleans, past Washington Square and the Marigny Canal."
    found = places(nlp, text)
    town = found["New Orleans"]
    for site in ("Bourbon", "Dauphine", "Washington Square", "Marigny Canal"):
        assert (found[site].lat, found[site].lon) == (town.lat, town.lon), site


def test_a_site_named_after_a_far_village_sits_in_the_articles_town(nlp):
    # "Marigny Canal" is placed by its known part, Marigny; a Marigny in France is no place for it.
    text = (
        "New Orleans spread east. Barges used the Marigny Canal for years, and New Orleans "
        "later paved over the canal."
    )
    found = places(nlp, text)
    assert found["Marigny Canal"].country == "US"


def test_the_articles_town_has_its_neighbours_around_it(nlp):
    # Gainesville, named once, among Centreville, Fairfax and Manassas; Somerville, named once, alone.
    text = (
        "The model homes sit in Gainesville, near Centreville and Fairfax. Buyers from Somerville came "
        "to see them. Residents walk to Lake Manassas; Amtrak stops at Old Town Manassas. "
        "Children attend Buckland Elementary."
    )
    found = places(nlp, text)
    assert found["Buckland Elementary"].region == "Virginia"


def test_a_site_named_after_a_town_of_the_state_named_stays_there(nlp):
    # No town of its own in the article, but the state it lies in is named: the approximation holds.
    text = "The congressman spoke at the Immokalee Transit Center in southern Florida on Friday."
    assert places(nlp, text)["Immokalee Transit Center"].canonical == "Immokalee"


def test_a_site_sits_in_the_town_its_sentence_names(nlp):
    # An article that tells of two towns: each site goes to the town named beside it.
    text = (
        "A baker in Tacoma shared her recipes this week. "
        "Next month a Museum of Modern Art reopens on Park Avenue in Miami Beach, and Tacoma "
        "families are welcome there too. Tacoma cheers."
    )
    found = {p.name: p for p in nlp(text)._.places}
    assert found["Park Avenue"].lat == found["Miami Beach"].lat
    assert found["Museum of Modern Art"].lat == found["Miami Beach"].lat


def test_a_name_built_on_a_far_village_sits_by_the_town_after_it(nlp):
    # "Le Bernardin" holds the name of Bernardin, an Austrian village: a restaurant in New York.
    text = "The chef cooked at August in New Orleans, then at Le Bernardin in New York. She cooks."
    found = {p.name: p for p in nlp(text)._.places}
    assert found["Le Bernardin"].feature == "local"
    assert found["Le Bernardin"].lat == found["New York"].lat


def test_a_site_named_after_a_town_beside_the_articles_town_stays_there(nlp):
    # Haymarket lies next to Gainesville: "Haymarket Village Center" is in Haymarket.
    text = (
        "The townhouses are in Gainesville, Va. Haymarket Village Center houses a supermarket, "
        "and Gainesville residents shop there."
    )
    assert {p.name: p for p in nlp(text)._.places}["Haymarket Village Center"].canonical == "Haymarket"
