#!/usr/bin/env python3
"""Raise the quality gate's floors (tests/eval/baseline.json) to the figures measured now.

    .venv/bin/python scripts/ratchet_baseline.py            # every gold set: raise floors, never lower them
    .venv/bin/python scripts/ratchet_baseline.py news ukru  # only these sets
    .venv/bin/python scripts/ratchet_baseline.py --lower news:claims   # explicitly lower one floor
    .venv/bin/python scripts/ratchet_baseline.py --dry-run  # measure and print, write nothing

The seed is scored against the gold record copied into the project (tests/eval/gold/); the
other sets (every folder of ../shared/eval/gold: news, news-extra, news-check, polnear-dev,
geowebnews-dev, ukru, …) against ../shared, skipped with a message where it is absent. Each
set's articles are extracted once. A floor is the measured figure rounded down to 3 decimals,
so reruns on the same code pass. It then prints the generalisation gap: each figure on
news + news-extra pooled (the sets tuned on) beside news-check (measured only, never read).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from sitrep.evaluate import (
    CHECK_SET,
    TUNING_SETS,
    Gap,
    format_gap,
    headline,
    load_gold_dir,
    predict_gold,
    score,
    tuning_check_gap,
)
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


def load_set(name: str) -> tuple[list[dict[str, Any]], Path]:
    """A set's gold records and the root their texts are under."""
    gold_dir, texts_root = gold_sets()[name]
    golds = load_gold_dir(gold_dir)
    if name == "seed":
        seed_texts_root(golds)
    return golds, texts_root


def measure(extractor: Extractor, names: list[str] | None = None) -> tuple[dict[str, dict[str, float]], list[Gap] | None]:
    """Headline figures per set, and the generalisation gap where the tuning and check sets were measured."""
    wanted = names or list(gold_sets())
    figures: dict[str, dict[str, float]] = {}
    scored: dict[str, tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]] = {}
    for name in wanted:
        golds, texts_root = load_set(name)
        print(f"measuring {name} ({len(golds)} articles)", file=sys.stderr, flush=True)
        predictions = predict_gold(golds, texts_root=texts_root, extractor=extractor, n_process=2)
        scored[name] = (golds, predictions)
        figures[name] = headline(score(golds, predictions))
    return figures, tuning_check_gap(scored)


def ratchet(baseline: dict[str, dict[str, float]], measured: dict[str, dict[str, float]], lower: set[tuple[str, str]]) -> list[str]:
    """Raise floors in place to the measured figures (rounded down); lower one only when asked. Returns the changes."""
    changes = []
    for set_name, figures in measured.items():
        floors = baseline.setdefault(set_name, {})
        for figure, value in sorted(figures.items()):
            floor = math.floor(value * 1000) / 1000
            old = floors.get(figure)
            if old is None or floor > old or (set_name, figure) in lower:
                if old != floor:
                    changes.append(f"{set_name}:{figure} {old} -> {floor}")
                floors[figure] = floor
            elif floor < old:
                changes.append(f"{set_name}:{figure} measured {floor} is BELOW its floor {old} (use --lower {set_name}:{figure})")
    return changes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="gold sets to measure (default: all)")
    ap.add_argument("--lower", action="append", default=[], metavar="SET:FIGURE", help="allow this floor to go down")
    ap.add_argument("--dry-run", action="store_true", help="measure and print; leave the baseline as it is")
    args = ap.parse_args()
    known = gold_sets()
    unknown = [s for s in args.sets if s not in known]
    if unknown:
        ap.error(f"unknown gold set(s) {', '.join(unknown)}; the sets here are: {', '.join(known)}")
    baseline = json.loads(BASELINE.read_text()) if BASELINE.is_file() else {}
    lower = {(s, f) for s, _, f in (x.partition(":") for x in args.lower)}
    measured, gap = measure(Extractor(), args.sets or None)
    for set_name, figures in measured.items():
        print(f"{set_name}: " + ", ".join(f"{k} {v:.3f}" for k, v in sorted(figures.items())))
    if gap is not None:
        print(f"\ngeneralisation gap ({' + '.join(TUNING_SETS)} pooled vs {CHECK_SET}):")
        print(format_gap(gap))
    changes = ratchet(baseline, measured, lower)
    print("\n" + ("\n".join(changes) if changes else "no floor changed"))
    if not args.dry_run:
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
        print(f"wrote {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
