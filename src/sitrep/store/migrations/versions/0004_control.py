"""Control maps and the claims checked against them (issue 14).

Revision ID: 0004
Revises: 0002
Create Date: 2026-12-03

Two new tables, nothing else touched: `control_maps` (one polygon layer per side, series and
date) and `control_checks` (the verdict of each capture, advance or withdrawal fact).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "control_maps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(40), nullable=False, comment="The series, e.g. 'deepstate'."),
        sa.Column("side", sa.String(2), nullable=False, comment="The side whose area the polygons draw."),
        sa.Column("country", sa.String(2), nullable=False, comment="The country the map covers (its extent)."),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("source", sa.Text(), nullable=False, comment="The file it was read from, as given."),
        sa.Column("sha256", sa.String(64), nullable=False, comment="Hash of the stored geometry."),
        sa.Column("polygons", sa.Integer(), nullable=False),
        sa.Column("area_km2", sa.Float(), nullable=False),
        sa.Column("bbox", sa.JSON(), nullable=False, comment="[west, south, east, north] in degrees."),
        sa.Column("geometry", sa.LargeBinary(), nullable=False, comment="The (Multi)Polygon as WKB, CRS84."),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_control_maps"),
        sa.UniqueConstraint("name", "side", "on", name="uq_control_maps_name"),
    )
    op.create_table(
        "control_checks",
        sa.Column("article_id", sa.String(64), nullable=False),
        sa.Column("item_id", sa.String(16), nullable=False, comment="The fact's item id."),
        sa.Column(
            "place_key", sa.String(200), comment="The fact's place key when checked (stale if it changed)."
        ),
        sa.Column("on", sa.Date(), comment="The fact's date when checked."),
        sa.Column("event_type", sa.String(32), nullable=False),
        sa.Column("side", sa.String(2)),
        sa.Column(
            "verdict", sa.String(16), nullable=False, comment="consistent, inconsistent or undetermined."
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("layer", sa.String(40), nullable=False, comment="The control map series checked against."),
        sa.Column("before_map", sa.Integer()),
        sa.Column("before_on", sa.Date()),
        sa.Column("before_state", sa.String(16)),
        sa.Column("after_map", sa.Integer()),
        sa.Column("after_on", sa.Date()),
        sa.Column("after_state", sa.String(16)),
        sa.Column(
            "km", sa.Float(), comment="Signed distance to the line on the deciding map: > 0 inside the area."
        ),
        sa.Column(
            "checker",
            sa.String(32),
            nullable=False,
            comment="Name and version of the rules, e.g. sitrep.control/1.",
        ),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_control_checks_article_id_articles", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["before_map"],
            ["control_maps.id"],
            name="fk_control_checks_before_map_control_maps",
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["after_map"],
            ["control_maps.id"],
            name="fk_control_checks_after_map_control_maps",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("article_id", "item_id", name="pk_control_checks"),
    )


def downgrade() -> None:
    op.drop_table("control_checks")
    op.drop_table("control_maps")
