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

from .errors import Messages, NotFoundError
from .report.situation import SituationReport, build_report, render_html, render_markdown
from .resolve.facts import Fact, slug
from .resolve.forecasts import LedgerEntry, ledger
from .resolve.propositions import ArticleInfo, Proposition, group_facts
from .resolve.timelines import TimelineEntry, timeline
from .store import Store

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
    name: str
    keys: list[str]


def select_place(store: Store, name: str) -> PlaceSelection:
    """The entity keys of the places called `name` in the store (NotFoundError E208 when none).

    The name is also looked up in the gazetteer, so any spelling it knows finds the place
    ("Avdiivka", "Avdeyevka" and "Avdiyivka" are one GeoNames place).
    """
    from .geo import get_gazetteer

    known = [f"geo:{e.geonameid}" for e in get_gazetteer().lookup(name) if e.geonameid]
    rows = store.find_entities(name, kind="place", keys=known)
    keys = [r.key for r in rows] or (
        [f"place:{slug(name)}"] if store.facts(place_keys=[f"place:{slug(name)}"]) else []
    )
    if not keys:
        raise NotFoundError(Messages.E208, name=name, url=store.url)
    return PlaceSelection(rows[0].name if rows else name, keys)


def _grouped(
    store: Store, *, place: str | None, since: date | None, until: date | None
) -> tuple[list[Fact], list[Proposition], dict[str, ArticleInfo], str]:
    selection = select_place(store, place) if place else None
    facts = store.facts(place_keys=selection.keys if selection else None, since=since, until=until)
    if selection is not None:
        # Claims carry no place key: take those of the articles whose events are at the place.
        at_place = sorted({f.article_id for f in facts})
        facts += store.facts(kinds=["claim"], since=since, until=until, article_ids=at_place)
    infos = store.article_infos(sorted({f.article_id for f in facts}))
    props = group_facts(facts, infos)
    return facts, props, infos, selection.name if selection else "all places"


def claims(
    store: Store, *, place: str | None = None, since: date | None = None, until: date | None = None
) -> tuple[list[Proposition], dict[str, ArticleInfo]]:
    """Propositions (events and free-standing claims) with their stances and verdicts."""
    _, props, infos, _ = _grouped(store, place=place, since=since, until=until)
    order = {"contested": 0, "corroborated": 1, "single-sourced": 2}
    props.sort(key=lambda p: (order.get(p.verdict, 3), -len(p.outlets), p.first or date.min))
    return props, infos


def place_timeline(
    store: Store, *, place: str, since: date | None = None, until: date | None = None
) -> tuple[str, list[TimelineEntry], dict[str, ArticleInfo]]:
    """The dated events at a place, oldest first, with status, verdict and the facts behind them."""
    selection = select_place(store, place)
    facts = store.facts(place_keys=selection.keys, since=since, until=until, kinds=["event"])
    infos = store.article_infos(sorted({f.article_id for f in facts}))
    props = group_facts(facts, infos)
    entries = [e for key in selection.keys for e in timeline(props, place_key=key)]
    entries.sort(key=lambda e: (e.on is None, e.on or date.min))
    return selection.name, entries, infos


def forecasts(
    store: Store, *, place: str | None = None, as_of: date | None = None, since: date | None = None
) -> tuple[list[LedgerEntry], dict[str, ArticleInfo]]:
    """The forecast ledger: each forecast with its deadline, outcome and the evidence for it.

    With `since`, only forecasts made from that day on, judged by the events reported from
    that day on (an earlier report cannot bear out a later forecast).
    """
    selection = select_place(store, place) if place else None
    keys = selection.keys if selection else None
    made = store.facts(place_keys=keys, kinds=["forecast"], since=since)
    events = store.facts(place_keys=keys, kinds=["event"], since=since)
    infos = store.article_infos(sorted({f.article_id for f in made + events}))
    return ledger(made, group_facts(events, infos), as_of=as_of), infos


def situation_report(
    store: Store, *, place: str | None = None, since: date | None = None, until: date | None = None
) -> SituationReport:
    """Key points, then per place what is reported, contested and expected, every line cited."""
    facts, props, infos, title = _grouped(store, place=place, since=since, until=until)
    made = [f for f in facts if f.kind == "forecast"]
    start = since.isoformat() if since else "the earliest report"
    end = until.isoformat() if until else "the latest"
    period = f"{start} to {end}" if since or until else "All dates"
    return build_report(props, ledger(made, props), infos, title=title, period=period)
