"""The App Home view and the help message, from plain values."""

from __future__ import annotations

import json

from bot.core.answer import TopicRef
from bot.services.overview import AbsentRole, RoleOverview, WorkspaceOverview
from bot.slack.blocks import (
    build_help_blocks,
    build_home_view,
    how_to_ask_blocks,
    roles_blocks,
    to_dicts,
    topics_blocks,
)


def overview(topics_per_role: int = 2) -> WorkspaceOverview:
    def topics(role: str) -> tuple[TopicRef, ...]:
        return tuple(
            TopicRef(id=f"{role.lower()}-{n}", title=f"{role} topic {n} & more") for n in range(topics_per_role)
        )

    return WorkspaceOverview(
        name="Acme",
        roles=(
            RoleOverview(role="CEO", name="Chief Executive Officer", holder=None, covers=(), topics=topics("CEO")),
            RoleOverview(
                role="CPTO",
                name="Chief Product and Technology Officer",
                holder="U0CPTO",
                covers=("CTO", "CPO"),
                topics=topics("CPTO"),
            ),
        ),
    )


def test_the_home_view_has_how_to_ask_the_roles_with_holders_by_name_and_topics_grouped_by_role():
    names = {"U0CPTO": "Ada <3"}
    view = build_home_view(how_to_ask_blocks(), roles_blocks(overview(), names), topics_blocks(overview())).to_dict()
    shown = json.dumps(view, ensure_ascii=False)
    assert view["type"] == "home"
    assert "Mention me" in shown and "Roles in Acme" in shown
    assert "`/whoowns assess`" in shown
    assert "*CEO* · Chief Executive Officer · _nobody named yet_" in shown
    assert "*CPTO* · Chief Product and Technology Officer · Ada &lt;3 (also covers the CTO, CPO)" in shown
    assert "<@" not in shown
    assert "*CPTO*\\nCPTO topic 0 &amp; more · CPTO topic 1 &amp; more" in shown


def test_a_holder_whose_name_is_not_known_is_shown_as_a_mention_slack_draws_as_their_name():
    assert "*CPTO* · Chief Product and Technology Officer · <@U0CPTO>" in str(to_dicts(roles_blocks(overview(), {})))


def test_roles_the_workspace_lacks_are_named_with_who_takes_their_topics():
    lacking = (
        AbsentRole("CFO", "Chief Financial Officer", ("COO", "CEO")),
        AbsentRole("CMO", "Chief Marketing", ("CEO",)),
    )
    blocks = to_dicts(roles_blocks(WorkspaceOverview(name=None, roles=(), absent=lacking), {}))
    line = "Roles this workspace does not have, and who takes their topics here: CFO → COO, CEO · CMO → CEO"
    assert blocks[-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": line}]}
    assert to_dicts(roles_blocks(overview(), {}))[-1]["type"] == "section"  # nothing lacking, no line


def test_sections_are_separated_by_dividers_and_an_empty_section_adds_nothing():
    view = build_home_view(how_to_ask_blocks(), [], roles_blocks(overview(), {})).to_dict()
    assert [b["type"] for b in view["blocks"]] == ["header", "section", "divider", "header", "section"]


def test_a_large_knowledge_base_lists_each_roles_first_topics_and_how_many_more_in_sections_slack_accepts():
    blocks = to_dicts(topics_blocks(overview(topics_per_role=300)))
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(text) <= 3000 for text in sections)
    assert all(text.endswith("_and 260 more topics: ask me about any of them_") for text in sections)


def test_help_explains_how_to_ask_and_lists_example_topics():
    shown = json.dumps(to_dicts(build_help_blocks(["Hosting costs", "Pricing"])), ensure_ascii=False)
    assert "/whoowns hosting costs" in shown and "Some topics I know: `Hosting costs` · `Pricing`" in shown
    assert "`/whoowns assess`" in shown


def test_example_topics_take_one_topic_from_each_role_in_turn():
    assert overview().example_topics(3) == ["CEO topic 0 & more", "CPTO topic 0 & more", "CEO topic 1 & more"]
