"""example questions: each responsibility keeps how people ask about it in their own words, for the
semantic matcher (a JSON list, empty for the entries stored before)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 17:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.add_column(sa.Column("examples", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.drop_column("examples")
