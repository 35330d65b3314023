"""sitrep_events: typed events with place, side and status (reported, claimed, denied, forecast)."""

from __future__ import annotations

import pytest

from sitrep.extract.events.events import clean_horizon


def _events(nlp, text):
    return [(e.type, e.place, e.status) for e in nlp(text)._.events]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russian forces captured Bakhmut in May 2023.", ("capture", "Bakhmut", "reported")),
        ("Russian drones struck Kharkiv overnight.", ("strike", "Kharkiv", "reported")),
        (
            "Fierce fighting continues in Chasiv Yar, the general said.",
            ("fighting", "Chasiv Yar", "reported"),
        ),
        ("Ukrainian troops withdrew from Avdiivka in February.", ("withdrawal", "Avdiivka", "reported")),
        ("Officials began to evacuate children from Kupiansk.", ("evacuation", "Kupiansk", "reported")),
    ],
)
def test_reported_events(nlp, text, expected):
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a denial governs the clause, even through a claim
        (
            "Ukraine denies Moscow's claim that its troops in Pokrovsk are surrounded.",
            ("encirclement", "Pokrovsk", "denied"),
        ),
        # the trigger itself is negated
        ("Ukrainian forces did not withdraw from Kupiansk.", ("withdrawal", "Kupiansk", "denied")),
        # a modal
        ("Analysts estimate that Pokrovsk could fall within weeks.", ("capture", "Pokrovsk", "forecast")),
        # a modal adjective predicated of the event, even negated
        ("The fall of Pokrovsk is not inevitable, analysts say.", ("capture", "Pokrovsk", "forecast")),
        # a threat noun
        ("Myrnohrad is already under threat of encirclement.", ("encirclement", "Myrnohrad", "forecast")),
        # an intention
        ("Moscow has tasked its troops with capturing Chasiv Yar.", ("capture", "Chasiv Yar", "forecast")),
        # the claim verb
        (
            "Russia's Defense Ministry claimed its forces had captured Novobakhmutivka.",
            ("capture", "Novobakhmutivka", "claimed"),
        ),
    ],
)
def test_status(nlp, text, expected):
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    "text,expected",
    [
        # the antecedent of a relative clause is the place
        (
            "The village lies north of Avdiivka, which Russian forces captured in February.",
            ("capture", "Avdiivka"),
        ),
        # ground units attacking without a weapon named: fighting, not a strike
        ("Russian forces attacked near Lyman on Tuesday.", ("fighting", "Lyman")),
        # a named quarter, reached with "to" after a movement verb
        ("Enemy infantry advanced to the Novyi neighborhood before dawn.", ("advance", "Novyi neighborhood")),
        # a purpose infinitive is intended, not done
        (
            "A Russian armoured column is on its way to seize the town of Chasiv Yar.",
            ("capture", "Chasiv Yar"),
        ),
    ],
)
def test_place_and_type_from_syntax(nlp, text, expected):
    assert expected in [(e.type, e.place) for e in nlp(text)._.events]


@pytest.mark.parametrize(
    "text,expected,not_expected",
    [
        # a region after a place and a comma only says where that place is
        (
            "Ukrainian drones struck a depot in occupied Selydove, Donetsk Oblast.",
            ("strike", "Selydove"),
            ("strike", "Donetsk Oblast"),
        ),
        # "X near Y": Y locates X
        (
            "Russian troops stormed the mining town Vuhledar near Donetsk in late January.",
            ("fighting", "Vuhledar"),
            ("fighting", "Donetsk"),
        ),
        # "occupied" before a name is a state, even where the parser reads a verb
        (
            "Ukrainian drones hit a warehouse near occupied Nova Karakuba.",
            ("strike", "Nova Karakuba"),
            ("capture", "Nova Karakuba"),
        ),
    ],
)
def test_a_place_that_locates_another_is_no_venue(nlp, text, expected, not_expected):
    found = [(e.type, e.place) for e in nlp(text)._.events]
    assert expected in found and not_expected not in found


@pytest.mark.parametrize(
    "text",
    [
        # a country that frames the war, behind another verb
        "Diplomats say the summit is advancing efforts toward peace in Ukraine.",
        "Ukrainian forces killed 300 Russian troops, according to officials citing data from Ukraine.",
        # "push for", "advance efforts": promoting, not moving
        "Washington pushes for a ceasefire in the Donetsk region.",
        # a capital named as the one pressed, not where the fighting is
        "Even with pressure on Kyiv and Moscow to strike a deal, fighting goes on along the front line.",
        # words of war used of politics and moods
        "Medvedev has struck a bellicose tone throughout the war in Ukraine.",
        "Russia decided to withdraw from the grain export agreement.",
        "The CIA released intelligence surrounding the invasion of Ukraine.",
        "Approval ratings in Crimea fell to a record low.",
        "Kyiv wants to strengthen ties with Warsaw and Vilnius.",
        "France has seized two tankers near Marseille.",
        "He reported no major breakthrough in the talks in Abu Dhabi.",
        # a legislature is no venue
        "The general testified in Congress that Russian troops had been fighting for months.",
    ],
)
def test_no_event_at_a_frame_or_an_address(nlp, text):
    assert [(e.type, e.place) for e in nlp(text)._.events] == []


@pytest.mark.parametrize(
    "text,expected",
    [
        # "unclear if" asks a question; it sets no condition
        (
            "It is unclear if the blast at the airfield in Engels came from a Ukrainian strike.",
            ("strike", "Engels", "reported"),
        ),
        # a modal copula over a count estimates it
        (
            "Officials said the number of deaths in Kharkiv may be close to 200.",
            ("casualties", "Kharkiv", "reported"),
        ),
        # "claimed to have captured": the content of a claim, in the past, not an intention
        ("Putin claimed to have captured Kupiansk.", ("capture", "Kupiansk", "claimed")),
        # an accusation is a claim
        (
            "The Russian Defense Ministry on Sunday accused Ukraine of attacking Moscow with a swarm of drones.",
            ("strike", "Moscow", "claimed"),
        ),
        # "conditions for" and "approached" put the event ahead
        (
            "The enemy is creating conditions for an advance on Kramatorsk.",
            ("advance", "Kramatorsk", "forecast"),
        ),
        (
            "Russian troops have approached their biggest conquest in a year, the city of Pokrovsk.",
            ("capture", "Pokrovsk", "forecast"),
        ),
    ],
)
def test_status_cues_that_are_easy_to_misread(nlp, text, expected):
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a place on the verb a noun trigger is the object of
        (
            "Ukrainian officials expect Russia to launch a new offensive on Zaporizhzhia this summer.",
            ("advance", "Zaporizhzhia", "forecast"),
        ),
        ("Russia will probably intensify strikes on Kharkiv next week.", ("strike", "Kharkiv", "forecast")),
        # a settlement falls, whatever tag the small model gives its name
        (
            "Kostiantynivka is likely to fall by the end of the year.",
            ("capture", "Kostiantynivka", "forecast"),
        ),
        # reaching ground is an advance; a build-up "for" an assault puts it ahead
        ("Russian troops are expected to reach Kramatorsk by spring.", ("advance", "Kramatorsk", "forecast")),
        ("Zelensky said Russia is massing troops for an assault on Sumy.", ("fighting", "Sumy", "forecast")),
        # weapons deployed in a strike are no reinforcement
        (
            "Overnight on May 14, Russia launched attacks on Odesa, deploying 38 missiles and 310 drones.",
            ("strike", "Odesa", "reported"),
        ),
    ],
)
def test_expected_offensives(nlp, text, expected):
    found = _events(nlp, text)
    assert expected in found and all(t != "reinforcement" for t, _p, _s in found)


def test_the_village_of_x_names_x(nlp):
    text = (
        "Shelling hit Kharkiv on Monday. Footage showed a flag above the village of Ocheretyne "
        "after Russian troops advanced about 5km."
    )
    assert ("advance", "Ocheretyne") in [(e.type, e.place) for e in nlp(text)._.events]


def test_every_venue_of_one_strike(nlp):
    doc = nlp("Ukrainian drones struck a depot near Polohy and a warehouse in Tokmak overnight.")
    assert {(e.type, e.place) for e in doc._.events} >= {("strike", "Polohy"), ("strike", "Tokmak")}


def test_prisoners_are_not_territory(nlp):
    doc = nlp("Ukrainian forces killed or captured 5,000 Russian troops near Vuhledar.")
    assert "capture" not in {e.type for e in doc._.events}


def test_purpose_infinitive_is_a_forecast(nlp):
    doc = nlp("A Russian armoured column is on its way to seize the town of Chasiv Yar.")
    assert ("capture", "Chasiv Yar", "forecast") in [(e.type, e.place, e.status) for e in doc._.events]


def test_conditional_forecast_keeps_its_condition(nlp):
    doc = nlp("If Ukraine retreats from Pokrovsk, it will likely have to abandon neighboring Myrnohrad.")
    by_place = {(e.type, e.place): e for e in doc._.events}
    abandon = by_place[("withdrawal", "Myrnohrad")]
    assert abandon.status == "forecast"
    assert abandon.condition is not None and abandon.condition.startswith("If Ukraine retreats")
    # the condition itself lies ahead too
    assert by_place[("withdrawal", "Pokrovsk")].status == "forecast"


def test_the_city_resolves_to_the_last_city_named(nlp):
    doc = nlp("Russian troops entered Pokrovsk last month. Street fighting continues in the city.")
    assert ("fighting", "Pokrovsk", "reported") in [(e.type, e.place, e.status) for e in doc._.events]


def test_the_city_is_the_most_salient_recent_city(nlp):
    text = (
        "Russian troops pressed on Pokrovsk. Pokrovsk is nearly encircled. "
        "Neighbouring Myrnohrad is also under pressure. The fall of the city would be a blow."
    )
    captures = [e.place for e in nlp(text)._.events if e.type == "capture"]
    assert captures == ["Pokrovsk"]


def test_strike_mode_and_sides(nlp):
    (event,) = [e for e in nlp("Russian missiles hit Kyiv overnight.")._.events if e.type == "strike"]
    assert (event.mode, event.actor_side) == ("missile", "RU")


def test_side_that_acts_is_not_the_place(nlp):
    events = nlp("Russia launched a massive drone attack on Ukraine.")._.events
    assert [(e.type, e.place) for e in events] == [("strike", "Ukraine")]


def test_no_event_without_a_place(nlp):
    assert nlp("Both sides are suffering enormous losses.")._.events == []


def test_one_event_per_type_place_and_status(nlp):
    doc = nlp("Russian forces shelled Kherson. Russian artillery shelled Kherson again on Monday.")
    assert [(e.type, e.place) for e in doc._.events] == [("strike", "Kherson")]


def test_events_point_at_their_sentence(nlp):
    text = "Russian forces captured Bakhmut."
    (event,) = nlp(text)._.events
    assert event.spans[0].text == text and event.extractor == "sitrep.events/3"


@pytest.mark.parametrize(
    "text,expected",
    [
        ("within weeks", "weeks"),
        ("in the nearest weeks", "weeks"),
        ("by May 9", "by May 9"),
        ("next week", "next week"),
    ],
)
def test_clean_horizon(text, expected):
    assert clean_horizon(text) == expected


def test_seed_article(seed_record):
    events = {(e.type, e.place): e.status for e in seed_record.events}
    assert events[("encirclement", "Pokrovsk")] == "denied"
    assert events[("capture", "Bakhmut")] == "reported"
    assert ("capture", "Pokrovsk", "forecast") in {(e.type, e.place, e.status) for e in seed_record.events}
    myrnohrad = [e for e in seed_record.events if (e.type, e.place) == ("withdrawal", "Myrnohrad")]
    assert myrnohrad and myrnohrad[0].status == "forecast" and myrnohrad[0].condition
