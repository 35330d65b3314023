#!/usr/bin/env python3
"""Build src/sitrep/data/orbat.csv from the curated data/orbat/orbat_source.csv.

Usage: .venv/bin/python scripts/build_orbat.py [--check]

Validates every row (side UA or RU, a known echelon, a source), writes canonical names
with ordinals ("68th Separate Jaeger Brigade"), sorts the rows and de-duplicates aliases.
With --check, exits 1 when the shipped file differs from what the source gives.
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "data" / "orbat" / "orbat_source.csv"
OUT = ROOT / "src" / "sitrep" / "data" / "orbat.csv"
ECHELONS = {
    "army",
    "corps",
    "division",
    "brigade",
    "regiment",
    "battalion",
    "company",
    "unit",
    "legion",
    "PMC",
    "group of forces",
    # above the field formations: districts, fleets, the GRU, the reserve
    "military district",
    "fleet",
    "flotilla",
    "directorate",
    "reserve",
}
FIELDS = ["side", "number", "echelon", "branch", "name", "aliases", "source"]


def ordinal(n: int) -> str:
    """1 → '1st', 12 → '12th', 22 → '22nd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def render(source: Path = SOURCE) -> str:
    """The shipped CSV text for a source table; ValueError on an invalid row."""
    rows = []
    with source.open(encoding="utf-8", newline="") as f:
        for line, row in enumerate(csv.DictReader(f), start=2):
            if row["side"] not in {"UA", "RU"} or row["echelon"] not in ECHELONS or not row["source"].strip():
                raise ValueError(f"{source}:{line}: bad side, echelon or missing source: {row}")
            name = row["name"].strip()
            if row["number"]:
                number = int(row["number"])
                head, _, rest = name.partition(" ")
                if head == str(number):
                    name = f"{ordinal(number)} {rest}"
            aliases = sorted({a.strip() for a in row["aliases"].split("|") if a.strip()})
            rows.append({**row, "name": name, "aliases": "|".join(aliases)})
    rows.sort(key=lambda r: (r["side"], r["echelon"], int(r["number"] or 0), r["name"]))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--check", action="store_true", help="compare with the shipped file instead of writing it"
    )
    args = ap.parse_args()
    text = render()
    if args.check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print(
            "orbat.csv is up to date"
            if same
            else "orbat.csv differs from its source: run scripts/build_orbat.py"
        )
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT}: {text.count(chr(10)) - 1} formations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
