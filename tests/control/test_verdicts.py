"""The verdict rules on hand-made snapshots: a square of held ground and a settlement moved around it.

The held area is the square 37.0–38.0 E, 48.0–49.0 N (about 74 km wide and 111 km tall);
"X" sits where each case needs it. Dates follow a twice-monthly series.
"""

from __future__ import annotations

from datetime import date

import pytest
from shapely.geometry import MultiPolygon, box

from sitrep.control import EDGE_KM, FRONT_KM, NEAR_KM, TOLERANCE_DAYS, PlacePoint, Snapshot, judge

HELD = MultiPolygon([box(37.0, 48.0, 38.0, 49.0)])
GROWN = MultiPolygon([box(36.8, 48.0, 38.0, 49.0)])  # the line moved ~15 km west


def series(*maps: tuple[str, MultiPolygon]) -> list[Snapshot]:
    return [Snapshot(i, date.fromisoformat(day), "RU", area) for i, (day, area) in enumerate(maps, 1)]


def village(lon: float, lat: float = 48.5, *, feature: str = "village", country: str = "UA") -> PlacePoint:
    return PlacePoint("X", lat, lon, country, feature)


OUTSIDE_THEN_TAKEN = series(("2025-03-01", HELD), ("2025-03-15", GROWN), ("2025-04-01", GROWN))
NEVER_TAKEN = series(("2025-03-01", HELD), ("2025-03-15", HELD), ("2025-04-01", HELD))
WEST = village(36.9)  # ~7 km west of HELD's line, inside GROWN


@pytest.mark.parametrize(
    "event_type,side,place,snapshots,verdict",
    [
        ("capture", "RU", WEST, OUTSIDE_THEN_TAKEN, "consistent"),
        ("withdrawal", "UA", WEST, OUTSIDE_THEN_TAKEN, "consistent"),  # Ukraine withdrew: Russia gained
        ("capture", "RU", WEST, NEVER_TAKEN, "inconsistent"),
        ("capture", "UA", village(37.2), NEVER_TAKEN, "inconsistent"),  # "liberated" but still held, 15 km in
        ("capture", "UA", WEST, NEVER_TAKEN, "consistent"),
        ("withdrawal", "RU", WEST, OUTSIDE_THEN_TAKEN, "inconsistent"),  # Russia "withdrew" yet gained
        ("advance", "RU", WEST, NEVER_TAKEN, "consistent"),  # 7 km from the line
        ("advance", None, WEST, NEVER_TAKEN, "consistent"),  # an advance needs no side: it happens at the line
        ("advance", "RU", village(36.7), NEVER_TAKEN, "inconsistent"),  # 22 km from the line
    ],
)
def test_each_verdict(event_type, side, place, snapshots, verdict):
    result = judge(event_type=event_type, side=side, on=date(2025, 3, 10), place=place, snapshots=snapshots)
    assert result.verdict == verdict, result.reason
    assert result.before is not None and result.before.on == date(2025, 3, 1)
    assert result.after is not None and result.after.on >= date(2025, 3, 10)


def test_consistent_names_the_map_that_agrees_and_the_one_before():
    result = judge(event_type="capture", side="RU", on=date(2025, 3, 10), place=WEST, snapshots=OUTSIDE_THEN_TAKEN)
    assert result.after.on == date(2025, 3, 15) and result.after.state == "inside"
    assert result.before.state == "outside" and result.before.km < -EDGE_KM
    assert "held by RU on the map of 2025-03-15" in result.reason and "held by UA on 2025-03-01" in result.reason


def test_inconsistent_waits_for_every_map_within_the_tolerance():
    result = judge(event_type="capture", side="RU", on=date(2025, 3, 10), place=WEST, snapshots=NEVER_TAKEN)
    assert result.after.on == date(2025, 4, 1)
    assert "still held by UA on every map up to 2025-04-01" in result.reason


def test_a_settlement_on_the_line_is_undetermined_for_a_capture_and_near_for_an_advance():
    on_line = village(37.0)  # exactly on the square's western edge
    snapshots = series(("2025-03-01", HELD), ("2025-03-15", HELD), ("2025-04-01", HELD))
    capture = judge(event_type="capture", side="RU", on=date(2025, 3, 10), place=on_line, snapshots=snapshots)
    assert capture.verdict == "undetermined" and "on the line" in capture.reason
    assert capture.after.state == "edge" and capture.after.km == 0
    advance = judge(event_type="advance", side="RU", on=date(2025, 3, 10), place=on_line, snapshots=snapshots)
    assert advance.verdict == "consistent"


def test_inside_but_near_the_line_counts_as_on_the_line():
    half_km_in = village(37.0065)  # about 0.5 km east of the western edge
    snapshots = series(("2025-03-15", HELD), ("2025-04-01", HELD))
    result = judge(event_type="capture", side="RU", on=date(2025, 3, 10), place=half_km_in, snapshots=snapshots)
    assert result.after.state == "edge" and 0 < result.after.km <= EDGE_KM
    assert result.verdict == "undetermined"


def test_a_date_long_before_the_first_map_is_undetermined():
    result = judge(event_type="capture", side="RU", on=date(2024, 1, 5), place=WEST, snapshots=OUTSIDE_THEN_TAKEN)
    assert result.verdict == "undetermined"
    assert "before the first map (2025-03-01)" in result.reason
    assert result.before is None and result.after is None


def test_a_date_just_before_the_first_map_is_judged_on_the_maps_after_it():
    result = judge(event_type="capture", side="RU", on=date(2025, 2, 20), place=WEST, snapshots=OUTSIDE_THEN_TAKEN[1:])
    assert result.verdict == "consistent"
    assert result.before is None and result.after.on == date(2025, 3, 15)


def test_a_date_after_the_last_map_is_undetermined():
    result = judge(event_type="capture", side="RU", on=date(2025, 9, 1), place=WEST, snapshots=OUTSIDE_THEN_TAKEN)
    assert result.verdict == "undetermined" and f"no map within {TOLERANCE_DAYS} days after 2025-09-01" in result.reason
    assert result.before.on == date(2025, 4, 1)


def test_a_map_too_soon_after_the_report_does_not_make_it_inconsistent():
    snapshots = series(("2025-03-01", HELD), ("2025-03-15", HELD))
    result = judge(event_type="capture", side="RU", on=date(2025, 3, 12), place=WEST, snapshots=snapshots)
    assert result.verdict == "undetermined" and "may lag" in result.reason


@pytest.mark.parametrize(
    "place,side,words",
    [
        (village(37.5, feature="oblast"), "RU", "not a settlement"),
        (village(37.5, country="RU"), "RU", "outside UA"),
        (PlacePoint("Nowhere", None, None, None, None), "RU", "no position"),
        (None, "RU", "no place"),
        (WEST, None, "no side"),
    ],
)
def test_what_a_map_cannot_check_is_undetermined(place, side, words):
    result = judge(event_type="capture", side=side, on=date(2025, 3, 10), place=place, snapshots=OUTSIDE_THEN_TAKEN)
    assert result.verdict == "undetermined" and words in result.reason


def test_undated_and_unchecked_types_are_undetermined():
    assert judge(event_type="capture", side="RU", on=None, place=WEST, snapshots=NEVER_TAKEN).reason == "the report is undated"
    assert judge(event_type="strike", side="RU", on=date(2025, 3, 10), place=WEST, snapshots=NEVER_TAKEN).verdict == "undetermined"


def test_distances_are_in_kilometres_on_the_ground():
    snap = series(("2025-03-01", HELD))[0]
    # 0.1° of longitude at 48.5° N is about 7.4 km; 0.1° of latitude about 11.1 km.
    assert snap.position(lon=36.9, lat=48.5).km == pytest.approx(-7.4, abs=0.2)
    assert snap.position(lon=37.5, lat=49.1).km == pytest.approx(-11.1, abs=0.2)
    assert snap.position(lon=37.5, lat=48.5).km == pytest.approx(37.0, abs=0.5)  # to the nearest (east/west) edge
    assert NEAR_KM < 51 < abs(snap.position(lon=36.3, lat=48.5).km)


@pytest.mark.parametrize("precision,verdict", [("day", "consistent"), ("month", "consistent"), ("year", "undetermined"), ("season", "undetermined")])
def test_an_event_dated_only_to_its_year_is_undetermined(precision, verdict):
    # "in late 2025" resolves to 2025-01-01: no day to compare maps a fortnight apart with.
    result = judge(event_type="capture", side="RU", on=date(2025, 3, 10), place=WEST, snapshots=OUTSIDE_THEN_TAKEN, precision=precision)
    assert result.verdict == verdict


@pytest.mark.parametrize(
    "event_type,side,lon",
    [("capture", "RU", 37.5), ("capture", "UA", 37.5), ("capture", "RU", 36.3), ("advance", "RU", 36.3)],  # 37 km behind the line; 51 km in front of it
)
def test_a_settlement_far_from_the_line_on_every_map_is_undetermined(event_type, side, lon):
    result = judge(event_type=event_type, side=side, on=date(2025, 3, 10), place=village(lon), snapshots=NEVER_TAKEN)
    assert result.verdict == "undetermined" and "far from the fighting" in result.reason
    assert abs(result.after.km) > FRONT_KM
