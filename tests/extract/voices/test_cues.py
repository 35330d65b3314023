"""The cue lexicon shared by quotes, speakers, sources and claims."""

from __future__ import annotations

import pytest
from spacy.attrs import LEMMA, LOWER

from sitrep.extract.voices.cues import side_of_words, stance_of, token_indices


@pytest.mark.parametrize(
    "lemma,expected",
    [
        ("say", "asserts"),
        ("deny", "denies"),
        ("concede", "acknowledges"),
        ("predict", "expects"),
        ("doubt", "doubts"),
        ("eat", None),
    ],
)
def test_stance_of(lemma, expected):
    assert stance_of(lemma) == expected


@pytest.mark.parametrize(
    "words,expected",
    [
        ("a Ukrainian officer", "UA"),
        ("Russia's Defense Ministry", "RU"),
        ("Ukrainian and Russian sources", None),
        ("an analyst", None),
    ],
)
def test_side_of_words(words, expected):
    assert side_of_words(words) == expected


def test_token_indices_finds_lemmas_and_forms(nlp):
    doc = nlp.make_doc("According to officials, he said it.")
    assert token_indices(doc, LOWER, frozenset({"according", "said"})) == [0, 5]
    parsed = nlp("He said it and she says so.")
    assert token_indices(parsed, LEMMA, frozenset({"say"})) == [1, 5]
    assert token_indices(nlp.make_doc(""), LOWER, frozenset({"x"})) == []
