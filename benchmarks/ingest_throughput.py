#!/usr/bin/env python3
"""Whole `ingest` (read, parse, sitrep's components, store, resolve) vs the bare spaCy parse, same texts and processes.

    .venv/bin/python benchmarks/ingest_throughput.py [--limit 120] [--processes 2] [--rounds 1]

Needs ../shared/corpus/bulk (real articles, evaluation only); exits 0 with a message where it
is absent. `--limit` articles are taken evenly from the bulk files (short GDELT texts and
long web pages in their proportions) and written to a temporary JSONL. Two timings, in the
same process, alternated `--rounds` times (best of each kept) so that machine noise touches
both alike:

- parse: the model alone (``spacy.load`` + ``nlp.pipe(texts, n_process=P)``), nothing stored;
- ingest: ``sitrep.ingestion.ingest`` of the JSONL with P worker processes into a new SQLite
  store: reading, normalising, the parse, every sitrep component, storing and resolution.

The figure is ingest throughput / parse throughput (target ≥ 0.8), in wall-clock time and
in CPU time (this process and its worker processes, from getrusage): on a machine shared with
other work the CPU-time ratio is the steadier one, the wall-clock one also shows idle workers.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy

from sitrep.config import Settings
from sitrep.ingestion import ingest
from sitrep.pipeline import Extractor
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
BULK = ROOT.parent / "shared" / "corpus" / "bulk"


def cpu_seconds() -> float:
    """CPU time of this process and of its finished child processes (the workers, once joined)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def sample(limit: int) -> list[dict]:
    articles = [json.loads(line) for f in sorted(BULK.glob("*.jsonl")) for line in f.open(encoding="utf-8")]
    step = max(1, len(articles) // limit)
    return articles[::step][:limit]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=120)
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=1)
    args = ap.parse_args()
    if not BULK.is_dir():
        print(f"skipped: {BULK} is absent (evaluation data is not part of a user's clone)")
        return 0
    articles = sample(args.limit)
    work = Path(tempfile.mkdtemp(prefix="sitrep-throughput-"))
    corpus = work / "sample.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    texts = [a["text"] for a in articles]
    settings = Settings()
    nlp = spacy.load(settings.model)
    extractor = Extractor(settings)
    _ = extractor.nlp, extractor.versions  # load once, outside the timings (as a long run amortises it)
    list(nlp.pipe(texts[:4]))

    best_parse = best_ingest = cpu_parse = cpu_ingest = float("inf")
    stored = 0
    for round_ in range(args.rounds):
        started, started_cpu = time.perf_counter(), cpu_seconds()
        for _ in nlp.pipe(texts, n_process=args.processes, batch_size=8):
            pass
        best_parse = min(best_parse, time.perf_counter() - started)
        cpu_parse = min(cpu_parse, cpu_seconds() - started_cpu)
        with Store.open(f"sqlite:///{work / f'round{round_}.db'}") as store:
            started, started_cpu = time.perf_counter(), cpu_seconds()
            summary = ingest(
                [str(corpus)], store=store, extractor=extractor, settings=settings, n_process=args.processes
            )
            best_ingest = min(best_ingest, time.perf_counter() - started)
            cpu_ingest = min(cpu_ingest, cpu_seconds() - started_cpu)
            stored = store.counts().articles
        print(
            f"round {round_ + 1}: parse {best_parse:.1f} s ({cpu_parse:.1f} s CPU), "
            f"ingest {best_ingest:.1f} s ({cpu_ingest:.1f} s CPU)",
            file=sys.stderr,
        )
    n = len(texts)
    print(
        json.dumps(
            {
                "articles": n,
                "characters": sum(len(t) for t in texts),
                "processes": args.processes,
                "stored": stored,
                "rejected": len(summary.rejected),
                "parse_s": round(best_parse, 2),
                "ingest_s": round(best_ingest, 2),
                "parse_articles_per_s": round(n / best_parse, 2),
                "ingest_articles_per_s": round(n / best_ingest, 2),
                "parse_cpu_s": round(cpu_parse, 2),
                "ingest_cpu_s": round(cpu_ingest, 2),
                "ingest_to_parse_throughput_wall": round(best_parse / best_ingest, 3),
                "ingest_to_parse_throughput_cpu": round(cpu_parse / cpu_ingest, 3),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
