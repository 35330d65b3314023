#!/usr/bin/env python3
"""Extraction on a Dask LocalCluster: 2 workers vs 1 worker, same texts, one run.

    .venv/bin/python benchmarks/dask_scaling.py [--limit 40] [--rounds 1]

Needs ../shared/corpus/bulk (evaluation only); exits 0 with a message where it is absent.
It reads `--limit` articles taken evenly from the bulk files, so short GDELT texts and long
web pages come in their proportions (at 40: 34 GDELT texts and 6 web pages, 199,000
characters, the longest 38,600), few enough that the whole run (both cluster sizes, each
worker loading the pipeline) stays within minutes; the load average before and after is
printed with the figures, since other work on the machine takes cores from the workers.
For each cluster size a LocalCluster is started (one process, one thread per worker), the
workers load the pipeline (not timed: `DaskRunner` waits for them to join and load), then
the timed part runs `store_articles` of `--limit` bulk articles into a new SQLite store
through `DaskRunner`, as `sitrep ingest --workers N` does. The figure is the ratio of the
1-worker time to the 2-worker time (target ≥ 1.6 on 2 cores). The sizes alternate over
`--rounds` rounds (1, 2, 1, 2, …) and the best time of each is kept, so other load on the
machine touches both alike; every run and the ratio of each round are printed too. It also
reports the peak memory of each worker (target ≤ 1 GB).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from sitrep.config import Settings
from sitrep.ingest import Article, read_inputs
from sitrep.ingestion import store_articles
from sitrep.parallel import DaskRunner, extractor_for
from sitrep.pipeline import Extractor
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"


def wait_for_pipeline(settings: Settings) -> None:
    """Run on each worker: returns once the worker's pipeline is loaded (by the plugin, or now)."""
    extractor_for(settings)


def worker_peak_mb(runner: DaskRunner) -> float:
    def peak() -> int:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kB on Linux

    peaks = runner.client.run(peak)
    return round(max(peaks.values()) / 1024, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    if not BULK.is_dir():
        print(f"skipped: {BULK} is absent (evaluation data is not part of a user's clone)")
        return 0
    settings = Settings()
    items = [a for a in read_inputs([str(BULK)], settings=settings) if isinstance(a, Article)]
    step = max(1, len(items) // args.limit)
    items = items[::step][: args.limit]
    load_before = os.getloadavg()
    extractor = Extractor(settings)  # used only for versions on this side; workers extract
    work = Path(tempfile.mkdtemp(prefix="sitrep-dask-"))
    best: dict[int, float] = {1: float("inf"), 2: float("inf")}
    memory: dict[int, float] = {}
    runs: list[dict[str, float]] = []  # every run, in the order run (1, 2, 1, 2, …)
    for round_ in range(args.rounds):
        for workers in (1, 2):
            with DaskRunner(settings, n_workers=workers) as runner:
                while len(runner.client.scheduler_info()["workers"]) < workers:
                    time.sleep(0.2)
                runner.client.run(wait_for_pipeline, runner.settings)
                with Store.open(f"sqlite:///{work / f'w{workers}-r{round_}.db'}") as store:
                    started = time.perf_counter()
                    summary = store_articles(items, store=store, extractor=extractor, runner=runner)
                    seconds = time.perf_counter() - started
                memory[workers] = worker_peak_mb(runner)
            best[workers] = min(best[workers], seconds)
            runs.append({"round": round_ + 1, "workers": workers, "seconds": round(seconds, 2)})
            print(
                f"round {round_ + 1}, {workers} worker(s): {seconds:.1f} s, {summary.counts()}",
                file=sys.stderr,
            )
    print(
        json.dumps(
            {
                "articles": len(items),
                "one_worker_s": round(best[1], 2),
                "two_workers_s": round(best[2], 2),
                "speed_up_2_over_1": round(best[1] / best[2], 3),
                "runs": runs,
                "speed_up_per_round": [
                    round(runs[i]["seconds"] / runs[i + 1]["seconds"], 3) for i in range(0, len(runs) - 1, 2)
                ],
                "worker_peak_rss_mb": memory,
                "characters": sum(len(a.text) for a in items),
                "load_average_1_5_15_before": [round(x, 2) for x in load_before],
                "load_average_1_5_15_after": [round(x, 2) for x in os.getloadavg()],
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
