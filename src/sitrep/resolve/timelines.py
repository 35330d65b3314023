"""Timelines: per place or per unit, the dated events with their status and sources.

>>> timeline([], place_key="geo:704422")
[]
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .facts import Fact
from .propositions import Proposition

#: Order of statuses on one day: what happened before what is claimed, denied or expected.
STATUS_ORDER = {"reported": 0, "claimed": 1, "denied": 2, "forecast": 3}


@dataclass(frozen=True)
class TimelineEntry:
    on: date | None
    event_type: str | None
    place_name: str | None
    status: str  # the proposition's strongest status: reported if anyone reported it, else claimed, …
    verdict: str
    facts: tuple[Fact, ...]
    relation: str | None = None  # None: at the place; near, outskirts, toward, direction


def _status(prop: Proposition) -> str:
    return min((f.status for f in prop.facts), key=lambda s: STATUS_ORDER.get(s, 9))


def timeline(
    propositions: Iterable[Proposition], *, place_key: str | None = None, unit_key: str | None = None
) -> list[TimelineEntry]:
    """Event propositions at a place (or involving a unit), oldest first; undated ones last."""
    entries = []
    for prop in propositions:
        if prop.kind != "event":
            continue
        if place_key is not None and prop.place_key != place_key:
            continue
        if unit_key is not None and not any(unit_key in f.units for f in prop.facts):
            continue
        entries.append(
            TimelineEntry(
                prop.first,
                prop.event_type,
                prop.place_name,
                _status(prop),
                prop.verdict,
                tuple(prop.facts),
                prop.relation,
            )
        )
    return sorted(entries, key=lambda e: (e.on is None, e.on or date.min, STATUS_ORDER.get(e.status, 9)))
