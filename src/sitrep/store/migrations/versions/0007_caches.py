"""Caches of whole-store computations, and a log of write transactions that dates them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

A situation report cites each outlet with its track record over the whole store, which
takes minutes to compute on a store of 100,000 articles. `cached` keeps such a result with
the version of `changes` (one row per write transaction) it was computed at; a reader uses
it only while that version is current, so a stale result is never shown.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_changes"),
    )
    op.create_table(
        "cached",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column(
            "version",
            sa.String(length=64),
            nullable=False,
            comment="The changes count and newest id it was computed at.",
        ),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_cached"),
    )


def downgrade() -> None:
    op.drop_table("cached")
    op.drop_table("changes")
