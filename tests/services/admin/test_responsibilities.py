"""Adding, editing and retiring entries on SQLite and PostgreSQL: checked first, one transaction, audited."""

import pytest
from sqlalchemy import select

from bot.core.knowledge_files import load_knowledge
from bot.core.problems import InvalidInput
from bot.services.admin import NotFound, StaleEdit
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database
from bot.store.repository import KnowledgeRepository
from bot.store.tables import AuditRow, SourceRow
from tests.conftest import KNOWLEDGE_DIR
from tests.helpers import save_org
from tests.services.admin.conftest import TEAM, WORKSPACE_ADMIN, draft_of, everything, new_draft


def test_an_edit_changes_the_next_answer_in_every_process(admin, service, database_url):
    other_process = KnowledgeService(Database(database_url), KNOWLEDGE_DIR)
    assert other_process.ask("who owns hosting costs?").role == "CTO"
    draft, version = draft_of(admin, "hosting-costs", owner="COO")
    saved = admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=version)
    assert saved.version == version + 1
    assert other_process.ask("who owns hosting costs?").role == "COO"
    other_process.db.dispose()


def test_an_edit_is_recorded_with_who_what_before_and_after(admin, service):
    draft, version = draft_of(admin, "hosting-costs", owner="COO")
    saved = admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=version)
    with service.db.transaction() as session:
        entry = session.get(AuditRow, saved.audit_id)
        assert (entry.actor, entry.team_id, entry.action) == ("U0ADMIN1", TEAM, "responsibility.update")
        assert (entry.entity_type, entry.entity_id) == ("responsibility", "hosting-costs")
        assert (entry.before["owner"], entry.after["owner"]) == ("CTO", "COO")
        assert entry.created_at is not None


def test_saving_without_a_change_writes_nothing(admin, service):
    draft, version = admin.responsibilities.open("pricing")
    saved = admin.responsibilities.update(WORKSPACE_ADMIN, "pricing", draft, expected_version=version)
    assert (saved.version, saved.audit_id) == (version, None)


def test_a_new_entry_answers_its_topic_and_reuses_the_source_with_that_link(admin, service):
    assert not service.ask("who owns the office coffee machine?").known
    saved = admin.responsibilities.create(WORKSPACE_ADMIN, new_draft())
    assert saved.entity_id == "office-coffee-machine"
    answer = service.ask("who owns the office coffee machine?")
    assert (answer.role, answer.source.id) == ("COO", "ctoiam-cto-cpo-coo")


def test_a_new_link_adds_a_source_and_a_taken_title_gets_a_fresh_id(admin, service):
    admin.responsibilities.create(WORKSPACE_ADMIN, new_draft(source_title="Office handbook", source_url=None))
    saved = admin.responsibilities.create(
        WORKSPACE_ADMIN,
        new_draft(
            title="Office Coffee Machine!",
            aliases=("kitchen",),
            source_title="Office handbook",
            source_url="https://example.com/handbook",
        ),
    )
    assert saved.entity_id == "office-coffee-machine-2"
    with service.db.transaction() as session:
        shipped = {s.id for s in load_knowledge(KNOWLEDGE_DIR).sources}
        added = {s.id: s.url for s in session.scalars(select(SourceRow)) if s.id not in shipped}
    assert added == {"office-handbook": None, "office-handbook-2": "https://example.com/handbook"}


def test_every_invalid_field_is_named_and_nothing_is_written(admin, service):
    before = everything(service)
    draft = new_draft(
        title="", owner="CXO", quote="q" * 301, source_url="ftp://nowhere", aliases=("pricing", "x" * 121)
    )
    with pytest.raises(InvalidInput) as refused:
        admin.responsibilities.create(WORKSPACE_ADMIN, draft)
    assert {p.loc for p in refused.value.problems} == {
        ("title",),
        ("owner",),
        ("quote",),
        ("source_url",),
        ("aliases", 1),
    }
    assert everything(service) == before


def test_an_alias_another_entry_has_is_refused_by_field(admin, service):
    draft, version = draft_of(admin, "hosting-costs", aliases=("AWS bill", "Pricing"))
    with pytest.raises(InvalidInput) as refused:
        admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=version)
    assert [(p.loc, p.message) for p in refused.value.problems] == [
        (("aliases", 1), "“Pricing” already belongs to “Pricing”")
    ]


def test_a_retired_entry_is_kept_but_no_longer_answers(admin, service):
    _, version = admin.responsibilities.open("pricing")
    admin.responsibilities.retire(WORKSPACE_ADMIN, "pricing", expected_version=version)
    assert service.engine().responsibility("pricing") is None  # the matcher no longer knows it
    assert answered_from(service.ask("who owns pricing?")) != "pricing"
    assert "id: pricing\n" in everything(service)
    assert admin.responsibilities.open("pricing")[0].title == "Pricing"


def test_an_entry_an_override_uses_cannot_be_retired(admin, service):
    save_org(
        service, TEAM, {"roles": {"CEO": {}, "COO": {}}, "overrides": [{"topic": "pricing", "role": "COO"}]}, by=None
    )
    _, version = admin.responsibilities.open("pricing")
    with pytest.raises(InvalidInput, match="workspace T0ACME's override “pricing” → COO uses this topic"):
        admin.responsibilities.retire(WORKSPACE_ADMIN, "pricing", expected_version=version)
    assert service.ask("who owns pricing?", team_id=TEAM).role == "COO"


def test_a_save_on_top_of_a_newer_one_is_refused_and_shows_the_current_version(admin, service):
    first, version = draft_of(admin, "hosting-costs", owner="COO")
    second = first.model_copy(update={"owner": "CEO"})
    other_admin = WORKSPACE_ADMIN.__class__(team_id=TEAM, user_id="U0OTHER", workspace_admin=True)
    admin.responsibilities.update(other_admin, "hosting-costs", first, expected_version=version)
    with pytest.raises(StaleEdit) as refused:
        admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", second, expected_version=version)
    assert refused.value.message(lambda user: f"<@{user}>") == (
        "This was changed by <@U0OTHER> since you opened it. Nothing was saved."
    )
    assert (refused.value.version, refused.value.current["owner"]) == (version + 1, "COO")
    assert service.ask("who owns hosting costs?").role == "COO"


def test_an_unknown_entry_is_not_found(admin):
    with pytest.raises(NotFound):
        admin.responsibilities.retire(WORKSPACE_ADMIN, "no-such-topic", expected_version=1)


def answered_from(answer) -> str | None:
    return answer.responsibility.id if answer.responsibility else None


def test_an_edit_keeps_every_field_the_form_does_not_show(admin, service):
    # The form edits title, aliases, owner, reasoning, source and the roles to consult; every other field
    # of the entry (the shared note today, any field added tomorrow) stays as the entry has it.
    with service.db.transaction() as session:
        repo = KnowledgeRepository(session)
        noted = service.engine().responsibility("pricing").model_copy(update={"shared_note": "Margins: the CFO."})
        repo.save_responsibility(noted, by=None)
    draft, version = draft_of(admin, "pricing", reasoning="Pricing is a product decision, checked with finance.")
    admin.responsibilities.update(WORKSPACE_ADMIN, "pricing", draft, expected_version=version)
    edited = service.engine().responsibility("pricing")
    assert edited.reasoning == "Pricing is a product decision, checked with finance."
    assert edited.shared_note == "Margins: the CFO."
    assert (edited.shared_with, edited.shared_parts) == (noted.shared_with, noted.shared_parts)


def test_an_edit_that_keeps_the_owner_keeps_the_specialist(admin, service):
    draft, version = draft_of(admin, "market-research", reasoning="Knowing the market steers the product.")
    admin.responsibilities.update(WORKSPACE_ADMIN, "market-research", draft, expected_version=version)
    edited = service.engine().responsibility("market-research")
    assert (edited.owner, edited.specialist.role) == ("CPO", "CMO")
    full = service.engine().answer(
        "who does market research?", service.engine().check_org({"roles": {"CEO": {}, "CPO": {}, "CMO": {}}})
    )
    assert (full.role, full.route, full.source.id) == ("CMO", "specialist", "4cornerresources-cmo")
