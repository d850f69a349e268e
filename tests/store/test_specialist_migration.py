"""Migration 0015 on both databases: the specialist column is added and dropped again, stored topics keep
every field, and an edited knowledge base gets its specialists from the next import, not from the upgrade."""

from __future__ import annotations

from sqlalchemy import inspect, text

from bot.store.repository import KnowledgeRepository
from tests.store.test_holder_profiles_migration import migrate


def columns(service) -> set[str]:
    return {c["name"] for c in inspect(service.db.engine).get_columns("responsibilities")}


def test_the_column_comes_and_goes_and_an_import_fills_it(service):
    shipped = service.engine().kb
    migrate(service.db, "0014", down=True)
    assert "specialist" not in columns(service)
    with service.db.engine.begin() as connection:
        connection.execute(
            text("UPDATE responsibilities SET title = 'Studying our market' WHERE id = 'market-research'")
        )
    migrate(service.db, "head")
    assert "specialist" in columns(service)
    with service.db.transaction() as session:
        stored = {r.id: r for r in KnowledgeRepository(session).load().responsibilities}
    assert (stored["market-research"].title, stored["market-research"].specialist) == ("Studying our market", None)
    with service.db.transaction() as session:
        KnowledgeRepository(session).replace(shipped, by="cli")
    with service.db.transaction() as session:
        stored = {r.id: r for r in KnowledgeRepository(session).load().responsibilities}
    assert stored["market-research"].specialist == next(
        r.specialist for r in shipped.responsibilities if r.id == "market-research"
    )
