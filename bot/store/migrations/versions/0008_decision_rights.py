"""decision rights: each shared role's part in a topic, and a workspace's own roles to consult

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-03 06:45:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.add_column(sa.Column("shared_parts", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("overrides") as batch:
        batch.add_column(sa.Column("consult", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("overrides") as batch:
        batch.drop_column("consult")
    with op.batch_alter_table("responsibilities") as batch:
        batch.drop_column("shared_parts")
