#!/usr/bin/env python3
"""What the gazetteer costs at start: time to first lookup and resident memory added, in a fresh process.

    .venv/bin/python benchmarks/bench_gazetteer.py [--names N]

Targets (issue 4): ≤ 2 s and ≤ 300 MB added at start. Also reports the per-lookup time of
N names (cold, then cached), the shipped file's size, and places/names counts.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAMES = [
    "Pokrovsk",
    "Kupiansk",
    "Avdeyevka",
    "Artemivsk",
    "Donetsk region",
    "Kyiv",
    "Moscow",
    "Washington",
    "Chasiv Yar",
    "Vuhledar",
    "Zaporizhzhia Oblast",
    "Crimea",
    "Kharkiv",
    "Odesa",
    "Belgorod",
    "Kursk",
]


def rss_mb() -> float:
    """Resident set size now (Linux /proc), in MB; peak RSS where /proc is absent."""
    status = Path("/proc/self/status")
    if status.is_file():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--names", type=int, default=2000, help="lookups for the per-lookup timing")
    args = ap.parse_args()
    from sitrep.geo.gazetteer import DEFAULT_PATH, Gazetteer  # the package (and spaCy) load here, untimed

    before = rss_mb()
    started = time.perf_counter()
    gaz = Gazetteer()
    gaz.lookup("Pokrovsk")
    start_s = time.perf_counter() - started
    after = rss_mb()
    names = (NAMES * (args.names // len(NAMES) + 1))[: args.names]
    t = time.perf_counter()
    for i, name in enumerate(names):
        gaz.lookup(f"{name} {i}" if i % 2 else f"{name}")  # distinct misses, and hits
    cold_us = (time.perf_counter() - t) / len(names) * 1e6
    for name in names:
        gaz.lookup(name)
    t = time.perf_counter()
    for name in names:
        gaz.lookup(name)
    warm_us = (time.perf_counter() - t) / len(names) * 1e6
    meta = json.loads(gaz.meta()["fingerprint"])
    print(
        json.dumps(
            {
                "start_s": round(start_s, 3),
                "rss_added_mb": round(after - before, 1),
                "lookup_cold_us": round(cold_us, 1),
                "lookup_cached_us": round(warm_us, 2),
                "file_mb": round(DEFAULT_PATH.stat().st_size / 1e6, 1),
                "places": meta["places"],
                "names": meta["names"],
                "targets": {"start_s": 2.0, "rss_added_mb": 300},
            },
            indent=2,
        )
    )
    return 0 if start_s <= 2.0 and after - before <= 300 else 1


if __name__ == "__main__":
    sys.exit(main())
