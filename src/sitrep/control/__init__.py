"""Control maps: who holds what on a date, and reported captures, advances and withdrawals checked against them.

    >>> from sitrep.control import add_control_map, check_claims  # doctest: +SKIP

See docs/control.md: a verdict says whether a report agrees with a map, not whether it is true.
"""

from .checking import (
    AddedMap,
    CheckSummary,
    add_control_map,
    check_claims,
    list_control_maps,
    parse_map_date,
)
from .layers import Layer, parse_layer, read_layer
from .snapshots import EDGE_KM, Position, Snapshot
from .verdicts import (
    CHECKED_TYPES,
    FRONT_KM,
    MIN_LAG_DAYS,
    NEAR_KM,
    TOLERANCE_DAYS,
    PlacePoint,
    Verdict,
    judge,
)

__all__ = [
    "CHECKED_TYPES",
    "EDGE_KM",
    "FRONT_KM",
    "MIN_LAG_DAYS",
    "NEAR_KM",
    "TOLERANCE_DAYS",
    "AddedMap",
    "CheckSummary",
    "Layer",
    "PlacePoint",
    "Position",
    "Snapshot",
    "Verdict",
    "add_control_map",
    "check_claims",
    "judge",
    "list_control_maps",
    "parse_layer",
    "parse_map_date",
    "read_layer",
]
