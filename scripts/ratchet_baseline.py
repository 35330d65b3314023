#!/usr/bin/env python3
"""Raise the quality gate's floors (tests/eval/baseline.json) to the figures measured now.

    .venv/bin/python scripts/ratchet_baseline.py            # raise floors, never lower them
    .venv/bin/python scripts/ratchet_baseline.py --lower news:claims.f1   # explicitly lower one floor

The seed is scored against the gold record copied into the project (tests/eval/gold/); the
other sets against ../shared/eval/gold/<set>, skipped with a message where ../shared is absent.
A floor is the measured figure rounded down to 3 decimals, so reruns on the same code pass.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from sitrep.evaluate import evaluate_gold, headline, load_gold_dir
from sitrep.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "tests" / "eval" / "baseline.json"
SHARED = ROOT.parent / "shared"
SEED_GOLD = ROOT / "tests" / "eval" / "gold"
SEED_TEXTS = ROOT / "src" / "sitrep" / "data" / "sample"


def gold_sets() -> dict[str, tuple[Path, Path]]:
    """Set name → (gold dir, root its text_file paths are relative to)."""
    sets = {"seed": (SEED_GOLD, SEED_TEXTS)}
    shared_gold = SHARED / "eval" / "gold"
    if shared_gold.is_dir():
        for d in sorted(shared_gold.iterdir()):
            if d.is_dir() and d.name != "seed":
                sets[d.name] = (d, SHARED)
    else:
        print(f"note: {shared_gold} is absent; only the seed is measured", file=sys.stderr)
    return sets


def seed_texts_root(golds: list[dict]) -> None:
    # The project's copy of the seed gold names its text as in ../shared; the bundled copy sits flat.
    for gold in golds:
        gold["text_file"] = Path(gold["text_file"]).name


def measure(extractor: Extractor) -> dict[str, dict[str, float]]:
    out = {}
    for name, (gold_dir, texts_root) in gold_sets().items():
        golds = load_gold_dir(gold_dir)
        if name == "seed":
            seed_texts_root(golds)
        out[name] = headline(evaluate_gold(golds, texts_root=texts_root, extractor=extractor, n_process=2))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lower", action="append", default=[], metavar="SET:FIGURE", help="allow this floor to go down")
    args = ap.parse_args()
    baseline = json.loads(BASELINE.read_text()) if BASELINE.is_file() else {}
    lower = {tuple(x.split(":", 1)) for x in args.lower}
    measured = measure(Extractor())
    for set_name, figures in measured.items():
        floors = baseline.setdefault(set_name, {})
        for figure, value in sorted(figures.items()):
            floor = math.floor(value * 1000) / 1000
            old = floors.get(figure)
            if old is None or floor > old or (set_name, figure) in lower:
                if old is not None and floor != old:
                    print(f"{set_name}:{figure} {old} -> {floor}")
                floors[figure] = floor
            elif floor < old:
                print(f"{set_name}:{figure} measured {floor} is BELOW its floor {old} (use --lower {set_name}:{figure})")
    BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
    print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
