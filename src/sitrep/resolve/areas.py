"""Which stored places lie inside a place, or within a distance of it.

`claims/timeline/report --place "Donetsk Oblast"` select the facts whose own place is the
oblast or one of its towns; `--near 20` adds every place within 20 km. Containment is read
from the gazetteer (GeoNames country code and first-level division, ``admin1``): a country
holds every place with its code, a first-level region (oblast, state, province, krai,
republic) the places with its code and ``admin1``, any other place only itself.

    >>> distance_km(48.28, 37.18, 48.51, 37.97) < 70
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..geo import Entry, distance_km, get_gazetteer

#: Gazetteer features that are first-level divisions: they contain the places of their admin1.
REGIONS = frozenset({"oblast", "region", "state", "province", "krai", "republic", "territory"})
#: Two placed names without a GeoNames id are one place within this distance. Extraction places
#: a gazetteer-less village at the town its clause names, and articles name different towns
#: around one village (tens of km apart); namesake villages are mostly farther apart than this.
NAMESAKE_KM = 40.0


@dataclass(frozen=True)
class StoredPlace:
    """A place entity of the store: its key, name and position."""

    key: str
    name: str
    lat: float | None = None
    lon: float | None = None


def entry_of(place: StoredPlace) -> Entry | None:
    """The gazetteer entry of a stored place: by GeoNames id, else by its name (curated regions).

    A place stored with a position takes only an entry of its name near that position: the
    gazetteer's "Stepove" elsewhere is a namesake, not the village placed here.
    """
    gazetteer = get_gazetteer()
    if place.key.startswith("geo:") and place.key[4:].isdigit():
        return gazetteer.get(int(place.key[4:]))
    found = gazetteer.lookup(place.name)
    if place.lat is not None and place.lon is not None:
        lat, lon = place.lat, place.lon
        found = tuple(e for e in found if distance_km(lat, lon, e.lat, e.lon) <= NAMESAKE_KM)
    return found[0] if found else None


def contains(outer: Entry, inner: Entry) -> bool:
    """Whether `inner` lies inside `outer` (or is it)."""
    if outer.id == inner.id:
        return True
    if outer.feature == "country":
        return bool(outer.cc) and inner.cc == outer.cc
    if outer.feature in REGIONS:
        return bool(outer.cc and outer.admin1) and (inner.cc, inner.admin1) == (outer.cc, outer.admin1)
    return False


def area_keys(
    selected: Iterable[StoredPlace], stored: Iterable[StoredPlace], *, near_km: float | None = None
) -> set[str]:
    """The keys of the stored places inside any selected place, or within `near_km` of one."""
    chosen = list(selected)
    keys = {p.key for p in chosen}
    outers = [e for e in (entry_of(p) for p in chosen) if e is not None]
    centres = [(p.lat, p.lon) for p in chosen if p.lat is not None and p.lon is not None]
    centres += [(e.lat, e.lon) for e in outers]
    for place in stored:
        if place.key in keys:
            continue
        inner = entry_of(place) if outers else None
        if inner is not None and any(contains(o, inner) for o in outers):
            keys.add(place.key)
        elif near_km is not None and place.lat is not None and place.lon is not None:
            lat, lon = place.lat, place.lon
            if any(distance_km(clat, clon, lat, lon) <= near_km for clat, clon in centres):
                keys.add(place.key)
    return keys
