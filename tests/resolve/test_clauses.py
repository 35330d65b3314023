"""An event stands on its trigger's own clause: its place, its party and its type are read there."""

from __future__ import annotations

import pytest

from sitrep.resolve.clauses import (
    actors_only,
    another_event_between,
    background,
    clause_of,
    confirmed_type,
    party_in,
    past_progressive,
    place_in_clause,
    war_itself,
)
from sitrep.resolve.support import is_reference, part_of_name, relation_of


def clause(text: str, trigger: str) -> tuple[int, int]:
    at = text.index(trigger)
    return clause_of(text, 0, len(text), at, at + len(trigger))


@pytest.mark.parametrize(
    "text,trigger,place,inside",
    [
        ("Officials said crews were pulling back from the dam - a first signal from Minsk.", "pulling", "Minsk", False),
        ("In Izium, the envoy toured a school where a grave was found after soldiers retreated.", "retreated", "Izium", False),
        ("Russian forces attacked near Siversk itself; west of Siversk near Zvanivka; and toward Fedorivka.", "attacked", "Fedorivka", True),
        ("Russian forces attacked near Siversk; a separate report covered drones.", "attacked", "drones", False),
        ("Officials reported that Russian drones struck a depot in Sumy overnight.", "struck", "Sumy", True),
        ("Exporters, who ship grain to markets like Egypt, complained.", "complained", "Egypt", False),
    ],
)
def test_a_place_counts_only_in_the_triggers_clause(text, trigger, place, inside):
    at = text.index(place)
    assert place_in_clause(text, clause(text, trigger), (at, at + len(place))) is inside


@pytest.mark.parametrize(
    "text,trigger,place,party",
    [
        ("Election observers deployed in Moldova filed their findings.", "deployed", "Moldova", None),
        ("Ukrainian troops advanced near Kupiansk.", "advanced", "Kupiansk", "ukrainian"),
        ("Drones hit a substation in Odesa.", "hit", "Odesa", "drones"),
    ],
)
def test_a_party_to_the_war_stands_in_the_clause_and_is_not_the_place(text, trigger, place, party):
    at = text.index(place)
    assert party_in(text, clause(text, trigger), skip=((at, at + len(place)),)) == party


@pytest.mark.parametrize(
    "text,event_type,trigger,expected",
    [
        ("Tariffs are hitting the steel trade hard.", "strike", "hitting", None),
        ("Glide bombs hit apartment blocks in Kostiantynivka.", "strike", "hit", "strike"),
        ("The bank has reinforced its compliance team in Vienna.", "reinforcement", "reinforced", None),
        ("Moscow is deploying two more brigades to the Zaporizhzhia front.", "reinforcement", "deploying", "reinforcement"),
        ("Auditors say the army deployed new payroll software in the regions.", "reinforcement", "deployed", None),
        ("Fresh troops deployed to Bryansk last week.", "reinforcement", "deployed", "reinforcement"),
        ("A tourist died of heatstroke in Seville.", "casualties", "died", None),
        ("Two soldiers died in shelling near Kherson.", "casualties", "died", "casualties"),
        ("The island stayed under occupation for a decade.", "capture", "occupation", None),
        ("Russian troops took control of the station.", "capture", "control", "capture"),
        ("Ukrainian units counterattacked near Robotyne.", "advance", "counterattacked", "fighting"),
        ("Traders called the new tariffs a blockade on cheap steel.", "encirclement", "blockade", None),
        ("The navy has blockaded the southern ports.", "encirclement", "blockaded", "encirclement"),
    ],
)
def test_the_type_is_confirmed_by_the_trigger_in_its_clause(text, event_type, trigger, expected):
    at = text.index(trigger)
    assert confirmed_type(event_type, trigger, text, clause(text, trigger), at) == expected


def test_an_expected_occupation_is_still_a_capture_to_come():
    text = "Analysts expect Russia to occupy the town within weeks."
    at = text.index("occupy")
    assert confirmed_type("capture", "occupy", text, clause(text, "occupy"), at, forecast=True) == "capture"


@pytest.mark.parametrize(
    "text,trigger,expected",
    [
        ("The garrison had been fighting off raids along the river for months.", "fighting", True),
        ("The garrison has been fighting off raids near Lyman all week.", "fighting", False),
    ],
)
def test_a_past_progressive_is_background(text, trigger, expected):
    lo, _ = clause(text, trigger)
    assert past_progressive(text, lo, text.index(trigger)) is expected


def test_a_clause_opened_by_before_is_background():
    text = "The ministers spoke in Oslo, before the assault on the depot."
    lo, _ = clause(text, "assault")
    assert background(text, lo, text.index("assault"))
    text = "Russian forces shelled Kherson before dawn."
    lo, _ = clause(text, "shelled")
    assert not background(text, lo, text.index("shelled"))


def test_a_place_behind_another_events_verb_is_that_events():
    text = "Russian forces seized Tykhe and advanced north of Ternove."
    start = text.index("seized") + len("seized")
    assert another_event_between(text, start, text.index("Ternove"), "capture") == "advance"
    assert another_event_between(text, start, text.index("Tykhe"), "capture") is None


@pytest.mark.parametrize(
    "trigger,feature,expected",
    [("attack", "country", True), ("invasion", "country", True), ("attack", "city", False), ("struck", "country", False)],
)
def test_the_war_itself_is_no_event_of_it(trigger, feature, expected):
    assert war_itself(trigger, feature) is expected


@pytest.mark.parametrize("holder,expected", [("Russian forces", True), ("Ukrainian troops", True), ("the General Staff", False)])
def test_a_forecasts_holder_is_not_its_expected_actor(holder, expected):
    assert actors_only(holder) is expected


@pytest.mark.parametrize(
    "text,place,expected",
    [
        ("Drones struck a barracks near occupied Inkerman.", "Inkerman", "near"),
        ("Shells landed by a checkpoint near the Sumy region border.", "Sumy", "near"),
        ("Missiles were launched from occupied Crimea overnight.", "Crimea", "from"),
        ("Columns formed for the advance on Belarus's capital Minsk.", "Minsk", "toward"),
        ("Power failed across the southern region of Zaporizhzhia.", "Zaporizhzhia", "region"),
        ("Patrols clashed in the areas of villages Udachne and Kotlyne.", "Udachne", "near"),
    ],
)
def test_relations_read_through_adjectives_possessives_and_nouns(text, place, expected):
    start = text.index(place)
    assert relation_of(text, start, start + len(place)) == expected


@pytest.mark.parametrize(
    "text,place,expected",
    [
        ("Shells fell along the Russia-Ukraine border.", "Ukraine", True),
        ("Ships left the Black Sea port of Odesa.", "Black Sea", True),
        ("Ships left the port of Odesa.", "Odesa", False),
    ],
)
def test_compounds_and_modifiers_are_no_place(text, place, expected):
    start = text.index(place)
    assert part_of_name(text, start, start + len(place)) is expected


@pytest.mark.parametrize(
    "sentence,expected",
    [
        ("Front diary: drones hit Kursk, accessed March 3, 2026,", True),
        ("See https://example.org/frontline for the map.", True),
        ("Drones hit Belgorod on March 3.", False),
    ],
)
def test_a_bibliography_entry_is_no_report(sentence, expected):
    assert is_reference(sentence) is expected


def test_a_claiming_verb_before_the_trigger_makes_it_a_claim():
    from sitrep.resolve.clauses import claimed_in_clause

    text = "The commander repeatedly claimed to have captured the hill."
    assert claimed_in_clause(text, 0, text.index("captured"))
    text = "Russian forces captured the hill on Monday."
    assert not claimed_in_clause(text, 0, text.index("captured"))


@pytest.mark.parametrize(
    "sentence,trigger,expected",
    [
        ("In 2025, the brigade seized three hamlets on the river.", "seized", 2025),
        ("Russian troops seized two villages on Monday.", "seized", None),
        ("Since 2024 the front has barely moved, but on Monday troops seized Tykhe in 2026.", "seized", None),
    ],
)
def test_an_event_the_sentence_puts_in_an_earlier_year_is_not_dated_by_the_article(sentence, trigger, expected):
    from datetime import date

    from sitrep.resolve.support import earlier_year

    assert earlier_year(sentence, date(2026, 2, 1), at=sentence.index(trigger)) == expected


def test_between_two_villages_is_near_both():
    text = "Troops advanced between Udachne and Kotlyne."
    for place in ("Udachne", "Kotlyne"):
        start = text.index(place)
        assert relation_of(text, start, start + len(place)) == "near"


@pytest.mark.parametrize(
    "text,trigger,place,expected",
    [
        ("The union is fighting for the city to rebuild its port in Mariupol.", "fighting", "Mariupol", True),
        ("Ukrainian troops advanced to northwestern Verbove.", "advanced", "Verbove", False),
        ("Reserves were deployed to the Kupiansk direction.", "deployed", "Kupiansk", False),
    ],
)
def test_an_infinitive_between_trigger_and_place_takes_the_place(text, trigger, place, expected):
    from sitrep.resolve.clauses import infinitive_between

    assert infinitive_between(text, text.index(trigger) + len(trigger), text.index(place)) is expected


@pytest.mark.parametrize(
    "text,place,expected",
    [
        ("Shelling resumed near Novyi Donbas.", "Donbas", True),
        ("Fighting went on across the Donbas.", "Donbas", False),
        ("Troops advanced on Kyiv from the north.", "Kyiv", False),
    ],
)
def test_a_settlement_prefix_makes_a_longer_name(text, place, expected):
    start = text.rindex(place)
    assert part_of_name(text, start, start + len(place)) is expected


@pytest.mark.parametrize(
    "text,place,expected",
    [
        ("Drones hit Odesa on the very day new talks began in Riyadh.", "Riyadh", True),
        ("Drones hit Odesa on the very day new talks began.", "Odesa", False),
    ],
)
def test_the_venue_of_talks_is_no_events_place(text, place, expected):
    start = text.index(place)
    assert part_of_name(text, start, start + len(place)) is expected


@pytest.mark.parametrize(
    "mention,canonical,expected",
    [
        ("Oleksandrivka", "Oleksandrivskyi", True),
        ("Toretske", "Toretsk", True),
        ("Kupiansk", "Kupyansk", False),
        ("Zaporizhia", "Zaporizhzhya", False),
        ("Dronovka", "Dronivka", False),
        ("Ukraine.-", "Ukraine", False),
        ("Kherson City", "Kherson", False),
    ],
)
def test_a_namesake_keeps_the_root_and_changes_the_ending(mention, canonical, expected):
    from sitrep.resolve.support import namesake

    assert namesake(mention, canonical) is expected
