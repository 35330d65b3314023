"""What the map, a place's facts, the timeline chart and the article view show: one function each.

`sitrep serve` renders these and `sitrep export` writes them; both call the same functions
with the same `Filters` (date range, event type, side, outlet, status), so a view on the web
and its download hold the same facts.

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db", readonly=True) as store:  # doctest: +SKIP
    ...     [(p.name, p.facts, p.marker) for p in map_places(store, Filters())]
    [('Pokrovsk', 12, 'contested'), ...]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from .errors import ConfigError, Messages, NotFoundError
from .outlets import canonical_outlet
from .resolve.facts import Fact
from .resolve.propositions import ArticleInfo, Proposition, group_facts, judge
from .store import ArticleRow, Store
from .store.views import SHOWN, FactQuery, Related

#: Statuses of an event fact (docs/resolve.md): reported by the outlet, claimed or denied by
#: someone it quotes, or expected.
STATUSES = ("reported", "claimed", "denied", "forecast")
#: Marker classes, strongest first: a place where something is asserted and denied is
#: contested; else it has reports; else only claims (or denials); else only forecasts.
MARKERS = ("contested", "reported", "claimed", "forecast")
ASSERTING = {"reported", "claimed"}


def parse_day(value: str, *, field: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as e:
        raise ConfigError(Messages.E401, value=value, field=field) from e


@dataclass(frozen=True)
class Filters:
    """A selection of event facts; every tuple is "any of", empty means all.

    `outlets` are display names (as `ArticleInfo.outlet_name` shows them); `place_keys`
    limit to places (entity keys, e.g. "geo:704422").

    >>> Filters.from_params({"since": ["2025-11-01"], "status": ["denied"]}).to_params()
    [('since', '2025-11-01'), ('status', 'denied')]
    """

    since: date | None = None
    until: date | None = None
    event_types: tuple[str, ...] = ()
    sides: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()
    place_keys: tuple[str, ...] = ()

    #: URL parameter → field, in the order the URL shows them.
    PARAMS = {"type": "event_types", "side": "sides", "outlet": "outlets", "status": "statuses"}

    @classmethod
    def from_params(cls, params: Mapping[str, Iterable[str]]) -> Filters:
        """Filters from URL or CLI parameters (lists of values; blank values are ignored)."""

        def values(name: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(v.strip() for v in params.get(name, ()) if v.strip()))

        since, until = values("since"), values("until")
        statuses = values("status")
        for status in statuses:
            if status not in STATUSES:
                raise ConfigError(Messages.E402, value=status, options=", ".join(STATUSES))
        return cls(
            since=parse_day(since[0], field="since") if since else None,
            until=parse_day(until[0], field="until") if until else None,
            event_types=values("type"),
            sides=tuple(s.upper() for s in values("side")),
            statuses=statuses,
            outlets=values("outlet"),
            place_keys=values("place"),
        )

    def to_params(self, *, place: bool = True) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        if self.since:
            out.append(("since", self.since.isoformat()))
        if self.until:
            out.append(("until", self.until.isoformat()))
        for name, attr in self.PARAMS.items():
            out += [(name, v) for v in getattr(self, attr)]
        if place:
            out += [("place", k) for k in self.place_keys]
        return out

    def without_place(self) -> Filters:
        return replace(self, place_keys=())

    def matches(self, fact: Fact, info: ArticleInfo | None) -> bool:
        """The same test as the SQL of `sitrep.store.views`, for facts already loaded."""
        if fact.kind != "event":
            return False
        if self.since and (fact.on is None or fact.on < self.since):
            return False
        if self.until and (fact.on is None or fact.on > self.until):
            return False
        if self.event_types and fact.event_type not in self.event_types:
            return False
        if self.sides and fact.side not in self.sides:
            return False
        if self.statuses and fact.status not in self.statuses:
            return False
        if self.place_keys and fact.place_key not in self.place_keys:
            return False
        outlet = info.outlet_name if info else None
        return not self.outlets or outlet in self.outlets


def _stored_outlets(store: Store, names: tuple[str, ...]) -> tuple[str, ...]:
    """The stored outlet values whose display name is one of `names` ("Reuters" → "reuters.com", …)."""
    if not names:
        return ()
    stored = store.fact_choices().outlets
    return tuple(o for o in stored if canonical_outlet(o) in names or o in names) or ("\x00none",)


def fact_query(store: Store, filters: Filters) -> FactQuery:
    """The store's query for `filters`."""
    return FactQuery(
        since=filters.since,
        until=filters.until,
        event_types=filters.event_types,
        sides=filters.sides,
        statuses=filters.statuses,
        outlets=_stored_outlets(store, filters.outlets),
        place_keys=filters.place_keys,
    )


# --- the map ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MapPlace:
    """One marker: a place with its fact count, its class (MARKERS) and facts per status."""

    key: str
    name: str
    lat: float
    lon: float
    facts: int
    marker: str
    statuses: dict[str, int]
    event_types: dict[str, int]
    last: date | None


def marker_of(by_type: Mapping[str | None, set[str]]) -> str:
    """The marker class of a place from the statuses of each event type reported there.

    >>> marker_of({"encirclement": {"claimed", "denied"}, "fighting": {"reported"}})
    'contested'
    >>> marker_of({"capture": {"forecast"}})
    'forecast'
    """
    statuses = set().union(*by_type.values()) if by_type else set()
    if any(s & ASSERTING and "denied" in s for s in by_type.values()):
        return "contested"
    if "reported" in statuses:
        return "reported"
    if statuses & {"claimed", "denied"}:
        return "claimed"
    return "forecast"


def map_places(store: Store, filters: Filters) -> list[MapPlace]:
    """The places with event facts matching `filters` that have coordinates, most facts first."""
    rows = store.place_counts(fact_query(store, filters))
    grouped: dict[str, list] = defaultdict(list)
    for row in rows:
        grouped[row.key].append(row)
    places = []
    for key, group in grouped.items():
        by_type: dict[str | None, set[str]] = {r.event_type: set(r.statuses) for r in group}
        statuses: Counter[str] = Counter()
        types: Counter[str] = Counter()
        for r in group:
            statuses.update(r.statuses)
            types[r.event_type or "event"] += r.facts
        days = [r.last for r in group if r.last]
        first = group[0]
        places.append(
            MapPlace(
                key,
                first.name,
                first.lat,
                first.lon,
                sum(statuses.values()),
                marker_of(by_type),
                dict(statuses),
                dict(types.most_common()),
                max(days) if days else None,
            )
        )
    places.sort(key=lambda p: (-p.facts, p.name))
    return places


# --- a place's facts -------------------------------------------------------------------------------


@dataclass
class PlaceFacts:
    """A place's propositions (events grouped across articles, and forecasts), newest first."""

    key: str
    name: str
    items: list[Proposition]
    articles: dict[str, ArticleInfo]
    total_facts: int = 0


def _newest_first(items: list[Proposition]) -> list[Proposition]:
    order = {"contested": 0, "corroborated": 1, "single-sourced": 2, "forecast": 3}
    items.sort(key=lambda p: (order.get(p.verdict, 4), -len(p.facts)))
    # Stable: within one date the contested and best-sourced come first; undated last.
    items.sort(key=lambda p: p.last or date.min, reverse=True)
    return items


def group_with_forecasts(facts: list[Fact], infos: Mapping[str, ArticleInfo]) -> list[Proposition]:
    """Event propositions (sitrep.resolve.propositions), plus each expected event as its own item."""
    items = group_facts([f for f in facts if f.status != "forecast"], infos)
    for fact in facts:
        if fact.status == "forecast":
            prop = Proposition(
                key=f"forecast:{fact.article_id}/{fact.item_id}",
                kind="forecast",
                facts=[fact],
                event_type=fact.event_type,
                place_key=fact.place_key,
                place_name=fact.place_name,
            )
            judge(prop, infos)
            prop.verdict = "forecast"
            items.append(prop)
    return items


def place_facts(store: Store, key: str, filters: Filters) -> PlaceFacts:
    """The facts at the place `key` that match `filters`, grouped and newest first (E404 if none stored)."""
    names = store.entity_rows([key])
    if key not in names:
        raise NotFoundError(Messages.E404, key=key, url=store.url)
    loaded = store.facts(place_keys=[key], since=filters.since, until=filters.until, kinds=list(SHOWN))
    infos = store.article_infos(sorted({f.article_id for f in loaded}))
    facts = [f for f in loaded if filters.matches(f, infos.get(f.article_id))]
    items = _newest_first(group_with_forecasts(facts, infos))
    return PlaceFacts(key, names[key][0], items, infos, len(facts))


# --- the timeline chart ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayCount:
    day: date
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())


def day_counts(store: Store, filters: Filters) -> list[DayCount]:
    """Dated event facts per day (and status) that match `filters`, oldest first."""
    days: dict[date, dict[str, int]] = defaultdict(dict)
    for day, status, n in store.daily_counts(fact_query(store, filters)):
        days[day][status] = n
    return [DayCount(d, s) for d, s in sorted(days.items())]


# --- the filters' choices ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Choices:
    first: date | None
    last: date | None
    event_types: list[str]
    sides: list[str]
    statuses: tuple[str, ...]
    outlets: list[str]  # display names


def filter_choices(store: Store) -> Choices:
    """The store's date range and the values each filter can take."""
    got = store.fact_choices()
    outlets = sorted({canonical_outlet(o) for o in got.outlets}, key=str.casefold)
    return Choices(got.first, got.last, got.event_types, got.sides, STATUSES, outlets)


# --- the article view -------------------------------------------------------------------------------


@dataclass
class ArticleView:
    """An article's text cut around one highlighted span, its facts, copies, original and story."""

    article: ArticleRow
    before: str
    highlight: str
    after: str
    facts: list[Fact]
    copies: list[Related]
    original: ArticleInfo | None
    story: list[Related]
    story_id: int | None

    @property
    def info(self) -> ArticleInfo:
        a = self.article
        return ArticleInfo(a.id, a.outlet, a.published, a.url, a.title, a.duplicate_of)


def article_view(
    store: Store, article_id: str, *, start: int | None = None, end: int | None = None
) -> ArticleView:
    """The article `article_id` (or a unique prefix) with characters start–end highlighted (E403 if outside)."""
    row, text = store.article_text(article_id)
    if start is None or end is None:
        start = end = 0
    elif not 0 <= start < end <= len(text):
        raise ConfigError(Messages.E403, start=start, end=end, id=row.id, length=len(text))
    facts = sorted(store.facts(article_ids=[row.id]), key=lambda f: (f.start, f.end, f.item_id))
    original = None
    if row.duplicate_of:
        original = store.article_infos([row.duplicate_of]).get(row.duplicate_of)
    story = [r for r in store.story_members(row.story_id) if r.id != row.id] if row.story_id else []
    return ArticleView(
        row,
        text[:start],
        text[start:end],
        text[end:],
        facts,
        store.copies_of(row.id),
        original,
        story,
        row.story_id,
    )
