"""reviews and digests: who last reviewed each topic and when, the review interval, weekly digests claimed

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-03 08:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("reviewed_by", sa.String(length=40), nullable=True))
    op.execute("UPDATE responsibilities SET reviewed_at = updated_at, reviewed_by = updated_by")
    with op.batch_alter_table("kb_state") as batch:
        batch.add_column(sa.Column("review_days", sa.Integer(), nullable=False, server_default="180"))
    with op.batch_alter_table("orgs") as batch:
        batch.add_column(sa.Column("digest", sa.Boolean(), nullable=False, server_default=sa.true()))
    op.create_table(
        "digests",
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("week", sa.String(length=10), nullable=False),  # ISO week, "2026-W49"
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),  # sending | sent | skipped
        sa.PrimaryKeyConstraint("team_id", "week"),
    )


def downgrade() -> None:
    op.drop_table("digests")
    with op.batch_alter_table("orgs") as batch:
        batch.drop_column("digest")
    with op.batch_alter_table("kb_state") as batch:
        batch.drop_column("review_days")
    with op.batch_alter_table("responsibilities") as batch:
        batch.drop_column("reviewed_by")
        batch.drop_column("reviewed_at")
