"""sitrep_claims: attributed propositions with holder, stance, hedging and links."""

from __future__ import annotations

import pytest


def claims(nlp, text):
    return [(c.claimant, c.stance, c.text) for c in nlp(text)._.claims]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Ukrainian soldiers report that Russians are advancing in small groups.",
            ("Ukrainian soldiers", "asserts", "Russians are advancing in small groups"),
        ),
        (
            "Analysts estimate that the town could fall within weeks.",
            ("Analysts", "expects", "the town could fall within weeks"),
        ),
        (
            "Military officials acknowledge that the enemy has more artillery.",
            ("Military officials", "acknowledges", "the enemy has more artillery"),
        ),
        (
            "The ministry denied that its troops had withdrawn from the village.",
            ("The ministry", "denies", "its troops had withdrawn from the village"),
        ),
        (
            "The governor doubted that the bridge could be repaired before winter.",
            ("The governor", "doubts", "the bridge could be repaired before winter"),
        ),
        (
            "According to the General Staff, Russian forces attacked 40 times on Monday.",
            ("the General Staff", "asserts", "Russian forces attacked 40 times on Monday"),
        ),
        (
            "As reported by UNIAN, the offensive made the situation hopeless for the garrison.",
            ("UNIAN", "asserts", "the offensive made the situation hopeless for the garrison"),
        ),
        (
            "The agency quoted Dmitry Peskov as saying that the president was informed.",
            ("Dmitry Peskov", "asserts", "the president was informed"),
        ),
        (
            "The minister repeated his insistence that the front must be frozen.",
            ("The minister", "asserts", "the front must be frozen"),
        ),
        # a negated cue doubts what it introduces
        (
            "Analysts have not observed evidence to assess that the town has fallen.",
            ("Analysts", "doubts", "the town has fallen"),
        ),
        # a verb of expecting inside the proposition makes it a forecast
        (
            "The president warned that Russia plans to attack the city again.",
            ("The president", "expects", "Russia plans to attack the city again"),
        ),
    ],
)
def test_one_claim(nlp, text, expected):
    assert claims(nlp, text) == [expected]


def test_denial_of_a_claim_gives_two_linked_claims(nlp):
    doc = nlp("Ukraine denies Moscow's claim that its troops in the city are surrounded.")
    moscow, ukraine = doc._.claims
    assert (moscow.claimant, moscow.stance, moscow.text) == (
        "Moscow",
        "asserts",
        "its troops in the city are surrounded",
    )
    assert (ukraine.claimant, ukraine.stance, ukraine.text) == ("Ukraine", "denies", moscow.text)
    assert moscow.links == [ukraine.id] and ukraine.links == [moscow.id]


def test_conjoined_verb_keeps_the_subject(nlp):
    found = claims(nlp, "Kyiv denies the report but acknowledges the extreme complexity of the situation.")
    assert ("Kyiv", "acknowledges", "the extreme complexity of the situation") in found


@pytest.mark.parametrize(
    "text,hedged,negated",
    [
        ("Officials said that the strike reportedly killed two people.", True, False),
        ("Officials said that the strike may have hit a depot.", True, False),
        ("Officials said that the strike did not hit the depot.", False, True),
        ("Officials said that the strike hit the depot.", False, False),
        ("The database estimates that 4.3 million people left.", True, False),
    ],
)
def test_hedging_and_negation(nlp, text, hedged, negated):
    (claim,) = nlp(text)._.claims
    assert (claim.hedged, claim.negated) == (hedged, negated)


def test_pronoun_holder_is_resolved(nlp):
    text = "Oleksandr Syrskyi visited the front on Saturday. He said that the situation had worsened."
    assert claims(nlp, text) == [("Oleksandr Syrskyi", "asserts", "the situation had worsened")]


def test_a_quote_is_asserted_by_its_speaker(nlp):
    (claim,) = nlp('"We will hold the city," the commander said.')._.claims
    assert (claim.claimant, claim.stance, claim.text) == ("the commander", "expects", "We will hold the city")


def test_claim_spans_are_the_proposition_then_the_claimant(nlp):
    text = "Analysts estimate that the town could fall within weeks."
    (claim,) = nlp(text)._.claims
    prop, holder = claim.spans
    assert text[prop.start : prop.end] == "the town could fall within weeks"
    assert text[holder.start : holder.end] == "Analysts"


def test_seed_claims_include_the_nested_denial(seed_record):
    by_stance = {(c.claimant, c.stance) for c in seed_record.claims}
    assert {
        ("Moscow", "asserts"),
        ("Ukraine", "denies"),
        ("Ukraine", "acknowledges"),
        ("Analysts", "expects"),
    } <= by_stance


def test_a_colon_between_two_clauses_gives_two_claims(nlp):
    text = (
        "Even if they take the city, the victory will be pyrrhic: "
        "the battles have been the bloodiest of the war, the paper writes."
    )
    found = {(stance, prop) for _, stance, prop in claims(nlp, text)}
    assert found == {
        ("expects", "Even if they take the city, the victory will be pyrrhic"),
        ("asserts", "the battles have been the bloodiest of the war"),
    }


@pytest.mark.parametrize(
    "text,expected",
    [
        # a later bare mention takes the earlier description whole, never "The spokesperson of"
        (
            "The spokesperson of a Ukrainian brigade defending the Kupiansk direction told reporters "
            "on May 2 that Russian infantry groups were running out of water and food. "
            "The spokesperson said that the enemy relies on convicts.",
            "The spokesperson of a Ukrainian brigade",
        ),
        # a long title with its apposition is kept whole, not cut after "of"
        (
            "The Commander of the Air Assault Forces of Ukraine, Brigadier General Ihor Skybiuk, "
            "has said that Russian commanders want to capture the town by May.",
            "The Commander of the Air Assault Forces of Ukraine, Brigadier General Ihor Skybiuk",
        ),
        # an over-long description is cut at a whole phrase, and a relational noun keeps its "of"
        (
            "Ivan Petrenko, the head of the regional military administration of a frontline district "
            "that was shelled overnight, said that the strikes damaged a school.",
            "Ivan Petrenko, the head of the regional military administration of a frontline district",
        ),
        # a date hung on the holder is no part of it
        ("The regional governor on Sunday said that two drones hit a fuel depot.", "The regional governor"),
        # a line's label before a colon is no holder: the subject after it is
        (
            "Assessed Russian advances: Geolocated footage released on May 11 shows that "
            "Russian troops moved north of the reservoir.",
            "Geolocated footage",
        ),
        # a heading glued onto the sentence by a scraper is left out
        (
            "Related Stories Drone Strikes Hit Fuel Depot A senior Ukrainian military source "
            "revealed on Tuesday that Russian units plan to widen the salient.",
            "A senior Ukrainian military source",
        ),
        # a dateline's parenthesis is no part of the holder
        (
            "(Kyiv Independent)- Ukrainian President Volodymyr Zelensky said that the talks would resume.",
            "Ukrainian President Volodymyr Zelensky",
        ),
        # a footnote mark glued onto the last sentence's end starts the holder's sentence
        (
            "The drone flew into a tree.[51] Ukrainian drone expert Serhiy Petrenko reported on "
            "February 25 that the drones pose a threat.",
            "Ukrainian drone expert Serhiy Petrenko",
        ),
        # a relative clause in an apposition is described whole
        (
            "Volodymyr Kovalenko — a medic who began volunteering in 2014 — said that the wounded wait for hours.",
            "Volodymyr Kovalenko — a medic who began volunteering in 2014",
        ),
        # a nickname in quotes stays inside the name
        (
            'Drone expert Serhiy "Flash" Beskrestnov said that the new drones pose a serious threat.',
            'Drone expert Serhiy "Flash" Beskrestnov',
        ),
    ],
)
def test_holder_is_a_whole_description(nlp, text, expected):
    assert {holder for holder, _, _ in claims(nlp, text)} == {expected}


@pytest.mark.parametrize(
    "text",
    [
        # a heading of a page's navigation in title case
        "KTEN EEO Reports\nClosed Captioning",
        # a line that is a link
        "- [Ukraine Announces New Aid Package](https://example.org/aid)",
        # a pronoun with nothing to resolve to
        "We assess that the town will fall within weeks.",
    ],
)
def test_no_claim_without_a_holder(nlp, text):
    assert claims(nlp, text) == []


def test_a_sentence_in_title_case_keeps_its_holder(nlp):
    found = claims(nlp, "Chairman Smith Says Ukraine Will Win the War.")
    assert [(holder, stance) for holder, stance, _ in found] == [("Chairman Smith", "expects")]
