#!/usr/bin/env python3
"""Check a store's captures, advances and withdrawals against a folder of control maps, and tabulate the verdicts.

    .venv/bin/python scripts/eval_control.py --db /tmp/bulk.db [--maps ../shared/corpus/control] [--show 10]

Loads every `*_YYYYMMDD.geojson` of the folder as the RU-held area on that date (series
"deepstate", skipping maps already stored), checks every stored fact once, then prints per
event type how many facts are consistent, inconsistent and undetermined, why the undetermined
ones are, and the first `--show` inconsistent captures with their sentence, to read by hand.
The maps are evaluation data (../shared/corpus/control, DeepStateMap outlines): never copy them
into the project. Exits 0 with a message where the folder is absent.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from sitrep.control import add_control_map, check_claims
from sitrep.store import Store

ROOT = Path(__file__).resolve().parents[1]
MAPS = ROOT.parent / "shared" / "corpus" / "control"
DATED = re.compile(r"_(\d{4})(\d{2})(\d{2})\.geojson$")
#: Why a fact is undetermined, by the words of its reason (sitrep.control.verdicts).
CAUSES = (
    ("far from the fighting", "settlement > 30 km from the line on every map"),
    ("dated only to", "date too coarse (year, season)"),
    ("not a settlement", "place too coarse (region, country, sea)"),
    ("no position", "place not in the gazetteer"),
    ("lies outside", "place outside Ukraine"),
    ("no place", "no place"),
    ("before the first map", "date before the first map"),
    ("no map within", "no map after the date (after the last)"),
    ("no side", "no side named"),
    ("on the line", "settlement on the line"),
    ("may lag", "maps too soon after the date"),
    ("days after", "maps too soon after the date"),
    ("undated", "undated"),
)


def cause(reason: str) -> str:
    return next((label for words, label in CAUSES if words in reason), reason)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="A store with ingested articles (path or URL).")
    parser.add_argument("--maps", type=Path, default=MAPS)
    parser.add_argument("--show", type=int, default=10, help="Inconsistent captures to print.")
    args = parser.parse_args()
    if not args.maps.is_dir():
        print(f"{args.maps} is absent: the control maps are evaluation data beside the repo, not part of it")
        return 0
    url = args.db if "://" in args.db else f"sqlite:///{args.db}"
    with Store.open(url) as store:
        stored = {m.on for m in store.control_maps(name="deepstate")}
        for path in sorted(args.maps.glob("*.geojson")):
            found = DATED.search(path.name)
            if found and (on := date(*map(int, found.groups()))) not in stored:
                add_control_map(store, path, on=on, side="RU", name="deepstate", check=False)
        summary = check_claims(store, name="deepstate")
        print(f"{summary.facts} facts checked against {summary.maps} maps\n")
        print("| event type | consistent | inconsistent | undetermined | total |\n|---|---|---|---|---|")
        for kind, by in sorted(summary.by_type.items()):
            n = [by.get(v, 0) for v in ("consistent", "inconsistent", "undetermined")]
            print(f"| {kind} | {n[0]} | {n[1]} | {n[2]} | {sum(n)} |")
        facts = {(f.article_id, f.item_id): f for f in store.facts(kinds=["event"])}
        checks = store.control_checks()
        print("\n| undetermined because | capture | advance | withdrawal |\n|---|---|---|---|")
        causes = Counter((cause(c.reason), c.event_type) for c in checks if c.verdict == "undetermined")
        for label in dict.fromkeys(label for _, label in CAUSES):
            row = [causes[(label, t)] for t in ("capture", "advance", "withdrawal")]
            if any(row):
                print(f"| {label} | {' | '.join(map(str, row))} |")
        consistent = Counter("already held before" if "already so" in c.reason else "changed or first seen"
                             for c in checks if c.verdict == "consistent" and c.event_type == "capture")
        print(f"\nconsistent captures: {dict(consistent)}")
        infos = store.article_infos(sorted({c.article_id for c in checks}))
        shown = [c for c in checks if c.verdict == "inconsistent" and c.event_type == "capture"][: args.show]
        for i, c in enumerate(shown, 1):
            f = facts.get((c.article_id, c.item_id))
            info = infos.get(c.article_id)
            print(f"\n{i}. {info.outlet_name if info else '?'} {c.on} {c.side} capture at {f.place_name if f else c.place_key}"
                  f" [{c.article_id} {c.item_id}, status {f.status if f else '?'}, holder {f.holder if f else '?'}]")
            print(f"   verdict: {c.reason} (maps {c.before_on} → {c.after_on})")
            print(f"   text: {' '.join((f.text if f else '').split())[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
