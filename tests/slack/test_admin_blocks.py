"""The admin modals and lists, built by pure functions and checked against Slack's limits by slack_sdk."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.core.answer import Engine, TopicRef
from bot.core.knowledge_files import load_knowledge
from bot.core.org import OrgSettings
from bot.core.problems import Problem
from bot.services.admin import ChangeView, Gap, ResponsibilityDraft
from bot.slack.blocks.admin_forms import (
    FormMetadata,
    build_override_modal,
    build_settings_modal,
    build_topic_modal,
    errors_by_block,
    settings_block,
)
from bot.slack.blocks.admin_lists import (
    GAP_ALIAS,
    GAP_NEW_TOPIC,
    REMOVE_OVERRIDE,
    UNDO,
    OverrideKey,
    build_menu_modal,
    gap_question,
    gaps_blocks,
    history_blocks,
    topic_options,
)
from bot.slack.blocks.admin_state import draft_from, override_from, retire_ticked, settings_from
from bot.slack.blocks.mrkdwn import to_dicts
from tests.conftest import KNOWLEDGE_DIR
from tests.e2e.modal_payloads import elements, view_state

KB = load_knowledge(KNOWLEDGE_DIR)
ORG = OrgSettings.model_validate(
    {
        "roles": {"CEO": {}, "CPTO": {"holder": "U0CPTO01", "covers": ["CTO", "CPO"]}, "COO": {}},
        "fallback": "CEO",
        "overrides": [
            {"topic": "hosting costs", "role": "COO", "reason": "Finance pays.", "responsibility": "hosting-costs"}
        ],
        "admins": ["U0LISTED"],
    }
)
WHEN = datetime(2026, 11, 23, 16, 0, tzinfo=UTC)


def as_dict(view):
    return view.to_dict()  # slack_sdk validates every block against Slack's limits here


def test_the_topic_editor_holds_the_entry_and_reads_back_as_the_same_draft():
    item = next(r for r in KB.responsibilities if r.id == "hosting-costs")  # its source has no link
    draft = ResponsibilityDraft.of(item, KB.source(item.citation.source))
    view = as_dict(build_topic_modal(draft, roles=KB.roles, metadata=FormMetadata(topic="hosting-costs", version=3)))
    assert [b["block_id"] for b in view["blocks"]] == [
        "title", "aliases", "owner", "reasoning", "source_title", "source_url", "quote", "consult", "retire",
    ]  # fmt: skip
    assert draft.consult == ("COO: agrees the budget",)
    assert json.loads(view["private_metadata"]) == {"version": 3, "topic": "hosting-costs"}
    values = view_state(view)["values"]
    assert draft_from(values) == draft
    assert not retire_ticked(values)
    assert retire_ticked(view_state(view, {"retire": ["retire"]})["values"])


def test_the_topic_editor_says_who_owns_a_topic_with_a_specialist_where_there_is_one():
    item = next(r for r in KB.responsibilities if r.id == "market-research")
    draft = ResponsibilityDraft.of(item, KB.source(item.citation.source))
    view = as_dict(build_topic_modal(draft, roles=KB.roles, metadata=FormMetadata(topic="market-research", version=1)))
    owner = next(b for b in view["blocks"] if b["block_id"] == "owner")
    assert owner["hint"]["text"].startswith("Where the organisation has a CMO, the CMO owns this topic instead")
    assert draft_from(view_state(view)["values"]) == draft.model_copy(update={"specialist": None})  # shown, not sent
    hosting = next(r for r in KB.responsibilities if r.id == "hosting-costs")
    plain = as_dict(
        build_topic_modal(
            ResponsibilityDraft.of(hosting, KB.source(hosting.citation.source)),
            roles=KB.roles,
            metadata=FormMetadata(topic="hosting-costs", version=1),
        )
    )
    assert "hint" not in next(b for b in plain["blocks"] if b["block_id"] == "owner")


def test_a_new_topic_has_no_retire_box_and_remembers_the_question_it_came_from():
    view = as_dict(build_topic_modal(ResponsibilityDraft(), roles=KB.roles, metadata=FormMetadata(gap="coffee")))
    assert "retire" not in [b["block_id"] for b in view["blocks"]]
    assert view["title"]["text"] == "Add a topic" and json.loads(view["private_metadata"]) == {"gap": "coffee"}


def test_the_settings_modal_reads_back_as_the_same_settings():
    view = as_dict(build_settings_modal(ORG, roles=KB.roles, version=4))
    settings = settings_from(view_state(view)["values"], KB.roles)
    assert settings == {
        "roles": {"CEO": {}, "COO": {}, "CPTO": {"holder": "U0CPTO01", "covers": ["CTO", "CPO"]}},
        "fallback": "CEO",
        "admins": ["U0LISTED"],
        "digest": True,
    }
    unticked = settings_from(view_state(view, {"roles": ["CEO", "COO"]})["values"], KB.roles)
    assert list(unticked["roles"]) == ["CEO", "COO"]  # a holder for a role not ticked does not count


def test_the_settings_modal_has_fields_only_for_the_roles_ticked_and_redraws_on_a_tick():
    view = as_dict(build_settings_modal(ORG, roles=KB.roles, version=4))
    blocks = {b["block_id"]: b for b in view["blocks"]}
    assert blocks["roles"]["dispatch_action"] is True
    assert [b for b in blocks if b.startswith("holder_")] == ["holder_CEO", "holder_COO", "holder_CPTO"]
    lacking = {o["value"] for o in blocks["covers_CPTO"]["element"]["options"]}
    assert lacking == {r.id for r in KB.roles} - {"CEO", "COO", "CPTO"}  # only a role the org lacks is covered
    assert [o["value"] for o in blocks["fallback"]["element"]["options"]] == ["CEO", "COO", "CPTO"]
    ticked = as_dict(build_settings_modal(ORG, roles=KB.roles, version=4, ticked=["CEO", "CTO"]))
    holders = [b["block_id"] for b in ticked["blocks"] if b["block_id"].startswith("holder_")]
    assert holders == ["holder_CEO", "holder_CTO"]
    assert json.loads(ticked["private_metadata"]) == {"version": 4}


@pytest.mark.parametrize(
    ("loc", "block"),
    [
        (("roles", "CPTO", "covers", 1), "covers_CPTO"),
        (("roles", "CPTO", "holder"), "holder_CPTO"),
        (("roles", "CXO"), "roles"),
        (("fallback",), "fallback"),
        (("admins", 0), "admins"),
        (("digest",), "digest"),
        (("name",), None),
    ],
)
def test_a_settings_problem_lands_under_its_field(loc, block):
    assert settings_block(loc) == block


def test_problems_are_joined_per_block_and_unplaced_ones_go_first():
    problems = [
        Problem(("roles", "CPTO", "covers", 0), "unknown role 'CXO'"),
        Problem(("roles", "CPTO", "covers", 1), "the CPTO can't cover itself"),
        Problem((), "something else"),
    ]
    assert errors_by_block(problems, block_of=settings_block, first_block="roles") == {
        "covers_CPTO": "unknown role 'CXO'; the CPTO can't cover itself",  # no internal path, every problem
        "roles": "something else",
    }


def test_the_override_modal_offers_only_the_organisations_roles():
    view = as_dict(build_override_modal(ORG, roles=KB.roles, version=2))
    role = next(b for b in view["blocks"] if b["block_id"] == "role")
    assert [o["value"] for o in role["element"]["options"]] == ["CEO", "COO", "CPTO"]
    values = view_state(view, {"topic": "pricing", "role": "COO"})["values"]
    assert override_from(values) == {"topic": "pricing", "role": "COO", "reason": None, "consult": None}
    consult = next(b for b in view["blocks"] if b["block_id"] == "consult")
    assert [o["value"] for o in consult["element"]["options"]] == ["CEO", "COO", "CPTO"]
    values = view_state(view, {"topic": "pricing", "role": "COO", "consult": ["CPTO"]})["values"]
    assert override_from(values)["consult"] == ["CPTO"]


def test_the_menu_lists_overrides_each_with_a_remove_button_for_its_version():
    view = as_dict(build_menu_modal(ORG, version=7, notice="Saved."))
    [(_, remove)] = [(b, e) for b, e in elements(view) if e["action_id"] == REMOVE_OVERRIDE]
    assert OverrideKey.model_validate_json(remove["value"]) == OverrideKey(index=0, version=7)
    assert "“hosting costs” → *COO* — Finance pays." in json.dumps(view, ensure_ascii=False)


def test_the_menu_names_holders_by_name_when_known():
    shown = json.dumps(as_dict(build_menu_modal(ORG, version=7, names={"U0CPTO01": "Ada"})), ensure_ascii=False)
    assert "*CPTO*: Ada (covers CTO, CPO)" in shown and "<@" not in shown


def test_topic_pickers_offer_the_matchers_best_matches_then_titles_containing_what_was_typed():
    engine = Engine(KB)
    assert [o.value for o in topic_options(engine, "cloud bill")][:1] == ["hosting-costs"]
    assert [o.value for o in topic_options(engine, "pricing")][:1] == ["pricing"]
    everything = topic_options(engine, "")
    assert len(everything) == min(len(KB.active), 100)
    titles = [o.label for o in everything]
    assert titles == sorted(titles, key=str.casefold)


def test_each_gap_offers_alias_and_new_topic_and_a_too_long_question_only_a_new_topic():
    gaps = [
        Gap("unanswered", "office coffee machine", 3, WHEN),
        Gap("disliked", "aws bill", 1, WHEN, TopicRef(id="hosting-costs", title="Hosting costs")),
        Gap("unanswered", "x" * 300, 1, WHEN),
    ]
    blocks = to_dicts(gaps_blocks(gaps))
    text = json.dumps(blocks, ensure_ascii=False)
    assert "asked 3 times" in text and "one 👎 on the answer “Hosting costs”" in text
    actions = [b for b in blocks if b["type"] == "actions"]
    assert [[e["action_id"] for e in b["elements"]] for b in actions] == [
        [GAP_ALIAS, GAP_NEW_TOPIC],
        [GAP_ALIAS, GAP_NEW_TOPIC],
        [GAP_NEW_TOPIC],
    ]
    assert [gap_question(b["block_id"]) for b in actions[:2]] == ["office coffee machine", "aws bill"]
    assert len({b["block_id"] for b in actions}) == 3 and all(len(b["block_id"]) <= 255 for b in actions)


def test_each_change_in_the_history_has_an_undo_button_and_names_who_made_it():
    changes = [
        ChangeView(12, WHEN, "U0ADMIN1", "responsibility.update", "edited “Pricing”: owner CPO → COO", None),
        ChangeView(11, WHEN, "cli:alice", "kb.import", "imported the knowledge base: 59 entries, 1 changed", None),
    ]
    blocks = to_dicts(history_blocks(changes, mention=lambda user: f"<@{user}>"))
    text = json.dumps(blocks, ensure_ascii=False)
    assert "*#12* · <@U0ADMIN1> · <!date^1795449600^" in text and "alice (command line)" in text
    assert [e["value"] for _, e in elements({"blocks": blocks}) if e["action_id"] == UNDO] == ["12", "11"]
