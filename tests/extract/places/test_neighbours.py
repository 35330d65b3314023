"""Villages placed by the place written in brackets next to them ("Ternove (southeast of Oleksandrivka)")."""

from __future__ import annotations

import pytest

from sitrep.extract.places.geocoding import near


def places(nlp, text):
    return {p.name: p for p in nlp(text)._.places}


@pytest.mark.parametrize(
    "text,village,anchor",
    [
        # The gazetteer's only Ternove is a Ternovo in Zakarpattia, 950 km west.
        (
            "Drone video posted on Friday shows Ukrainian troops pushing into central Ternove "
            "(southeast of Huliaipole).",
            "Ternove",
            "Huliaipole",
        ),
        # "(all ...)" is said of every name of the list before it.
        (
            "Ukrainian troops say they retook Orestopil, Vovche, and Hai (all east of Huliaipole) last week.",
            "Hai",
            "Huliaipole",
        ),
    ],
)
def test_a_village_sits_by_its_bracketed_neighbour(nlp, text, village, anchor):
    found = places(nlp, text)
    a, b = found[village], found[anchor]
    assert abs(a.lat - b.lat) < 1.5 and abs(a.lon - b.lon) < 2, (a, b)


def test_an_unknown_village_is_marked_as_an_approximation(nlp):
    text = "Ukrainian troops pushed into central Ternove (southeast of Huliaipole) this week."
    ternove = places(nlp, text)["Ternove"]
    assert ternove.feature == "local" and ternove.geonameid is None


def test_a_list_alone_moves_no_village(nlp):
    # Lists of villages attacked may span the whole front: no evidence of where each one is.
    text = "Russian forces attacked near Kupiansk, Siversk, and Hai on February 20."
    hai = places(nlp, text)["Hai"]
    assert hai.feature == "village" and hai.geonameid is not None


def test_near_is_a_box_of_about_150_km():
    from sitrep.geo import get_gazetteer

    gaz = get_gazetteer()
    (pokrovsk,) = [e for e in gaz.lookup("Pokrovsk") if e.cc == "UA"][:1]
    (myrnohrad,) = gaz.lookup("Myrnohrad")[:1]
    (lviv,) = gaz.lookup("Lviv")[:1]
    assert near(pokrovsk, myrnohrad) and not near(pokrovsk, lviv)
