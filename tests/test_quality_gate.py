"""The quality gate: figures on the gold sets must not fall below tests/eval/baseline.json.

The floors only move up (scripts/ratchet_baseline.py raises them; lowering one takes an
explicit --lower). The seed's gold record is part of the project; the other gold sets are
read from ../shared and skipped where it is absent.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sitrep.evaluate import evaluate_gold, headline, load_gold_dir

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from ratchet_baseline import BASELINE, SEED_GOLD, SEED_TEXTS, seed_texts_root  # noqa: E402

FLOORS = json.loads(BASELINE.read_text(encoding="utf-8"))


def below_floor(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [
        f"{figure}: {measured.get(figure)} < floor {floor}"
        for figure, floor in sorted(floors.items())
        if measured.get(figure) is None or measured[figure] < floor
    ]


def test_seed_meets_its_floors(extractor):
    golds = load_gold_dir(SEED_GOLD)
    seed_texts_root(golds)
    measured = headline(evaluate_gold(golds, texts_root=SEED_TEXTS, extractor=extractor))
    assert not below_floor(measured, FLOORS["seed"])


@pytest.mark.shared
@pytest.mark.parametrize("set_name", sorted(name for name in FLOORS if name != "seed"))
def test_shared_gold_set_meets_its_floors(set_name, extractor, shared):
    gold_dir = shared / "eval" / "gold" / set_name
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is absent")
    measured = headline(evaluate_gold(load_gold_dir(gold_dir), texts_root=shared, extractor=extractor, n_process=2))
    assert not below_floor(measured, FLOORS[set_name])


def test_seed_gold_is_the_shared_one(shared):
    """The project's copy of the seed gold record must not drift from the reference."""
    ours = json.loads((SEED_GOLD / "pokrovsk-wsj-digest.json").read_text(encoding="utf-8"))
    theirs = json.loads((shared / "eval" / "gold" / "seed" / "pokrovsk-wsj-digest.json").read_text(encoding="utf-8"))
    assert ours == theirs


def test_floors_are_figures_between_zero_and_one():
    for set_name, floors in FLOORS.items():
        assert floors, set_name
        assert all(0.0 <= v <= 1.0 for v in floors.values()), set_name
