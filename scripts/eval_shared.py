#!/usr/bin/env python3
"""Extract every article of the shared gold sets and score it with ../shared/eval/score.py.

Usage: .venv/bin/python scripts/eval_shared.py [SET ...] [--keep DIR]
(SET: seed, news, polnear-dev, geowebnews-dev; default all). Needs ../shared (evaluation data
that is not part of the project); exits 0 with a message where it is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*")
    ap.add_argument("--keep", type=Path, help="write predictions under DIR/<set>/ and keep them")
    args = ap.parse_args()
    gold_root = SHARED / "eval" / "gold"
    if not gold_root.is_dir():
        print(f"skipped: {gold_root} is absent (the shared evaluation data is not in a user's clone)")
        return 0
    sets = args.sets or sorted(p.name for p in gold_root.iterdir() if p.is_dir())
    out_root = args.keep or Path(tempfile.mkdtemp(prefix="sitrep-eval-"))
    for name in sets:
        gold_dir = gold_root / name
        files = [str(SHARED / json.loads(g.read_text())["text_file"]) for g in sorted(gold_dir.glob("*.json"))]
        pred_dir = out_root / name
        started = time.perf_counter()
        done = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "sitrep"), "extract", *files, "--out-dir", str(pred_dir)],
            capture_output=True, text=True,
        )
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
        print(f"== {name}: {len(files)} articles extracted in {seconds:.1f} s")
        subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(gold_dir), str(pred_dir)])
    if args.keep:
        print(f"predictions kept in {out_root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
