"""slack surfaces: welcomes sent, conversation topics, app contexts

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-03 06:00:00.000000
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "welcomes",
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("user_id", sa.String(length=40), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "kind", "user_id"),
    )
    op.create_table(
        "conversation_topics",
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("channel_id", sa.String(length=40), nullable=False),
        sa.Column("thread_ts", sa.String(length=40), nullable=False),
        sa.Column("responsibility_id", sa.String(length=80), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "channel_id", "thread_ts"),
    )
    with op.batch_alter_table("conversation_topics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_conversation_topics_updated_at"), ["updated_at"], unique=False)
    op.create_table(
        "app_contexts",
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("user_id", sa.String(length=40), nullable=False),
        sa.Column("channel_id", sa.String(length=40), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id", "user_id"),
    )


def downgrade() -> None:
    op.drop_table("app_contexts")
    with op.batch_alter_table("conversation_topics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_topics_updated_at"))
    op.drop_table("conversation_topics")
    op.drop_table("welcomes")
