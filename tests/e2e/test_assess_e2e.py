"""`/whoowns assess` through the real server and the stand-in Slack Web API: modal, result, share."""

from __future__ import annotations

import json
from typing import Any

from bot.slack.blocks.assessment import ALL_FACTORS, ASSESS_VIEW, SHARE_ASSESSMENT
from bot.slack.blocks.moves import SHOW_MOVES
from tests.e2e.slack_requests import TEAM, USER, block_action, fresh_id

STARTUP = {"stage": "startup", "product_led": "true", "leader_with_both_skills": "true"}


def chosen_state(view: dict[str, Any], choices: dict[str, str]) -> dict[str, Any]:
    """The modal's state as Slack sends it on submit: each question's initial option unless `choices` says."""
    values = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element = block["element"]
        value = choices.get(block["block_id"], element["initial_option"]["value"])
        values[block["block_id"]] = {
            element["action_id"]: {"type": element["type"], "selected_option": {"value": value}}
        }
    return {"values": values}


def submission(
    view: dict[str, Any], choices: dict[str, str], *, private_metadata: str | None = None, user: str = USER
) -> dict[str, Any]:
    submitted = {
        **view,
        "state": chosen_state(view, choices),
        "private_metadata": view["private_metadata"] if private_metadata is None else private_metadata,
    }
    return {
        "type": "view_submission",
        "team": {"id": TEAM, "domain": "test"},
        "user": {"id": user, "username": "asker", "team_id": TEAM},
        "api_app_id": "A0WHOOWNS",
        "token": "unused",
        "trigger_id": fresh_id("trigger."),
        "view": submitted,
    }


def open_modal(slack, fake_slack, channel: str) -> dict[str, Any]:
    """Runs `/whoowns assess` in `channel` and returns the view the app opened (the newest views.open)."""
    opened = len(fake_slack.calls("views.open"))
    assert slack.command("assess", channel=channel).status_code == 200
    call = fake_slack.wait_for("views.open", count=opened + 1)[-1]
    assert call["trigger_id"].startswith("trigger.")
    assert json.loads(call["view"]["private_metadata"]) == {"channel": channel}
    return call["view"]


def button(blocks: list[dict[str, Any]], action_id: str) -> dict[str, Any]:
    return next(e for b in blocks if b["type"] == "actions" for e in b["elements"] if e["action_id"] == action_id)


def open_all_factors(slack, fake_slack, channel: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    """Clicks a result's "All factors" and returns the modal the app opened."""
    opened = len(fake_slack.calls("views.open"))
    click = {"action_id": ALL_FACTORS, "block_id": "assess_result", "value": button(blocks, ALL_FACTORS)["value"]}
    response = slack.action(block_action(click, channel=channel, message=None, response_url=fake_slack.response_url()))
    assert response.status_code == 200
    return fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]


def test_the_command_opens_the_questions_with_defaults_and_hints(slack, fake_slack, channel):
    view = open_modal(slack, fake_slack, channel)
    assert view["callback_id"] == ASSESS_VIEW and view["type"] == "modal"
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert list(inputs) == [
        "stage",
        "product_market_fit",
        "tech_stability_work",
        "product_led",
        "digital_transformation",
        "rapid_iteration",
        "leader_with_both_skills",
        "product_tech_friction",
    ]
    assert inputs["stage"]["element"]["initial_option"]["value"] == "scaleup"
    assert all(b["hint"]["text"] for b in inputs.values())


def test_submitting_posts_the_result_privately_and_share_posts_it_in_the_channel(slack, fake_slack, channel):
    view = open_modal(slack, fake_slack, channel)
    acked = slack.action(submission(view, STARTUP))
    assert acked.status_code == 200 and not acked.text

    (posted,) = fake_slack.wait_for("chat.postEphemeral", channel=channel)
    assert posted["user"] == USER and posted["text"].startswith("Combine the roles")
    shown = json.dumps(posted["blocks"], ensure_ascii=False)
    assert len(posted["blocks"]) <= 8 and "Combine: one CPTO" in shown and "Strongest reasons" in shown
    assert "What would change the outcome" not in shown
    share = button(posted["blocks"], SHARE_ASSESSMENT)

    everything = open_all_factors(slack, fake_slack, channel, posted["blocks"])
    assert everything["type"] == "modal" and everything["title"]["text"] == "All factors"
    detail = json.dumps(everything["blocks"], ensure_ascii=False)
    assert "https://cto.academy/cpto-role-and-responsibilities/" in detail and "no public address" in detail
    assert "counterpart to challenge my thinking" in detail and "What would change the outcome" in detail

    response_url = fake_slack.response_url()
    click = {"action_id": SHARE_ASSESSMENT, "block_id": "share", "value": share["value"]}
    assert (
        slack.action(block_action(click, channel=channel, message=None, response_url=response_url)).status_code == 200
    )
    (public,) = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert public["text"] == posted["text"] and len(public["blocks"]) <= 8
    assert f"Shared by <@{USER}>" in json.dumps(public["blocks"])
    assert [e["action_id"] for b in public["blocks"] if b["type"] == "actions" for e in b["elements"]] == [ALL_FACTORS]
    assert open_all_factors(slack, fake_slack, channel, public["blocks"])["blocks"] == everything["blocks"]
    (replaced,) = fake_slack.wait_for_response(response_url)
    assert replaced["replace_original"] is True and "Shared by" in json.dumps(replaced["blocks"])


def test_an_answer_the_rules_do_not_know_is_shown_under_its_question(slack, fake_slack, channel):
    view = open_modal(slack, fake_slack, channel)
    refused = slack.action(submission(view, {"stage": "gigantic"}))
    assert refused.status_code == 200
    assert refused.json() == {
        "response_action": "errors",
        "errors": {"stage": "'gigantic' is not an answer (expected startup, scaleup or enterprise)"},
    }
    fake_slack.wait_quiet()
    assert fake_slack.calls("chat.postEphemeral", channel=channel) == []
    slack.action(submission(open_modal(slack, fake_slack, channel), {}))
    (posted,) = fake_slack.wait_for("chat.postEphemeral", channel=channel)
    assert posted["text"].startswith("Keep two roles")


def test_without_a_channel_the_result_goes_to_the_persons_dm(slack, fake_slack, channel):
    view, user = open_modal(slack, fake_slack, channel), fresh_id("U")
    slack.action(submission(view, STARTUP, private_metadata="{}", user=user))
    (direct,) = fake_slack.wait_for("chat.postMessage", channel=user)
    assert direct["text"].startswith("Combine the roles")
    assert "couldn't post in that channel" in json.dumps(direct["blocks"])
    assert [e["action_id"] for b in direct["blocks"] if b["type"] == "actions" for e in b["elements"]] == [ALL_FACTORS]


def accessory(blocks: list[dict[str, Any]], action_id: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The section whose accessory button is `action_id`, and that button."""
    section = next(b for b in blocks if b.get("accessory", {}).get("action_id") == action_id)
    return section, section["accessory"]


def test_the_result_says_what_combining_moves_and_the_button_lists_the_topics(slack, fake_slack, channel):
    slack.action(submission(open_modal(slack, fake_slack, channel), STARTUP))
    (posted,) = fake_slack.wait_for("chat.postEphemeral", channel=channel)
    line, see = accessory(posted["blocks"], SHOW_MOVES)
    assert "Combining into a CPTO moves 82 topics: 50 from the CTO, 32 from the CPO." in line["text"]["text"]
    assert see["value"] == "combine"

    opened = len(fake_slack.calls("views.open"))
    click = {"action_id": SHOW_MOVES, "block_id": line["block_id"], "value": see["value"]}
    response_url = fake_slack.response_url()
    assert slack.action(block_action(click, channel=channel, message=None, response_url=response_url)).ok
    listed = fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]
    shown = json.dumps(listed["blocks"], ensure_ascii=False)
    assert listed["title"]["text"] == "What moves"
    assert "Technical strategy and direction: CTO → *CPTO*" in shown
    assert shown.count("→") == 82


def test_keeping_two_roles_in_a_two_role_workspace_moves_nothing_and_offers_no_list(slack, fake_slack, channel):
    slack.action(submission(open_modal(slack, fake_slack, channel), {}))
    (posted,) = fake_slack.wait_for("chat.postEphemeral", channel=channel)
    shown = json.dumps(posted["blocks"], ensure_ascii=False)
    assert "Splitting into a CPO and a CTO moves no topic in this organisation." in shown
    assert SHOW_MOVES not in shown
