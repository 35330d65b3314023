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
