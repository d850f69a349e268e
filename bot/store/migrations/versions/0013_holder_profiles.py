"""holder profiles: the cached Slack users also keep their title and whether they are deactivated or a bot,
and when each workspace's people were last listed (`users.list`) for holder suggestions

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-03 11:30:00
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("person_names") as batch:
        batch.add_column(sa.Column("title", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("deleted", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("bot", sa.Boolean(), nullable=False, server_default=sa.false()))
    # Names cached before titles were: grown old at once, so the next lookup fetches the title too.
    person_names = sa.table("person_names", sa.column("fetched_at", sa.DateTime(timezone=True)))
    op.execute(person_names.update().values(fetched_at=datetime(2000, 1, 1, tzinfo=UTC)))
    op.create_table(
        "people_listings",
        sa.Column("team_id", sa.String(length=40), nullable=False),
        sa.Column("listed_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("team_id"),
    )


def downgrade() -> None:
    op.drop_table("people_listings")
    with op.batch_alter_table("person_names") as batch:
        batch.drop_column("bot")
        batch.drop_column("deleted")
        batch.drop_column("title")
