"""roles as data: default organisation, fallback and usual cover on each role

Revision ID: 0005
Revises: 0008
Create Date: 2026-12-03 05:45:00.000000

Existing rows get what the code used to hard-wire: CEO, CTO, CPO and COO make the default organisation
and the CEO is its fallback. A database that follows the shipped files is re-seeded with the rest.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0008"
branch_labels = None
depends_on = None

FORMER_DEFAULT_ROLES = ("CEO", "CTO", "CPO", "COO")  # the list bot/core/org.py held before this revision


def upgrade() -> None:
    with op.batch_alter_table("roles", schema=None) as batch_op:
        batch_op.add_column(sa.Column("is_default", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("is_fallback", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("usual_cover", sa.JSON(), nullable=True))
    roles = sa.table(
        "roles", sa.column("id", sa.String), sa.column("is_default", sa.Boolean), sa.column("is_fallback", sa.Boolean)
    )
    op.execute(roles.update().where(roles.c.id.in_(FORMER_DEFAULT_ROLES)).values(is_default=True))
    op.execute(roles.update().where(roles.c.id == "CEO").values(is_fallback=True))


def downgrade() -> None:
    with op.batch_alter_table("roles", schema=None) as batch_op:
        batch_op.drop_column("usual_cover")
        batch_op.drop_column("is_fallback")
        batch_op.drop_column("is_default")
