"""Watch positions: how far `sitrep watch` has read each feed, directory file and JSONL file.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

The text hash of `articles` is already unique on every dialect (0001's uq_articles_sha256),
which is what lets concurrent writers (Dask clients, several `watch` processes) store an
article once: the second insert fails on the constraint and is counted as "already stored".
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_positions",
        sa.Column("source", sa.Text(), nullable=False, comment="A feed URL, or a file's resolved path."),
        sa.Column("etag", sa.Text(), comment="The feed's last ETag (sent back as If-None-Match)."),
        sa.Column("last_modified", sa.Text(), comment="The feed's last Last-Modified (If-Modified-Since)."),
        sa.Column("offset", sa.BigInteger(), nullable=False, comment="Bytes of a file already ingested."),
        sa.Column("fingerprint", sa.Text(), comment="A file's size and mtime, or the hash of a feed body."),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("source", name="pk_watch_positions"),
    )


def downgrade() -> None:
    op.drop_table("watch_positions")
