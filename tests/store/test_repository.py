"""Storage on a real SQLite file and a real PostgreSQL database: seeding, round trips, revisions."""

import pytest
from sqlalchemy import func, select

from bot.core.knowledge_files import load_knowledge
from bot.core.models import Citation, Responsibility, Specialist
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database, normalise_url
from bot.store.repository import _COLUMNS, KnowledgeRepository, OrgRepository
from bot.store.tables import AliasRow, ResponsibilityRow
from tests.conftest import KNOWLEDGE_DIR, fresh_postgres_database
from tests.helpers import save_org


def test_first_use_migrates_and_seeds_the_shipped_knowledge(service):
    with service.db.transaction() as session:
        stored = KnowledgeRepository(session).load()
        assert session.scalar(select(func.count()).select_from(AliasRow)) > 200
    assert stored == load_knowledge(KNOWLEDGE_DIR)


@pytest.mark.postgres
def test_first_use_on_an_empty_postgres_database_migrates_and_seeds(postgres_admin_url):
    with fresh_postgres_database(postgres_admin_url, template=None) as url:
        service = KnowledgeService(Database(url), KNOWLEDGE_DIR)
        service.prepare()
        assert service.ask("who owns hosting costs?").role == "CTO"
        service.db.dispose()


def test_preparing_again_changes_nothing(service):
    before = service.engine()
    service.prepare()
    assert service.engine() is before


def test_an_answer_comes_from_the_database(service):
    assert service.ask("who owns hosting costs?").role == "CTO"


def test_a_write_bumps_the_revision_and_every_engine_sees_it(service, database_url):
    other_process = KnowledgeService(Database(database_url), KNOWLEDGE_DIR)
    assert other_process.ask("who owns hosting costs?").role == "CTO"
    item = service.engine().responsibility("hosting-costs").model_copy(update={"owner": "CEO"})
    with service.db.transaction() as session:
        repo = KnowledgeRepository(session)
        assert repo.save_responsibility(item, by="U0ADMIN1")
        repo.bump()
    assert other_process.ask("who owns hosting costs?").role == "CEO"
    other_process.db.dispose()


def test_saving_an_unchanged_entry_keeps_its_version(service):
    item = service.engine().responsibility("pricing")
    with service.db.transaction() as session:
        assert not KnowledgeRepository(session).save_responsibility(item, by=None)
        assert session.get(ResponsibilityRow, "pricing").version == 1


def test_every_field_of_an_entry_has_its_column():
    # A field added to `Responsibility` is stored by name: this names the column it still lacks.
    columns = set(ResponsibilityRow.__table__.columns.keys())
    missing = [name for name in _COLUMNS if name not in columns]
    assert not missing, f"add a column (and a migration) to ResponsibilityRow for {missing}"


def test_every_field_of_an_entry_round_trips_through_the_database(service):
    # Each field set away from its default, so a field the store drops or mistakes cannot pass.
    item = (
        service.engine()
        .responsibility("pricing")
        .model_copy(
            update={
                "specialist": Specialist(
                    role="CRO",
                    reasoning="Companies with a CRO price deals in sales.",
                    citation=Citation(source="yojobs-cpo-cto", quote="The CPO constantly monitors market trends"),
                ),
                "shared_with": ("CFO", "CMO"),
                "shared_note": "Finance agrees the margins.",
                "shared_parts": {"CFO": "agrees the margins"},
                "aliases": ("price points", "discounts"),
                "retired": True,
            }
        )
    )
    assert all(getattr(item, name) != field.default for name, field in Responsibility.model_fields.items())
    with service.db.transaction() as session:
        assert KnowledgeRepository(session).save_responsibility(item, by="U0ADMIN")
    with service.db.transaction() as session:
        stored = {r.id: r for r in KnowledgeRepository(session).load().responsibilities}
    assert stored["pricing"] == item


def test_an_entry_missing_from_an_import_is_retired_not_deleted(service):
    kb = service.engine().kb
    smaller = kb.model_copy(update={"responsibilities": tuple(r for r in kb.responsibilities if r.id != "pricing")})
    with service.db.transaction() as session:
        KnowledgeRepository(session).replace(smaller, by="cli")
    assert service.engine().responsibility("pricing") is None
    answer = service.ask("who owns pricing?")
    assert answer.responsibility is None or answer.responsibility.id != "pricing"
    with service.db.transaction() as session:
        assert session.get(ResponsibilityRow, "pricing").retired


def test_org_settings_round_trip_by_team(service):
    data = {
        "name": "Acme",
        "roles": {"CEO": {}, "CPTO": {"holder": "U0ABC123", "covers": ["CTO", "CPO"]}, "COO": {}},
        "fallback": "CEO",
        "overrides": [{"topic": "hosting costs", "role": "COO", "reason": "Finance pays."}],
        "admins": ["U0ADMIN1"],
    }
    save_org(service, "T0ACME", data, by="U0ADMIN1")
    with service.db.transaction() as session:
        stored = OrgRepository(session).get("T0ACME")
    assert stored is not None and stored.version == 1 and stored.updated_by == "U0ADMIN1"
    assert stored.data["roles"] == data["roles"]
    assert stored.data["overrides"][0]["responsibility"] == "hosting-costs"
    assert service.ask("who owns the roadmap for the product?", team_id="T0ACME").role == "CPTO"
    assert service.ask("who owns hosting costs?", team_id="T0ACME").role == "COO"
    assert service.ask("who owns hosting costs?", team_id="T0OTHER").role == "CTO"


def test_a_failed_transaction_writes_nothing(service):
    with pytest.raises(RuntimeError), service.db.transaction() as session:
        KnowledgeRepository(session).bump()
        raise RuntimeError("boom")
    with service.db.transaction() as session:
        assert KnowledgeRepository(session).revision() == 1


def test_hosting_platform_urls_get_the_psycopg_driver():
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_a_stored_override_whose_topic_was_retired_is_ignored_not_fatal(service):
    save_org(
        service,
        "T0STALE",
        {"roles": {"CEO": {}, "CTO": {}, "CPO": {}, "COO": {}}, "overrides": [{"topic": "pricing", "role": "COO"}]},
        by="U0ADMIN1",
    )
    retired = service.engine().responsibility("pricing").model_copy(update={"retired": True})
    with service.db.transaction() as session:  # a change made behind the admin tools' back
        repo = KnowledgeRepository(session)
        repo.save_responsibility(retired, by=None)
        repo.bump()
    assert service.org("T0STALE").overrides == ()
    assert service.ask("who owns hosting costs?", team_id="T0STALE").role == "CTO"


def test_a_release_that_moves_an_entry_to_another_source_and_retires_one_seeds_cleanly(service):
    """A source is dropped once no entry cites it. It used to go first, and the database refused it (a
    foreign key) while an entry still cited it: the release could not start."""
    kb = service.engine().kb
    citing: dict[str, list[str]] = {}
    for item in kb.responsibilities:
        citing.setdefault(item.citation.source, []).append(item.id)
    moved, retired = [ids[0] for ids in citing.values() if len(ids) == 1][:2]  # each the only one citing its source
    moved_from, kept = (next(r for r in kb.responsibilities if r.id == i).citation.source for i in (moved, retired))
    release = kb.model_copy(
        update={
            "sources": (
                *(s for s in kb.sources if s.id not in (moved_from, kept)),
                kb.source(moved_from).model_copy(update={"id": "new-home"}),
            ),
            "responsibilities": tuple(
                r.model_copy(update={"citation": r.citation.model_copy(update={"source": "new-home"})})
                if r.id == moved
                else r
                for r in kb.responsibilities
                if r.id != retired
            ),
        }
    )
    with service.db.transaction() as session:
        KnowledgeRepository(session).replace(release, by=None)
    assert service.engine().responsibility(moved).citation.source == "new-home"
    with service.db.transaction() as session:
        assert session.get(ResponsibilityRow, retired).retired
        stored = {source.id for source in KnowledgeRepository(session).load().sources}
    assert moved_from not in stored
    assert kept in stored  # the retired entry still cites it: undoing the retirement gives the entry back whole
