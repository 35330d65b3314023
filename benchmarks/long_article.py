#!/usr/bin/env python3
"""Peak memory and time of ingesting one very long article (read → extract in pieces → store).

    PYTHONPATH=src .venv/bin/python benchmarks/long_article.py [--chars 1000000]

Target (issue 15): a 1 MB article is stored under 600 MB peak resident memory, where a
400,000-character text used to take 1.5 GB and a 1,000,000-character one failed with
spaCy's E088. Each measurement runs in a fresh process, so peak RSS (``ru_maxrss``) is that
run's own: first the bare pipeline loaded and one short article ingested (the baseline),
then the long article. The text is built here from report-style sentences written for
this benchmark, varied so that it is not one paragraph repeated.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PLACES = ["Pokrovsk", "Kupiansk", "Kherson", "Zaporizhzhia", "Kharkiv", "Sumy", "Chasiv Yar", "Toretsk"]
UNITS = ["the 47th Mechanized Brigade", "the 3rd Assault Brigade", "the 93rd Brigade", "marines"]
SPEAKERS = ["the General Staff", "the regional governor", "a battalion commander", "the defence ministry"]
TEMPLATES = [
    "Russian forces shelled {place} on {day}, {speaker} said, adding that {n} people were wounded.",
    '"We held the line near {place}," a soldier of {unit} told reporters on {day}.',
    "Moscow claimed its troops had advanced west of {place}, but {speaker} denied the claim.",
    "{unit} repelled {n} assaults near {place} over the past day, according to {speaker}.",
    "Analysts expect fighting around {place} to intensify in the coming weeks as supplies run low.",
    "Drones struck an energy facility outside {place} overnight; {speaker} said repairs would take days.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

RUN = """
import json, resource, sys, time
from sitrep.config import Settings
from sitrep.ingestion import default_extractor, ingest
from sitrep.store import Store
settings = Settings()
extractor = default_extractor(settings)
_ = extractor.nlp
started = time.perf_counter()
with Store.open(sys.argv[2]) as store:
    summary = ingest([sys.argv[1]], store=store, extractor=extractor, settings=settings)
    record = store.get(summary.new[0].id).record if summary.new else None
print(json.dumps({
    "seconds": time.perf_counter() - started,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "counts": summary.counts(),
    "rejected": [r.reason for r in summary.rejected],
    "places": len(record.places) if record else 0,
    "quotes": len(record.quotes) if record else 0,
}))
"""


def long_text(chars: int, *, seed: int = 15) -> str:
    """Paragraphs of 3–6 report sentences until `chars` characters."""
    rng = random.Random(seed)
    paragraphs: list[str] = []
    size = 0
    while size < chars:
        sentences = [
            rng.choice(TEMPLATES).format(
                place=rng.choice(PLACES),
                unit=rng.choice(UNITS),
                speaker=rng.choice(SPEAKERS),
                day=rng.choice(DAYS),
                n=rng.randint(2, 40),
            )
            for _ in range(rng.randint(3, 6))
        ]
        paragraph = " ".join(s[0].upper() + s[1:] for s in sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:chars]


def measure(path: Path, db: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", RUN, str(path), f"sqlite:///{db}"],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"},
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="length of the long article")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        short, long = Path(tmp) / "short.txt", Path(tmp) / "long.txt"
        short.write_text(long_text(600), encoding="utf-8")
        long.write_text(long_text(args.chars), encoding="utf-8")
        started = time.perf_counter()
        base = measure(short, Path(tmp) / "base.db")
        big = measure(long, Path(tmp) / "long.db")
        total = time.perf_counter() - started
    print(f"article: {args.chars:,} characters ({long.stat().st_size if long.exists() else args.chars:,} bytes)")
    print(f"baseline (pipeline + one short article): peak {base['peak_mb']:.0f} MB")
    print(
        f"long article: peak {big['peak_mb']:.0f} MB ({big['peak_mb'] / base['peak_mb']:.2f}× the baseline), "
        f"{big['seconds']:.1f} s, {big['counts']}, {big['places']} places, {big['quotes']} quotes"
    )
    for reason in big["rejected"]:  # type: ignore[attr-defined]
        print(f"  rejected: {reason}")
    target = 600
    verdict = "meets" if big["peak_mb"] < target and big["counts"] == {"new": 1, "duplicate": 0, "rejected": 0} else "MISSES"  # type: ignore[operator]
    print(f"{verdict} the target: stored, under {target} MB peak (benchmark run took {total:.0f} s)")
    return 0 if verdict == "meets" else 1


if __name__ == "__main__":
    sys.exit(main())
