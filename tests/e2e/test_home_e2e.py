"""The App Home through the real server and the stand-in Slack: its ask box, its topic pickers, and the
first-steps card an admin of a workspace that has named nobody sees, each button doing what it says."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.slack.blocks.admin_forms import OVERRIDE_VIEW, SETTINGS_VIEW
from bot.slack.blocks.admin_lists import NEW_OVERRIDE, OPEN_SETTINGS
from bot.slack.blocks.ask_modal import ASK_VIEW, POST_VIEW
from bot.slack.blocks.home_actions import FIRST_STEPS, HOME_ASK, HOME_IMPORT, HOME_QUESTION, HOME_TOPIC
from bot.slack.blocks.kb_import import IMPORT_VIEW
from tests.e2e.modal_payloads import elements, view_action
from tests.e2e.slack_requests import fresh_id, fresh_ts, home_opened
from tests.helpers import save_org

ADMIN = "U0HOMEADM"
MEMBER = "U0HOMEMEM"


@pytest.fixture(scope="module", autouse=True)
def people(fake_slack):
    fake_slack.add_people(**{ADMIN: {"name": "ada", "is_admin": True}, MEMBER: {"name": "mel"}})


def open_home(slack, fake_slack, *, user: str, team: str) -> dict[str, Any]:
    published = len(fake_slack.calls("views.publish", user_id=user))
    assert slack.event(home_opened(user=user, team=team)).status_code == 200
    view = fake_slack.wait_for("views.publish", user_id=user, count=published + 1)[-1]["view"]
    return {**view, "id": fresh_id("V")}


def opened_by(slack, fake_slack, payload: dict[str, Any]) -> dict[str, Any]:
    """Sends a click and returns the modal it opened (the newest views.open)."""
    opened = len(fake_slack.calls("views.open"))
    assert slack.action(payload).status_code == 200
    return fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]


def typed(home: dict[str, Any], question: str, *, user: str, team: str, enter: bool) -> dict[str, Any]:
    """The ask box sent by Enter (the input's own action) or by the Ask button (the text in the view state)."""
    state = {"values": {HOME_QUESTION: {HOME_QUESTION: {"type": "plain_text_input", "value": question}}}}
    if not enter:
        return view_action({**home, "state": state}, action_id=HOME_ASK, user=user, team=team)
    payload = view_action(home, action_id=HOME_ASK, user=user, team=team)
    action = {"action_id": HOME_QUESTION, "block_id": HOME_QUESTION, "type": "plain_text_input", "value": question}
    return {**payload, "actions": [{**action, "action_ts": fresh_ts()}]}


def text_of(view: dict[str, Any]) -> str:
    return json.dumps(view["blocks"], ensure_ascii=False)


def test_anyone_can_ask_in_the_home_and_the_answer_opens_in_a_modal_to_post(slack, fake_slack):
    team = fresh_id("T")
    home = open_home(slack, fake_slack, user=MEMBER, team=team)
    box = next(b for b in home["blocks"] if b.get("block_id") == HOME_QUESTION)
    assert box["type"] == "input" and box["dispatch_action"] is True
    assert box["element"]["dispatch_action_config"] == {"trigger_actions_on": ["on_enter_pressed"]}
    for enter in (False, True):
        asked = typed(home, "who owns hosting costs?", user=MEMBER, team=team, enter=enter)
        modal = opened_by(slack, fake_slack, asked)
        assert modal["callback_id"] == POST_VIEW and "CTO" in text_of(modal) and "Hosting costs" in text_of(modal)
    empty = opened_by(slack, fake_slack, typed(home, "  ", user=MEMBER, team=team, enter=False))
    assert empty["callback_id"] == ASK_VIEW  # nothing typed: the question box to type in


def test_every_roles_topics_open_their_answer_from_a_picker(slack, fake_slack, knowledge):
    team = fresh_id("T")
    home = open_home(slack, fake_slack, user=MEMBER, team=team)
    pickers = [e for _, e in elements(home) if e["action_id"] == HOME_TOPIC]
    # a role that takes absent roles' work (the COO here) has its topics in groups of at most 100
    groups = [g for picker in pickers for g in picker.get("option_groups", [{"options": picker.get("options")}])]
    assert all(len(group["options"]) <= 100 for group in groups)
    offered = {o["value"] for group in groups for o in group["options"]}
    assert len(pickers) >= 4 and {"hosting-costs", "pricing"} <= offered
    assert offered == {item.id for item in knowledge.engine().kb.active}  # every topic, none twice
    click = view_action(home, action_id=HOME_TOPIC, selected="pricing", user=MEMBER, team=team)
    modal = opened_by(slack, fake_slack, click)
    assert modal["callback_id"] == POST_VIEW and "Pricing" in text_of(modal) and "CPO" in text_of(modal)


def test_an_admin_of_a_workspace_that_named_nobody_gets_first_steps_that_work(slack, fake_slack, knowledge):
    team = fresh_id("T")
    assert FIRST_STEPS not in text_of(open_home(slack, fake_slack, user=MEMBER, team=team))  # admins only
    home = open_home(slack, fake_slack, user=ADMIN, team=team)
    card = next(b for b in home["blocks"] if b.get("block_id") == FIRST_STEPS)
    assert [e["text"]["text"] for e in card["elements"]] == ["Name your CTO", "Add an override", "Import a file"]

    settings = opened_by(slack, fake_slack, view_action(home, action_id=OPEN_SETTINGS, user=ADMIN, team=team))
    assert settings["callback_id"] == SETTINGS_VIEW
    override = opened_by(slack, fake_slack, view_action(home, action_id=NEW_OVERRIDE, user=ADMIN, team=team))
    assert override["callback_id"] == OVERRIDE_VIEW
    upload = opened_by(slack, fake_slack, view_action(home, action_id=HOME_IMPORT, user=ADMIN, team=team))
    assert upload["callback_id"] == IMPORT_VIEW  # the upload form: tests/e2e/test_kb_import_e2e.py

    save_org(knowledge, team, {"roles": {"CEO": {}, "CTO": {"holder": "U0CTO"}, "CPO": {}, "COO": {}}}, by=None)
    assert FIRST_STEPS not in text_of(open_home(slack, fake_slack, user=ADMIN, team=team))  # somebody is named


def test_the_roles_list_names_holders_by_name_looked_up_once(slack, fake_slack, knowledge):
    team, holder = fresh_id("T"), fresh_id("U")
    fake_slack.add_people(**{holder: {"name": "grace", "profile": {"display_name": "Grace"}}})
    save_org(knowledge, team, {"roles": {"CEO": {}, "CTO": {"holder": holder}, "CPO": {}, "COO": {}}}, by=None)
    shown = text_of(open_home(slack, fake_slack, user=MEMBER, team=team))
    assert "*CTO* · Chief Technology Officer · Grace" in shown and f"<@{holder}>" not in shown
    text_of(open_home(slack, fake_slack, user=MEMBER, team=team))
    assert len(fake_slack.calls("users.info", user=holder)) == 1  # then read from the cache
