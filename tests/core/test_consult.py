"""Who to consult besides the accountable role, resolved per organisation: one row per rule."""

import pytest
from pydantic import ValidationError

from bot.core.consult import DEFAULT_PART, consulted_roles
from bot.core.models import Citation, Responsibility
from bot.core.org import OrgSettings
from bot.core.problems import InvalidInput
from bot.core.resolve import resolve_owner

ITEM = Responsibility(
    id="hiring-plan",
    title="Hiring plan",
    owner="CTO",
    shared_with=("COO", "CPO"),
    shared_parts={"COO": "agrees the headcount"},
    reasoning="Engineering hires are the CTO's.",
    citation=Citation(source="s", quote="q"),
)


def org(roles: dict, overrides: tuple = (), fallback: str = "CEO") -> OrgSettings:
    data = {"roles": roles, "fallback": fallback, "overrides": list(overrides)}
    return OrgSettings.model_validate(data)


BOUND = {"topic": "hiring plan", "responsibility": "hiring-plan"}

CASES = [
    # (what the rule is, organisation, expected [(role, why, usual)])
    (
        "present roles are consulted in the knowledge base's order, with their part",
        org({"CEO": {}, "CTO": {}, "CPO": {}, "COO": {"holder": "U0COO"}}),
        [("COO", "agrees the headcount", "COO"), ("CPO", DEFAULT_PART, "CPO")],
    ),
    (
        "a consulted CPO in a CPTO organisation is the CPTO",
        org({"CEO": {}, "CTO": {}, "CPTO": {"covers": ["CPO"]}, "COO": {}}),
        [("COO", "agrees the headcount", "COO"), ("CPTO", DEFAULT_PART, "CPO")],
    ),
    (
        "an absent role nobody covers is dropped, not sent to the fallback",
        org({"CEO": {}, "CTO": {}, "CPO": {}}),
        [("CPO", DEFAULT_PART, "CPO")],
    ),
    (
        "the accountable role is never consulted on its own topic (a CPTO covering both sides)",
        org({"CEO": {}, "CPTO": {"covers": ["CTO", "CPO"]}, "COO": {}}),
        [("COO", "agrees the headcount", "COO")],
    ),
    (
        "two consulted roles covered by one role are consulted once, with the first one's part",
        org({"CEO": {}, "CTO": {}, "CPTO": {"covers": ["COO", "CPO"]}}),
        [("CPTO", "agrees the headcount", "COO")],
    ),
    (
        "an override's consult list replaces the knowledge base's",
        org({"CEO": {}, "CTO": {}, "CPO": {}, "COO": {}}, [{**BOUND, "role": "CTO", "consult": ["CEO"]}]),
        [("CEO", DEFAULT_PART, "CEO")],
    ),
    (
        "an override with an empty consult list consults nobody",
        org({"CEO": {}, "CTO": {}, "CPO": {}, "COO": {}}, [{**BOUND, "role": "CTO", "consult": []}]),
        [],
    ),
    (
        "an override without a consult list keeps the knowledge base's, minus the new owner",
        org({"CEO": {}, "CTO": {}, "CPO": {}, "COO": {}}, [{**BOUND, "role": "COO"}]),
        [("CPO", DEFAULT_PART, "CPO")],
    ),
]


@pytest.mark.parametrize(("rule", "organisation", "expected"), CASES, ids=[case[0] for case in CASES])
def test_consulted_roles(kb, rule, organisation, expected):
    accountable = resolve_owner(kb, organisation, ITEM).role
    found = consulted_roles(organisation, ITEM, accountable)
    assert [(c.role, c.why, c.usual) for c in found] == expected


def test_a_consulted_role_carries_its_holder(kb):
    organisation = org({"CEO": {}, "CTO": {}, "COO": {"holder": "U0COO"}})
    assert [c.holder for c in consulted_roles(organisation, ITEM, "CTO")] == ["U0COO"]


def test_a_part_for_a_role_the_topic_is_not_shared_with_is_refused():
    with pytest.raises(ValidationError, match="shared_parts names CEO, which shared_with does not list"):
        Responsibility.model_validate({**ITEM.model_dump(), "shared_parts": {"CEO": "signs it off"}})


def test_a_part_longer_than_a_few_words_is_refused():
    with pytest.raises(ValidationError, match="at most 60 characters"):
        Responsibility.model_validate({**ITEM.model_dump(), "shared_parts": {"COO": "x" * 61}})


def test_the_answer_names_the_roles_to_consult_in_json(engine):
    answer = engine.answer("who owns hosting costs?").to_json()
    assert answer["role"] == "CTO"
    assert answer["consult"] == [
        {"role": "COO", "role_name": "Chief Operating Officer", "holder": None, "why": "agrees the budget"}
    ]


def test_an_unknown_consulted_role_in_an_override_is_named(engine):
    override = {"topic": "hosting costs", "role": "CTO", "consult": ["CXO"]}
    data = {"roles": {"CEO": {}, "CTO": {}}, "overrides": [override]}
    with pytest.raises(InvalidInput) as caught:
        engine.check_org(data)
    assert [p.message for p in caught.value.problems] == ["unknown role 'CXO'"]
    assert caught.value.problems[0].loc == ("overrides", 0, "consult", 0)
