"""Facts keep how their place is named: at it, or only near it / in its direction.

Revision ID: 0005
Revises: 0002
Create Date: 2026-12-03

"Russian forces advanced near Pokrovsk" is not an advance at Pokrovsk: the fact keeps
Pokrovsk as its place key with `relation` "near" (or "direction", "outskirts", "toward"),
and the place filters and report wording honour it. Facts stored before this revision have
no relation; `sitrep resolve --refresh` rebuilds them from the stored records.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.add_column(
            sa.Column(
                "relation",
                sa.String(16),
                comment="How the fact's sentence names its place: NULL (at it), near, direction, outskirts, toward, region.",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("facts") as batch:
        batch.drop_column("relation")
