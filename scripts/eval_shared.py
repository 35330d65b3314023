#!/usr/bin/env python3
"""Extract every article of the shared gold sets and score it with ../shared/eval/score.py.

    .venv/bin/python scripts/eval_shared.py                 # every set, a table of figures, the gap
    .venv/bin/python scripts/eval_shared.py news news-check # only these sets
    .venv/bin/python scripts/eval_shared.py --detail        # score.py's full report per set too
    .venv/bin/python scripts/eval_shared.py --keep DIR      # keep the predictions under DIR/<set>/

The figures come from the reference scorer, not the project's copy of its arithmetic. The table
puts the sets side by side (news-check among them: its figures are read, never its items); where
news, news-extra and news-check are all scored, it then prints the generalisation gap: each
figure on news + news-extra pooled (scored as one set) beside news-check. Needs ../shared
(evaluation data that is not part of the project); exits 0 with a message where it is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitrep.evaluate import CHECK_SET, TUNING_SETS, format_gap, generalisation_gap

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
#: The figures shown, in the order of the issue's tables (F1, or accuracy for the accuracies).
FIGURES = (
    "quotes", "speakers", "sources", "claims", "places", "places.acc161", "places.e2e161", "metonymy",
    "units", "actors", "events", "events.status", "forecasts", "quantities",
)  # fmt: skip


def scorer_figures(gold_dir: Path, pred_dir: Path) -> dict[str, dict[str, float]]:
    """score.py's figures as it reports them with --json: per task p/r/f1/n, or acc/n."""
    done = subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir), "--json"], capture_output=True, text=True, check=True)
    figures: dict[str, dict[str, float]] = json.loads(done.stdout)["figures"]
    return figures


def score_json(gold_dir: Path, pred_dir: Path) -> dict[str, float]:
    """score.py's headline figures: F1 for tasks, accuracy for accuracies (figures without cases left out)."""
    out = {}
    for name, figure in scorer_figures(gold_dir, pred_dir).items():
        value = figure.get("f1", figure.get("acc"))
        if value is not None and figure.get("n", 0):
            out[name] = float(value)
    return out


def extract_set(gold_dir: Path, pred_dir: Path) -> int:
    """Run `sitrep extract` over the texts a set's gold records name; the number of articles."""
    files = [str(SHARED / json.loads(g.read_text())["text_file"]) for g in sorted(gold_dir.glob("*.json"))]
    done = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "sitrep"), "extract", *files, "--format", "json", "--out-dir", str(pred_dir)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        print(done.stderr[-3000:], file=sys.stderr)
    return len(files)


def pooled(dirs: list[tuple[Path, Path]], into: Path) -> tuple[Path, Path]:
    """One gold folder and one prediction folder holding every set of `dirs` (links, not copies)."""
    gold, pred = into / "gold", into / "pred"
    gold.mkdir(parents=True)
    pred.mkdir(parents=True)
    for gold_dir, pred_dir in dirs:
        for g in gold_dir.glob("*.json"):
            (gold / g.name).symlink_to(g)
        for p in pred_dir.glob("*.json"):
            (pred / p.name).symlink_to(p.resolve())
    return gold, pred


def table(figures: dict[str, dict[str, float]]) -> str:
    names = list(figures)
    width = max(len(n) for n in names) + 2
    lines = [f"{'figure':<15}" + "".join(f"{n:>{width}}" for n in names)]
    for figure in FIGURES:
        if any(figure in f for f in figures.values()):
            cells = [f"{f[figure]:.3f}" if figure in f else "-" for f in figures.values()]
            lines.append(f"{figure:<15}" + "".join(f"{c:>{width}}" for c in cells))
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", help="gold sets (default: every folder of ../shared/eval/gold)")
    ap.add_argument("--keep", type=Path, help="write predictions under DIR/<set>/ and keep them")
    ap.add_argument("--detail", action="store_true", help="also print score.py's full report per set")
    args = ap.parse_args()
    gold_root = SHARED / "eval" / "gold"
    if not gold_root.is_dir():
        print(f"skipped: {gold_root} is absent (the shared evaluation data is not in a user's clone)")
        return 0
    known = sorted(p.name for p in gold_root.iterdir() if p.is_dir())
    unknown = [s for s in args.sets if s not in known]
    if unknown:
        ap.error(f"unknown gold set(s) {', '.join(unknown)}; the sets are: {', '.join(known)}")
    sets = args.sets or known
    out_root = args.keep or Path(tempfile.mkdtemp(prefix="sitrep-eval-"))
    figures: dict[str, dict[str, float]] = {}
    dirs: dict[str, tuple[Path, Path]] = {}
    for name in sets:
        gold_dir, pred_dir = gold_root / name, out_root / name
        started = time.perf_counter()
        count = extract_set(gold_dir, pred_dir)
        print(f"== {name}: {count} articles extracted in {time.perf_counter() - started:.1f} s", flush=True)
        if args.detail:
            subprocess.run([sys.executable, str(SCORER), str(gold_dir), str(pred_dir)])
        figures[name] = score_json(gold_dir, pred_dir)
        dirs[name] = (gold_dir, pred_dir)
    print("\n" + table(figures))
    if all(n in dirs for n in (*TUNING_SETS, CHECK_SET)):
        with tempfile.TemporaryDirectory(prefix="sitrep-pooled-") as tmp:
            tuning = score_json(*pooled([dirs[n] for n in TUNING_SETS], Path(tmp)))
        print(f"\ngeneralisation gap ({' + '.join(TUNING_SETS)} pooled vs {CHECK_SET}; target: within 0.05):")
        print(format_gap(generalisation_gap(tuning, figures[CHECK_SET])))
    if args.keep:
        print(f"\npredictions kept in {out_root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
