"""Reading a control map: a GeoJSON polygon layer of the area one side holds, validated.

A control map is a GeoJSON file (RFC 7946): a FeatureCollection, a Feature, or a bare
Polygon / MultiPolygon, in CRS84 (longitude, latitude in degrees, WGS 84). Every way it can
be unusable gets its own coded error naming the file (E300–E307), and nothing is returned
half-read: the caller stores a layer only once it has passed every check.

    >>> import json, tempfile, pathlib
    >>> square = {"type": "Polygon", "coordinates": [[[37, 48], [38, 48], [38, 49], [37, 49], [37, 48]]]}
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "area.geojson"
    >>> _ = path.write_text(json.dumps(square))
    >>> read_layer(path).polygons
    1
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.errors import GEOSException
from shapely.geometry import MultiPolygon, Polygon, shape
from shapely.validation import explain_validity

from ..errors import InputError, Messages

#: The names GeoJSON files give to longitude-first WGS 84. RFC 7946 dropped the `crs` member
#: (CRS84 is implied); files written by GDAL and QGIS still carry the OGC URN, and older
#: GeoJSON (2008) writes EPSG:4326 with longitude first as well.
CRS84_NAMES = {
    "urn:ogc:def:crs:ogc:1.3:crs84",
    "urn:ogc:def:crs:ogc::crs84",
    "crs84",
    "ogc:crs84",
    "epsg:4326",
    "urn:ogc:def:crs:epsg::4326",
    "http://www.opengis.net/def/crs/ogc/1.3/crs84",
}
AREA_TYPES = ("Polygon", "MultiPolygon")
#: Kilometres per degree of latitude (WGS 84 mean); a degree of longitude is this times cos(latitude).
KM_PER_DEGREE = 111.2


@dataclass(frozen=True)
class Layer:
    """A validated control map layer: one MultiPolygon in CRS84 with its size and extent."""

    geometry: MultiPolygon
    polygons: int
    area_km2: float
    bbox: tuple[float, float, float, float]

    @property
    def wkb(self) -> bytes:
        return bytes(shapely.to_wkb(self.geometry))

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.wkb).hexdigest()


def approx_area_km2(geometry: Polygon | MultiPolygon) -> float:
    """Area in km², each polygon scaled at the cosine of its own latitude (within about 1% at Ukraine's size)."""
    parts = geometry.geoms if isinstance(geometry, MultiPolygon) else [geometry]
    return sum(
        p.area * KM_PER_DEGREE**2 * math.cos(math.radians(p.representative_point().y)) for p in parts
    )


def _geometries(data: Any, where: str) -> list[tuple[str, Any]]:
    """(item label, GeoJSON geometry) of every feature or the bare geometry."""
    if not isinstance(data, dict):
        raise InputError(Messages.E302, where=where, detail=type(data).__name__)
    kind = data.get("type")
    if kind == "FeatureCollection":
        features = data.get("features")
        if not isinstance(features, list):
            raise InputError(Messages.E302, where=where, detail="FeatureCollection without a features list")
        return [(f"feature {i + 1}", (f or {}).get("geometry") if isinstance(f, dict) else f) for i, f in enumerate(features)]
    if kind == "Feature":
        return [("the feature", data.get("geometry"))]
    if kind in AREA_TYPES:
        return [("the geometry", data)]
    raise InputError(Messages.E302, where=where, detail=str(kind))


def _check_crs(data: dict[str, Any], where: str) -> None:
    crs = data.get("crs")
    if crs is None:
        return
    name = (crs.get("properties") or {}).get("name") if isinstance(crs, dict) else None
    if not isinstance(name, str) or name.strip().casefold() not in CRS84_NAMES:
        raise InputError(Messages.E304, where=where, detail=name if isinstance(name, str) else json.dumps(crs))


def _polygon(item: str, geometry: Any, where: str) -> Polygon | MultiPolygon:
    kind = geometry.get("type") if isinstance(geometry, dict) else None
    if kind not in AREA_TYPES:
        raise InputError(Messages.E303, where=where, item=item, detail=str(kind) if geometry is not None else "null")
    try:
        polygon = shape(geometry)
    except (GEOSException, ValueError, TypeError, KeyError, IndexError, AttributeError) as e:
        raise InputError(Messages.E306, where=where, item=item, detail=f"malformed coordinates ({e})") from e
    coords = shapely.get_coordinates(polygon)
    for lon, lat in coords:
        if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
            raise InputError(Messages.E305, where=where, item=item, detail=f"[{lon:g}, {lat:g}]")
    if not polygon.is_valid:
        raise InputError(Messages.E306, where=where, item=item, detail=explain_validity(polygon))
    return polygon


def parse_layer(data: Any, *, where: str) -> Layer:
    """Validate parsed GeoJSON and merge its areas into one MultiPolygon (E302–E307)."""
    parts = _geometries(data, where)
    _check_crs(data, where)
    polygons = [_polygon(item, geometry, where) for item, geometry in parts]
    merged = shapely.union_all(polygons) if polygons else Polygon()
    if isinstance(merged, Polygon):
        merged = MultiPolygon([merged]) if not merged.is_empty else MultiPolygon()
    if not isinstance(merged, MultiPolygon) or merged.is_empty or merged.area == 0:
        raise InputError(Messages.E307, where=where)
    west, south, east, north = merged.bounds
    return Layer(merged, len(merged.geoms), approx_area_km2(merged), (west, south, east, north))


def read_layer(path: Path | str) -> Layer:
    """Read and validate a control map file (E300 unreadable, E301 not JSON, E302–E307 see `parse_layer`)."""
    where = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as e:
        raise InputError(Messages.E300, where=where, detail=e.strerror or type(e).__name__) from e
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(Messages.E301, where=where, detail=str(e)) from e
    return parse_layer(data, where=where)
