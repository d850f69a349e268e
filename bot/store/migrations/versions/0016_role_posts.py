"""role posts: each role lists the job titles under it ("controller", "in-house counsel", a JSON list), so a
duty naming one is read as that role's work; the roles already stored get the posts the shipped files give

A database nobody has edited is seeded again from the new files anyway; one an admin has edited is not,
so without this its roles would have no posts. Only the new field is written, only for roles the files
know by id, and a post that already names another stored role (its id or title) is left out.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-06 14:00:00
"""

import sqlalchemy as sa
from alembic import op

from bot.core.models import names_in
from bot.store.shipped_knowledge import shipped_knowledge

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # "never": SQLite alters the table in place; copying it would break the foreign keys that point at roles
    with op.batch_alter_table("roles", recreate="never") as batch:
        batch.add_column(sa.Column("posts", sa.JSON(), nullable=False, server_default="[]"))
    roles = sa.table(
        "roles", sa.column("id", sa.String()), sa.column("name", sa.String()), sa.column("posts", sa.JSON())
    )
    stored = op.get_bind().execute(sa.select(roles.c.id, roles.c.name)).all()
    kb = shipped_knowledge("role posts") if stored else None  # a new database: the seeding writes them
    if kb is None:
        return
    named = {name.casefold() for role_id, title in stored for name in (role_id, *names_in(title))}
    for role in kb.roles:
        posts = [post for post in role.posts if post.casefold() not in named]
        if posts:
            op.execute(roles.update().where(roles.c.id == role.id).values(posts=posts))


def downgrade() -> None:
    with op.batch_alter_table("roles", recreate="never") as batch:
        batch.drop_column("posts")
