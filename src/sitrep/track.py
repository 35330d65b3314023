"""Track records of the stored sources: what `sitrep sources` shows and what reports cite beside each source.

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db", readonly=True) as store:  # doctest: +SKIP
    ...     for r in source_track_records(store)[:5]:
    ...         print(r.note())

The counting rules are sitrep.resolve.track_records'; this module reads the store and names
the voices: an outlet by its canonical name, a claimant as a person when the store knows a
person of that name, as an organisation when `data/outlets.csv` or the store knows one, and
the side of either from `data/outlets.csv` (or, for a state named as claimant,
"Russia", "Moscow", from the gazetteer's country or capital).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict
from functools import cache

from .collector import collector_paused
from .geo import get_gazetteer
from .outlets import find_outlet
from .resolve.facts import Fact, slug
from .resolve.forecasts import ledger
from .resolve.propositions import ArticleInfo, group_facts
from .resolve.track_records import TrackRecord, Voices, track_records
from .store import Store

__all__ = ["TrackRecord", "citation_notes", "source_track_records", "track_records_of"]

ORGANISATION_KINDS = ("organisation", "government", "group")
SIDES = ("UA", "RU")


def _claimant_kinds(store: Store, holders: Iterable[str]) -> dict[str, str]:
    """person or organisation for each holder name the store has an entity of."""
    names = sorted(set(holders))
    keys = {f"{kind}:{slug(h)}": (h, kind) for h in names for kind in ("person", *ORGANISATION_KINDS)}
    found = store.entity_names(list(keys))
    out: dict[str, str] = {}
    for key in found:
        holder, kind = keys[key]
        if kind == "person" or holder not in out:
            out[holder] = "person" if kind == "person" else "organisation"
    return out


def _voices(store: Store, facts: Sequence[Fact], infos: dict[str, ArticleInfo]) -> Voices:
    holders = {h.strip() for f in facts for h in (f.holder or "").split(", ") if h.strip()}
    kinds = _claimant_kinds(store, holders)

    def claimant(holder: str) -> tuple[str, str]:
        row = find_outlet(holder)
        if row is not None:
            return row.name, "organisation"
        return holder, kinds.get(holder, "claimant")

    def side_of(name: str) -> str | None:
        row = find_outlet(name)
        if row is not None:
            return row.side
        # "Russia", "Moscow", "Kyiv" as claimants speak for a state: its country or capital names the side.
        entry = next(iter(get_gazetteer().lookup(name)), None)
        if entry is not None and entry.feature in ("country", "capital") and entry.cc in SIDES:
            return entry.cc
        return None

    # Asked for every fact: each name is looked up once (the gazetteer's lookup normalises it each time).
    return Voices(infos, cache(claimant), cache(side_of))


def track_records_of(store: Store, facts: Sequence[Fact]) -> list[TrackRecord]:
    """The track records that `facts` (events, claims and forecasts, with their map checks) give."""
    infos = store.article_infos(sorted({f.article_id for f in facts}))
    props = group_facts([f for f in facts if f.kind != "forecast"], infos)
    made = [f for f in facts if f.kind == "forecast"]
    hedges = store.forecast_hedges(sorted({f.article_id for f in made}))
    return track_records(props, ledger(made, props), _voices(store, facts, infos), hedges=hedges)


#: The name `source_track_records` caches its result under in the store.
CACHE_NAME = "track_records/1"


@collector_paused
def source_track_records(store: Store) -> list[TrackRecord]:
    """Every outlet's, claimant's and side's record over the whole store.

    Computed from every stored fact, so on a large store it takes minutes: the result is kept
    in the store and reused until anything is stored or replaced (`Store.cached_value`).
    `sitrep ingest` computes it once at its end, so reports after an ingest start at once.
    """
    version = store.version()  # before reading: a write meanwhile leaves the result stale, never wrong
    hit = store.cached_value(CACHE_NAME, version)
    if hit is not None:
        return [TrackRecord(**row) for row in hit]
    records = track_records_of(store, store.facts())
    store.save_cached(CACHE_NAME, version, [asdict(r) for r in records])
    return records


def citation_notes(records: Iterable[TrackRecord]) -> dict[str, str]:
    """The short note of each outlet, by its name case-folded (as `ArticleInfo.voice` gives it)."""
    return {r.name.casefold(): r.note() for r in records if r.kind == "outlet"}
