#!/usr/bin/env python3
"""A store of 100,000 articles: store+resolve cost per article at 10k vs 100k, search p95, report, size, memory.

    .venv/bin/python benchmarks/store_scale.py [--sizes 10000,100000] [--sample 300] [--db FILE]

Needs ../shared/corpus/bulk (real articles, evaluation only); exits 0 with a message where it
is absent. What is measured, exactly:

- The store is filled as `resolve_scaling.py` fills it: each synthetic article is one of
  `--extract` really extracted bulk articles (its text and its precomputed, cached record, so
  that the record's spans and sentences are read from its own text) followed by 12–40
  sentences drawn from random bulk articles; its outlet is one of 60, its date advances
  `--per-day` a day. The texts are not parsed (extraction costs the same per article whatever the store's size and is
  measured by ingest_throughput.py); every article goes through `Store.add_many` — insert,
  near-duplicate look-up, story assignment, entities, facts — in batches of `--batch` per
  transaction, as `sitrep ingest` stores them.
- At each size, `--sample` more articles are stored in batches and timed: mean CPU ms and wall
  ms per article. The figure is the ratio largest/smallest (target ≤ 1.2).
- At the largest size: `Store.search` p50/p95 over `--queries` one- and two-word queries (target
  p95 ≤ 50 ms); for `--place`, wall and CPU seconds of the situation report twice (the first
  computes and keeps the sources' track records over the whole store, as `sitrep ingest` does
  at its end; the second is what a reader waits for: target ≤ 2 s), of `claims` and of
  `timeline`; database bytes per article; the peak memory of this (storing) process,
  and the peak resident memory of one extraction worker (a `ProcessRunner` worker extracting
  `--extract` real articles; target ≤ 1 GB), read from /proc.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Record
from sitrep.normalise import normalise_text
from sitrep.pipeline import ArticleInput, Extractor
from sitrep.report.situation import render_markdown
from sitrep.situation import claims, place_timeline, situation_report
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
SENTENCE = re.compile(r"(?<=[.!?])\s+")
QUERIES = ["Pokrovsk", "drone", "Kharkiv", "shelling", "ceasefire", "Zelensky", "missile strike", "Bakhmut"]


def load_records(articles: list[dict], cache: Path, n: int) -> tuple[list[Record], int]:
    """Records of the first n bulk articles (cached), and the peak RSS (kB) of an extraction worker."""
    if cache.is_file():
        records = [
            Record.model_validate_json(line) for line in cache.read_text(encoding="utf-8").splitlines()
        ]
        if len(records) >= n:
            return records[:n], _worker_peak_kb(articles[: min(n, 40)])
    print(f"extracting {n} bulk articles once (cached in {cache}) …", file=sys.stderr)
    inputs = [ArticleInput(normalise_text(a["text"]), ArticleMeta(id=a["id"])) for a in articles[:n]]
    records = list(Extractor().extract_many(inputs, n_process=2))
    cache.write_text("\n".join(r.model_dump_json() for r in records), encoding="utf-8")
    return records, _worker_peak_kb(articles[: min(n, 40)])


def _worker_peak_kb(articles: list[dict]) -> int:
    """Peak RSS of a forked extraction worker after extracting these articles (VmHWM, Linux)."""
    from sitrep.parallel import ProcessRunner

    extractor = Extractor()
    inputs = [
        ArticleInput(normalise_text(a["text"]), ArticleMeta(id=f"m{i}")) for i, a in enumerate(articles)
    ]
    with ProcessRunner(extractor, n_process=1) as runner:
        list(runner.run(inputs))
        pool = runner._pool
        assert pool is not None
        peaks = []
        for process in pool._processes.values():  # the pool's own processes: no public accessor
            status = Path(f"/proc/{process.pid}/status").read_text()
            peaks.append(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)))  # type: ignore[union-attr]
    return max(peaks)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--sample", type=int, default=300)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--extract", type=int, default=120)
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-bench-records.jsonl")
    ap.add_argument("--place", default="Kyiv")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--per-day", type=float, default=50.0)
    ap.add_argument("--db", type=Path, help="SQLite file to build (default: a temporary one)")
    ap.add_argument(
        "--max-fill-seconds",
        type=float,
        help="Stop filling after this long and measure at the size reached (reported as such)",
    )
    args = ap.parse_args()
    files = sorted(BULK.glob("*.jsonl"))
    if not files:
        print(f"skipped: {BULK} is absent (evaluation data is not part of a user's clone)")
        return 0
    rng = random.Random(1)
    articles = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    articles = [a for a in articles if a.get("lang", "en") == "en" and len(a["text"]) > 500]
    sentences = [s for a in articles for s in SENTENCE.split(a["text"]) if 40 < len(s) < 400]
    records, worker_peak_kb = load_records(articles, args.cache, args.extract)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    db = args.db or Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "scale.db"
    start_day = date(2022, 2, 24)

    texts = {a["id"]: normalise_text(a["text"]) for a in articles[: args.extract]}

    def article(i: int) -> tuple[Article, Record]:
        published = start_day + timedelta(days=int(i / args.per_day) + rng.randint(-3, 3))
        record = rng.choice(records)
        # The record's own text first (its spans and sentences are read from it), then
        # recombined sentences, so that no two synthetic articles are the same text.
        extra = " ".join(rng.choice(sentences) for _ in range(rng.randint(12, 40)))
        text = f"{texts[record.id]}\n\n{extra}"
        return Article(text, f"synthetic-{i}", outlet=f"outlet {rng.randrange(60)}", published=published), record

    results: dict[int, dict[str, float]] = {}
    with Store.open(f"sqlite:///{db}") as store:
        stored = store.counts().articles
        rng.seed(1 + stored)  # a store reopened with --db goes on with new texts, not the same ones again
        filled, first = time.perf_counter(), stored
        for size in sizes:
            while stored < size:
                if args.max_fill_seconds and time.perf_counter() - filled > args.max_fill_seconds:
                    print(f"  filling stopped at {stored} (--max-fill-seconds)", file=sys.stderr, flush=True)
                    break
                batch = [article(stored + i) for i in range(min(args.batch, size - stored))]
                store.add_many(batch)
                stored += len(batch)
                if stored % 1000 < args.batch:
                    rate = (stored - first) / (time.perf_counter() - filled)
                    print(f"  {stored} stored ({rate:.0f}/s)", file=sys.stderr, flush=True)
            wall, cpu = 0.0, 0.0
            done = 0
            size_reached = stored
            while done < args.sample:
                batch = [article(stored + i) for i in range(args.batch)]
                started, started_cpu = time.perf_counter(), time.process_time()
                store.add_many(batch)
                wall += time.perf_counter() - started
                cpu += time.process_time() - started_cpu
                done += len(batch)
                stored += len(batch)
            results[size_reached] = {  # keyed by the size reached (the asked one, unless out of time)
                "wall_ms": round(1000 * wall / done, 2),
                "cpu_ms": round(1000 * cpu / done, 2),
            }
            print(f"at {size_reached}: {results[size_reached]}", file=sys.stderr, flush=True)
            if size_reached < size:
                break
        latencies = []
        for i in range(args.queries):
            query = QUERIES[i % len(QUERIES)]
            started = time.perf_counter()
            store.search(query, limit=10)
            latencies.append(1000 * (time.perf_counter() - started))
        timed: dict[str, dict[str, float]] = {}

        def timing(name: str, work: Callable[[], object]) -> object:
            started, started_cpu = time.perf_counter(), time.process_time()
            out = work()
            timed[name] = {
                "wall_s": round(time.perf_counter() - started, 3),
                "cpu_s": round(time.process_time() - started_cpu, 3),
            }
            print(f"{name}: {timed[name]}", file=sys.stderr, flush=True)
            return out

        # The first report computes the sources' track records over the whole store and keeps
        # them (as `sitrep ingest` does at its end); the second is what a reader then waits for.
        timing("report_first", lambda: render_markdown(situation_report(store, place=args.place)))
        report = str(timing("report", lambda: render_markdown(situation_report(store, place=args.place))))
        timing("claims", lambda: claims(store, place=args.place))
        timing("timeline", lambda: place_timeline(store, place=args.place))
        total = store.counts().articles
    small, large = results[min(results)], results[max(results)]
    print(
        json.dumps(
            {
                "store_and_resolve_per_article": results,
                "cpu_ratio_largest_to_smallest": round(large["cpu_ms"] / small["cpu_ms"], 3),
                "wall_ratio_largest_to_smallest": round(large["wall_ms"] / small["wall_ms"], 3),
                "search_ms_p50": round(statistics.median(latencies), 2),
                "search_ms_p95": round(statistics.quantiles(latencies, n=20)[-1], 2),
                "place": args.place,
                "views_at_place": timed,
                "report_lines": report.count("\n"),
                "articles": total,
                "db_bytes_per_article": round(db.stat().st_size / total),
                "worker_peak_rss_mb": round(worker_peak_kb / 1024, 1),
                "store_process_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "database": str(db),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
