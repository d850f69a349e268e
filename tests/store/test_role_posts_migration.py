"""Migration 0016 on both databases: roles stored before it get the shipped posts, but none that names
another stored role, and keep their edits; it goes down to 0015 and up again cleanly."""

from __future__ import annotations

from sqlalchemy import inspect, text

from bot.store.repository import KnowledgeRepository
from tests.store.test_holder_profiles_migration import migrate


def test_roles_stored_before_get_the_shipped_posts_but_none_naming_another_role(service):
    shipped = {role.id: role.posts for role in service.engine().kb.roles}
    assert "controller" in shipped["CFO"]
    migrate(service.db, "0015", down=True)
    assert "posts" not in {c["name"] for c in inspect(service.db.engine).get_columns("roles")}
    with service.db.engine.begin() as connection:
        connection.execute(text("UPDATE roles SET focus = 'Runs the money' WHERE id = 'CFO'"))
        connection.execute(
            text(
                "INSERT INTO roles (id, position, name, focus, combines, is_default, is_fallback) "
                "VALUES ('CTL', 99, 'Controller', 'Keeps the books', '[]', false, false)"
            )
        )
    migrate(service.db, "head")
    with service.db.transaction() as session:
        stored = {role.id: role for role in KnowledgeRepository(session).load().roles}
    assert stored["CFO"].focus == "Runs the money"
    assert stored["CFO"].posts == tuple(post for post in shipped["CFO"] if post != "controller")
    assert stored["GC"].posts == shipped["GC"]
    assert stored["CTL"].posts == ()
