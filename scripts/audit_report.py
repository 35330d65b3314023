#!/usr/bin/env python3
"""Precision audit of the situation report: a seeded random sample of its statements, each
printed with the sentences it cites, for a person to judge (true / partly / false).

    .venv/bin/python scripts/audit_report.py                       # ingest the bulk corpus once, sample 50
    .venv/bin/python scripts/audit_report.py --db /tmp/reports-bulk.db --seed 11 --n 50
    .venv/bin/python scripts/audit_report.py --refresh             # rebuild facts from stored records first

The statements come from `sitrep report` over all places (key points are left out: they
repeat lines of the place sections). The bulk corpus (../shared/corpus/bulk/*.jsonl) is
read from outside the project and ingested into a temporary database; nothing of it is
written into the repository. Without the corpus the script says so and exits 0.
"""

from __future__ import annotations

import argparse
import glob
import random
import subprocess
import sys
from pathlib import Path

from sitrep import situation
from sitrep.report.situation import Citation, Line, short_quote
from sitrep.store import Store

CORPUS = "/work/shared/corpus/bulk/*.jsonl"
DEFAULT_DB = "/tmp/reports-bulk.db"


def statements(db: str) -> tuple[list[tuple[str, str, Line]], dict[int, Citation]]:
    """Every (place, section, line) of the report over all places, and its citations by number."""
    with Store.open(f"sqlite:///{db}", readonly=True, migrate=False) as store:
        report = situation.situation_report(store)
    lines = [
        (place, section.title, line)
        for place, sections in report.places
        for section in sections
        for line in section.lines
    ]
    return lines, {c.number: c for c in report.citations}


def ledger_check(db: str) -> tuple[int, int]:
    """(forecasts marked 'came true', those without a cited later event at the place): the second must be 0."""
    with Store.open(f"sqlite:///{db}", readonly=True, migrate=False) as store:
        entries, _ = situation.forecasts(store)
    came = [e for e in entries if e.outcome == "came true"]
    bad = [
        e
        for e in came
        if not e.evidence or not all(x.on and e.forecast.on and x.on > e.forecast.on for x in e.evidence)
    ]
    return len(came), len(bad)


def ingest(db: str, corpus: list[str]) -> None:
    sitrep = Path(sys.executable).with_name("sitrep")
    print(f"ingesting {len(corpus)} files into {db} (once; later runs reuse it) …", file=sys.stderr)
    subprocess.run([str(sitrep), "ingest", "--db", db, *corpus], check=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=DEFAULT_DB, help="SQLite database of the ingested corpus")
    parser.add_argument("--corpus", default=CORPUS, help="glob of the JSONL files to ingest when --db is missing")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("-n", type=int, default=50, help="statements to sample")
    parser.add_argument("--refresh", action="store_true", help="rebuild facts from stored records first")
    args = parser.parse_args()

    if not Path(args.db).exists():
        corpus = sorted(glob.glob(args.corpus))
        if not corpus:
            print(f"skipped: no corpus at {args.corpus} and no database at {args.db}", file=sys.stderr)
            return 0
        ingest(args.db, corpus)
    if args.refresh:
        with Store.open(f"sqlite:///{args.db}") as store:
            print(f"facts rebuilt for {store.refresh_facts()} articles", file=sys.stderr)

    lines, citations = statements(args.db)
    sample = random.Random(args.seed).sample(lines, min(args.n, len(lines)))
    print(f"# {len(sample)} of {len(lines)} report statements (seed {args.seed}, db {args.db})\n")
    for i, (place, section, line) in enumerate(sample, 1):
        print(f"## {i}. [{place} / {section}] {line.text}")
        for n in line.cites[:6]:
            c = citations[n]
            who = c.article.voice_name
            print(f"   [{n}] {who}, {c.article.published or 'undated'}, {c.article.id} @{c.start}-{c.end}")
            print(f"       before: {short_quote(c.before, 220)}")
            print(f"       >>> {short_quote(c.quote, 500)}")
            print(f"       after:  {short_quote(c.after, 220)}")
        if len(line.cites) > 6:
            print(f"   (+{len(line.cites) - 6} more citations, listed in the report)")
        print()
    came, bad = ledger_check(args.db)
    print(f"# ledger: {came} forecasts marked 'came true', {bad} of them without a cited later event")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
