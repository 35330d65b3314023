"""The forecast ledger: who expected what, by when, and whether later reporting bore it out.

A forecast ("Pokrovsk could fall within weeks", made on the article's date) is checked
against later reported events of the same type at the same place or inside it (a forecast
for Donetsk Oblast is borne out by a capture at one of its towns), reported at the place,
not only near it:
- `came true`: a report of it dated after the forecast and by its deadline (within
  `NO_HORIZON_DAYS` when the forecast gave no horizon); the entry keeps that report as its
  evidence, so the ledger can cite it;
- `did not`: the deadline has passed (as of the newest evidence date known) without one;
- `open`: neither yet, or the forecast has no date to count from.

    >>> from datetime import date
    >>> deadline("within weeks", date(2025, 11, 1))
    datetime.date(2025, 12, 27)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..extract.numbers import COUNT_WORDS
from ..geo import Entry
from .areas import StoredPlace, contains, entry_of
from .facts import Fact
from .propositions import Proposition

#: How far a vague horizon reaches. "Within weeks" is read generously (8 weeks), since a
#: forecast that comes true a little late is still one an analyst wants to see credited.
VAGUE = {
    "day": 14,
    "days": 14,
    "week": 14,
    "weeks": 56,
    "month": 62,
    "months": 183,
    "year": 366,
    "years": 730,
}
#: Length of one unit when the horizon counts them ("within 3 months").
UNIT_DAYS = {"day": 1, "week": 7, "month": 31, "year": 366}
SEASON_END = {"spring": (5, 31), "summer": (8, 31), "autumn": (11, 30), "fall": (11, 30), "winter": (2, 28)}
MONTHS = {
    m: i
    for i, m in enumerate(
        "january february march april may june july august september october november december".split(),
        start=1,
    )
}
_BY_DATE = re.compile(
    r"\b(?:by|before|until)\s+(?:the\s+end\s+of\s+)?(\w+)(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?", re.I
)
# "3 weeks", "a few months": a count (digits or words, longest word first) and a unit of time.
_COUNTED = re.compile(
    rf"\b(\d+|{'|'.join(sorted(COUNT_WORDS, key=len, reverse=True))})\s+(day|week|month|year)s?\b"
)


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def deadline(horizon: str | None, made_on: date | None) -> date | None:
    """The last day a forecast's horizon allows, or None when it gives none we can read."""
    if not horizon or made_on is None:
        return None
    h = horizon.casefold().strip()
    by = _BY_DATE.search(h)
    if by and by.group(1) in MONTHS:
        month = MONTHS[by.group(1)]
        year = int(by.group(3)) if by.group(3) else made_on.year + (month < made_on.month)
        return date(year, month, int(by.group(2))) if by.group(2) else _month_end(year, month)
    if "end of the year" in h or "end of this year" in h or "this year" in h:
        return date(made_on.year, 12, 31)
    for season, (month, day) in SEASON_END.items():
        if season in h:
            year = made_on.year + (season == "winter" and made_on.month > 2)
            return date(year, month, day)
    counted = _COUNTED.search(h)
    if counted:
        n = counted.group(1)
        count = int(n) if n.isdigit() else COUNT_WORDS[n]
        return made_on + timedelta(days=count * UNIT_DAYS[counted.group(2)])
    for word, days in VAGUE.items():
        if re.search(rf"\b{word}\b", h):
            return made_on + timedelta(days=days)
    return None


#: How long a forecast without a horizon stays open.
NO_HORIZON_DAYS = 366


@dataclass
class LedgerEntry:
    forecast: Fact
    deadline: date | None
    outcome: str = "open"  # open, came true, did not
    evidence: list[Fact] = field(default_factory=list)


def ledger(
    forecasts: Iterable[Fact], propositions: Iterable[Proposition], *, as_of: date | None = None
) -> list[LedgerEntry]:
    """Check each forecast against the later reported events of the same type at (or inside) its place."""
    reported: dict[str | None, list[Fact]] = {}
    newest = as_of
    for prop in propositions:
        for fact in prop.facts:
            if fact.kind == "event" and fact.status == "reported" and fact.relation is None:
                reported.setdefault(fact.event_type, []).append(fact)
                if fact.on and (newest is None or fact.on > newest):
                    newest = fact.on
    inside = _Containment()
    entries = []
    for f in sorted(forecasts, key=lambda f: (f.on or date.min, f.article_id)):
        entry = LedgerEntry(f, deadline(f.horizon, f.on))
        if f.on is not None and f.place_key is not None:
            last = entry.deadline or f.on + timedelta(days=NO_HORIZON_DAYS)
            later = [
                e
                for e in reported.get(f.event_type, [])
                if e.on and f.on < e.on and e.article_id != f.article_id and inside(f, e)
            ]
            entry.evidence = sorted(later, key=lambda e: (e.on or date.max, e.article_id))
            if any(e.on and e.on <= last for e in entry.evidence):
                entry.outcome = "came true"
                entry.evidence = [e for e in entry.evidence if e.on and e.on <= last]
            elif newest and newest > last:
                entry.outcome = "did not"
        entries.append(entry)
    return entries


class _Containment:
    """Whether an event's place is a forecast's place or inside it, with gazetteer look-ups cached."""

    def __init__(self) -> None:
        self._entries: dict[str, Entry | None] = {}

    def _entry(self, fact: Fact) -> Entry | None:
        key = fact.place_key or ""
        if key not in self._entries:
            self._entries[key] = entry_of(StoredPlace(key, fact.place_name or ""))
        return self._entries[key]

    def __call__(self, forecast: Fact, event: Fact) -> bool:
        if event.place_key is None:
            return False
        if event.place_key == forecast.place_key:
            return True
        outer, inner = self._entry(forecast), self._entry(event)
        return outer is not None and inner is not None and contains(outer, inner)
