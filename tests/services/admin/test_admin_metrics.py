"""Admin writes and refusals, and the knowledge revision the engine was built from, reach the metrics."""

import pytest
from prometheus_client import REGISTRY

from bot.services.admin import NotAllowed
from bot.store.repository import KnowledgeRepository
from tests.services.admin.conftest import MEMBER, WORKSPACE_ADMIN, draft_of


def admin_writes(outcome: str) -> float:
    return REGISTRY.get_sample_value("whoowns_admin_writes_total", {"outcome": outcome}) or 0


def test_a_saved_change_and_a_refused_one_are_counted_once_each(admin, service):
    written, refused = admin_writes("written"), admin_writes("refused")
    draft, version = draft_of(admin, "pricing", owner="COO")
    admin.responsibilities.update(WORKSPACE_ADMIN, "pricing", draft, expected_version=version)
    with pytest.raises(NotAllowed):
        admin.org.add_override(MEMBER, topic="hosting costs", role="COO")
    assert (admin_writes("written") - written, admin_writes("refused") - refused) == (1, 1)

    assert service.ask("who owns pricing?").role == "COO"  # the engine is rebuilt for the new revision
    with service.db.transaction() as session:
        revision = KnowledgeRepository(session).revision()
    assert REGISTRY.get_sample_value("whoowns_knowledge_revision") == revision
