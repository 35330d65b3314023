#!/usr/bin/env python3
"""Does storing + resolving an article cost the same at 1k and at 10k stored articles?

    .venv/bin/python benchmarks/resolve_scaling.py [--sizes 1000,10000] [--sample 200] [--place Pokrovsk]

Needs ../shared/corpus/bulk (real articles, evaluation only); exits 0 with a message where it
is absent. Records are extracted once from the first `--extract` bulk articles (cached in
--cache). The store is then filled with reshuffled copies of the bulk corpus: each synthetic
article's text is sentences drawn from random bulk articles (so texts are distinct and are
not near-duplicates of each other), its record is that of one of the extracted articles, and
its publication date advances with the store, `--per-day` articles a day (with a few days of
jitter), as a feed's would: a store grows by gaining history, so the density of reporting
per week stays what it is, and only the size of the store changes between the timings. Extraction is not timed (its cost per
article does not depend on the store); what is timed is `Store.add` with its resolution:
near-duplicate look-up, story assignment, entities and facts, in one transaction.

When the store reaches each size, `--sample` more articles are added and timed; the ratio
of the mean cost per article at the largest size to the smallest is the figure (target ≤ 1.2),
in process CPU time (steady whatever else the machine runs) and in wall-clock time.
It also times the situation report for one place over the whole store (target ≤ 2 s).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from sitrep.ingest.article import Article
from sitrep.models import ArticleMeta, Record
from sitrep.normalise import normalise_text
from sitrep.pipeline import ArticleInput, Extractor
from sitrep.report.situation import render_markdown
from sitrep.situation import situation_report
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"
SENTENCE = re.compile(r"(?<=[.!?])\s+")


def load_records(articles: list[dict], cache: Path, n: int) -> list[Record]:
    if cache.is_file():
        records = [
            Record.model_validate_json(line) for line in cache.read_text(encoding="utf-8").splitlines()
        ]
        if len(records) >= n:
            return records[:n]
    print(f"extracting {n} bulk articles once (cached in {cache}) …", file=sys.stderr)
    inputs = [ArticleInput(normalise_text(a["text"]), ArticleMeta(id=a["id"])) for a in articles[:n]]
    records = list(Extractor().extract_many(inputs, n_process=2))
    cache.write_text("\n".join(r.model_dump_json() for r in records), encoding="utf-8")
    return records


def synthetic(rng: random.Random, sentences: list[str], n: int) -> str:
    return " ".join(rng.choice(sentences) for _ in range(n))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--sample", type=int, default=200)
    ap.add_argument("--extract", type=int, default=120, help="bulk articles to extract records from")
    ap.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "sitrep-bench-records.jsonl")
    ap.add_argument(
        "--place", default="Kyiv", help="place of the timed report (one the bulk records name often)"
    )
    ap.add_argument("--db", type=Path, help="SQLite file to build (default: a temporary one)")
    ap.add_argument(
        "--per-day", type=float, default=10.0, help="articles a day (the bulk corpus's busiest rate)"
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
    records = load_records(articles, args.cache, args.extract)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    db = args.db or Path(tempfile.mkdtemp(prefix="sitrep-bench-")) / "bench.db"
    start_day = date(2022, 2, 24)

    def article(i: int) -> tuple[Article, Record]:
        published = start_day + timedelta(days=int(i / args.per_day) + rng.randint(-3, 3))
        text = synthetic(rng, sentences, rng.randint(12, 40))
        return Article(
            text, f"synthetic-{i}", outlet=f"outlet {rng.randrange(60)}", published=published
        ), rng.choice(records)

    results = {}
    with Store.open(f"sqlite:///{db}") as store:
        stored = 0
        for size in sizes:
            while stored < size:
                store.add(*article(stored))
                stored += 1
                if stored % 1000 == 0:
                    print(f"  {stored} stored", file=sys.stderr)
            wall, cpu = [], []
            for _ in range(args.sample):
                a, r = article(stored)
                started, started_cpu = time.perf_counter(), time.process_time()
                store.add(a, r)
                wall.append(time.perf_counter() - started)
                cpu.append(time.process_time() - started_cpu)
                stored += 1
            results[size] = {
                "mean_ms": round(1000 * statistics.fmean(wall), 2),
                "median_ms": round(1000 * statistics.median(wall), 2),
                "cpu_mean_ms": round(1000 * statistics.fmean(cpu), 2),
            }
            print(f"at {size}: {results[size]}", file=sys.stderr)
        started = time.perf_counter()
        report = render_markdown(situation_report(store, place=args.place))
        report_s = time.perf_counter() - started
    small, large = results[sizes[0]]["cpu_mean_ms"], results[sizes[-1]]["cpu_mean_ms"]
    print(
        json.dumps(
            {
                "per_article_cost": results,
                "cpu_ratio_largest_to_smallest": round(large / small, 3),
                "wall_ratio_largest_to_smallest": round(
                    results[sizes[-1]]["mean_ms"] / results[sizes[0]]["mean_ms"], 3
                ),
                "report_place": args.place,
                "report_seconds": round(report_s, 3),
                "report_lines": report.count("\n"),
                "database": str(db),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
