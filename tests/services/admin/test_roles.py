"""Adding a custom role from the admin service on SQLite and PostgreSQL: checked, audited, usable, undoable."""

import pytest

from bot.core.problems import InvalidInput
from bot.services.admin import CannotRevert, NotAllowed, RoleDraft
from tests.services.admin.conftest import MEMBER, TEAM, WORKSPACE_ADMIN, draft_of

CDO = RoleDraft(
    id="cdo", name="Chief Data Officer", focus="Owns the company's data.", covered_by=("CTO",), work="runs data"
)


def test_a_new_role_can_be_given_to_a_workspace_and_take_a_topic(admin, service):
    saved = admin.roles.add(WORKSPACE_ADMIN, CDO)
    assert saved.entity_id == "CDO" and saved.audit_id
    assert service.engine().kb.role("CDO").usual_cover.by == ("CTO",)
    answer = service.ask("who owns data governance?", team_id=TEAM)
    assert answer.role == "CTO"  # until a topic moves to the new role
    draft, version = draft_of(admin, answer.responsibility.id, owner="CDO")
    admin.responsibilities.update(WORKSPACE_ADMIN, answer.responsibility.id, draft, expected_version=version)
    without = service.ask("who owns data governance?", team_id=TEAM)
    assert (without.role, without.route) == ("CTO", "usual_cover")
    assert "has no CDO; in companies without one, the CTO usually runs data." in without.reasoning
    settings, version = admin.org.open(TEAM)
    roles = {**{r: {} for r in settings.roles}, "CDO": {"holder": "U0CDO01"}}
    admin.org.update(WORKSPACE_ADMIN, {"roles": roles}, expected_version=version)
    assert service.ask("who owns data governance?", team_id=TEAM).holder == "U0CDO01"


def test_a_bad_role_is_refused_field_by_field_and_nothing_is_written(admin, service):
    with pytest.raises(InvalidInput) as caught:
        admin.roles.add(WORKSPACE_ADMIN, RoleDraft(id="Data officer", name="", focus="x", covered_by=("CXO",)))
    assert {p.where for p in caught.value.problems} >= {"id", "name"}
    with pytest.raises(InvalidInput) as caught:
        admin.roles.add(WORKSPACE_ADMIN, CDO.model_copy(update={"id": "CFO"}))
    assert [str(p) for p in caught.value.problems] == ["id: there is already a role CFO"]
    with pytest.raises(InvalidInput) as caught:
        admin.roles.add(WORKSPACE_ADMIN, CDO.model_copy(update={"covered_by": ("CXO",)}))
    assert [str(p) for p in caught.value.problems] == ["covered_by[0]: unknown role 'CXO'"]
    assert "CDO" not in {r.id for r in service.engine().kb.roles}


def test_a_new_roles_posts_are_stored_and_a_duty_naming_one_is_its_work(admin, service):
    admin.roles.add(WORKSPACE_ADMIN, CDO.model_copy(update={"posts": ("analytics engineer", "data steward")}))
    assert service.engine().kb.role("CDO").posts == ("analytics engineer", "data steward")
    draft, version = draft_of(admin, "data-governance", owner="CDO")
    admin.responsibilities.update(WORKSPACE_ADMIN, "data-governance", draft, expected_version=version)
    settings, version = admin.org.open(TEAM)
    admin.org.update(
        WORKSPACE_ADMIN, {"roles": {**{r: {} for r in settings.roles}, "CDO": {}}}, expected_version=version
    )
    # the data platform's words and data governance's alike: the post says whose the duty is
    duty = service.ask("The data steward is in charge of the data platform and data governance", team_id=TEAM)
    assert (duty.role, duty.responsibility.id) == ("CDO", "data-governance")


def test_a_post_another_role_names_is_refused(admin, service):
    with pytest.raises(InvalidInput) as caught:
        admin.roles.add(WORKSPACE_ADMIN, CDO.model_copy(update={"posts": ("analytics engineer", "Controller")}))
    assert [str(p) for p in caught.value.problems] == ["posts[1]: “Controller” already names the CFO"]
    with pytest.raises(InvalidInput) as caught:
        admin.roles.add(WORKSPACE_ADMIN, CDO.model_copy(update={"posts": ("The",)}))
    assert [str(p) for p in caught.value.problems] == ["posts[0]: “The” is only common words, no job title"]
    assert "CDO" not in {r.id for r in service.engine().kb.roles}


def test_only_admins_add_roles(admin, service):
    with pytest.raises(NotAllowed):
        admin.roles.add(MEMBER, CDO)
    assert "CDO" not in {r.id for r in service.engine().kb.roles}


def test_adding_a_role_is_in_the_history_and_undone_only_while_nothing_uses_it(admin, service):
    saved = admin.roles.add(WORKSPACE_ADMIN, CDO)
    [latest, *_] = admin.history.latest(WORKSPACE_ADMIN)
    assert latest.summary == "added the role CDO (Chief Data Officer)"
    settings, version = admin.org.open(TEAM)
    with_cdo = {**{r: {} for r in settings.roles}, "CDO": {}}
    admin.org.update(WORKSPACE_ADMIN, {"roles": with_cdo}, expected_version=version)
    with pytest.raises(CannotRevert, match="cannot be removed while 1 workspace"):
        admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    settings, version = admin.org.open(TEAM)
    without_cdo = {r: {} for r in settings.roles if r != "CDO"}
    admin.org.update(WORKSPACE_ADMIN, {"roles": without_cdo}, expected_version=version)
    admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    assert "CDO" not in {r.id for r in service.engine().kb.roles}
    with pytest.raises(CannotRevert, match="already undone"):
        admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
