"""A workspace's settings changed by its admins: validated whole, versioned, audited, per workspace."""

import pytest

from bot.core.problems import InvalidInput
from bot.services.admin import NotFound, StaleEdit
from tests.services.admin.conftest import TEAM, WORKSPACE_ADMIN, everything

CPTO_ORG = {
    "roles": {"CEO": {}, "CPTO": {"holder": "U0CPTO01", "covers": ["CTO", "CPO"]}, "COO": {}},
    "fallback": "CEO",
}


def test_new_settings_change_the_next_answer_for_that_workspace_only(admin, service):
    assert admin.org.open(TEAM)[1] == 0
    saved = admin.org.update(WORKSPACE_ADMIN, CPTO_ORG, expected_version=0)
    assert saved.version == 1
    answer = service.ask("who owns hosting costs?", team_id=TEAM)
    assert (answer.role, answer.holder) == ("CPTO", "U0CPTO01")
    assert service.ask("who owns hosting costs?", team_id="T0OTHER").role == "CTO"


def test_settings_problems_name_their_field_and_nothing_is_saved(admin, service):
    before = everything(service)
    with pytest.raises(InvalidInput) as refused:
        admin.org.update(WORKSPACE_ADMIN, {"roles": {"CEO": {}, "CPTO": {"holder": "not-a-user"}}}, expected_version=0)
    assert [p.where for p in refused.value.problems] == ["roles.CPTO.holder"]
    bad = {"roles": {"CEO": {}, "CPTO": {"covers": ["CXO", "CPTO"]}}, "fallback": "COO"}
    with pytest.raises(InvalidInput) as refused:
        admin.org.update(WORKSPACE_ADMIN, bad, expected_version=0)
    assert [p.where for p in refused.value.problems] == ["roles.CPTO.covers[0]", "roles.CPTO.covers[1]", "fallback"]
    assert everything(service) == before


def test_only_the_editable_settings_can_be_set(admin):
    with pytest.raises(InvalidInput, match="overrides: cannot be changed here"):
        admin.org.update(WORKSPACE_ADMIN, {"overrides": []}, expected_version=0)


def test_an_override_is_added_and_removed(admin, service):
    saved = admin.org.add_override(WORKSPACE_ADMIN, topic="hosting costs", role="COO", reason="Finance pays the bill.")
    answer = service.ask("who owns the AWS bill?", team_id=TEAM)
    assert (answer.role, answer.route) == ("COO", "override")
    assert "Finance pays the bill." in answer.reasoning
    admin.org.remove_override(WORKSPACE_ADMIN, 0, expected_version=saved.version)
    assert service.ask("who owns the AWS bill?", team_id=TEAM).role == "CTO"


def test_an_override_problem_is_named_by_its_own_field(admin):
    with pytest.raises(InvalidInput) as refused:
        admin.org.add_override(WORKSPACE_ADMIN, topic="office coffee machine", role="CXO")
    assert {p.where for p in refused.value.problems} == {"topic", "role"}
    with pytest.raises(InvalidInput) as refused:
        admin.org.add_override(WORKSPACE_ADMIN, topic="", role="COO")
    assert [p.where for p in refused.value.problems] == ["topic"]


def test_a_second_override_for_a_topic_and_an_overlong_reason_are_refused_and_change_nothing(admin, service):
    admin.org.add_override(WORKSPACE_ADMIN, topic="hosting costs", role="COO")
    before = everything(service)
    with pytest.raises(InvalidInput) as refused:
        admin.org.add_override(WORKSPACE_ADMIN, topic="the AWS bill", role="CEO")
    [problem] = refused.value.problems
    assert problem.where == "topic" and "already has an override (→ COO)" in problem.message
    pings = " ".join(f"<@U{n:08d}>" for n in range(150))
    with pytest.raises(InvalidInput) as refused:
        admin.org.add_override(WORKSPACE_ADMIN, topic="pricing", role="COO", reason=pings)
    assert [p.where for p in refused.value.problems] == ["reason"]
    assert everything(service) == before


def test_removing_an_override_that_is_gone_says_so(admin):
    with pytest.raises(NotFound):
        admin.org.remove_override(WORKSPACE_ADMIN, 0, expected_version=0)


def test_a_settings_save_on_top_of_a_newer_one_is_refused(admin, service):
    admin.org.update(WORKSPACE_ADMIN, CPTO_ORG, expected_version=0)
    with pytest.raises(StaleEdit) as refused:
        admin.org.update(WORKSPACE_ADMIN, {"fallback": "COO"}, expected_version=0)
    assert refused.value.version == 1 and refused.value.current["roles"]["CPTO"]["holder"] == "U0CPTO01"
    assert service.org(TEAM).fallback == "CEO"
