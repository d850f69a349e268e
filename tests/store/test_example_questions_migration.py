"""Migration 0014 on both databases: a knowledge base an admin has edited (so never seeded again) gets the
shipped example questions for the topics it shares with the files, and keeps every edit."""

from __future__ import annotations

from sqlalchemy import text

from bot.store.repository import KnowledgeRepository
from tests.store.test_holder_profiles_migration import migrate


def test_topics_stored_before_get_the_shipped_examples_and_keep_their_edits(service):
    shipped = service.engine().responsibility("pricing").examples
    assert shipped
    migrate(service.db, "0013", down=True)
    with service.db.engine.begin() as connection:
        connection.execute(text("UPDATE responsibilities SET title = 'Prices we charge' WHERE id = 'pricing'"))
    migrate(service.db, "head")
    with service.db.transaction() as session:
        stored = {r.id: r for r in KnowledgeRepository(session).load().responsibilities}
    assert (stored["pricing"].title, stored["pricing"].examples) == ("Prices we charge", shipped)
    assert all(item.examples for item in stored.values())
