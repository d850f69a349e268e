"""Admins edit the roles to consult on a topic, and a workspace overrides them; both change the next answer."""

import pytest

from bot.core.problems import InvalidInput
from tests.services.admin.conftest import TEAM, WORKSPACE_ADMIN, draft_of, everything

ROLES = {"CEO": {}, "CTO": {}, "CPO": {}, "COO": {"holder": "U0COO001"}}


def consult_of(service, question: str, team_id: str | None = None) -> list[tuple[str, str]]:
    return [(c.role, c.why) for c in service.ask(question, team_id=team_id).consult]


def test_an_admin_sets_the_roles_to_consult_and_their_parts(admin, service):
    draft, version = draft_of(admin, "hosting-costs", consult=("COO: pays the cloud bill", "CPO"))
    admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=version)
    assert consult_of(service, "who owns hosting costs?") == [
        ("COO", "pays the cloud bill"),
        ("CPO", "has a hand in it"),
    ]
    reopened, _ = admin.responsibilities.open("hosting-costs")
    assert reopened.consult == ("COO: pays the cloud bill", "CPO")


def test_an_empty_list_consults_nobody_and_leaving_it_out_keeps_the_entrys(admin, service):
    draft, version = draft_of(
        admin, "hosting-costs", reasoning="Reworded reasoning about the cloud bill.", consult=None
    )
    saved = admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=version)
    assert consult_of(service, "who owns hosting costs?") == [("COO", "agrees the budget")]
    draft, _ = draft_of(admin, "hosting-costs", consult=())
    admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=saved.version)
    assert consult_of(service, "who owns hosting costs?") == []


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (("CXO: helps",), "consult: line 1 ('CXO'): unknown role 'CXO' (one of"),
        (("COO", "COO: again"), "consult: line 2 ('COO'): COO is listed twice"),
        (("COO: " + "x" * 61,), "consult: line 1 ('COO'): its part must be at most 60 characters"),
    ],
)
def test_a_bad_consult_line_is_named_and_nothing_is_written(admin, service, lines, message):
    before = everything(service)
    draft, version = draft_of(admin, "hosting-costs", consult=lines)
    with pytest.raises(InvalidInput) as refused:
        admin.responsibilities.update(WORKSPACE_ADMIN, "hosting-costs", draft, expected_version=version)
    assert [str(p)[: len(message)] for p in refused.value.problems] == [message]
    assert everything(service) == before


def test_a_workspace_override_replaces_the_roles_to_consult_there_only(admin, service):
    admin.org.update(WORKSPACE_ADMIN, {"roles": ROLES}, expected_version=0)
    admin.org.add_override(WORKSPACE_ADMIN, topic="hosting costs", role="CTO", consult=["CPO"])
    assert consult_of(service, "who owns hosting costs?", TEAM) == [("CPO", "has a hand in it")]
    assert consult_of(service, "who owns hosting costs?", "T0OTHER") == [("COO", "agrees the budget")]
    stored, _ = admin.org.open(TEAM)
    assert stored.overrides[0].consult == ("CPO",)


def test_an_override_naming_an_unknown_role_to_consult_is_refused_by_field(admin, service):
    with pytest.raises(InvalidInput) as refused:
        admin.org.add_override(WORKSPACE_ADMIN, topic="hosting costs", role="CEO", consult=["CXO"])
    assert [p.where for p in refused.value.problems] == ["consult[0]"]
