"""Admin surfaces through the real server and the stand-in Slack: who a refused person can ask, the settings
form that follows the roles ticked, and settings problems told in a person's words, all at once."""

from __future__ import annotations

import json
from typing import Any

import pytest

from bot.slack.blocks.admin_forms import SETTINGS_VIEW, VALUE
from bot.slack.blocks.admin_lists import OPEN_SETTINGS
from bot.store.repository import OrgRepository
from tests.e2e.modal_payloads import multi_select_action, view_action, view_state, view_submission
from tests.e2e.slack_requests import fresh_id
from tests.helpers import save_org

ADMIN = "U0SURFADM"
OWNER = "U0SURFOWN"
NAMED = "U0SURFNAM"
MEMBER = "U0SURFMEM"


@pytest.fixture(scope="module", autouse=True)
def people(fake_slack):
    fake_slack.add_people(
        **{
            ADMIN: {"name": "ada", "is_admin": True, "profile": {"display_name": "Ada L."}},
            OWNER: {"name": "bob", "is_owner": True, "profile": {"real_name": "Bob <Boss>"}},
            NAMED: {"name": "nia"},
            MEMBER: {"name": "mel"},
            "U0SURFBOT": {"name": "robot", "is_admin": True, "is_bot": True},
        }
    )


def test_a_non_admin_is_told_who_the_admins_are_by_name_without_pinging_anyone(slack, fake_slack, knowledge):
    team = fresh_id("T")
    save_org(knowledge, team, {"roles": {"CEO": {}, "CTO": {}}, "admins": [NAMED]}, by=None)
    url, opened = fake_slack.response_url(), len(fake_slack.calls("views.open"))
    slack.command("admin", user=MEMBER, team=team, response_url=url)
    [told] = fake_slack.wait_for_response(url)
    assert told["text"] == "Only admins can change this. Ask Ada L., Bob &lt;Boss&gt; or nia."
    assert "<@" not in json.dumps(told.params) and told["response_type"] == "ephemeral"
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("views.open")) == opened  # nothing opens


def open_settings(slack, fake_slack, team: str, *, user: str = ADMIN) -> dict[str, Any]:
    opened = len(fake_slack.calls("views.open"))
    home = {"type": "home", "id": fresh_id("V"), "blocks": [{"type": "actions", "block_id": "b", "elements": [
        {"type": "button", "action_id": OPEN_SETTINGS, "value": ""}]}]}  # fmt: skip
    slack.action(view_action(home, action_id=OPEN_SETTINGS, user=user, team=team))
    view = fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]
    assert view["callback_id"] == SETTINGS_VIEW
    return {**view, "id": fresh_id("V"), "hash": "h1"}


def fields(view: dict[str, Any]) -> list[str]:
    return [b["block_id"] for b in view["blocks"] if b["type"] == "input"]


def test_ticking_a_role_redraws_the_settings_with_its_fields_at_the_version_opened(slack, fake_slack, knowledge):
    team = fresh_id("T")
    form = open_settings(slack, fake_slack, team)
    holders = {f.removeprefix("holder_") for f in fields(form) if f.startswith("holder_")}
    assert holders == {"CEO", "CTO", "CPO", "COO"}  # the default roles; none for the ones not ticked
    updated = len(fake_slack.calls("views.update"))
    tick = multi_select_action(form, block_id="roles", action_id=VALUE, chosen=["CEO", "CPTO"], user=ADMIN, team=team)
    assert slack.action(tick).status_code == 200
    [call] = fake_slack.wait_for("views.update", count=updated + 1)[updated:]
    assert call["view_id"] == form["id"] and call["hash"] == "h1"
    redrawn = call["view"]
    assert fields(redrawn) == [
        "roles",
        "holder_CEO",
        "covers_CEO",
        "holder_CPTO",
        "covers_CPTO",
        "fallback",
        "admins",
        "digest",
    ]
    covers = next(b for b in redrawn["blocks"] if b["block_id"] == "covers_CPTO")
    assert {"CTO", "CPO"} <= {o["value"] for o in covers["element"]["options"]}
    assert "CPTO" not in {o["value"] for o in covers["element"]["options"]}
    assert redrawn["private_metadata"] == form["private_metadata"]


def test_every_settings_problem_is_shown_at_once_in_words_for_a_person(slack, fake_slack, knowledge):
    team = fresh_id("T")
    form = open_settings(slack, fake_slack, team)
    state = view_state(form, {"roles": ["CTO", "CPO"], "holder_CTO": "bob", "fallback": "CEO"})
    response = slack.action(view_submission(form, state, user=ADMIN, team=team))
    assert response.status_code == 200
    assert response.json() == {
        "response_action": "errors",
        "errors": {
            "holder_CTO": "'bob' won't do: a Slack user id looks like U0ABC123",
            "fallback": "'CEO' is not one of this organisation's roles",
        },
    }
    with knowledge.db.transaction() as session:
        assert OrgRepository(session).get(team) is None  # nothing saved
