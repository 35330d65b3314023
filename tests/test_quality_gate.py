"""The quality gate: figures on the gold sets must not fall below tests/eval/baseline.json.

The floors only move up (scripts/ratchet_baseline.py raises them; lowering one takes an
explicit --lower). The seed's gold record is part of the project; the other gold sets
(news, news-extra, news-check, polnear-dev, geowebnews-dev, ukru) are read from ../shared and
skipped where it is absent. Every set there must have floors. news-check is measured only:
its figures are gated, its items never read. Where news, news-extra and news-check were all
measured, the session ends with the generalisation gap per figure (news + news-extra pooled
beside news-check; see conftest.py's summary hook).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from sitrep.evaluate import (
    CHECK_SET,
    TUNING_SETS,
    headline,
    load_gold_dir,
    predict_gold,
    score,
    tuning_check_gap,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from ratchet_baseline import BASELINE, SEED_GOLD, SEED_TEXTS, seed_texts_root  # noqa: E402

from .conftest import GAP_KEY  # noqa: E402

FLOORS = json.loads(BASELINE.read_text(encoding="utf-8"))
# Scored sets of this session, by name: (gold records, predicted records), for the gap summary.
_SCORED: dict[str, tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]] = {}


def below_floor(measured: dict[str, float], floors: dict[str, float]) -> list[str]:
    return [
        f"{figure}: {measured.get(figure)} < floor {floor}"
        for figure, floor in sorted(floors.items())
        if measured.get(figure) is None or measured[figure] < floor
    ]


def test_seed_meets_its_floors(extractor):
    golds = load_gold_dir(SEED_GOLD)
    seed_texts_root(golds)
    measured = headline(evaluate_set(golds, SEED_TEXTS, extractor, name="seed", n_process=1))
    assert not below_floor(measured, FLOORS["seed"])


def evaluate_set(golds, texts_root, extractor, *, name, n_process=2):
    predictions = predict_gold(golds, texts_root=texts_root, extractor=extractor, n_process=n_process)
    _SCORED[name] = (golds, predictions)
    return score(golds, predictions)


@pytest.mark.shared
@pytest.mark.parametrize("set_name", sorted(name for name in FLOORS if name != "seed"))
def test_shared_gold_set_meets_its_floors(set_name, extractor, shared, request):
    gold_dir = shared / "eval" / "gold" / set_name
    if not gold_dir.is_dir():
        pytest.skip(f"{gold_dir} is absent")
    measured = headline(evaluate_set(load_gold_dir(gold_dir), shared, extractor, name=set_name))
    record_gap(request.config)
    assert not below_floor(measured, FLOORS[set_name])


def record_gap(config: pytest.Config) -> None:
    """Once the tuning sets and the check set are scored, keep their gap for the session's summary."""
    if GAP_KEY not in config.stash and (gap := tuning_check_gap(_SCORED)) is not None:
        config.stash[GAP_KEY] = gap


@pytest.mark.shared
def test_every_shared_gold_set_has_floors(shared):
    """A gold set added to ../shared is gated from the day it lands (run scripts/ratchet_baseline.py)."""
    sets = {d.name for d in (shared / "eval" / "gold").iterdir() if d.is_dir()}
    assert not sets - FLOORS.keys(), f"no floors for {sorted(sets - FLOORS.keys())} in {BASELINE}"
    assert {*TUNING_SETS, CHECK_SET} <= FLOORS.keys()


def test_seed_gold_is_the_shared_one(shared):
    """The project's copy of the seed gold record must not drift from the reference."""
    ours = json.loads((SEED_GOLD / "pokrovsk-wsj-digest.json").read_text(encoding="utf-8"))
    theirs = json.loads((shared / "eval" / "gold" / "seed" / "pokrovsk-wsj-digest.json").read_text(encoding="utf-8"))
    assert ours == theirs


def test_floors_are_figures_between_zero_and_one():
    for set_name, floors in FLOORS.items():
        assert floors, set_name
        assert all(0.0 <= v <= 1.0 for v in floors.values()), set_name
