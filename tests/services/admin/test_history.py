"""The latest changes and undoing them: the before state comes back, itself recorded as a change."""

import pytest

from bot.services.admin import CannotRevert, NotFound
from bot.store.tables import AuditRow
from tests.services.admin.conftest import ELSEWHERE_ADMIN, TEAM, WORKSPACE_ADMIN, draft_of, everything, new_draft

OTHER_ADMIN = WORKSPACE_ADMIN.__class__(team_id=TEAM, user_id="U0OTHER", workspace_admin=True)


def edit_owner(admin, responsibility_id, owner, actor=WORKSPACE_ADMIN):
    draft, version = draft_of(admin, responsibility_id, owner=owner)
    return admin.responsibilities.update(actor, responsibility_id, draft, expected_version=version)


def test_the_history_lists_the_latest_changes_newest_first(admin):
    edit_owner(admin, "hosting-costs", "COO")
    admin.org.update(WORKSPACE_ADMIN, {"fallback": "CTO", "roles": {"CEO": {}, "CTO": {}}}, expected_version=0)
    admin.responsibilities.create(WORKSPACE_ADMIN, new_draft())
    changes = admin.history.latest(WORKSPACE_ADMIN, mention=lambda user: f"<@{user}>")
    assert [c.summary for c in changes] == [
        "added “Office coffee machine” (COO)",
        "settings: roles −CPO, COO; fallback CEO → CTO",
        "edited “Hosting costs”: owner CTO → COO; shared with −COO",
    ]
    assert {c.actor for c in changes} == {"U0ADMIN1"}


def test_reverting_restores_the_earlier_answer_and_is_recorded(admin, service, database_url):
    saved = edit_owner(admin, "hosting-costs", "COO")
    undone = admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    assert service.ask("who owns hosting costs?").role == "CTO"
    with service.db.transaction() as session:
        entry = session.get(AuditRow, undone.audit_id)
        assert (entry.action, entry.reverts, entry.before["owner"], entry.after["owner"]) == (
            "revert",
            saved.audit_id,
            "COO",
            "CTO",
        )
    assert (
        admin.history.latest(WORKSPACE_ADMIN)[0].summary
        == f"undid change #{saved.audit_id}: edited “Hosting costs”: owner COO → CTO; shared with +COO"
    )
    admin.history.revert(WORKSPACE_ADMIN, undone.audit_id)  # undoing the undo redoes the change
    assert service.ask("who owns hosting costs?").role == "COO"


def test_a_change_made_again_since_is_not_silently_thrown_away(admin, service):
    first = edit_owner(admin, "hosting-costs", "COO")
    edit_owner(admin, "hosting-costs", "CEO", actor=OTHER_ADMIN)
    with pytest.raises(CannotRevert, match=r"changed again since by U0OTHER \(change #\d+\)"):
        admin.history.revert(WORKSPACE_ADMIN, first.audit_id)
    assert service.ask("who owns hosting costs?").role == "CEO"


def test_a_change_already_undone_says_so(admin):
    saved = edit_owner(admin, "hosting-costs", "COO")
    admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    with pytest.raises(CannotRevert, match="already undone"):
        admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)


def test_reverting_an_addition_retires_the_entry_and_reverting_a_retirement_brings_it_back(admin, service):
    created = admin.responsibilities.create(WORKSPACE_ADMIN, new_draft())
    admin.history.revert(WORKSPACE_ADMIN, created.audit_id)
    assert not service.ask("who owns the office coffee machine?").known
    _, version = admin.responsibilities.open("pricing")
    retired = admin.responsibilities.retire(WORKSPACE_ADMIN, "pricing", expected_version=version)
    admin.history.revert(WORKSPACE_ADMIN, retired.audit_id)
    assert service.ask("who owns pricing?").role == "CPO"
    assert (
        admin.history.latest(WORKSPACE_ADMIN)[0].summary == f"undid change #{retired.audit_id}: brought back “Pricing”"
    )


def test_reverting_a_settings_change_restores_the_settings(admin, service):
    first = admin.org.update(WORKSPACE_ADMIN, {"fallback": "CTO", "roles": {"CEO": {}, "CTO": {}}}, expected_version=0)
    assert service.ask("who owns pricing?", team_id=TEAM).role == "CTO"
    override = admin.org.add_override(WORKSPACE_ADMIN, topic="pricing", role="CEO")
    admin.history.revert(WORKSPACE_ADMIN, override.audit_id)
    assert service.ask("who owns pricing?", team_id=TEAM).role == "CTO"
    later = admin.org.update(WORKSPACE_ADMIN, {"admins": ["U0LISTED"]}, expected_version=3)
    before = everything(service)
    with pytest.raises(CannotRevert, match="changed again since"):
        admin.history.revert(WORKSPACE_ADMIN, first.audit_id)
    assert everything(service) == before
    admin.history.revert(WORKSPACE_ADMIN, later.audit_id)
    admin.history.revert(WORKSPACE_ADMIN, first.audit_id)
    assert service.ask("who owns pricing?", team_id=TEAM).role == "CPO"


def test_a_workspace_cannot_see_or_undo_another_workspaces_settings_changes(admin):
    saved = admin.org.update(WORKSPACE_ADMIN, {"fallback": "CTO", "roles": {"CEO": {}, "CTO": {}}}, expected_version=0)
    stranger = WORKSPACE_ADMIN.__class__(team_id="T0OTHER", user_id="U0STRANGE", workspace_admin=True)
    assert admin.history.latest(ELSEWHERE_ADMIN) == []
    with pytest.raises(NotFound):
        admin.history.revert(stranger, saved.audit_id)


def test_giving_a_topic_to_its_specialist_drops_the_specialist_and_undo_brings_it_back(admin, service):
    saved = edit_owner(admin, "market-research", "CMO")
    moved = service.engine().responsibility("market-research")
    assert (moved.owner, moved.specialist) == ("CMO", None)  # the CMO's everywhere now, with or without one
    assert admin.history.latest(WORKSPACE_ADMIN)[0].summary == (
        "edited “Market research”: owner CPO → CMO; no specialist owner"
    )
    admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    restored = service.engine().responsibility("market-research")
    assert (restored.owner, restored.specialist.role) == ("CPO", "CMO")
    assert admin.history.latest(WORKSPACE_ADMIN)[0].summary.endswith("the CMO owns it where there is one")
