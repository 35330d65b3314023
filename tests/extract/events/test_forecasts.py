"""sitrep_forecasts: expectations with who holds them, the event and place, horizon, hedge and condition."""

from __future__ import annotations

from datetime import date

import pytest


def _forecasts(nlp, text):
    return nlp(text)._.forecasts


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Analysts estimate that Pokrovsk could fall within weeks.",
            ("capture", "Pokrovsk", "Analysts", "weeks"),
        ),
        (
            "Budanov said Russian units were tasked with capturing Kupiansk by June 1.",
            ("capture", "Kupiansk", None, "by June 1"),
        ),
        (
            "The Economist writes that the city could become a launchpad for an advance on Kramatorsk.",
            ("advance", "Kramatorsk", "Economist", None),
        ),
    ],
)
def test_forecasts(nlp, text, expected):
    found = [(f.event_type, f.place, f.by[0] if f.by else None, f.horizon) for f in _forecasts(nlp, text)]
    event_type, place, by, horizon = expected
    match = [f for f in found if f[:2] == (event_type, place)]
    assert match, found
    assert match[0][3] == horizon
    if by is not None:
        assert by in (match[0][2] or "")


def test_hedge(nlp):
    (f,) = _forecasts(nlp, "Analysts estimate that Pokrovsk could fall within weeks.")
    assert f.hedge == "could"


def test_condition_is_kept_and_the_condition_alone_is_no_forecast(nlp):
    found = _forecasts(
        nlp, "If Ukraine retreats from Pokrovsk, it will likely have to abandon neighboring Myrnohrad."
    )
    assert [(f.event_type, f.place) for f in found] == [("withdrawal", "Myrnohrad")]
    assert found[0].condition.startswith("If Ukraine retreats")


@pytest.mark.parametrize(
    "text",
    [
        "Myrnohrad is already under threat of encirclement.",
        "An officer said it is time to retreat from Pokrovsk.",
    ],
)
def test_threats_and_calls_are_no_predictions(nlp, text):
    doc = nlp(text)
    assert any(e.status == "forecast" for e in doc._.events)
    assert doc._.forecasts == []


def test_an_intention_nobody_vouches_for_is_no_prediction(nlp):
    doc = nlp("A Russian armoured column is on its way to seize Chasiv Yar.")
    assert ("capture", "Chasiv Yar", "forecast") in [(e.type, e.place, e.status) for e in doc._.events]
    assert doc._.forecasts == []


def test_a_prediction_speaks_for_the_event_before_an_intention(nlp):
    text = (
        "Russian troops have approached their biggest conquest in a year, the city of Pokrovsk. "
        "Analysts estimate that Pokrovsk could fall within weeks."
    )
    (f,) = [f for f in _forecasts(nlp, text) if f.event_type == "capture"]
    assert (f.place, f.horizon, f.by) == ("Pokrovsk", "weeks", ["Analysts"])


@pytest.mark.parametrize(
    "text",
    [
        "There is no evidence that Russia could capture Kramatorsk.",
        "Troop deployments show that Russian forces could capture Kramatorsk.",
    ],
)
def test_the_holder_is_someone(nlp, text):
    (f,) = _forecasts(nlp, text)
    assert f.by == []


def test_a_time_on_a_past_verb_is_no_horizon(nlp):
    text = "The bluff was exposed in late 2025 when Putin said Russian troops would capture Kupiansk."
    (f,) = _forecasts(nlp, text)
    assert (f.place, f.horizon) == ("Kupiansk", None)


def test_a_past_date_is_no_horizon(nlp):
    doc = nlp.make_doc("On February 21, analysts said Russian troops could soon capture Kostiantynivka.")
    doc._.published = date(2026, 2, 22)
    (f,) = nlp(doc)._.forecasts
    assert f.horizon is None


def test_past_events_are_no_forecasts(nlp):
    assert _forecasts(nlp, "Russian forces captured Avdiivka in February.") == []


def test_forecast_points_to_its_event(nlp):
    doc = nlp("Analysts warn that Russian troops could encircle Myrnohrad.")
    (f,) = doc._.forecasts
    event = next(e for e in doc._.events if e.id == f.event)
    assert (event.type, event.place, event.status) == ("encirclement", "Myrnohrad", "forecast")


def test_seed_article(seed_record):
    forecasts = {(f.event_type, f.place): f for f in seed_record.forecasts}
    assert forecasts[("capture", "Pokrovsk")].horizon == "weeks"
    assert "Analysts" in forecasts[("capture", "Pokrovsk")].by
    assert forecasts[("withdrawal", "Myrnohrad")].condition


@pytest.mark.parametrize(
    "text",
    [
        # the event sits in a "while" clause framing the expectation, not inside it
        "While officials said two civilians had been killed in Kupiansk, investigators prepared for the worst.",
        # a negated expectation expects the event not to happen
        "NATO allies will never recognise the annexation of Crimea.",
        # an anniversary or a memory looks back on the event
        "Ukrainians will mark the anniversary of the liberation of Kherson next week.",
        # an intention told in the past tense is history
        "In 1941 Roosevelt sought to help Britain fight Germany.",
        # the purpose of what was done, only reported by a speaker
        "Measures have been taken to strengthen the brigades in Chasiv Yar, the commander said.",
    ],
)
def test_forecast_events_that_predict_nothing(nlp, text):
    doc = nlp.make_doc(text)
    doc._.published = date(2024, 4, 20)
    doc = nlp(doc)
    assert any(e.status == "forecast" for e in doc._.events)
    assert doc._.forecasts == []


def test_a_dated_past_event_is_neither_event_nor_forecast(nlp):
    # a dated noun names a past event (published 2024-04-20): background, not news (events/occurrence.py)
    doc = nlp.make_doc("The Kremlin may invoke the March 2022 strike on Kyiv to create panic.")
    doc._.published = date(2024, 4, 20)
    doc = nlp(doc)
    assert doc._.events == []
    assert doc._.forecasts == []


def test_what_is_reported_on_later_is_no_forecast(nlp):
    # "urban areas" points back to no place: the fighting has none, and nothing is expected at Pokrovsk
    doc = nlp("Russian troops pushed into Pokrovsk on Monday. We will continue to report on the fighting in urban areas.")
    assert doc._.forecasts == []
    assert all(e.status != "forecast" for e in doc._.events)


@pytest.mark.parametrize(
    "text,expected",
    [
        # an expected assault is an expected advance on the place (FORMAT.md's forecasts)
        ("Le Drian said Russian troops are ready to storm Kharkiv.", ("advance", "Kharkiv", "Le Drian")),
        (
            "The minister said Russian forces are ready to capture Kupiansk.",
            ("capture", "Kupiansk", "minister"),
        ),
        (
            "Officials expect Russian forces to launch a new offensive on Zaporizhzhia in the spring.",
            ("advance", "Zaporizhzhia", "Officials"),
        ),
        (
            # Russia prepares; the governor who warns of it holds the expectation
            "Russia is preparing to strike Odesa again within days, the governor warned.",
            ("strike", "Odesa", "governor"),
        ),
    ],
)
def test_plans_at_hand_are_predictions(nlp, text, expected):
    found = [(f.event_type, f.place, f.by[0] if f.by else None) for f in _forecasts(nlp, text)]
    assert expected in found, found


@pytest.mark.parametrize(
    "text,place",
    [
        (
            "Front update.\nRussian objective: Capture Kostiantynivka and advance toward Druzhkivka.\n",
            "Kostiantynivka",
        ),
        ("Assessment.\nUkrainian goal: Recapture Robotyne before the winter.\n", "Robotyne"),
    ],
)
def test_a_stated_objective_line_is_a_forecast(nlp, text, place):
    events = [e for e in nlp(text)._.events if e.place == place]
    assert events and all(e.status == "forecast" for e in events)


# ---- stated objectives, expected moves and expected event nouns (sentences written for these tests)


def _pairs(nlp, text):
    return [(f.event_type, f.place) for f in _forecasts(nlp, text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        # each predicate of the line, at each place it is directed to
        (
            "Russian objective: Cross the Dnipro River in Kherson Oblast and push east into "
            "Zaporizhzhia Oblast and southern Dnipropetrovsk Oblast",
            # the oblast only locates the river: no goal of its own
            {
                ("advance", "Dnipro River"),
                ("advance", "Zaporizhzhia Oblast"),
                ("advance", "Dnipropetrovsk Oblast"),
            },
        ),
        (
            "Russian objective: Capture the rest of Zaporizhzhia Oblast and advance toward Orikhiv",
            {("capture", "Zaporizhzhia Oblast"), ("advance", "Orikhiv")},
        ),
        # a place a move starts from is not its goal
        (
            "Russian objective: Advance from Pokrovsk toward Dnipro and approach Pavlohrad",
            {("advance", "Dnipro"), ("advance", "Pavlohrad")},
        ),
        # a predicate that is no event ("hold the line") gives nothing
        (
            "Ukrainian objective: Hold the line near Kupiansk and advance into the Luhansk region",
            {("advance", "Luhansk region")},
        ),
    ],
)
def test_stated_objectives(nlp, text, expected):
    assert set(_pairs(nlp, text)) == expected


def test_an_objective_is_held_by_the_assessing_body(nlp):
    text = (
        "ISW assesses that Russian forces will likely try to reach Pokrovsk.\n"
        "Russian objective: Seize Pokrovsk and push toward Pavlohrad"
    )
    found = {(f.event_type, f.place): f.by for f in _forecasts(nlp, text)}
    assert found[("capture", "Pokrovsk")] == ["ISW"]
    assert found[("advance", "Pavlohrad")] == ["ISW"]


def test_the_outlet_holds_its_objectives(nlp):
    doc = nlp.make_doc("Russian objective: Capture the rest of Zaporizhzhia Oblast")
    doc._.outlet = "Institute for the Study of War"
    (f,) = nlp(doc)._.forecasts
    assert f.by == ["Institute for the Study of War"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a verb of directed motion under a modal or an expectation is an expected advance
        (
            "Russian forces could cross the Oskil River within weeks, analysts said.",
            ("advance", "Oskil River"),
        ),
        ("Analysts expect Russian forces to approach Kramatorsk in the spring.", ("advance", "Kramatorsk")),
        # an event noun that an estimative adjective or a modal above puts ahead; an expected
        # assault is an advance
        (
            "Russian forces will likely continue offensive operations toward Kramatorsk.",
            ("advance", "Kramatorsk"),
        ),
        (
            "Commanders in Kharkiv fear an imminent offensive against the city of Kramatorsk.",
            ("advance", "Kramatorsk"),
        ),
        (
            "Officials in Kyiv say a possible assault on Kharkiv could come this summer.",
            ("advance", "Kharkiv"),
        ),
    ],
)
def test_expected_moves_and_event_nouns(nlp, text, expected):
    assert expected in _pairs(nlp, text)


@pytest.mark.parametrize(
    "text,absent",
    [
        # the low end of the estimative scale expects the event not to happen
        ("Russian forces are unlikely to seize Zaporizhzhia in the near term.", ("capture", "Zaporizhzhia")),
        # told as done, a move or an offensive is no forecast
        ("Russian forces continued offensive operations toward Kramatorsk.", ("advance", "Kramatorsk")),
        ("A convoy crossed the Dnipro River on Monday.", ("advance", "Dnipro River")),
        ("Russian forces entered Kupiansk last week.", ("advance", "Kupiansk")),
        # a town that only locates the river is no goal
        (
            "The drone operator said Russian troops aim to cross the Oskil River near Kupiansk.",
            ("advance", "Kupiansk"),
        ),
        # "the Lyman direction" names its place; it does not point back to one for the expectation
        (
            "Reserves gathering in the Lyman direction suggest that Russian troops could soon try to "
            "capture Kramatorsk.",
            ("capture", "Lyman"),
        ),
        # a clause conjoined to the expectation is not where it is expected
        (
            "Russian troops could soon try to capture Kramatorsk and may shift their effort to the Lyman direction.",
            ("capture", "Lyman"),
        ),
    ],
)
def test_what_is_not_expected_there(nlp, text, absent):
    assert absent not in _pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Analysts expect Russian forces to approach Kramatorsk in the spring.",
        "Officials say a possible assault on Kharkiv could come this summer, Zelensky warned.",
        "Russian objective: Capture the rest of Zaporizhzhia Oblast and advance toward Orikhiv",
        "Analysts say Russian troops could advance toward Syrskyi within weeks.",
        "The general said the enemy will try to push toward Rheinmetall and Lockheed Martin.",
    ],
)
def test_a_forecast_place_is_a_place_of_the_record(nlp, text):
    """The ledger checks forecasts by place: a name read from the syntax alone ("toward Syrskyi")
    that the gazetteer does not give as a place is no forecast place."""
    doc = nlp(text)
    names = {p.name for p in doc._.places}
    assert all(f.place in names for f in doc._.forecasts), ([f.place for f in doc._.forecasts], names)


def test_a_place_named_in_part_takes_the_record_name(nlp):
    from sitrep.extract.events.forecasts import gazetteer_name

    assert gazetteer_name("Dnipropetrovsk", ["Dnipro", "Dnipropetrovsk Oblast"]) == "Dnipropetrovsk Oblast"
    assert gazetteer_name("Putin", ["Dnipro"]) is None


def test_what_is_prepared_is_expected_where_the_preparing_is_done(nlp):
    text = (
        "A brigade officer reported that Russian forces have increased shelling in the Lyman and "
        "Kupiansk direction, likely in preparation to conduct mechanized assaults in the coming weeks."
    )
    found = _pairs(nlp, text)
    assert ("advance", "Lyman") in found and ("advance", "Kupiansk") in found, found


def test_an_intention_an_assessor_reports_is_the_assessors_expectation(nlp):
    (f,) = _forecasts(nlp, "ISW assesses that Russian forces intend to seize Kostyantynivka.")
    assert (f.event_type, f.place, f.by) == ("capture", "Kostyantynivka", ["ISW"])


def test_a_predicted_attempt_is_a_forecast_without_a_holder(nlp):
    found = _pairs(nlp, "Russian forces will likely continue efforts to seize Pokrovsk and Myrnohrad.")
    assert ("capture", "Pokrovsk") in found and ("capture", "Myrnohrad") in found
