"""Only admins change anything: Slack workspace admins and owners, and the people the settings list.

Every write is checked on the server; a refused one changes nothing at all.
"""

import re

import pytest

from bot.services.admin import NotAllowed
from bot.wiring import build_admin
from tests.helpers import is_admin
from tests.services.admin.conftest import LISTED_ADMIN, MEMBER, TEAM, WORKSPACE_ADMIN, draft_of, everything, new_draft


def test_people_listed_in_the_settings_are_admins_of_that_workspace_only(admin, service):
    member = {"user": {"id": "U0LISTED"}}
    assert not is_admin(admin.permissions, TEAM, "U0LISTED", member)
    admin.org.update(WORKSPACE_ADMIN, {"admins": ["U0LISTED"]}, expected_version=0)
    assert is_admin(admin.permissions, TEAM, "U0LISTED", member)
    assert not is_admin(admin.permissions, "T0OTHER", "U0LISTED", member)
    draft, version = draft_of(admin, "pricing", owner="COO")
    admin.responsibilities.update(LISTED_ADMIN, "pricing", draft, expected_version=version)
    assert service.ask("who owns pricing?").role == "COO"


def test_every_write_by_a_member_is_refused_and_changes_nothing(admin, service):
    saved = admin.org.add_override(WORKSPACE_ADMIN, topic="pricing", role="COO")
    draft, version = draft_of(admin, "hosting-costs", owner="COO")
    before = everything(service)
    writes = [
        lambda: admin.responsibilities.create(MEMBER, new_draft()),
        lambda: admin.responsibilities.update(MEMBER, "hosting-costs", draft, expected_version=version),
        lambda: admin.responsibilities.retire(MEMBER, "hosting-costs", expected_version=version),
        lambda: admin.responsibilities.add_alias(MEMBER, "hosting-costs", "the cloud"),
        lambda: admin.org.update(MEMBER, {"admins": ["U0MEMBER"]}, expected_version=saved.version),
        lambda: admin.org.add_override(MEMBER, topic="hosting costs", role="COO"),
        lambda: admin.org.remove_override(MEMBER, 0, expected_version=saved.version),
        lambda: admin.history.revert(MEMBER, saved.audit_id),
        lambda: admin.history.revert(MEMBER, 999_999),  # not even whether a change exists is told
    ]
    for write in writes:
        with pytest.raises(NotAllowed, match=re.escape("Only admins can change this.")):
            write()
    assert everything(service) == before
    assert [c.id for c in admin.history.latest(WORKSPACE_ADMIN)] == [saved.audit_id]


def test_in_a_multi_workspace_install_only_named_workspaces_edit_the_shared_knowledge(service):
    admin = build_admin(service, knowledge_teams=frozenset({"T0EDITOR"}))
    draft, version = draft_of(admin, "pricing", owner="COO")
    with pytest.raises(NotAllowed, match="shared by every workspace"):
        admin.responsibilities.update(WORKSPACE_ADMIN, "pricing", draft, expected_version=version)
    admin.org.update(WORKSPACE_ADMIN, {"fallback": "CTO"}, expected_version=0)  # its own settings: fine
    editor = WORKSPACE_ADMIN.__class__(team_id="T0EDITOR", user_id="U0ED", workspace_admin=True)
    saved = admin.responsibilities.update(editor, "pricing", draft, expected_version=version)
    assert service.ask("who owns pricing?").role == "COO"
    with pytest.raises(NotAllowed, match="shared by every workspace"):
        admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    assert service.ask("who owns pricing?").role == "COO"


def test_the_gaps_and_the_history_are_shown_to_admins_only(admin, service):
    service.ask("who owns the office coffee machine?", team_id=TEAM)
    for read in (admin.gaps.list, admin.history.latest):
        with pytest.raises(NotAllowed, match=re.escape("Only admins can see this.")):
            read(LISTED_ADMIN)  # not listed yet
    admin.org.update(WORKSPACE_ADMIN, {"admins": ["U0LISTED"]}, expected_version=0)
    for read in (admin.gaps.list, admin.history.latest):
        with pytest.raises(NotAllowed, match=re.escape("Only admins can see this.")):
            read(MEMBER)
        assert read(WORKSPACE_ADMIN) == read(LISTED_ADMIN) != []
