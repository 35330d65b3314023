"""Reading control map files: valid layers in the shapes GeoJSON allows, and every way a file is refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitrep.control import read_layer
from sitrep.errors import InputError

SQUARE = [[[37.0, 48.0], [38.0, 48.0], [38.0, 49.0], [37.0, 49.0], [37.0, 48.0]]]
SECOND = [[[35.0, 47.0], [35.5, 47.0], [35.5, 47.5], [35.0, 47.5], [35.0, 47.0]]]
CRS84 = {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}


def write(tmp_path: Path, data: object, name: str = "layer.geojson") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def feature(geometry: object) -> dict:
    return {"type": "Feature", "properties": {}, "geometry": geometry}


@pytest.mark.parametrize(
    "data,polygons",
    [
        ({"type": "Polygon", "coordinates": SQUARE}, 1),
        (feature({"type": "MultiPolygon", "coordinates": [SQUARE, SECOND]}), 2),
        (
            {
                "type": "FeatureCollection",
                "crs": CRS84,
                "features": [feature({"type": "Polygon", "coordinates": SQUARE}), feature({"type": "Polygon", "coordinates": SECOND})],
            },
            2,
        ),
    ],
)
def test_valid_layers_become_one_multipolygon(tmp_path, data, polygons):
    layer = read_layer(write(tmp_path, data))
    assert layer.polygons == polygons
    assert layer.bbox[0] <= 37.0 and layer.bbox[3] == 49.0
    # One degree square at 48.5° N: 111.2 km × 73.7 km ≈ 8,190 km².
    assert 8000 < read_layer(write(tmp_path, {"type": "Polygon", "coordinates": SQUARE}, "one.geojson")).area_km2 < 8400


def test_overlapping_features_are_merged(tmp_path):
    inner = [[[37.2, 48.2], [37.4, 48.2], [37.4, 48.4], [37.2, 48.4], [37.2, 48.2]]]
    data = {"type": "FeatureCollection", "features": [feature({"type": "Polygon", "coordinates": c}) for c in (SQUARE, inner)]}
    assert read_layer(write(tmp_path, data)).polygons == 1


BOWTIE = [[[37.0, 48.0], [38.0, 49.0], [38.0, 48.0], [37.0, 49.0], [37.0, 48.0]]]


@pytest.mark.parametrize(
    "data,code",
    [
        ("{not json", "E301"),
        ([1, 2, 3], "E302"),
        ({"type": "Topology", "objects": {}}, "E302"),
        ({"type": "Point", "coordinates": [37.5, 48.5]}, "E302"),
        ({"type": "FeatureCollection", "features": [feature({"type": "LineString", "coordinates": [[37, 48], [38, 49]]})]}, "E303"),
        ({"type": "FeatureCollection", "features": [feature(None)]}, "E303"),
        ({"type": "Polygon", "coordinates": SQUARE, "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}}, "E304"),
        ({"type": "Polygon", "coordinates": [[[48.0, 137.0], [49.0, 137.0], [49.0, 138.0], [48.0, 137.0]]]}, "E305"),
        ({"type": "Polygon", "coordinates": BOWTIE}, "E306"),
        ({"type": "Polygon", "coordinates": [[[37.0, 48.0], [38.0]]]}, "E306"),
        ({"type": "FeatureCollection", "features": []}, "E307"),
    ],
)
def test_unusable_files_get_a_coded_error_naming_the_file(tmp_path, data, code):
    path = write(tmp_path, data)
    with pytest.raises(InputError) as raised:
        read_layer(path)
    assert raised.value.code == code
    assert str(path) in str(raised.value)


def test_a_missing_file_is_E300(tmp_path):
    with pytest.raises(InputError) as raised:
        read_layer(tmp_path / "nowhere.geojson")
    assert raised.value.code == "E300"
