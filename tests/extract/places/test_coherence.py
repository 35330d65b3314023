"""Coherence: villages resolved near the places written with them; one name, one item; no non-places."""

from __future__ import annotations

import pytest

from sitrep.extract.places.geocoding import near
from sitrep.geo import get_gazetteer


def places(nlp, text):
    return {p.name: p for p in nlp(text)._.places}


def close(a, b) -> bool:
    return abs(a.lat - b.lat) < 1.5 and abs(a.lon - b.lon) < 2


@pytest.mark.parametrize(
    "text,village,anchor",
    [
        # Every Pishchane of the gazetteer lies 250+ km west of Kupiansk: placed at the clause's town.
        (
            "On Tuesday the enemy pressed south of Kupiansk near Pishchane, and west of Borova toward Stepove.",
            "Pishchane",
            "Kupiansk",
        ),
        # A namesake sits next to the reference town: that one, not the biggest elsewhere.
        (
            "Assault groups were seen north of Pokrovsk near Novopavlivka and toward Shevchenko again.",
            "Novopavlivka",
            "Pokrovsk",
        ),
        # The second clause, after its semicolon, has its own reference town.
        (
            "Shelling hit areas east of Kupiansk near Petropavlivka; and southeast of Borova near Stepove.",
            "Stepove",
            "Borova",
        ),
    ],
)
def test_a_village_sits_near_its_clause_town(nlp, text, village, anchor):
    found = places(nlp, text)
    assert close(found[village], found[anchor]), (found[village], found[anchor])


def test_names_the_gazetteer_lacks_are_kept_in_a_list_with_a_known_town(nlp):
    text = "Units of the brigade held the line near Siversk, Krutoyarka and Tykhyi Lug through the night."
    found = places(nlp, text)
    for name in ("Krutoyarka", "Tykhyi Lug"):
        assert name in found, found.keys()
        assert found[name].feature == "local" and found[name].geonameid is None
        assert close(found[name], found["Siversk"])


def test_a_hyphenated_unknown_name_is_one_place(nlp):
    text = "Fighting went on west of Toretsk near Shcherbynivka, Krasna-Balka and Zorivske yesterday."
    found = places(nlp, text)
    assert "Krasna-Balka" in found and "Krasna" not in found and "Balka" not in found


def test_an_unknown_name_with_nothing_to_place_it_is_dropped(nlp):
    found = places(nlp, "The convoy was last seen near Zorianka before dawn.")
    assert "Zorianka" not in found


def test_a_list_alone_moves_no_village_to_a_placeless_spot(nlp):
    # No clause town and no namesake near the list: the gazetteer's village stays.
    found = places(nlp, "Russian forces attacked near Kupiansk, Siversk, and Hai on February 20.")
    assert found["Hai"].geonameid is not None


def test_one_name_is_one_item(nlp):
    text = (
        "Troops withdrew from Zelene on Monday. Two days later drones struck Zelene again, "
        "and fighting was reported north of Vovchansk near Zelene."
    )
    doc = nlp(text)
    items = [p for p in doc._.places if p.name == "Zelene"]
    assert len(items) == 1 and len(items[0].spans) == 3


def test_a_namesake_near_the_front_beats_a_distant_one():
    gaz = get_gazetteer()
    # The gazetteer holds several Novopavlivkas; the coherence step's spread picks the one by Pokrovsk.
    entries = gaz.lookup("Novopavlivka")
    pokrovsk = gaz.lookup("Pokrovsk")[0]
    assert any(near(e, pokrovsk) for e in entries) and not all(near(e, pokrovsk) for e in entries)


@pytest.mark.parametrize(
    "text,name,literal",
    [
        ("Russian forces are pushing toward Lyman from the east.", "Lyman", True),
        ("The battle for Pokrovsk has lasted more than a year.", "Pokrovsk", True),
        ("Moscow-installed officials in the region announced a curfew.", "Moscow", False),
        ("Europe faces a hard winter without Russian gas, the minister warned.", "Europe", False),
        ("The army launched an offensive operation against Kharkiv in May.", "Kharkiv", True),
        # Named once as the scene of fighting: literal, whatever else it does in the article.
        ("Ukraine said it would not give up land. Fighting in Ukraine went on all week.", "Ukraine", True),
        ("Ukraine said it would not give up land, and Ukraine asked for more air defence.", "Ukraine", False),
        ("Washington's policy toward Moscow hardened after the summit.", "Moscow", False),
        ("The team scored 20 points against Louisville on Saturday.", "Louisville", False),
    ],
)
def test_metonymy(nlp, text, name, literal):
    assert places(nlp, text)[name].literal is literal


@pytest.mark.parametrize(
    "text,absent",
    [
        ("Tanks of the Moscow Military District moved south last week.", "Moscow"),
        ("Leaders of the Commonwealth met in London on Thursday.", "Commonwealth"),
        ("Many founders now leave California, Mark Zuckerberg too may be moving.", "Mark Zuckerberg"),
        ("You are about to fight Mike Tyson, the colonel told his men near Kherson.", "Mike Tyson"),
        ("Share this story on Linkedin or Facebook. Strikes hit Odesa overnight.", "Linkedin"),
        ("Strikes\nDrones hit Odesa overnight, officials said.", "Strikes"),
    ],
)
def test_words_and_people_are_no_places(nlp, text, absent):
    assert absent not in places(nlp, text)


@pytest.mark.parametrize(
    "mentions,expected",
    [
        ([(True, False), (False, True)], True),  # one mention names the scene ("в Україні"): literal
        ([(True, False), (False, False)], False),  # half its mentions act, none is a scene: a metonym
        ([(False, False)], True),
        ([(True, False), (False, False), (False, False)], True),
    ],
)
def test_cyrillic_items_follow_the_scene_rule(mentions, expected):
    from types import SimpleNamespace

    from sitrep.extract.places.cyrillic import literal

    group = [SimpleNamespace(metonym=m, scene=s) for m, s in mentions]
    assert literal(group, lambda c: c.scene) is expected  # type: ignore[arg-type]
