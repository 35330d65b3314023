"""The vendored map files are what scripts/build_static.py made, and the TopoJSON decoder is right."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from shapely.geometry import shape

from sitrep.web import check_static

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_static", ROOT / "scripts" / "build_static.py")
assert spec is not None and spec.loader is not None
build_static = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_static)


def test_vendored_files_match_the_build_manifest():
    assert build_static.check() == []
    check_static()  # what `sitrep serve` checks before it starts


def test_manifest_names_each_package_version_and_licence():
    manifest = json.loads(build_static.MANIFEST.read_text(encoding="utf-8"))
    for name, (version, licence, files) in build_static.PACKAGES.items():
        entry = manifest["packages"][name]
        assert (entry["version"], entry["licence"]) == (version, licence)
        assert entry["integrity"].startswith("sha512-")
        assert any(f.endswith("LICENSE") for f in entry["files"])
        assert set(entry["files"]) == set(files.values())


def test_basemap_is_geojson_with_the_countries_of_the_war():
    path = build_static.VENDOR / "world-atlas" / "countries-50m.geojson"
    collection = json.loads(path.read_text(encoding="utf-8"))
    names = {f["properties"]["name"] for f in collection["features"]}
    assert {"Ukraine", "Russia", "Poland", "Moldova"} <= names
    ukraine = next(f for f in collection["features"] if f["properties"]["name"] == "Ukraine")
    west, _, east, _ = shape(ukraine["geometry"]).bounds
    assert 22 < west < 23 and 40 < east < 41.5  # Ukraine spans about 22.1°E to 40.2°E


def test_decoder_reverses_arcs_and_joins_them():
    topology = {
        "type": "Topology",
        "transform": {"scale": [0.5, 0.5], "translate": [10, 20]},
        "arcs": [[[0, 0], [2, 0], [0, 2]], [[2, 2], [-2, 0], [0, -2]]],
        "objects": {"c": {"type": "GeometryCollection", "geometries": [
            {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "Square"}},
            {"type": "Polygon", "arcs": [[~1, ~0]], "id": "2", "properties": {"name": "Reversed"}},
        ]}},
    }  # fmt: skip
    square, reversed_ = build_static.topology_to_geojson(topology, "c")["features"]
    assert square["geometry"]["coordinates"] == [
        [[10.0, 20.0], [11.0, 20.0], [11.0, 21.0], [10.0, 21.0], [10.0, 20.0]]
    ]
    assert reversed_["geometry"]["coordinates"][0] == list(reversed(square["geometry"]["coordinates"][0]))
