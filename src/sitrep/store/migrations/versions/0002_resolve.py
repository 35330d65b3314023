"""Cross-article resolution: duplicates, LSH bands, stories, entities, mentions, facts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Articles stored before this revision have no resolution rows; `sitrep reprocess` (or
`sitrep resolve`) fills them in.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("first_published", sa.Date()),
        sa.Column("last_published", sa.Date()),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("profile", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_stories"),
    )
    op.create_table(
        "resolutions",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("duplicate_of", sa.String(64)),
        sa.Column("similarity", sa.Float(), comment="Estimated Jaccard similarity to the original."),
        sa.Column("story_id", sa.Integer()),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_resolutions_article_id_articles", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["articles.id"],
            name="fk_resolutions_duplicate_of_articles",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_resolutions_story_id_stories", ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_resolutions"),
    )
    op.create_index("ix_resolutions_duplicate_of", "resolutions", ["duplicate_of"])
    op.create_index("ix_resolutions_story_id", "resolutions", ["story_id"])
    op.create_table(
        "signatures",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("minhash", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_signatures_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", name="pk_signatures"),
    )
    op.create_table(
        "lsh_bands",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_lsh_bands_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key", "article_id", name="pk_lsh_bands"),
    )
    op.create_index("ix_lsh_bands_article_id", "lsh_bands", ["article_id"])
    op.create_table(
        "story_keys",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column(
            "week", sa.Integer(), nullable=False, comment="Days since 1970-01-01 // 7 of a member's date; -1: undated."
        ),
        sa.Column("story_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["story_id"], ["stories.id"], name="fk_story_keys_story_id_stories", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key", "week", "story_id", name="pk_story_keys"),
    )
    op.create_table(
        "entities",
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("lat", sa.Float()),
        sa.Column("lon", sa.Float()),
        sa.Column("country", sa.String(2)),
        sa.PrimaryKeyConstraint("key", name="pk_entities"),
    )
    op.create_table(
        "mentions",
        sa.Column("entity_key", sa.String(200), nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(16), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_key"], ["entities.key"], name="fk_mentions_entity_key_entities", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_mentions_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("entity_key", "article_id", "item_id", name="pk_mentions"),
    )
    op.create_index("ix_mentions_article_id", "mentions", ["article_id"])
    op.create_table(
        "facts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(32)),
        sa.Column("place_key", sa.String(200)),
        sa.Column("place_name", sa.Text()),
        sa.Column("holder", sa.Text()),
        sa.Column("side", sa.String(2)),
        sa.Column("on", sa.Date()),
        sa.Column("horizon", sa.Text()),
        sa.Column("condition", sa.Text()),
        sa.Column("units", sa.JSON(), nullable=False),
        sa.Column("claim", sa.String(16), comment="Item id of the claim an event sits in, or of the claim itself."),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_facts_article_id_articles", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_facts"),
    )
    op.create_index("ix_facts_article_id", "facts", ["article_id"])
    op.create_index("ix_facts_place_key", "facts", ["place_key"])
    op.create_index("ix_facts_on", "facts", ["on"])


def downgrade() -> None:
    for table in (
        "facts",
        "mentions",
        "entities",
        "story_keys",
        "lsh_bands",
        "signatures",
        "resolutions",
        "stories",
    ):
        op.drop_table(table)
