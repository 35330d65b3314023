"""Near-duplicate detection on texts written for the test, in the style of wire copy."""

from __future__ import annotations

import pytest

from sitrep.resolve.duplicates import (
    BANDS,
    MemoryIndex,
    Signature,
    band_keys,
    find_duplicates,
    shingles,
    signature,
    similarity,
)

WIRE = (
    "Russian forces pressed their assault on the eastern city of Pokrovsk on Tuesday, "
    "Ukraine's General Staff said, reporting 52 clashes along the front line over the past day.\n"
    "Ukrainian officers described small groups of Russian infantry slipping into the ruins of "
    "the city under cover of fog, supported by swarms of reconnaissance and attack drones.\n"
    "The regional governor said civilians still living in nearby Myrnohrad should leave, "
    "as shelling had cut water and power supplies for several thousand residents.\n"
    "Moscow said its troops had taken two more villages to the north-east, a claim Kyiv "
    "did not confirm. Independent verification of battlefield claims was not possible."
)
SYNDICATED = (
    "UPDATE: Russia presses Pokrovsk assault as Kyiv urges evacuation\n"
    + "\n".join(WIRE.split("\n")[:2] + WIRE.split("\n")[3:])
    + "\nSubscribe to our newsletter for the latest updates."
)
OTHER_STORY = (
    "Ukraine and Russia exchanged prisoners of war on Friday after talks mediated by the "
    "United Arab Emirates, officials in Kyiv said, the latest in a series of swaps. "
    "Among those released were defenders of Mariupol who had spent more than two years in captivity. "
    "President Volodymyr Zelensky thanked the mediators and said work would continue "
    "to bring all prisoners home."
)


def test_a_syndicated_copy_is_similar_and_a_different_story_is_not():
    assert similarity(signature(WIRE), signature(SYNDICATED)) >= 0.5
    assert similarity(signature(WIRE), signature(OTHER_STORY)) < 0.1


def test_copies_point_to_the_first_original():
    found = find_duplicates(
        [("wire", WIRE), ("other", OTHER_STORY), ("copy", SYNDICATED), ("copy2", SYNDICATED + " ")]
    )
    assert found == {"copy": "wire", "copy2": "wire"}


def test_index_returns_nothing_below_the_threshold():
    index = MemoryIndex()
    index.add("wire", signature(WIRE))
    assert index.query(signature(OTHER_STORY)) is None


def test_signature_round_trips_through_bytes():
    sig = signature(WIRE)
    assert similarity(Signature.from_bytes(sig.to_bytes()), sig) == 1.0


def test_band_keys_are_stable_and_fit_a_signed_64_bit_column():
    keys = band_keys(signature(WIRE))
    assert keys == band_keys(signature(WIRE)) and len(keys) == BANDS
    assert all(0 <= k < 2**63 for k in keys)


@pytest.mark.parametrize("text,expected", [("", 0), ("Kyiv said", 1), ("one two three four five six", 2)])
def test_shingles_of_short_texts(text, expected):
    assert len(shingles(text)) == expected
