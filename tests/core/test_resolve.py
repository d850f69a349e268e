"""Who owns a topic in one organisation: the resolver's order, table-driven.

Override, then the entry's specialist where the organisation has that role, then the knowledge base's
owner, then the organisation's own `covers`, then the role that usually takes an absent role's work
(`usual_cover` in roles.yaml), then the fallback.
"""

import pytest
import yaml

from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase, Responsibility, Role, UsualCover
from bot.core.org import check_org, default_org
from bot.core.resolve import resolve_owner

CDO = Role(
    id="CDO",
    name="Chief Data Officer",
    focus="Owns the company's data.",
    usual_cover=UsualCover(by=("CTO",), work="looks after the company's data"),
)


@pytest.fixture(scope="module")
def with_cdo(kb: KnowledgeBase) -> KnowledgeBase:
    return kb.model_copy(update={"roles": (*kb.roles, CDO)})


def topic(owner: str) -> Responsibility:
    return Responsibility.model_validate(
        {
            "id": f"{owner.lower()}-work",
            "title": f"{owner} work",
            "owner": owner,
            "reasoning": f"The {owner} does this.",
            "citation": {"source": "x", "quote": "q"},
        }
    )


CASES = [
    # (owner in the knowledge base, organisation settings, role that owns it, route, words the reasoning says)
    ("CFO", "roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}, CFO: {holder: U0CFO01}}", "CFO", "owner", None),
    (
        "CFO",
        "roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}",
        "COO",
        "usual_cover",
        "Your organisation has no CFO; in companies without one, the COO usually runs finance.",
    ),
    (
        "CFO",
        "roles: {CEO: {}, CTO: {}, CPO: {}}",
        "CEO",
        "usual_cover",
        "Your organisation has no CFO; in companies without one, the CEO usually runs finance.",
    ),
    ("CFO", "roles: {CEO: {}, CTO: {covers: [CFO]}, COO: {}}", "CTO", "covered", "the CTO covers its topics"),
    ("CHRO", "roles: {CEO: {}, COO: {covers: [CHRO]}}", "COO", "covered", "the COO covers its topics"),
    ("CHRO", "roles: {CEO: {}, COO: {}}", "COO", "usual_cover", "the COO usually runs people operations"),
    (
        "CISO",
        "roles: {CEO: {}, CPTO: {covers: [CTO, CPO]}}",
        "CPTO",
        "usual_cover",
        "the CTO usually owns information security, and here the CPTO covers the CTO.",
    ),
    ("CRO", "roles: {CEO: {}, CTO: {}}", "CEO", "usual_cover", "the CEO usually runs sales"),
    ("CRO", "roles: {CEO: {}, COO: {}}", "COO", "usual_cover", "the COO usually runs sales operations"),
    # legal work without a General Counsel: the COO, else the CFO, else the CEO
    ("GC", "roles: {CEO: {}, CFO: {}, COO: {}}", "COO", "usual_cover", "the COO usually handles legal matters"),
    ("GC", "roles: {CEO: {}, CFO: {}}", "CFO", "usual_cover", "the CFO usually handles legal matters"),
    ("GC", "roles: {CEO: {}, CTO: {}}", "CEO", "usual_cover", "the CEO usually handles legal matters"),
    ("CFO", "roles: {CTO: {}, CPO: {}}\nfallback: CTO", "CTO", "fallback", "falls to the CTO, your fallback role"),
    ("CDO", "roles: {CEO: {}, CTO: {}, CDO: {holder: U0CDO01}}", "CDO", "owner", None),
    ("CDO", "roles: {CEO: {}, CTO: {}}", "CTO", "usual_cover", "no CDO; in companies without one, the CTO usually"),
    ("CDO", "roles: {CEO: {}, COO: {}}", "CEO", "fallback", "no CDO and no role covers it"),
]


@pytest.mark.parametrize(("owner", "settings", "role", "route", "says"), CASES)
def test_the_owner_is_resolved_in_order(with_cdo, owner, settings, role, route, says):
    org = check_org(yaml.safe_load(settings), with_cdo, _no_matcher())
    found = resolve_owner(with_cdo, org, topic(owner))
    assert (found.role, found.route.value) == (role, route)
    if says:
        assert says in " ".join(found.steps)
    if route != "owner":  # the one sentence a short answer gives names the role it is about, and no person
        assert role in found.lead and "U0" not in found.lead


def test_an_override_still_comes_first(with_cdo, engine):
    settings = {"roles": {"CEO": {}, "COO": {}}, "overrides": [{"topic": "hosting-costs", "role": "COO"}]}
    org = engine.check_org(settings)
    item = engine.responsibility("hosting-costs")
    assert resolve_owner(with_cdo, org, item).route.value == "override"


@pytest.mark.parametrize(
    ("settings", "role", "route"),
    [
        ("roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}", "CTO", "usual_cover"),  # the seeds' owner, covering
        ("roles: {CEO: {}, CTO: {}, COO: {}, CISO: {}}", "CISO", "owner"),
    ],
)
def test_security_is_the_ciso_s_where_there_is_one_and_the_cto_s_otherwise(engine, settings, role, route):
    found = resolve_owner(engine.kb, engine.check_org(yaml.safe_load(settings)), engine.responsibility("security"))
    assert (found.role, found.route.value) == (role, route)


@pytest.mark.parametrize(
    ("settings", "role", "route", "says"),
    [
        ("roles: {CEO: {}, CPO: {}, CMO: {holder: U0CMO01}}", "CMO", "specialist", "Companies with a CMO"),
        ("roles: {CEO: {}, CTO: {}, CPO: {}, COO: {}}", "CPO", "owner", None),  # the seed articles' owner
        ("roles: {CEO: {}, CPO: {covers: [CMO]}}", "CPO", "owner", None),  # covering a CMO is not having one
        ("roles: {CEO: {}, CTO: {}, COO: {}, CMO: {}}", "CMO", "specialist", "without a CMO, the CPO owns it"),
        ("roles: {CEO: {}, CTO: {}, COO: {}}", "CEO", "fallback", None),  # neither: as for any entry of the CPO's
    ],
)
def test_market_research_is_the_cmo_s_where_there_is_one_and_the_cpo_s_otherwise(engine, settings, role, route, says):
    org = engine.check_org(yaml.safe_load(settings))
    found = resolve_owner(engine.kb, org, engine.responsibility("market-research"))
    assert (found.role, found.route.value) == (role, route)
    if says:
        assert says in " ".join(found.steps)
    if route == "specialist":
        assert found.holder == org.holder("CMO") and "CMO" in found.lead


def test_an_override_comes_before_the_specialist(engine):
    settings = {"roles": {"CEO": {}, "CPO": {}, "CMO": {}}, "overrides": [{"topic": "market-research", "role": "CPO"}]}
    found = resolve_owner(engine.kb, engine.check_org(settings), engine.responsibility("market-research"))
    assert (found.role, found.route.value) == ("CPO", "override")


def test_the_default_organisation_comes_from_the_roles_file(kb):
    org = default_org(kb)
    assert list(org.roles) == ["CEO", "CTO", "CPO", "COO"]
    assert org.fallback == "CEO"


def test_settings_without_a_fallback_get_the_knowledge_base_s(kb):
    org = check_org({"roles": {"CEO": {}, "CFO": {}}}, kb, _no_matcher())
    assert org.fallback == "CEO"


def _no_matcher() -> Matcher:
    return Matcher(())  # these settings have no overrides to bind
