#!/usr/bin/env python3
"""What sitrep's components cost on top of the spaCy parse, as a ratio measured in one run.

    .venv/bin/python benchmarks/overhead.py [--components sitrep_quotes,sitrep_claims] [--texts DIR|FILE.jsonl] [--repeat 3]

Both timings run in the same process on the same texts, alternating, and the best of
`--repeat` rounds is kept for each, so machine noise affects both alike. Texts: the
bundled seed article ×20 by default; with ../shared present, `--texts` can point at
e.g. ../shared/corpus/news (a directory of .txt) or a .jsonl with a 'text' field.
The overhead is (full - parse) / parse, where "parse" is the model alone and "full"
adds the named sitrep components (all of them by default).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from sitrep.config import Settings
from sitrep.pipeline import component_names, load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "src" / "sitrep" / "data" / "sample" / "pokrovsk-wsj-digest.txt"


def load_texts(spec: str | None, limit: int) -> list[str]:
    if spec is None:
        return [SEED.read_text(encoding="utf-8")] * 20
    path = Path(spec)
    if path.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]
    elif path.suffix == ".jsonl":
        texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8") if line.strip()]
    else:
        texts = [path.read_text(encoding="utf-8")]
    return texts[:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--components", help="comma-separated sitrep components (default: all)")
    ap.add_argument("--texts", help="a directory of .txt files, a .jsonl or a text file (default: the seed ×20)")
    ap.add_argument("--limit", type=int, default=200, help="at most this many texts")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()

    nlp = load_pipeline(Settings())
    wanted = args.components.split(",") if args.components else component_names()
    unknown = set(wanted) - set(nlp.pipe_names)
    if unknown:
        print(f"not in the pipeline: {', '.join(sorted(unknown))}; have {', '.join(nlp.pipe_names)}", file=sys.stderr)
        return 2
    texts = load_texts(args.texts, args.limit)
    sitrep_all = [n for n in nlp.pipe_names if n.startswith("sitrep_")]
    # "parse" runs no sitrep component; "full" runs the wanted ones and the ones they depend on (all earlier sitrep ones).
    last = max(sitrep_all.index(n) for n in wanted)
    needed = sitrep_all[: last + 1]
    upstream = [n for n in needed if n not in wanted]

    def run(disable: list[str]) -> float:
        with nlp.select_pipes(disable=disable):
            start = time.perf_counter()
            for _ in nlp.pipe(texts, batch_size=8):
                pass
            return time.perf_counter() - start

    run(sitrep_all)  # warm-up: lazy data (gazetteer, lexicons) loads here, not in the timing
    run([n for n in sitrep_all if n not in needed])
    base, full = float("inf"), float("inf")
    for _ in range(args.repeat):
        base = min(base, run([n for n in sitrep_all if n not in upstream]))
        full = min(full, run([n for n in sitrep_all if n not in needed]))
    words = sum(len(t.split()) for t in texts)
    ratio = (full - base) / base
    print(
        json.dumps(
            {
                "texts": len(texts),
                "words": words,
                "components": wanted,
                "baseline": "spaCy parse" + (f" + {', '.join(upstream)}" if upstream else ""),
                "baseline_s": round(base, 3),
                "with_components_s": round(full, 3),
                "overhead": round(ratio, 4),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
