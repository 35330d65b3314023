"""Event arguments: lists of venues, bearings, origins, and the type an attack takes from its arguments."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.extract.events.arguments import ARMED, armed_argument
from sitrep.extract.events.lexicon import TRIGGERS

ROOT = Path(__file__).resolve().parents[3]


def _pairs(nlp, text):
    return {(e.type, e.place) for e in nlp(text)._.events}


@pytest.mark.parametrize(
    "text,expected,not_expected",
    [
        # a bearing's reference ("north of Siversk") locates the villages after it
        (
            "Russian troops assaulted positions north of Siversk near Serebrianka, Hryhorivka, and "
            "Verkhnokamianske on Tuesday.",
            {("fighting", "Serebrianka"), ("fighting", "Hryhorivka"), ("fighting", "Verkhnokamianske")},
            {("fighting", "Siversk")},
        ),
        (
            "Russian forces attacked near and within Kupiansk itself and southeast of Kupiansk near "
            "Podoly and Kurylivka on Monday.",
            {("fighting", "Kupiansk"), ("fighting", "Podoly"), ("fighting", "Kurylivka")},
            set(),
        ),
    ],
)
def test_every_settlement_of_a_list_is_a_venue(nlp, text, expected, not_expected):
    found = _pairs(nlp, text)
    assert expected <= found and not (not_expected & found)


def test_a_hyphenated_village_is_one_place(nlp):
    found = _pairs(nlp, "Russian troops attacked near Rai-Oleksandrivka and seized Kleban-Byk on Monday.")
    assert ("fighting", "Rai-Oleksandrivka") in found and ("capture", "Kleban-Byk") in found


def test_no_advance_along_a_list_of_bearings_is_about_their_reference(nlp):
    text = "Russian troops pressed west of Kreminna near Dibrova and toward Torske over the weekend but did not advance."
    events = {(e.type, e.place, e.status) for e in nlp(text)._.events}
    assert ("advance", "Kreminna", "denied") in events
    assert ("advance", "Dibrova", "denied") not in events


def test_a_strike_launched_from_a_place_does_not_happen_there(nlp):
    found = _pairs(nlp, "Russia launched 80 Shahed drones from the directions of Kursk and Oryol overnight.")
    assert ("strike", "Kursk") not in found and ("strike", "Oryol") not in found


def test_the_agent_of_a_passive_is_no_venue(nlp):
    found = _pairs(nlp, "Kupiansk was captured by Russia in 2022, then retaken by Ukraine months later.")
    assert ("capture", "Kupiansk") in found and ("capture", "Ukraine") not in found


def test_a_withdrawal_from_a_place_happens_there(nlp):
    assert ("withdrawal", "Kupiansk") in _pairs(nlp, "Ukrainian troops withdrew from Kupiansk last week.")


def test_a_conjoined_verb_keeps_its_own_place(nlp):
    found = _pairs(nlp, "Russian troops withdrew from Kupiansk and advanced from Lyman toward Siversk.")
    assert ("withdrawal", "Kupiansk") in found
    assert ("withdrawal", "Siversk") not in found and ("withdrawal", "Lyman") not in found


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Russian forces attacked near Vovchansk on Sunday.", ("fighting", "Vovchansk")),
        ("Russian troops attacked toward Borova overnight.", ("fighting", "Borova")),
        ("Russian missiles attacked a residential district of Kharkiv at dawn.", ("strike", "Kharkiv")),
        ("Russian forces attacked Sumy with glide bombs overnight.", ("strike", "Sumy")),
        ("Ukrainian officials counted 40 attacks on Nikopol over the weekend.", ("strike", "Nikopol")),
    ],
)
def test_an_attack_is_a_strike_only_with_a_weapon_or_a_target(nlp, text, expected):
    assert expected in _pairs(nlp, text)


def test_a_weapon_on_the_next_line_does_not_make_an_assault_a_strike(nlp):
    text = "Russian forces attacked near Toretsk on Friday.\nFPV drone operators are active near Druzhkivka."
    assert ("fighting", "Toretsk") in _pairs(nlp, text)


@pytest.mark.parametrize(
    "text,armed",
    [
        ("Russian troops struck the depot.", True),
        ("A drone hit the depot.", True),
        ("New sanctions hit the economy.", False),
        ("Prices struck a record.", False),
    ],
)
def test_armed_argument(nlp, text, armed):
    doc = nlp(text)
    trigger = next(t for t in doc if t.pos_ == "VERB")
    assert armed_argument(trigger) is armed


def test_wordnet_words_load():
    assert {"soldier", "missile", "battalion"} <= ARMED
    assert TRIGGERS["infiltration"] == "advance" and TRIGGERS["abandonment"] == "withdrawal"


def test_shipped_lexicons_match_the_wordnet_build():
    if not Path("/usr/share/wordnet/data.noun").is_file():
        pytest.skip("WordNet 3.0 is not installed (apt-get install wordnet-base)")
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_event_lexicon.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    "text,status",
    [
        ("Russia's Defence Ministry said its troops captured Hryhorivka on Monday.", "claimed"),
        ("Video from Russian bloggers showed that Russian troops captured Hryhorivka on Monday.", "reported"),
    ],
)
def test_evidence_shows_rather_than_claims(nlp, text, status):
    assert ("capture", "Hryhorivka", status) in {(e.type, e.place, e.status) for e in nlp(text)._.events}
