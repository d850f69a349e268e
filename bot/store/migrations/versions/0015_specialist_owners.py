"""specialist owners: a responsibility may name the role that owns it wherever the organisation has that
role (market research: the CMO where there is one), with its reasoning and quote (a JSON object, or null)

A database nobody has edited is seeded again from the new files anyway. One an admin has edited keeps its
entries as they are: a specialist changes who answers for a topic, so it arrives with the next
`kb import` of the shipped files, which an admin runs and reviews, not silently with an upgrade.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.add_column(sa.Column("specialist", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.drop_column("specialist")
