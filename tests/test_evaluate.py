"""The gate's scorer: hand cases, and agreement with the evaluation's reference scorer."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from sitrep.evaluate import names_match, normalise, score, shared_share


@pytest.mark.parametrize(
    "golds,pred,expected",
    [
        (["president volodymyr zelensky"], "Zelensky", True),
        (["zelensky"], "President Volodymyr Zelensky", True),
        (["officer from the 68th jaeger brigade"], "an officer from the 68th Jaeger Brigade", True),
        (["reconnaissance company commander"], "he", False),
        (["wall street journal"], "The Journal", True),  # a run of the gold words
        (["wall street journal"], "Street", True),
        (["isw"], "ISWX", False),
        (["isw"], "ISW", True),
    ],
)
def test_names_match(golds, pred, expected):
    assert names_match(golds, pred) is expected


@pytest.mark.parametrize(
    "text,expected",
    [("The Wall Street Journal", "wall street journal"), ("One officer", "officer"), ("20% of strength", "20% of strength")],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_shared_share_counts_words_both_ways():
    assert shared_share("the losses are senseless", "losses are senseless") == (0.75, 1.0)


def test_score_pairs_one_to_one_and_counts_false_positives():
    gold = {"id": "a", "tasks": ["units"], "units": [{"name": "68th Brigade", "number": 68, "echelon": "brigade", "side": "UA"}]}
    pred = {"units": [{"name": "68th Jaeger Brigade", "number": 68, "echelon": "brigade", "side": "UA"},
                      {"name": "68th Brigade", "number": 68, "echelon": "brigade", "side": "UA"}]}
    figures = score([gold], {"a": pred})
    assert (figures["units"].precision, figures["units"].recall) == (0.5, 1.0)
    assert figures["units.side"].acc == 1.0


def test_metonym_counts_as_found_only_when_output():
    gold = {"id": "a", "tasks": ["places"], "places": [
        {"name": "Pokrovsk", "lat": 48.28, "lon": 37.18, "literal": True},
        {"name": "Moscow", "lat": 55.75, "lon": 37.62, "literal": False}]}
    only_literal = score([gold], {"a": {"places": [{"name": "Pokrovsk", "lat": 48.3, "lon": 37.2}]}})
    assert only_literal["places"].f1 == 1.0 and only_literal["metonymy"].acc is None
    both = score([gold], {"a": {"places": [{"name": "Pokrovsk", "lat": 48.3, "lon": 37.2},
                                            {"name": "Moscow", "literal": False}]}})
    assert both["places"].f1 == 1.0 and both["metonymy"].acc == 1.0


def perturb(gold: dict, rng: random.Random) -> dict:
    """A plausible prediction: some items dropped, some renamed or moved, some made up."""
    pred = copy.deepcopy(gold)
    for key, items in list(pred.items()):
        if not isinstance(items, list) or not items or not isinstance(items[0], dict):
            continue
        kept = [dict(i) for i in items if rng.random() > 0.25]
        for item in kept:
            for field in ("name", "speaker", "claimant", "place"):
                if isinstance(item.get(field), list):
                    item[field] = item[field][0] if item[field] and rng.random() > 0.3 else "he"
                elif isinstance(item.get(field), str) and rng.random() < 0.2:
                    item[field] = item[field].split()[-1]
            if "lat" in item and rng.random() < 0.3:
                item["lat"] = item["lat"] + rng.choice([0.5, 3.0])
            if "text" in item and rng.random() < 0.3:
                item["text"] = " ".join(item["text"].split()[: max(1, len(item["text"].split()) // 2)])
            if "stance" in item and rng.random() < 0.2:
                item["stance"] = "asserts"
            item.pop("aliases", None)
        if kept and rng.random() < 0.5:
            kept.append(dict(kept[0]))
        pred[key] = kept
    return pred


@pytest.mark.shared
def test_agrees_with_the_reference_scorer(shared: Path, tmp_path: Path):
    rng = random.Random(7)
    for gold_dir in sorted((shared / "eval" / "gold").iterdir()):
        golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
        preds = {g["id"]: perturb(g, rng) for g in golds}
        pred_dir = tmp_path / gold_dir.name
        pred_dir.mkdir()
        for article_id, pred in preds.items():
            (pred_dir / f"{article_id}.json").write_text(json.dumps(pred), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(shared / "eval" / "score.py"), str(gold_dir), str(pred_dir), "--json"],
            capture_output=True, text=True, check=True,
        )
        reference = json.loads(done.stdout)["figures"]
        ours = score(golds, preds).as_dict()
        assert ours.keys() == reference.keys(), gold_dir.name
        for name, figure in reference.items():
            for metric, value in figure.items():
                assert ours[name][metric] == pytest.approx(value), f"{gold_dir.name} {name}.{metric}"
