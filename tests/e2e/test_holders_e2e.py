"""Holders that stay current, through the real server and the stand-in Slack: a deactivated holder and one
titled for something else flagged in the admin's App Home and `/whoowns admin`, and holders suggested in
the settings form from the workspace's people (`users.list`, paged), with a button that fills the field in
and saves nothing."""

from __future__ import annotations

import json

import pytest

from bot.slack.blocks.admin_forms import FILLED, VALUE
from bot.slack.blocks.holders import FILL_HOLDER
from bot.slack.people import PAGE_SIZE
from tests.e2e.modal_payloads import view_action, view_state, view_submission
from tests.e2e.slack_requests import event_callback, fresh_id, home_opened
from tests.e2e.test_admin_surfaces_e2e import open_settings
from tests.helpers import save_org

ADMIN = "U0HLDADMIN"
GONE = "U0HLDGONE"  # the CEO's holder, deactivated
MOVED = "U0HLDMOVED"  # the CTO's holder, now in sales
KEPT = "U0HLDKEPT"  # the CPO's holder, still titled for it
ADA = "U0HLDADA"  # titled CTO: the suggestion
FILLERS = PAGE_SIZE + 5  # people enough for a second page of users.list


@pytest.fixture(scope="module", autouse=True)
def people(fake_slack):
    fake_slack.add_people(
        **{
            ADMIN: {"name": "admin", "is_admin": True},
            GONE: {"name": "grace", "deleted": True, "profile": {"real_name": "Grace", "title": "CEO"}},
            MOVED: {"name": "mo", "profile": {"real_name": "Mo <!channel>", "title": "Head of Sales & Deals"}},
            KEPT: {"name": "kay", "profile": {"real_name": "Kay", "title": "Chief Product Officer"}},
            ADA: {"name": "ada", "profile": {"real_name": "Ada <@U0HLDADMIN>", "title": "CTO"}},
            "U0HLDBOT": {"name": "deploybot", "is_bot": True, "profile": {"real_name": "Deploy", "title": "CTO"}},
            "U0HLDLEFT": {"name": "left", "deleted": True, "profile": {"real_name": "Left", "title": "CTO"}},
            "USLACKBOT": {"name": "slackbot", "profile": {"real_name": "Slackbot", "title": "CEO"}},
            **{f"U0HLDF{n:04d}": {"name": f"filler{n}", "profile": {"title": "Engineer"}} for n in range(FILLERS)},
        }
    )


def set_up(knowledge, team: str) -> None:
    roles = {"CEO": {"holder": GONE}, "CTO": {"holder": MOVED}, "CPO": {"holder": KEPT}, "COO": {}}
    save_org(knowledge, team, {"roles": roles, "admins": [ADMIN]}, by=None)


def test_the_admins_home_and_admin_command_flag_holders_deactivated_or_titled_otherwise(slack, fake_slack, knowledge):
    team = fresh_id("T")
    set_up(knowledge, team)
    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    assert slack.event(home_opened(user=ADMIN, team=team)).status_code == 200
    home = fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"]
    todo = next(b["text"]["text"] for b in home["blocks"] if "Holders to check" in b.get("text", {}).get("text", ""))
    assert todo == (
        ":memo: *To do*: nobody is named yet for *COO* (Chief Operating Officer). Answers about their topics name"
        " the role, with nobody to ask.\n"
        ":warning: *Holders to check*: Grace, named for the *CEO*, is deactivated in Slack; Mo &lt;!channel&gt;,"
        " named for the *CTO*, now has the title *Head of Sales &amp; Deals*."
    )
    assert "Kay" not in todo and "<!channel>" not in json.dumps(home)

    opened = len(fake_slack.calls("views.open"))
    slack.command("admin", user=ADMIN, team=team, response_url=fake_slack.response_url())
    editor = fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]
    assert todo in [b.get("text", {}).get("text") for b in editor["blocks"]]  # the profiles the Home tab cached


def home_todo(slack, fake_slack, team: str) -> str:
    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    assert slack.event(home_opened(user=ADMIN, team=team)).status_code == 200
    home = fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"]
    return " ".join(b.get("text", {}).get("text", "") for b in home["blocks"])


def test_a_user_change_flags_a_holder_at_once(slack, fake_slack, knowledge):
    team = fresh_id("T")
    save_org(knowledge, team, {"roles": {"CEO": {}, "CPO": {"holder": KEPT}}, "admins": [ADMIN]}, by=None)
    assert "Holders to check" not in home_todo(slack, fake_slack, team)
    changed = {"id": KEPT, "name": "kay", "profile": {"real_name": "Kay", "title": "Chief Revenue Officer"}}
    assert slack.event(event_callback({"type": "user_change", "user": changed}, team=team)).status_code == 200
    fake_slack.wait_quiet()
    todo = home_todo(slack, fake_slack, team)
    assert "Kay, named for the *CPO*, now has the title *Chief Revenue Officer*" in todo  # the cache, not users.info


def test_the_settings_form_suggests_holders_from_the_workspaces_people_and_fills_one_in(slack, fake_slack, knowledge):
    team = fresh_id("T")
    set_up(knowledge, team)
    listed, updated = len(fake_slack.calls("users.list")), len(fake_slack.calls("views.update"))
    form = open_settings(slack, fake_slack, team)
    assert not [b for b in form["blocks"] if b.get("block_id", "").startswith("suggest_")]  # nobody listed yet
    # Once open, the people are listed, every page, and the form redrawn with the suggestions.
    [redraw] = fake_slack.wait_for("views.update", count=updated + 1)[updated:]
    pages = fake_slack.calls("users.list")[listed:]
    assert [p["limit"] for p in pages] == [str(PAGE_SIZE), str(PAGE_SIZE)] and pages[1]["cursor"] == str(PAGE_SIZE)
    assert redraw["hash"] == f"{redraw['view_id']}.hash"  # the view Slack opened, unless changed meanwhile
    suggested = {b["block_id"]: b for b in redraw["view"]["blocks"] if b.get("block_id", "").startswith("suggest_")}
    assert list(suggested) == ["suggest_CTO"]  # the CEO's: nobody fits (a bot, a deactivated user, Slackbot)
    cto = suggested["suggest_CTO"]
    assert cto["text"]["text"] == "Ada &lt;@U0HLDADMIN&gt;'s title is *CTO*: name them the CTO?"
    assert cto["accessory"]["action_id"] == FILL_HOLDER
    blocks = [b["block_id"] for b in redraw["view"]["blocks"]]
    assert blocks.index("suggest_CTO") == blocks.index("holder_CTO") + 1

    # Fill in: the form comes back with Ada in the CTO's field, under a new action id so Slack shows her.
    form = {**redraw["view"], "id": form["id"], "hash": "h2"}
    updated = len(fake_slack.calls("views.update"))
    click = view_action({**form, "state": view_state(form)}, action_id=FILL_HOLDER, user=ADMIN, team=team)
    assert slack.action(click).status_code == 200
    [filled] = fake_slack.wait_for("views.update", count=updated + 1)[updated:]
    assert filled["hash"] == "h2"
    field = next(b for b in filled["view"]["blocks"] if b["block_id"] == "holder_CTO")["element"]
    assert field == {"type": "users_select", "action_id": f"{FILLED}{ADA}", "initial_user": ADA}
    assert "suggest_CTO" not in json.dumps(filled["view"])
    other = next(b for b in filled["view"]["blocks"] if b["block_id"] == "holder_CPO")["element"]
    assert other["action_id"] == VALUE and other["initial_user"] == KEPT
    assert knowledge.org(team).holder("CTO") == MOVED  # nothing saved by a suggestion

    # Saving the form names her; opening it again lists nobody again (the listing is cached).
    form = {**filled["view"], "id": form["id"]}
    assert slack.action(view_submission(form, view_state(form), user=ADMIN, team=team)).status_code == 200
    fake_slack.wait_quiet()
    assert knowledge.org(team).holder("CTO") == ADA
    listed = len(fake_slack.calls("users.list"))
    form = open_settings(slack, fake_slack, team)
    assert not [b for b in form["blocks"] if b.get("block_id", "").startswith("suggest_")]  # CTO named and current
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("users.list")) == listed
