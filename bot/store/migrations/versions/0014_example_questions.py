"""example questions: each responsibility keeps how people ask about it in their own words, for the
semantic matcher (a JSON list); the topics already stored get the examples the shipped files give them

A database nobody has edited is seeded again from the new files anyway; one an admin has edited is not,
so without this its topics would have no examples. Only the new field is written, and only for topics
the files know by id: an admin's titles, aliases, owners and retirements stay as they are.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-03 17:00:00
"""

import sqlalchemy as sa
from alembic import op

from bot.store.shipped_knowledge import shipped_knowledge

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.add_column(sa.Column("examples", sa.JSON(), nullable=False, server_default="[]"))
    responsibilities = sa.table("responsibilities", sa.column("id", sa.String()), sa.column("examples", sa.JSON()))
    stored = op.get_bind().execute(sa.select(sa.func.count()).select_from(responsibilities)).scalar()
    if not stored:
        return  # a new database: the seeding that follows writes the examples with everything else
    for topic, examples in shipped_examples().items():
        op.execute(responsibilities.update().where(responsibilities.c.id == topic).values(examples=examples))


def shipped_examples() -> dict[str, list[str]]:
    """Each shipped topic's examples, by id; none when the knowledge files cannot be read."""
    kb = shipped_knowledge("example questions")
    return {item.id: list(item.examples) for item in kb.responsibilities if item.examples} if kb else {}


def downgrade() -> None:
    with op.batch_alter_table("responsibilities") as batch:
        batch.drop_column("examples")
