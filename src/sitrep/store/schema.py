"""The database schema: SQLAlchemy Core tables, the one description the migrations must match.

Full-text search is dialect-specific and lives outside this metadata: on SQLite an FTS5
table ``articles_fts`` kept in step with ``articles`` by triggers; on PostgreSQL a generated
``tsvector`` column ``articles.search`` with a GIN index. Both are created by the migrations
(``migrations/versions``) and ignored by autogenerate through `is_search_object`.

    >>> sorted(metadata.tables)[:4]
    ['articles', 'cached', 'changes', 'control_checks']
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

#: Constraint names are spelled out so migrations on every dialect name them the same way
#: (SQLAlchemy "Configuring Constraint Naming Conventions"; needed by Alembic batch mode on SQLite).
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING)

#: One row per distinct article text. `pk` is an explicit INTEGER PRIMARY KEY because SQLite's
#: FTS5 external-content table needs a rowid that VACUUM never renumbers.
articles = Table(
    "articles",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True, comment="Short public id: a prefix of sha256."),
    Column("sha256", String(64), nullable=False, unique=True, comment="sitrep.pipeline.text_hash(text)."),
    Column("origin", Text, nullable=False, comment="Where it was read: path, path:line, feed#n."),
    Column("title", Text),
    Column("url", Text),
    Column("outlet", Text),
    Column("published", Date),
    Column("lang", String(16)),
    Column("format", String(16), nullable=False),
    Column("text", Text, nullable=False, comment="Normalised text; record spans index into it."),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # The web app's outlet filter and its list of outlets (migration 0006).
    Index("ix_articles_outlet", "outlet"),
)

#: The current record of each article (one per article; `sitrep reprocess` replaces it).
records = Table(
    "records",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("record", JSON, nullable=False, comment="sitrep.models.Record as JSON."),
    Column("schema_version", Integer, nullable=False),
    Column("extractors", JSON, nullable=False, comment="Component name → version."),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
)

#: Inputs that could not be read as articles, with the error code and the one-line reason.
rejections = Table(
    "rejections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("origin", Text, nullable=False),
    Column("code", String(8), nullable=False),
    Column("reason", Text, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)

# --- Cross-article resolution (sitrep.resolve): filled when an article is stored. ---

#: Per article: the original it copies (None for an original) and the story it belongs to.
resolutions = Table(
    "resolutions",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("duplicate_of", String(64), ForeignKey("articles.id", ondelete="SET NULL"), index=True),
    Column("similarity", Float, comment="Estimated Jaccard similarity to the original."),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="SET NULL"), index=True),
)

#: MinHash signature of each article's shingles (sitrep.resolve.duplicates).
signatures = Table(
    "signatures",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("minhash", LargeBinary, nullable=False),
)

#: LSH band keys: articles sharing a key are near-duplicate candidates (an indexed look-up).
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("key", BigInteger, primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_lsh_bands_article_id", "article_id"),
)

#: Stories: articles about the same events; `profile` holds the keys and words they share.
stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("title", Text),
    Column("first_published", Date),
    Column("last_published", Date),
    Column("size", Integer, nullable=False),
    Column("profile", JSON, nullable=False),
)

#: Entity keys of each story by week, to find a new article's candidate stories with an exact
#: index look-up on (key, week): the candidates stay few however long the store's history.
story_keys = Table(
    "story_keys",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("week", Integer, primary_key=True, comment="Days since 1970-01-01 // 7 of a member's date; -1: undated."),
    Column("story_id", Integer, ForeignKey("stories.id", ondelete="CASCADE"), primary_key=True),
)

#: Places, units, people and organisations across articles, by key (sitrep.resolve.facts).
entities = Table(
    "entities",
    metadata,
    Column("key", String(200), primary_key=True),
    Column("kind", String(32), nullable=False),
    Column("name", Text, nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(2)),
)

#: Which article mentions which entity, through which record item.
mentions = Table(
    "mentions",
    metadata,
    Column("entity_key", String(200), ForeignKey("entities.key", ondelete="CASCADE"), primary_key=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", String(16), primary_key=True),
    Index("ix_mentions_article_id", "article_id"),
)

#: Events, claims and forecasts of every record, with place key and date, for grouping and reports.
facts = Table(
    "facts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    ),
    Column("item_id", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("event_type", String(32)),
    Column("place_key", String(200), index=True),
    Column("place_name", Text),
    Column("holder", Text),
    Column("side", String(2)),
    Column("on", Date, index=True),
    Column("horizon", Text),
    Column("condition", Text),
    Column("units", JSON, nullable=False),
    Column("claim", String(16), comment="Item id of the claim an event sits in, or of the claim itself."),
    Column(
        "relation",
        String(16),
        comment="How the fact's sentence names its place: NULL (at it), near, direction, outskirts, toward, region.",
    ),
    # Covering indexes of the web map and timeline chart (sitrep.store.views, migration 0006).
    Index("ix_facts_map", "kind", "place_key", "event_type", "status", "on", "side", "article_id"),
    Index("ix_facts_day", "kind", "on", "status", "place_key", "side", "event_type"),
)

# --- Control maps (sitrep.control): who holds what on a date, and claims checked against them. ---

#: One snapshot of the area one side holds on a date (a polygon layer the user brought).
control_maps = Table(
    "control_maps",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(40), nullable=False, comment="The series, e.g. 'deepstate'."),
    Column("side", String(2), nullable=False, comment="The side whose area the polygons draw."),
    Column("country", String(2), nullable=False, comment="The country the map covers (its extent)."),
    Column("on", Date, nullable=False),
    Column("source", Text, nullable=False, comment="The file it was read from, as given."),
    Column("sha256", String(64), nullable=False, comment="Hash of the stored geometry."),
    Column("polygons", Integer, nullable=False),
    Column("area_km2", Float, nullable=False),
    Column("bbox", JSON, nullable=False, comment="[west, south, east, north] in degrees."),
    Column("geometry", LargeBinary, nullable=False, comment="The (Multi)Polygon as WKB, CRS84."),
    Column("added_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("name", "side", "on"),
)

#: A capture, advance or withdrawal fact checked against the control maps (sitrep.control.verdicts).
control_checks = Table(
    "control_checks",
    metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("item_id", String(16), primary_key=True, comment="The fact's item id."),
    Column("place_key", String(200), comment="The fact's place key when checked (stale if it changed)."),
    Column("on", Date, comment="The fact's date when checked."),
    Column("event_type", String(32), nullable=False),
    Column("side", String(2)),
    Column("verdict", String(16), nullable=False, comment="consistent, inconsistent or undetermined."),
    Column("reason", Text, nullable=False),
    Column("layer", String(40), nullable=False, comment="The control map series checked against."),
    Column("before_map", Integer, ForeignKey("control_maps.id", ondelete="SET NULL")),
    Column("before_on", Date),
    Column("before_state", String(16)),
    Column("after_map", Integer, ForeignKey("control_maps.id", ondelete="SET NULL")),
    Column("after_on", Date),
    Column("after_state", String(16)),
    Column("km", Float, comment="Signed distance to the line on the deciding map: > 0 inside the area."),
    Column("checker", String(32), nullable=False, comment="Name and version of the rules, e.g. sitrep.control/1."),
    Column("checked_at", DateTime(timezone=True), nullable=False),
)

#: How far `sitrep watch` has read each source, so that a restart resumes there (sitrep.watch).
#: A position is written in the same transaction as the articles read up to it.
watch_positions = Table(
    "watch_positions",
    metadata,
    Column("source", Text, primary_key=True, comment="A feed URL, or a file's resolved path."),
    Column("etag", Text, comment="The feed's last ETag (sent back as If-None-Match)."),
    Column("last_modified", Text, comment="The feed's last Last-Modified (If-Modified-Since)."),
    Column("offset", BigInteger, nullable=False, comment="Bytes of a file already ingested."),
    Column("fingerprint", Text, comment="A file's size and mtime, or the hash of a feed body."),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

#: One row per write transaction (`Store._write`): while this table's row count and newest id
#: are what they were, nothing stored has changed (migration 0007).
changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
)

#: Results of whole-store computations (the track records every report cites), each with the
#: `changes` version it was computed at: read only while that version is current (migration 0007).
cached = Table(
    "cached",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("version", String(64), nullable=False, comment="The changes count and newest id it was computed at."),
    Column("value", JSON, nullable=False),
    Column("computed_at", DateTime(timezone=True), nullable=False),
)

#: SQLite FTS5 table over articles(title, text); its shadow tables share the prefix.
FTS_TABLE = "articles_fts"
#: PostgreSQL generated tsvector column of `articles` and its GIN index.
PG_SEARCH_COLUMN = "search"
PG_SEARCH_INDEX = "ix_articles_search"


def is_search_object(name: str | None, type_: str) -> bool:
    """True for the dialect-specific full-text objects that the migrations own and autogenerate skips."""
    if name is None:
        return False
    if type_ == "table":
        return name == FTS_TABLE or name.startswith(f"{FTS_TABLE}_")
    if type_ == "column":
        return name == PG_SEARCH_COLUMN
    if type_ == "index":
        return name == PG_SEARCH_INDEX
    return False
