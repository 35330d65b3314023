"""Where a settlement lies on one control map: inside the drawn area, outside it, or on its line.

Each snapshot indexes its polygons in a shapely STRtree, so a look-up touches only the
polygons whose boxes hold (or are nearest to) the point. Distances are in kilometres along
the ground (haversine between the point and its nearest point on the line), signed: positive
inside the drawn area, negative outside, zero on the line.

    >>> from datetime import date
    >>> from shapely.geometry import MultiPolygon, box
    >>> snap = Snapshot(1, date(2025, 1, 1), "RU", MultiPolygon([box(37.0, 48.0, 38.0, 49.0)]))
    >>> snap.position(lon=37.5, lat=48.5).state
    'inside'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

import shapely
from shapely.geometry import MultiPolygon, Point
from shapely.strtree import STRtree

from ..geo import distance_km

#: A settlement whose point lies within this many km of the line (either side) is "on the line":
#: GeoNames gives one point per settlement, and a village is 1–2 km across, so the map then shows
#: it split between the sides rather than held by one.
EDGE_KM = 1.0

State = Literal["inside", "edge", "outside"]


@dataclass(frozen=True)
class Position:
    """A point on one snapshot: its state and signed distance to the line (km, > 0 inside)."""

    map_id: int
    on: date
    side: str  # the side whose area the map draws
    state: State
    km: float

    def holder(self) -> str | None:
        """The side the map shows holding the point, or None on the line."""
        if self.state == "edge":
            return None
        return self.side if self.state == "inside" else other_side(self.side)


def other_side(side: str) -> str:
    return "UA" if side == "RU" else "RU"


@dataclass
class Snapshot:
    """One stored control map with a spatial index over its polygons."""

    id: int
    on: date
    side: str
    geometry: MultiPolygon
    parts: list = field(init=False, repr=False)
    tree: STRtree = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.parts = list(self.geometry.geoms)
        self.tree = STRtree(self.parts)

    @classmethod
    def from_wkb(cls, id: int, on: date, side: str, wkb: bytes) -> Snapshot:
        geometry = shapely.from_wkb(wkb)
        if not isinstance(geometry, MultiPolygon):
            geometry = MultiPolygon([geometry])
        return cls(id, on, side, geometry)

    def _km_to(self, point: Point, target: object) -> float:
        line = shapely.shortest_line(point, target)
        (x1, y1), (x2, y2) = line.coords
        return distance_km(y1, x1, y2, x2)  # shapely gives (lon, lat)

    def position(self, *, lon: float, lat: float) -> Position:
        point = Point(lon, lat)
        touching = [self.parts[i] for i in self.tree.query(point, predicate="intersects")]
        if touching:
            inside = any(p.contains(point) for p in touching)
            km = min(self._km_to(point, p.boundary) for p in touching)
            signed = km if inside else 0.0
        else:
            nearest = self.parts[int(self.tree.query_nearest(point)[0])]
            signed = -self._km_to(point, nearest)
        state: State = "edge" if abs(signed) <= EDGE_KM else "inside" if signed > 0 else "outside"
        return Position(self.id, self.on, self.side, state, round(signed, 2))
