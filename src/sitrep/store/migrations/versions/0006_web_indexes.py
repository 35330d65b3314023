"""Covering indexes for the web map and the timeline chart (sitrep.store.views).

Revision ID: 0006
Revises: 0002
Create Date: 2026-12-03

The map counts event facts per place, type and status, and the chart per day and status,
with the filters (date, side, article) applied: with every column they read in one index,
SQLite and PostgreSQL answer from the index alone instead of visiting each fact row. The
outlet filter and its list of outlets read `articles.outlet` from its own index rather than
the article rows, which hold the texts.
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_facts_map", "facts", ["kind", "place_key", "event_type", "status", "on", "side", "article_id"]
    )
    op.create_index("ix_facts_day", "facts", ["kind", "on", "status", "place_key", "side", "event_type"])
    op.create_index("ix_articles_outlet", "articles", ["outlet"])


def downgrade() -> None:
    op.drop_index("ix_articles_outlet", table_name="articles")
    op.drop_index("ix_facts_day", table_name="facts")
    op.drop_index("ix_facts_map", table_name="facts")
