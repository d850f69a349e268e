import pytest
import yaml

from bot.core.problems import InvalidInput
from bot.core.yamlfile import located, parse_yaml

ISSUE_EXAMPLE = """\
name: Acme
roles:                      # the roles this organisation has
  CEO: {}
  CPTO: {holder: U0ABC123, covers: [CTO, CPO]}   # holder: Slack user id, optional
  COO: {holder: U0DEF456}
fallback: CEO               # takes the work of a role that is absent and covered by nobody (default CEO)
overrides:                  # local decisions that beat the knowledge base
  - topic: hosting costs    # free text, matched like a question, or a responsibility id
    role: COO
    reason: Finance negotiates and pays the cloud provider here.
"""


def problems(engine, text: str) -> list[str]:
    document = parse_yaml(text, "org.yaml")
    with pytest.raises(InvalidInput) as caught:
        engine.check_org(document.data)
    return located(caught.value, document).messages


def test_the_documented_shape_is_accepted_and_overrides_bind_to_an_entry(engine):
    org = engine.check_org(yaml.safe_load(ISSUE_EXAMPLE))
    assert org.holder("CPTO") == "U0ABC123"
    assert org.coverer("CTO") == "CPTO"
    assert org.override_for("hosting-costs").role == "COO"


def test_an_unknown_covered_role_is_named_with_its_path_and_line(engine):
    text = ISSUE_EXAMPLE.replace("covers: [CTO, CPO]", "covers: [CTO, CXO]")
    assert problems(engine, text) == ["org.yaml:4: roles.CPTO.covers[1]: unknown role 'CXO'"]


def test_every_problem_is_reported_at_once(engine):
    text = """\
roles:
  CEO: {holder: not-a-slack-id}
  CXO: {}
fallback: CFO
overrides:
  - {topic: the office stapler, role: COO}
"""
    found = problems(engine, text)  # a malformed value and, checked on the rest, what the rest means
    assert found[0] == "org.yaml:2: roles.CEO.holder: 'not-a-slack-id' won't do: a Slack user id looks like U0ABC123"
    assert len(found) == 5 and found[1:] == problems(engine, text.replace("not-a-slack-id", "U0CEO01"))
    assert "org.yaml:3: roles.CXO: unknown role 'CXO'" in found
    assert "org.yaml:4: fallback: 'CFO' is not one of this organisation's roles" in found
    assert "org.yaml:6: overrides[0].role: 'COO' is not one of this organisation's roles" in found
    assert any(m.startswith("org.yaml:6: overrides[0].topic: no topic in the knowledge base matches") for m in found)


def test_unknown_fields_are_refused_not_ignored(engine):
    assert problems(engine, "roles: {CEO: {}}\nfalback: CEO\n") == ["org.yaml:2: falback: unknown field"]


def test_a_role_cannot_cover_itself(engine):
    assert problems(engine, "roles: {CEO: {covers: [CEO]}}") == [
        "org.yaml:1: roles.CEO.covers[0]: the CEO can't cover itself"
    ]


def test_a_malformed_value_does_not_hide_what_is_wrong_with_the_rest(engine):
    text = "roles: {CEO: {holder: bob}, CPTO: {covers: [CPTO, cto]}}\nfallback: CFO\n"
    assert problems(engine, text) == [
        "org.yaml:1: roles.CEO.holder: 'bob' won't do: a Slack user id looks like U0ABC123",
        "org.yaml:1: roles.CPTO.covers[1]: 'cto' won't do: a role is 2 to 10 capital letters or digits, "
        "starting with a letter, like CTO",
        "org.yaml:1: roles.CPTO.covers[0]: the CPTO can't cover itself",
        "org.yaml:2: fallback: 'CFO' is not one of this organisation's roles",
    ]


def test_an_override_may_name_a_responsibility_by_id(engine):
    org = engine.check_org({"roles": {"CEO": {}, "COO": {}}, "overrides": [{"topic": "pricing", "role": "COO"}]})
    assert org.override_for("pricing").role == "COO"
