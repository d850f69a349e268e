"""Every modal, Home tab and list stays within Slack's limits with 10,000 topics and 1,000 overrides.

Slack refuses a modal or Home tab of more than 100 blocks and a select of more than 100 options; before,
94 overrides made `/whoowns admin` fail to open and 10,000 topics made the Home tab impossible to build.
"""

from __future__ import annotations

import json
import re

import pytest
from pydantic import ValidationError
from slack_sdk.models.blocks import DividerBlock

from bot.core.answer import Engine, TopicRef
from bot.core.knowledge_files import load_knowledge
from bot.core.models import MAX_ROLES, Citation, KnowledgeBase, Responsibility, Role
from bot.core.org import OrgSettings
from bot.core.problems import InvalidInput
from bot.services.admin import ChangeView, Gap
from bot.services.overview import RoleOverview, WorkspaceOverview
from bot.slack import limits
from bot.slack.blocks.admin_forms import build_settings_modal
from bot.slack.blocks.admin_lists import (
    REMOVE_OVERRIDE,
    OverrideKey,
    admin_home_blocks,
    build_menu_modal,
    gaps_blocks,
    history_blocks,
    topic_options,
)
from bot.slack.blocks.home import build_home_view, how_to_ask_blocks, roles_blocks, topics_blocks
from bot.slack.blocks.home_actions import topic_picker
from tests.conftest import KNOWLEDGE_DIR
from tests.e2e.modal_payloads import elements
from tests.slack.test_admin_blocks import WHEN

TOPICS = 10_000
OVERRIDES = 1_000
ROLES = ("CEO", "CTO", "CPO", "COO")


def mention(user: str) -> str:
    return f"<@{user}>"


@pytest.fixture(scope="module")
def big_kb() -> KnowledgeBase:
    shipped = load_knowledge(KNOWLEDGE_DIR)
    source = shipped.sources[0].id
    items = tuple(
        Responsibility(
            id=f"topic-{n:05d}",
            title=f"Topic {n:05d} of a very large organisation's many areas",
            owner=ROLES[n % len(ROLES)],
            reasoning="Because the articles say so.",
            citation=Citation(source=source, quote="A quote."),
        )
        for n in range(TOPICS)
    )
    return shipped.model_copy(update={"responsibilities": items})


@pytest.fixture(scope="module")
def big_org() -> OrgSettings:
    overrides = [
        {"topic": f"topic-{n:05d}", "role": "COO", "reason": "Decided here.", "responsibility": f"topic-{n:05d}"}
        for n in range(OVERRIDES)
    ]
    return OrgSettings.model_validate({"roles": {role: {} for role in ROLES}, "overrides": overrides})


def test_the_admin_menu_pages_through_1000_overrides_within_100_blocks_each(big_org):
    listed: list[int] = []
    page = 0
    while True:
        view = build_menu_modal(big_org, version=3, page=page).to_dict()  # slack_sdk checks the limits
        assert len(view["blocks"]) <= limits.VIEW_BLOCKS
        removes = [e for _, e in elements(view) if e["action_id"] == REMOVE_OVERRIDE]
        listed += [OverrideKey.model_validate_json(e["value"]).index for e in removes]
        turns = [e["value"] for _, e in elements(view) if e["action_id"] == "admin_overrides_page"]
        if str(page + 1) not in turns:
            break
        page += 1
    assert listed == list(range(OVERRIDES))
    assert "Overrides 981–1,000 of 1,000" in json.dumps(view, ensure_ascii=False)


def test_the_app_home_with_10000_topics_and_the_admin_section_stays_within_100_blocks(big_kb):
    owned = {role: tuple(TopicRef(id=r.id, title=r.title) for r in big_kb.active if r.owner == role) for role in ROLES}
    overview = WorkspaceOverview(
        name="Acme", roles=tuple(RoleOverview(role, role, None, (), owned[role]) for role in ROLES)
    )
    gaps = [Gap("unanswered", f"question {n}", 1, WHEN) for n in range(5)]
    changes = [ChangeView(n, WHEN, "U0ADMIN1", "org.update", "settings: fallback CEO → COO", None) for n in range(5)]
    view = build_home_view(
        how_to_ask_blocks(),
        [*roles_blocks(overview, {}), DividerBlock(), *topics_blocks(overview)],
        admin_home_blocks(gaps, changes, mention=mention),
    ).to_dict()
    assert len(view["blocks"]) <= limits.VIEW_BLOCKS
    assert "more topics" in json.dumps(view["blocks"])


def test_a_topic_picker_offers_at_most_100_options_found_by_search_among_10000_topics(big_kb):
    engine = Engine(big_kb)
    options = [o.to_dict() for o in topic_options(engine, "topic 04242")]
    assert 0 < len(options) <= limits.OPTIONS and options[0]["value"] == "topic-04242"
    assert all(len(o["text"]["text"]) <= limits.OPTION_TEXT for o in options)
    assert len(topic_options(engine, "")) == limits.OPTIONS


def test_a_gap_list_carries_no_list_of_topics(big_kb):
    gaps = [Gap("unanswered", f"office coffee machine {n}", 2, WHEN) for n in range(10)]
    blocks = [block.to_dict() for block in gaps_blocks(gaps)]
    assert len(blocks) <= limits.MESSAGE_BLOCKS and len(json.dumps(blocks)) < 8000
    pickers = [e for b in blocks if b["type"] == "actions" for e in b["elements"] if "select" in e["type"]]
    assert {p["type"] for p in pickers} == {"external_select"}


def test_a_second_override_for_the_same_topic_is_refused(big_kb):
    engine = Engine(load_knowledge(KNOWLEDGE_DIR))
    twice = {
        "roles": {role: {} for role in ROLES},
        "overrides": [{"topic": "hosting costs", "role": "COO"}, {"topic": "the cloud bill", "role": "CEO"}],
    }
    with pytest.raises(InvalidInput) as caught:
        engine.check_org(twice)
    [problem] = caught.value.problems
    assert problem.loc == ("overrides", 1, "topic") and "already has an override (→ COO)" in problem.message


def test_the_settings_form_for_the_most_roles_a_knowledge_base_may_have_fits_and_one_more_is_refused():
    shipped = load_knowledge(KNOWLEDGE_DIR)
    roles = tuple(Role(id=f"R{n:02d}", name=f"Role {n}", focus="f") for n in range(MAX_ROLES))
    org = OrgSettings.model_validate({"roles": {role.id: {} for role in roles}, "fallback": "R00"})
    view = build_settings_modal(org, roles=roles, version=1).to_dict()
    assert len(view["blocks"]) <= limits.VIEW_BLOCKS
    one_more = (*roles, Role(id="R99", name="One too many", focus="f"))
    with pytest.raises(ValidationError):
        KnowledgeBase.model_validate({**shipped.model_dump(), "roles": [r.model_dump() for r in one_more]})


def test_the_topic_editor_holds_every_alias_a_topic_may_have():
    aliases = tuple(f"alias number {n:03d} " + "x" * 100 for n in range(25))  # 2,949 characters, one a line
    item = load_knowledge(KNOWLEDGE_DIR).responsibilities[0]
    assert item.model_validate({**item.model_dump(), "aliases": aliases})
    with pytest.raises(ValidationError, match="aliases come to more than 3,000 characters"):
        item.model_validate({**item.model_dump(), "aliases": (*aliases, "one too many " + "y" * 60)})


def test_admin_text_in_the_menu_and_the_history_cannot_ping_anyone():
    org = OrgSettings.model_validate(
        {
            "roles": {"CEO": {"holder": "U0CEOHOLD"}, "COO": {}},
            "overrides": [{"topic": "<!channel> & costs", "role": "COO", "reason": "<@U0SPOOF> <!here>"}],
        }
    )
    summary = "“<!everyone>” CEO held by <@U0CEOHOLD> <@U0SPOOF>"
    change = ChangeView(5, WHEN, "U0ADMIN1", "org.update", summary, None, people=("U0CEOHOLD",))
    texts = json.dumps(
        [build_menu_modal(org, version=1).to_dict(), [b.to_dict() for b in history_blocks([change], mention=mention)]]
    )
    pieces = set(re.findall(r"<([^<>]*)>", texts))
    assert {p for p in pieces if not p.startswith("!date^")} == {"@U0CEOHOLD", "@U0ADMIN1"}


def test_a_role_with_more_topics_than_a_select_holds_offers_them_all_in_groups_by_letter():
    topics = [TopicRef(id=f"t{n}", title=f"{chr(ord('A') + n % 26)}opic {n}") for n in range(150)]
    picker = topic_picker(topics).to_dict()
    groups = picker["option_groups"]
    assert "options" not in picker and len(groups) == 2
    assert all(len(group["options"]) == 75 for group in groups)
    assert [group["label"]["text"] for group in groups] == ["A – M", "M – Z"]
    offered = [o["value"] for group in groups for o in group["options"]]
    assert sorted(offered) == sorted(t.id for t in topics)  # every topic once, alphabetically
    assert offered == [t.id for t in sorted(topics, key=lambda t: t.title.casefold())]


def test_a_topic_picker_of_10000_topics_offers_the_first_200_alphabetically(big_kb):
    topics = [TopicRef(id=r.id, title=r.title) for r in big_kb.active]
    groups = topic_picker(topics).to_dict()["option_groups"]
    assert sum(len(group["options"]) for group in groups) == limits.PICKER_OPTIONS
    assert all(len(group["options"]) <= limits.OPTIONS for group in groups)
    assert topic_picker(topics[:100]).to_dict()["options"]  # up to 100: one plain list, no groups
