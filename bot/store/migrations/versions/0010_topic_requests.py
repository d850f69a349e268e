"""topic requests: "Ask an admin to add this" and what people wrote after a 👎

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 08:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "topic_requests",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("question", sa.Text(), nullable=False),
        sa.Column("responsibility_id", sa.String(length=80), nullable=True),
        sa.Column("owner", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("team_id", "user_id", "kind", "key"),
    )
    with op.batch_alter_table("topic_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_topic_requests_team_id"), ["team_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("topic_requests", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_topic_requests_team_id"))
    op.drop_table("topic_requests")
