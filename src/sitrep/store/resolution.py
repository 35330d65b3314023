"""The SQL of cross-article resolution: copies, stories, entities and facts of stored articles.

Called by `Store` inside the transaction that stores an article (or replaces its record),
so an article, its record and its resolution are written together or not at all. Every
look-up a new article needs is indexed (LSH band keys, story keys within a date window,
entity keys), so the cost per article stays flat as the store grows.

    >>> from sitrep.store import Store
    >>> with Store.open("sqlite:///sitrep.db") as store:  # doctest: +SKIP
    ...     facts = store.facts(place_keys=["geo:704422"])
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    Connection,
    Text,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    type_coerce,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite

from ..models import Record
from ..resolve.duplicates import Signature, band_keys, best_match, signature
from ..resolve.facts import EntityRef, Fact, entities_of, facts_of, placed_name, same_place

__all__ = ["ArticleInfo", "Fact", "Resolution", "EntityRow", "StoryRow"]

from ..resolve.propositions import ArticleInfo
from ..resolve.stories import WINDOW_DAYS, ArticleProfile, StoryProfile, choose_story
from .schema import (
    articles,
    entities,
    facts,
    lsh_bands,
    mentions,
    resolutions,
    signatures,
    stories,
    story_keys,
)

EPOCH = date(1970, 1, 1)


@dataclass(frozen=True)
class Resolution:
    article_id: str
    duplicate_of: str | None
    similarity: float | None
    story_id: int | None


def _insert_ignoring_conflicts(conn: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key exists (two writers may add the same entity).

    One prepared statement executed for many rows: a multi-row VALUES would be compiled anew
    for every batch size, which costs more than the insert itself.
    """
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        conn.execute(postgresql.insert(table).on_conflict_do_nothing(), rows)
    elif dialect == "sqlite":
        conn.execute(sqlite.insert(table).on_conflict_do_nothing(), rows)
    else:  # pragma: no cover - sitrep supports SQLite and PostgreSQL
        conn.execute(insert(table), rows)


def _find_original(conn: Connection, sig: Signature, keys: list[int]) -> tuple[str | None, float | None]:
    candidates = select(lsh_bands.c.article_id).where(lsh_bands.c.key.in_(keys)).distinct()
    rows = conn.execute(
        select(signatures.c.article_id, signatures.c.minhash, resolutions.c.duplicate_of)
        .outerjoin(resolutions, resolutions.c.article_id == signatures.c.article_id)
        .where(signatures.c.article_id.in_(candidates))
    ).all()
    originals = {r.article_id: r.duplicate_of or r.article_id for r in rows}
    match = best_match(sig, ((r.article_id, Signature.from_bytes(r.minhash)) for r in rows))
    if match is None:
        return None, None
    # A copy of a copy points at the first original, so copies form one group.
    return originals[match.article_id], match.similarity


def _story_profile(row: Any) -> StoryProfile:
    profile = row.profile
    return StoryProfile(
        id=row.id,
        keys=Counter(profile.get("keys", {})),
        words=Counter(profile.get("words", {})),
        first=row.first_published,
        last=row.last_published,
        size=row.size,
    )


def week_of(day: date | None) -> int:
    """The story_keys bucket of a date: weeks since 1970-01-01, or -1 when undated."""
    return -1 if day is None else (day - EPOCH).days // 7


def _weeks_around(day: date | None) -> list[int]:
    if day is None:
        return [-1]
    window = timedelta(days=WINDOW_DAYS)
    return sorted({week_of(day - window), week_of(day), week_of(day + window)})


def _candidate_stories(conn: Connection, profile: ArticleProfile) -> list[StoryProfile]:
    """Stories sharing a key with the article in the weeks around its date: an exact index look-up."""
    if not profile.keys:
        return []
    ids = (
        select(story_keys.c.story_id)
        .where(story_keys.c.key.in_(sorted(profile.keys)), story_keys.c.week.in_(_weeks_around(profile.on)))
        .distinct()
    )
    return [_story_profile(r) for r in conn.execute(select(stories).where(stories.c.id.in_(ids)))]


def _save_story(conn: Connection, story: StoryProfile, *, title: str | None, new: bool) -> int:
    values = {
        "first_published": story.first,
        "last_published": story.last,
        "size": story.size,
        "profile": {"keys": dict(story.keys), "words": dict(story.words)},
    }
    if new:
        return int(
            conn.execute(insert(stories).values(title=title, **values).returning(stories.c.id)).scalar_one()
        )
    conn.execute(update(stories).where(stories.c.id == story.id).values(**values))
    return story.id


def _place_keys(conn: Connection, record: Record) -> dict[str, str]:
    """The stored key of each placed name without a GeoNames id (`place:SLUG@LAT,LON`).

    A name placed within `NAMESAKE_KM` of a stored entity of the same name is that entity
    (one village placed at two nearby reference towns); otherwise it is a new place, and a
    namesake far away keeps its own key and coordinates. Names of one article are matched
    to each other too, in their order.
    """
    same: dict[str, str] = {}
    for ref in entities_of(record):
        parts = placed_name(ref.key)
        if parts is None or ref.key in same:
            continue
        # keys from "place:NAME@" up to "place:NAMEA" ('A' follows '@'): a range the key index
        # answers; `same_place` keeps only those of exactly this name
        low, high = parts[0] + "@", parts[0] + "A"
        stored = conn.execute(
            select(entities.c.key).where(entities.c.key >= low, entities.c.key < high, entities.c.kind == "place")
        ).scalars()
        same[ref.key] = same_place(ref.key, [*stored, *same.values()])
    return same


def _assign_story(conn: Connection, record: Record, text: str, same: dict[str, str]) -> int:
    profile = ArticleProfile.from_record(record, text, same=same)
    story = choose_story(profile, _candidate_stories(conn, profile))
    new = story is None
    if story is None:
        story = StoryProfile(id=0)
    story.absorb(profile)
    title = record.article.title or " ".join(text.split()[:14])
    story_id = _save_story(conn, story, title=title, new=new)
    week = week_of(profile.on)
    rows = [{"key": k, "week": week, "story_id": story_id} for k in sorted(profile.keys)]
    _insert_ignoring_conflicts(conn, story_keys, rows)
    return story_id


def _index_items(
    conn: Connection, article_id: str, record: Record, text: str, same: dict[str, str] | None = None
) -> None:
    """Entities, mentions and facts of one record (replacing any earlier ones).

    `same` maps each placed name's own key to its stored one (`_place_keys`).
    """
    conn.execute(delete(mentions).where(mentions.c.article_id == article_id))
    conn.execute(delete(facts).where(facts.c.article_id == article_id))
    if same is None:
        same = _place_keys(conn, record)
    refs: list[EntityRef] = [replace(r, key=same.get(r.key, r.key)) for r in entities_of(record)]
    _insert_ignoring_conflicts(
        conn,
        entities,
        list(
            {
                r.key: {
                    "key": r.key,
                    "kind": r.kind,
                    "name": r.name,
                    "lat": r.lat,
                    "lon": r.lon,
                    "country": r.country,
                }
                for r in refs
            }.values()
        ),
    )
    _insert_ignoring_conflicts(
        conn, mentions, [{"entity_key": r.key, "article_id": article_id, "item_id": r.item_id} for r in refs]
    )
    rows = [
        {
            "article_id": article_id,
            "item_id": f.item_id,
            "kind": f.kind,
            "status": f.status,
            "text": f.text,
            "start": f.start,
            "end": f.end,
            "event_type": f.event_type,
            "place_key": f.place_key,
            "place_name": f.place_name,
            "holder": f.holder,
            "side": f.side,
            "on": f.on,
            "horizon": f.horizon,
            "condition": f.condition,
            "units": list(f.units),
            "claim": f.claim,
            "relation": f.relation,
        }
        for f in (
            replace(f, place_key=same[f.place_key]) if f.place_key is not None and f.place_key in same else f
            for f in facts_of(record.model_copy(update={"id": article_id}), text=text)
        )
    ]
    if rows:
        conn.execute(insert(facts), rows)


def index_article(conn: Connection, *, article_id: str, text: str, record: Record) -> Resolution:
    """Resolve a newly stored article: its original (if a copy), its story, entities and facts."""
    sig = signature(text)
    keys = band_keys(sig)
    same = _place_keys(conn, record)
    original, similarity = _find_original(conn, sig, keys)
    if original is not None:
        story_id = conn.execute(
            select(resolutions.c.story_id).where(resolutions.c.article_id == original)
        ).scalar()
    else:
        story_id = _assign_story(conn, record, text, same)
    conn.execute(insert(signatures).values(article_id=article_id, minhash=sig.to_bytes()))
    _insert_ignoring_conflicts(conn, lsh_bands, [{"key": k, "article_id": article_id} for k in keys])
    conn.execute(
        insert(resolutions).values(
            article_id=article_id, duplicate_of=original, similarity=similarity, story_id=story_id
        )
    )
    _index_items(conn, article_id, record, text, same)
    return Resolution(article_id, original, similarity, story_id)


def reindex_record(conn: Connection, *, article_id: str, text: str, record: Record) -> None:
    """After a record is replaced: its entities and facts change; its copy and story links stay."""
    _index_items(conn, article_id, record, text)


def is_resolved(conn: Connection, article_id: str) -> bool:
    return (
        conn.execute(select(resolutions.c.article_id).where(resolutions.c.article_id == article_id)).first()
        is not None
    )


# --- reads ---------------------------------------------------------------------------------------


#: The columns of a fact, in the order of `Fact`'s fields up to `units`, then `claim` and `relation`.
_FACT_COLUMNS = (
    facts.c.article_id,
    facts.c.item_id,
    facts.c.kind,
    facts.c.status,
    facts.c.text,
    facts.c.start,
    facts.c.end,
    facts.c.event_type,
    facts.c.place_key,
    facts.c.place_name,
    facts.c.holder,
    facts.c.side,
    facts.c.on,
    facts.c.horizon,
    facts.c.condition,
    # Read as the stored text and parsed only when not empty: a report reads tens of thousands.
    type_coerce(facts.c.units, Text).label("units"),
    facts.c.claim,
    facts.c.relation,
    facts.c.id,
)


def _units(value: Any) -> tuple[str, ...]:
    if not value or value == "[]":
        return ()
    return tuple(json.loads(value) if isinstance(value, str) else value)


def _fact(row: Any) -> Fact:
    """A Fact from a row of `_FACT_COLUMNS` (read by position: a report reads tens of thousands)."""
    return Fact.of_values((*row[:15], _units(row[15]), row[16], row[17]))


#: Ids per IN list, within every supported database's limit on bound parameters.
IN_CHUNK = 500

#: One IN list's ids as a single expanding parameter: SQLAlchemy then compiles the statement
#: once and binds the list as it is, instead of coercing each of 500 literals into the
#: statement (a tenth of a report's time on a large store).
IDS: BindParameter[list[str]] = bindparam("ids", expanding=True)


def in_chunks(ids: Iterable[str]) -> Iterator[dict[str, list[str]]]:
    """The parameters binding `IDS`, IN_CHUNK distinct ids at a time, in sorted order."""
    wanted = sorted(set(ids))
    for i in range(0, len(wanted), IN_CHUNK):
        yield {"ids": wanted[i : i + IN_CHUNK]}


def load_facts(
    conn: Connection,
    *,
    place_keys: Sequence[str] | None = None,
    since: date | None = None,
    until: date | None = None,
    kinds: Sequence[str] | None = None,
    article_ids: Iterable[str] | None = None,
) -> list[Fact]:
    """Facts filtered by place key, kind, article and date (undated facts only when no date is given)."""
    query = select(*_FACT_COLUMNS)
    if place_keys is not None:
        query = query.where(facts.c.place_key.in_(list(place_keys)))
    if kinds is not None:
        query = query.where(facts.c.kind.in_(list(kinds)))
    if since is not None:
        query = query.where(facts.c.on >= since)
    if until is not None:
        query = query.where(facts.c.on <= until)
    if article_ids is None:
        return [_fact(r) for r in conn.execute(query.order_by(facts.c.id))]
    query = query.where(facts.c.article_id.in_(IDS))
    rows: list[Any] = []
    for params in in_chunks(article_ids):
        rows += conn.execute(query, params).all()
    return [_fact(r) for r in sorted(rows, key=lambda r: r.id)]


#: The columns in the order of ArticleInfo's fields.
_INFO_QUERY = (
    select(
        articles.c.id,
        articles.c.outlet,
        articles.c.published,
        articles.c.url,
        articles.c.title,
        resolutions.c.duplicate_of,
        articles.c.origin,
        resolutions.c.story_id,
    )
    .outerjoin(resolutions, resolutions.c.article_id == articles.c.id)
    .where(articles.c.id.in_(IDS))
)


def article_infos(conn: Connection, ids: Iterable[str]) -> dict[str, ArticleInfo]:
    out: dict[str, ArticleInfo] = {}
    for params in in_chunks(ids):
        for r in conn.execute(_INFO_QUERY, params):
            out[r[0]] = ArticleInfo(*r)
    return out


def article_texts(conn: Connection, ids: Iterable[str]) -> dict[str, str]:
    """The stored texts of the given articles (what citations quote and show around)."""
    query = select(articles.c.id, articles.c.text).where(articles.c.id.in_(IDS))
    out: dict[str, str] = {}
    for params in in_chunks(ids):
        out.update({r.id: r.text for r in conn.execute(query, params)})
    return out


@dataclass(frozen=True)
class EntityRow:
    key: str
    kind: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    articles: int


def find_entities(
    conn: Connection, name: str, *, kind: str | None = None, keys: Sequence[str] = ()
) -> list[EntityRow]:
    """Entities named `name` (case-insensitive) or with one of `keys`, most mentioned first."""
    query = (
        select(entities, func.count(func.distinct(mentions.c.article_id)).label("n"))
        .outerjoin(mentions, mentions.c.entity_key == entities.c.key)
        .where(or_(func.lower(entities.c.name) == name.casefold(), entities.c.key.in_(list(keys))))
        .group_by(*entities.c)
        .order_by(func.count(func.distinct(mentions.c.article_id)).desc())
    )
    if kind is not None:
        query = query.where(entities.c.kind == kind)
    return [EntityRow(r.key, r.kind, r.name, r.lat, r.lon, r.country, r.n) for r in conn.execute(query)]


@dataclass(frozen=True)
class StoryRow:
    id: int
    title: str | None
    first_published: date | None
    last_published: date | None
    articles: int
    copies: int
    top_keys: list[str]


def list_stories(conn: Connection, *, limit: int | None = None) -> list[StoryRow]:
    counts = (
        select(
            resolutions.c.story_id,
            func.count().label("n"),
            func.count(resolutions.c.duplicate_of).label("copies"),
        )
        .group_by(resolutions.c.story_id)
        .subquery()
    )
    query = (
        select(stories, counts.c.n, counts.c.copies)
        .join(counts, counts.c.story_id == stories.c.id)
        .order_by(counts.c.n.desc(), stories.c.id)
    )
    if limit is not None:
        query = query.limit(limit)
    out = []
    for r in conn.execute(query):
        keys = sorted(r.profile.get("keys", {}).items(), key=lambda kv: -kv[1])
        out.append(
            StoryRow(
                r.id, r.title, r.first_published, r.last_published, r.n, r.copies, [k for k, _ in keys[:6]]
            )
        )
    return out


def place_entities(conn: Connection) -> list[tuple[str, str, float | None, float | None]]:
    """(key, name, lat, lon) of every stored place entity that some fact is placed at."""
    placed = select(facts.c.place_key).where(facts.c.place_key.is_not(None)).distinct()
    query = (
        select(entities.c.key, entities.c.name, entities.c.lat, entities.c.lon)
        .where(entities.c.kind == "place", entities.c.key.in_(placed))
        .order_by(entities.c.key)
    )
    return [(r.key, r.name, r.lat, r.lon) for r in conn.execute(query)]


def resolution_of(conn: Connection, article_id: str) -> Resolution | None:
    row = conn.execute(select(resolutions).where(resolutions.c.article_id == article_id)).first()
    return None if row is None else Resolution(row.article_id, row.duplicate_of, row.similarity, row.story_id)


def entity_names(conn: Connection, keys: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    return {
        r.key: r.name
        for r in conn.execute(select(entities.c.key, entities.c.name).where(entities.c.key.in_(wanted)))
    }
