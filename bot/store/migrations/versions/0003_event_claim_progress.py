"""event claims record progress (claimed, replying, answered) and the event, so another process can finish one

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("state", sa.String(length=10), nullable=False, server_default="answered"))
        batch_op.add_column(sa.Column("token", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="1"))
        batch_op.add_column(sa.Column("payload", sa.Text(), nullable=True))
        batch_op.create_index(batch_op.f("ix_processed_events_state"), ["state"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("processed_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_processed_events_state"))
        for column in ("payload", "attempts", "claimed_at", "token", "state"):
            batch_op.drop_column(column)
