"""Who to consult besides the accountable role, resolved per organisation: one row per rule."""

import pytest
from pydantic import ValidationError

from bot.core.consult import DEFAULT_PART, USUAL_OWNER_PART, consulted_roles
from bot.core.models import Citation, Responsibility, Specialist
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


RESEARCH = Responsibility(
    id="market-research",
    title="Market research",
    owner="CPO",
    shared_with=("COO",),
    shared_parts={"COO": "runs the surveys"},
    specialist=Specialist(role="CMO", reasoning="Companies with a CMO give it to marketing.", citation=ITEM.citation),
    reasoning="Product discovery needs market research.",
    citation=Citation(source="s", quote="q"),
)
SPECIALIST_CASES = [
    (
        "where the specialist owns the topic, the usual owner is consulted first",
        org({"CEO": {}, "CPO": {"holder": "U0CPO"}, "CMO": {}, "COO": {}}),
        [("CPO", USUAL_OWNER_PART, "CPO"), ("COO", "runs the surveys", "COO")],
    ),
    (
        "the usual owner is consulted as the role that covers it",
        org({"CEO": {}, "CPTO": {"covers": ["CPO", "CTO"]}, "CMO": {}, "COO": {}}),
        [("CPTO", USUAL_OWNER_PART, "CPO"), ("COO", "runs the surveys", "COO")],
    ),
    (
        "without the specialist's role the usual owner answers, and nobody is consulted as such",
        org({"CEO": {}, "CPO": {}, "COO": {}}),
        [("COO", "runs the surveys", "COO")],
    ),
    (
        "an organisation that decided the owner itself gets only what it decided",
        org(
            {"CEO": {}, "CPO": {}, "CMO": {}, "COO": {}},
            [{"topic": "market research", "responsibility": "market-research", "role": "CMO"}],
        ),
        [("COO", "runs the surveys", "COO")],
    ),
]


@pytest.mark.parametrize(
    ("rule", "organisation", "expected"), SPECIALIST_CASES, ids=[case[0] for case in SPECIALIST_CASES]
)
def test_consulted_roles_where_a_specialist_owns_the_topic(rule, organisation, expected):
    accountable = "CMO" if organisation.has("CMO") else "CPO"
    found = consulted_roles(organisation, RESEARCH, accountable)
    assert [(c.role, c.why, c.usual) for c in found] == expected
    assert all(c.holder == organisation.holder(c.role) for c in found)


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


def test_an_answer_from_the_specialist_names_the_usual_owner_to_consult(engine):
    with_cmo = engine.check_org({"roles": {"CEO": {}, "CTO": {}, "CPO": {"holder": "U0CPO01"}, "CMO": {}}})
    answer = engine.answer("who does market research?", with_cmo).to_json()
    assert (answer["role"], answer["route"]) == ("CMO", "specialist")
    assert answer["consult"][0] == {
        "role": "CPO",
        "role_name": "Chief Product Officer",
        "holder": "U0CPO01",
        "why": USUAL_OWNER_PART,
    }
    assert all(c["role"] != "CPO" for c in engine.answer("who does market research?").to_json()["consult"])
