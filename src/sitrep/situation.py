"""Cross-article views of the store: claims, timelines, forecasts and the situation report.

What `sitrep claims`, `timeline`, `forecasts` and `report` do, in three lines of Python:

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db", readonly=True) as store:  # doctest: +SKIP
    ...     print(render_markdown(situation_report(store, place="Pokrovsk")))

Places are named as a user would ("Pokrovsk"); every entity stored under that name (or
alias, through the gazetteer's canonical name) is included. Copies of an article are kept
for citing but never counted as independent confirmation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .collector import collector_paused
from .errors import ConfigError, Messages, NotFoundError
from .report.html import render_html
from .report.situation import SituationReport, add_context, build_report, render_markdown
from .resolve.areas import REGIONS, StoredPlace, area_keys, entry_of
from .resolve.facts import Fact, slug
from .resolve.forecasts import LedgerEntry, ledger
from .resolve.propositions import ArticleInfo, Proposition, group_facts
from .resolve.timelines import TimelineEntry, timeline
from .store import Store
from .track import citation_notes, source_track_records

__all__ = [
    "ArticleInfo",
    "Fact",
    "PlaceSelection",
    "claims",
    "forecasts",
    "render_html",
    "render_markdown",
    "situation_report",
    "place_timeline",
    "select_place",
]


@dataclass(frozen=True)
class PlaceSelection:
    """A place as the user named it, and the stored place keys its facts may carry."""

    name: str
    keys: list[str]  # the place itself (every stored entity of that name)
    area: frozenset[str] = frozenset()  # the place, the places inside it and, with near_km, around it
    near_km: float | None = None
    regional: bool = False  # the place is a region or country: "in the Kharkiv region" is inside it

    def holds(self, fact: Fact) -> bool:
        """Whether a fact's own place is this place (or inside it, or near it when asked).

        A fact only near the place ("advanced near Pokrovsk") counts only when `near_km` is
        given; one in a town's region ("struck the Kharkiv region") counts for a region or
        country that holds the town.
        """
        if fact.place_key is None or fact.place_key not in self.area:
            return False
        if fact.relation is None or self.near_km is not None:
            return True
        return fact.relation == "region" and self.regional


def select_place(store: Store, name: str, *, near_km: float | None = None) -> PlaceSelection:
    """The stored places called `name`, those inside it and, with `near_km`, those within that distance.

    The name is also looked up in the gazetteer, so any spelling it knows finds the place
    ("Avdiivka", "Avdeyevka" and "Avdiyivka" are one GeoNames place). NotFoundError E208 when
    nothing is stored under it.
    """
    from .geo import get_gazetteer

    if near_km is not None and near_km < 0:
        raise ConfigError(Messages.E230, value=near_km)
    entries = get_gazetteer().lookup(name)
    known = [f"geo:{e.geonameid}" for e in entries if e.geonameid]
    rows = store.find_entities(name, kind="place", keys=known)
    selected = [StoredPlace(r.key, r.name, r.lat, r.lon) for r in rows]
    if not selected and entries:
        # A place no fact names itself ("Donetsk Oblast") still holds the places inside it.
        main = entries[0]
        key = f"geo:{main.geonameid}" if main.geonameid else f"place:{slug(main.name)}"
        selected = [StoredPlace(key, main.name, main.lat, main.lon)]
    if not selected:
        selected = [StoredPlace(f"place:{slug(name)}", name)]
    stored = [StoredPlace(*row) for row in store.place_entities()]
    area = area_keys(selected, stored, near_km=near_km) & {p.key for p in stored}
    if not area:
        raise NotFoundError(Messages.E208, name=name, url=store.url)
    keys = [p.key for p in selected]
    regional = any(e is not None and e.feature in REGIONS | {"country"} for e in map(entry_of, selected))
    return PlaceSelection(selected[0].name, keys, frozenset(area), near_km, regional)


def _at_place(facts: list[Fact], selection: PlaceSelection | None) -> list[Fact]:
    """Facts a cross-article view may state: placed events (at the selection, when there is one)."""
    if selection is None:
        return [f for f in facts if f.kind != "event" or f.place_key is not None]
    return [f for f in facts if selection.holds(f)]


def _grouped(
    store: Store,
    *,
    place: str | None,
    since: date | None,
    until: date | None,
    near_km: float | None = None,
    with_claims: bool = True,
) -> tuple[list[Fact], list[Proposition], dict[str, ArticleInfo], str]:
    """The facts at the place, their propositions, their articles and the title.

    `with_claims=False` groups only events (a report states no free-standing claim; grouping
    them was half of its work); the articles still include those of claims, which it counts.
    """
    selection = select_place(store, place, near_km=near_km) if place else None
    keys = sorted(selection.area) if selection else None
    facts = _at_place(store.facts(place_keys=keys, since=since, until=until), selection)
    infos = store.article_infos(sorted({f.article_id for f in facts}))
    props = group_facts(facts if with_claims else [f for f in facts if f.kind != "claim"], infos)
    title = selection.name if selection else "all places"
    if selection is not None and near_km is not None:
        title += f" and within {near_km:g} km"
    return facts, props, infos, title


@collector_paused
def claims(
    store: Store,
    *,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    near_km: float | None = None,
) -> tuple[list[Proposition], dict[str, ArticleInfo]]:
    """Propositions (events and free-standing claims) with their stances and verdicts.

    With `place`, only facts whose own place is that place or inside it (or, with
    `near_km`, within that distance) are grouped: a claim about Kyiv in an article that
    also mentions Pokrovsk is not a Pokrovsk claim.
    """
    _, props, infos, _ = _grouped(store, place=place, since=since, until=until, near_km=near_km)
    order = {"contested": 0, "corroborated": 1, "single-sourced": 2}
    props.sort(key=lambda p: (order.get(p.verdict, 3), -len(p.outlets), p.first or date.min))
    return props, infos


@collector_paused
def place_timeline(
    store: Store,
    *,
    place: str,
    since: date | None = None,
    until: date | None = None,
    near_km: float | None = None,
) -> tuple[str, list[TimelineEntry], dict[str, ArticleInfo]]:
    """The dated events at a place (and inside it), oldest first, with status, verdict and sources."""
    selection = select_place(store, place, near_km=near_km)
    facts = _at_place(
        store.facts(place_keys=sorted(selection.area), since=since, until=until, kinds=["event"]), selection
    )
    infos = store.article_infos(sorted({f.article_id for f in facts}))
    entries = timeline(group_facts(facts, infos))
    return selection.name, entries, infos


@collector_paused
def forecasts(
    store: Store, *, place: str | None = None, as_of: date | None = None, since: date | None = None
) -> tuple[list[LedgerEntry], dict[str, ArticleInfo]]:
    """The forecast ledger: each forecast with its deadline, outcome and the later report that bore it out.

    With `since`, only forecasts made from that day on, judged by the events reported from
    that day on (an earlier report cannot bear out a later forecast).
    """
    selection = select_place(store, place) if place else None
    keys = sorted(selection.area) if selection else None
    made = _at_place(store.facts(place_keys=keys, kinds=["forecast"], since=since), selection)
    events = _at_place(store.facts(place_keys=keys, kinds=["event"], since=since), selection)
    infos = store.article_infos(sorted({f.article_id for f in made + events}))
    return ledger(made, group_facts(events, infos), as_of=as_of), infos


@collector_paused
def situation_report(
    store: Store,
    *,
    place: str | None = None,
    since: date | None = None,
    until: date | None = None,
    near_km: float | None = None,
) -> SituationReport:
    """Key points, then per place what is reported, contested and expected, every line cited."""
    facts, props, infos, title = _grouped(
        store, place=place, since=since, until=until, near_km=near_km, with_claims=False
    )
    made = [f for f in facts if f.kind == "forecast"]
    start = since.isoformat() if since else "the earliest report"
    end = until.isoformat() if until else "the latest"
    period = f"{start} to {end}" if since or until else "All dates"
    places = {k: (lat, lon) for k, _, lat, lon in store.place_entities() if lat is not None and lon is not None}
    built = build_report(props, ledger(made, props), infos, title=title, period=period, positions=places)
    built.track_notes = citation_notes(source_track_records(store))  # beside every cited outlet
    add_context(built, store.article_texts(sorted({c.article.id for c in built.citations})))
    return built
