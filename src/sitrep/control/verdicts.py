"""The rules that check a capture, advance or withdrawal at a settlement against control maps.

For a fact dated D at settlement X, with the side named as acting:
- the **before** map is the last one dated before D; the **after** maps are those dated from D
  to D + `TOLERANCE_DAYS` (maps lag: DeepStateMap and others draw a change once it is
  confirmed, often days and sometimes weeks after the first claim);
- a capture by S, or a withdrawal by the other side, expects X held by S; an advance expects X
  near the line (within `NEAR_KM`, on either side): advances happen at the front;
- `consistent`: an after map shows what the fact expects;
- `inconsistent`: none does, and the latest after map is at least `MIN_LAG_DAYS` after D (the
  map had time to catch up);
- `undetermined`: a settlement more than `FRONT_KM` from the line on every map used (far from
  any fighting: an older change retold, a direction, or a namesake); no date or one
  known only to the year or season, no settlement (a region, a country, a place the gazetteer lacks),
  outside the map's country, no side named, no after map within the tolerance (a date before
  the first map, or after the last), X on the line (within `EDGE_KM`), or the only after maps
  too soon after D.

A verdict says whether the report agrees with a map, not whether it is true: maps lag, err
and are drawn by one side's volunteers or officials (docs/control.md).

    >>> from datetime import date
    >>> judge(event_type="capture", side="RU", on=None, place=None, snapshots=[]).verdict
    'undetermined'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal, Protocol

from .snapshots import Position, other_side

#: Version of these rules, stored with each verdict: a change to them is a visible change.
CHECKER = "sitrep.control/1"
CHECKED_TYPES = ("capture", "advance", "withdrawal")
#: How long after D a map may take to show the change (two snapshots of a twice-monthly series).
TOLERANCE_DAYS = 31
#: An `inconsistent` needs an after map at least this long after D; sooner, the map may just lag.
MIN_LAG_DAYS = 14
#: An advance at X is consistent when X lies within this many km of the line on an after map.
NEAR_KM = 15.0
#: A settlement farther than this from the line on every map used is far from any fighting: a
#: capture there is an older change retold, an advance "towards" it names a direction, or the
#: place is another of the same name (GeoNames has eleven Novooleksandrivkas in Ukraine). The
#: map cannot speak to it either way.
FRONT_KM = 30.0
#: Dates precise enough to check: a day, a week ("last week"), a month ("in November": its maps
#: fall within the tolerance). A year, a season or a decade is not.
PRECISE = ("day", "week", "month")
#: Gazetteer features that are settlements, whose one point a line can be checked against.
SETTLEMENTS = ("city", "town", "village", "capital")

Outcome = Literal["consistent", "inconsistent", "undetermined"]


@dataclass(frozen=True)
class PlacePoint:
    """A fact's place as the gazetteer knows it."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None


class Locates(Protocol):
    """What a verdict needs of a snapshot (sitrep.control.snapshots.Snapshot)."""

    @property
    def on(self) -> date: ...
    def position(self, *, lon: float, lat: float) -> Position: ...


@dataclass(frozen=True)
class Verdict:
    verdict: Outcome
    reason: str
    before: Position | None = None
    after: Position | None = None  # the deciding after map (the first that agrees, else the latest)


def _where(p: Position) -> str:
    if p.state == "edge":
        return f"on the line ({abs(p.km):.1f} km)"
    return f"{abs(p.km):.1f} km {'inside' if p.km > 0 else 'outside'} the {p.side}-held area"


def _undetermined(reason: str, before: Position | None = None, after: Position | None = None) -> Verdict:
    return Verdict("undetermined", reason, before, after)


def _place_problem(place: PlacePoint | None, country: str) -> str | None:
    if place is None:
        return "no place is named"
    if place.lat is None or place.lon is None:
        return f"{place.name} has no position in the gazetteer"
    if place.feature not in SETTLEMENTS:
        kind = place.feature or "place of unknown kind"
        return f"{place.name} is {'an' if kind[0] in 'aeiou' else 'a'} {kind}, not a settlement: too coarse for a line"
    if place.country != country:
        return f"{place.name} lies outside {country}, the country the map covers"
    return None


def judge(
    *,
    event_type: str,
    side: str | None,
    on: date | None,
    place: PlacePoint | None,
    snapshots: Sequence[Locates],
    country: str = "UA",
    precision: str = "day",
) -> Verdict:
    """The verdict of one fact against a series of snapshots sorted by date.

    `precision` is how precisely the event's own time dates it ("day" when the article's date stands for it).
    """
    if event_type not in CHECKED_TYPES:
        return _undetermined(f"a {event_type} is not checked against control maps")
    if on is None:
        return _undetermined("the report is undated")
    if precision not in PRECISE:
        return _undetermined(f"the event is dated only to the {precision} ({on}): too coarse for maps a fortnight apart")
    problem = _place_problem(place, country)
    if problem:
        return _undetermined(problem)
    assert place is not None and place.lat is not None and place.lon is not None  # _place_problem checked
    if side is None and event_type != "advance":
        return _undetermined("no side is named as acting, so the map cannot say who gained")
    if not snapshots:
        return _undetermined("no control maps are stored")
    earlier = [s for s in snapshots if s.on < on]
    window = [s for s in snapshots if on <= s.on <= on + timedelta(days=TOLERANCE_DAYS)]
    before = earlier[-1].position(lon=place.lon, lat=place.lat) if earlier else None
    if not window:
        if on < snapshots[0].on:
            return _undetermined(f"{on} is before the first map ({snapshots[0].on}) by more than {TOLERANCE_DAYS} days")
        return _undetermined(f"no map within {TOLERANCE_DAYS} days after {on} (the nearest before is {earlier[-1].on})", before)
    after = [s.position(lon=place.lon, lat=place.lat) for s in window]
    if event_type == "advance":
        return _advance(place, on, before, after)
    gainer = side if event_type == "capture" else other_side(side or "")
    return _change(place, on, gainer, before, after)


def _advance(place: PlacePoint, on: date, before: Position | None, after: list[Position]) -> Verdict:
    if (far := _far(place, before, after)) is not None:
        return far
    near = next((p for p in after if abs(p.km) <= NEAR_KM), None)
    if near is not None:
        return Verdict("consistent", f"{place.name} is {_where(near)} on the map of {near.on}, near the line", before, near)
    last = after[-1]
    if (last.on - on).days < MIN_LAG_DAYS:
        return _undetermined(f"{place.name} is far from the line on the map of {last.on}, but that is only {(last.on - on).days} days after", before, last)
    return Verdict(
        "inconsistent",
        f"{place.name} is {_where(last)} on every map up to {last.on}, more than {NEAR_KM:g} km from the line",
        before,
        last,
    )


def _far(place: PlacePoint, before: Position | None, after: list[Position]) -> Verdict | None:
    """Undetermined when the settlement lies far from the line on every map used (see FRONT_KM)."""
    used = [p for p in (before, *after) if p is not None]
    if all(abs(p.km) > FRONT_KM for p in used):
        nearest = min(used, key=lambda p: abs(p.km))
        return _undetermined(
            f"{place.name} is at least {abs(nearest.km):.0f} km from the line on every map used "
            f"({_where(nearest)} on {nearest.on}): far from the fighting, so an older change retold or another place of that name",
            before,
            after[-1],
        )
    return None


def _change(place: PlacePoint, on: date, gainer: str | None, before: Position | None, after: list[Position]) -> Verdict:
    if (far := _far(place, before, after)) is not None:
        return far
    agree = next((p for p in after if p.holder() == gainer), None)
    if agree is not None:
        if before is not None and before.holder() == gainer:
            since = f"; already so on {before.on}"
        elif before is not None:
            since = f"; {'on the line' if before.state == 'edge' else f'held by {before.holder()}'} on {before.on}"
        else:
            since = ""
        return Verdict("consistent", f"{place.name} held by {gainer} on the map of {agree.on} ({_where(agree)}){since}", before, agree)
    last = after[-1]
    if last.state == "edge":
        return _undetermined(f"{place.name} is on the line on the map of {last.on}: the map shows it split", before, last)
    if (last.on - on).days < MIN_LAG_DAYS:
        return _undetermined(
            f"{place.name} still held by {last.holder()} on {last.on}, only {(last.on - on).days} days after: the map may lag",
            before,
            last,
        )
    return Verdict(
        "inconsistent",
        f"{place.name} still held by {last.holder()} on every map up to {last.on} ({_where(last)})",
        before,
        last,
    )
