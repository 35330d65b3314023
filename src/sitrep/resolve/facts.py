"""From one record to what cross-article work compares: entity keys and dated facts.

An entity key names the same thing across articles: a place by its GeoNames id (or its
canonical name where the gazetteer has none), a unit by its canonical name (or number and
echelon), a person or organisation by its normalised full name. A fact is one event, claim
or forecast with its place key, date, status, holder and the span it was read from, so
that every line of a report can cite the exact sentence.

    >>> place_key_of(Place(name="Pokrovsk", geonameid=704422, extractor="x"))
    'geo:704422'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from ..models import Place, Record, Unit

if TYPE_CHECKING:
    from ..store.control import CheckRow

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_LEADING = re.compile(r"^(the|a|an)\s+")


def slug(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return _NON_WORD.sub(" ", _LEADING.sub("", plain.strip())).strip().replace(" ", "-")


def place_key_of(place: Place) -> str:
    if place.geonameid:
        return f"geo:{place.geonameid}"
    return f"place:{slug(place.canonical or place.name)}"


def unit_key_of(unit: Unit) -> str:
    if unit.canonical:
        return f"unit:{slug(unit.canonical)}"
    if unit.number is not None and unit.echelon:
        return f"unit:{unit.side or 'xx'}-{unit.number}-{unit.echelon}".lower()
    return f"unit:{slug(unit.name)}"


@dataclass(frozen=True)
class EntityRef:
    """One entity of one article: its cross-article key, display name and the item it came from."""

    key: str
    kind: str  # place, unit, person, organisation, government, group
    name: str
    item_id: str
    lat: float | None = None
    lon: float | None = None
    country: str | None = None
    feature: str | None = None


def entities_of(record: Record) -> list[EntityRef]:
    out = [
        EntityRef(
            place_key_of(p), "place", p.canonical or p.name, p.id or "", p.lat, p.lon, p.country, p.feature
        )
        for p in record.places
        if p.literal
    ]
    out += [EntityRef(unit_key_of(u), "unit", u.canonical or u.name, u.id or "") for u in record.units]
    out += [EntityRef(f"{a.kind}:{slug(a.name)}", a.kind, a.name, a.id or "") for a in record.actors]
    return out


@dataclass(frozen=True)
class Fact:
    """An event, claim or forecast of one article, ready to be grouped with others."""

    article_id: str
    item_id: str
    kind: str  # event, claim, forecast
    status: str  # reported, claimed, denied, forecast (events); the stance (claims); "forecast"
    text: str
    start: int
    end: int
    event_type: str | None = None
    place_key: str | None = None
    place_name: str | None = None
    holder: str | None = None
    side: str | None = None
    on: date | None = None  # when it happened (or, for a forecast, when it was made)
    horizon: str | None = None
    condition: str | None = None
    units: tuple[str, ...] = ()  # keys of the units named in the fact's sentence
    claim: str | None = None  # for an event inside a claim, the claim's item id
    check: CheckRow | None = None  # its verdict against the control maps (sitrep.control), once checked


#: A fact's own span shorter than this is widened to its sentence for citing; longer ones
#: are already sentences (events and forecasts carry their sentence span).
SHORT_SPAN = 40
#: How far widening may reach on either side, so a missing full stop never quotes a page.
MAX_WIDEN = 300


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a short span to its sentence, so a citation quotes a readable unit."""
    if end - start >= SHORT_SPAN:
        return start, end
    lo = max(0, start - MAX_WIDEN)
    left = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    new_start = left + (2 if left >= 0 and text[left] == "." else 1) if left >= 0 else lo
    hi = min(len(text), end + MAX_WIDEN)
    rights = [i for i in (text.find(". ", end, hi), text.find("\n", end, hi)) if i != -1]
    new_end = min(rights) + 1 if rights else hi
    return new_start, new_end


#: The event status a linked claim's stance gives (expectations and doubts give none).
STANCE_STATUS = {"asserts": "claimed", "acknowledges": "claimed", "denies": "denied"}


def facts_of(record: Record, *, text: str | None = None, published: date | None = None) -> Iterator[Fact]:
    """Every event, claim and forecast of `record`, with place keys resolved through its places."""
    places = {p.name: p for p in record.places}
    times = {t.id: t for t in record.times}
    claims = {c.id: c for c in record.claims}
    day = published or record.article.published

    def place_of(name: str | None) -> tuple[str | None, str | None]:
        place = places.get(name or "")
        if place is None:
            return (f"place:{slug(name)}", name) if name else (None, None)
        return place_key_of(place), place.canonical or place.name

    def span_of(spans: list) -> tuple[int, int, str]:
        if not spans:
            return 0, 0, ""
        start, end = spans[0].start, spans[0].end
        if text is not None:
            start, end = _sentence(text, start, end)
            return start, end, text[start:end].strip()
        return start, end, spans[0].text

    def units_in(start: int, end: int) -> tuple[str, ...]:
        return tuple(
            sorted({unit_key_of(u) for u in record.units for s in u.spans if start <= s.start < end})
        )

    for e in record.events:
        key, name = place_of(e.place)
        start, end, quote = span_of(e.spans)
        time = times.get(e.time or "")
        when = time.start if time is not None and time.start else day
        claim = claims.get(e.claim or "")
        units = units_in(start, end)
        # "Ukraine denies Moscow's claim that …": the claim and the claims linked to it are the
        # voices on this event; the event's own status speaks for the voice whose stance gives it.
        voices = [claim, *(claims[i] for i in claim.links if i in claims)] if claim else []
        own = next((v for v in voices if STANCE_STATUS.get(v.stance) == e.status), claim)
        yield Fact(record.id, e.id or "", "event", e.status, quote, start, end, e.type, key, name,
                   own.claimant if own else None, e.actor_side, when, None, e.condition, units, e.claim)
        for voice in voices:
            status = STANCE_STATUS.get(voice.stance)
            if voice is own or status is None:
                continue
            v_start, v_end, v_quote = span_of(voice.spans)
            yield Fact(record.id, f"{e.id}/{voice.id}", "event", status, v_quote, v_start, v_end, e.type, key,
                       name, voice.claimant, e.actor_side, when, None, e.condition, units, voice.id)
    for c in record.claims:
        start, end, _ = span_of(c.spans)
        yield Fact(
            record.id,
            c.id or "",
            "claim",
            c.stance,
            c.text,
            start,
            end,
            None,
            None,
            None,
            c.claimant,
            None,
            day,
        )
    for f in record.forecasts:
        key, name = place_of(f.place)
        start, end, quote = span_of(f.spans)
        yield Fact(
            record.id,
            f.id or "",
            "forecast",
            "forecast",
            quote,
            start,
            end,
            f.event_type,
            key,
            name,
            ", ".join(f.by) or None,
            None,
            day,
            f.horizon,
            f.condition,
        )
