"""The "Who owns this?" message shortcut, the "Ask who owns…" global shortcut and sharing their answers."""

from __future__ import annotations

import pytest

from bot.services.knowledge import KnowledgeService
from bot.slack import surface_messages as say
from tests.e2e.modal_payloads import view_submission
from tests.e2e.slack_requests import TEAM, block_action, fresh_id, fresh_ts
from tests.e2e.surface_payloads import global_shortcut, message_shortcut
from tests.helpers import save_org

SERVER_ENV = {"PUBLIC_URL": "https://whoowns.example.com"}
CTO_HOLDER = "U0CTOHOLDER"


@pytest.fixture(scope="module", autouse=True)
def acme(knowledge: KnowledgeService) -> None:
    save_org(knowledge, TEAM, {"roles": {"CEO": {}, "CTO": {"holder": CTO_HOLDER}, "CPO": {}, "COO": {}}}, by="test")


def shortcut_on(slack, fake_slack, message: dict, channel: str):
    url = fake_slack.response_url()
    assert slack.action(message_shortcut(message=message, channel=channel, response_url=url)).status_code == 200
    [reply] = fake_slack.wait_for_response(url)
    return reply


def test_who_owns_this_answers_privately_quoting_the_messages_first_line(slack, fake_slack, channel):
    message = {"ts": fresh_ts(), "text": "Our AWS hosting costs doubled <@U0BOSS>!\nCan someone look into it?"}
    reply = shortcut_on(slack, fake_slack, message, channel)
    assert reply["response_type"] == "ephemeral"
    quote = reply["blocks"][0]["elements"][0]["text"]
    assert quote == "You asked about:\n>Our AWS hosting costs doubled !"
    assert reply["text"] == f"Hosting costs: the CTO ({CTO_HOLDER})"  # Slack's stand-in names people by id
    assert "<@" not in str(reply["blocks"][1:])  # the holder named, not mentioned (the quote is the message's)
    [share] = [b for b in reply["blocks"] if b.get("block_id") == "share"]
    assert share["elements"][0]["text"]["text"] == say.SHARE


@pytest.mark.parametrize(
    "message",
    [
        {"text": "", "attachments": [{"fallback": "Pricing review", "title": "Who decides product pricing?"}]},
        {
            "text": "",
            "blocks": [
                {
                    "type": "rich_text",
                    "block_id": "r1",
                    "elements": [
                        {
                            "type": "rich_text_section",
                            "elements": [
                                {"type": "text", "text": "Who decides "},
                                {"type": "text", "text": "pricing?"},
                            ],
                        }
                    ],
                }
            ],
        },
    ],
    ids=["attachments", "rich text"],
)
def test_who_owns_this_reads_attachments_and_rich_text(slack, fake_slack, channel, message):
    reply = shortcut_on(slack, fake_slack, {"ts": fresh_ts(), **message}, channel)
    assert reply["text"] == "Pricing: the CPO"
    assert "Who decides" in reply["blocks"][0]["elements"][0]["text"]


def test_who_owns_this_on_a_message_without_text_says_so(slack, fake_slack, channel):
    reply = shortcut_on(slack, fake_slack, {"ts": fresh_ts(), "text": "", "files": [{"id": "F1"}]}, channel)
    assert reply["text"] == say.SHORTCUT_EMPTY


def test_share_in_channel_posts_the_answer_for_everyone_without_its_buttons(slack, fake_slack, channel):
    fake_slack.users["U0ASKER1"] = {"id": "U0ASKER1", "name": "asker", "profile": {"display_name": "Ada"}}
    reply = shortcut_on(slack, fake_slack, {"ts": fresh_ts(), "text": "hosting costs are up"}, channel)
    [share] = [b for b in reply["blocks"] if b.get("block_id") == "share"]
    url = fake_slack.response_url()
    click = block_action(share["elements"][0], channel=channel, message=None, response_url=url)
    assert slack.action(click).status_code == 200
    shared = fake_slack.wait_for_response(url)[0]  # the removal of the asker's copy may have come too
    assert shared["response_type"] == "in_channel" and shared["replace_original"] is False
    assert shared["text"] == f"Hosting costs: the CTO ({CTO_HOLDER})"
    assert not [b for b in shared["blocks"] if b["type"] == "actions"]
    assert "Shared by Ada with /whoowns" in str(shared["blocks"]) and "<@U0ASKER1>" not in str(shared["blocks"])
    [_, removed] = fake_slack.wait_for_response(url, count=2)  # the asker's own copy goes
    assert removed["delete_original"] is True


def test_ask_who_owns_answers_in_the_modal_and_posts_to_the_picked_channel(slack, fake_slack, channel):
    user = fresh_id("U")
    shortcut = global_shortcut(user=user)
    assert slack.action(shortcut).status_code == 200
    [opened] = fake_slack.wait_for("views.open", trigger_id=shortcut["trigger_id"])
    modal = {**opened["view"], "id": fresh_id("V")}
    assert modal["callback_id"] == "ask_who_owns" and modal["blocks"][0]["type"] == "input"

    state = {"values": {"question": {"question_input": {"type": "plain_text_input", "value": "who owns pricing?"}}}}
    response = slack.action(view_submission(modal, state, user=user))
    assert response.status_code == 200
    update = response.json()
    assert update["response_action"] == "update"
    answer = update["view"]
    assert answer["callback_id"] == "post_who_owns" and "*CPO*" in str(answer["blocks"])
    assert not [b for b in answer["blocks"] if b["type"] == "actions"]  # votes belong to messages
    picker = answer["blocks"][-1]["element"]
    assert picker["type"] == "conversations_select" and picker["response_url_enabled"] is True

    url = fake_slack.response_url()
    picked = {
        "values": {"post_to": {"post_to_input": {"type": "conversations_select", "selected_conversation": channel}}}
    }
    post = view_submission({**answer, "id": modal["id"]}, picked, user=user)
    post["response_urls"] = [
        {"block_id": "post_to", "action_id": "post_to_input", "channel_id": channel, "response_url": url}
    ]
    assert slack.action(post).status_code == 200
    [posted] = fake_slack.wait_for_response(url)
    assert posted["response_type"] == "in_channel" and posted["text"] == "Pricing: the CPO"
    assert f"Shared by {user} with /whoowns" in str(posted["blocks"])  # a name (here the handle), not a mention


def test_an_empty_question_is_refused_under_its_box(slack, fake_slack):
    modal = {"id": fresh_id("V"), "type": "modal", "callback_id": "ask_who_owns", "blocks": []}
    state = {"values": {"question": {"question_input": {"type": "plain_text_input", "value": "  "}}}}
    response = slack.action(view_submission(modal, state, user=fresh_id("U")))
    assert response.json() == {"response_action": "errors", "errors": {"question": say.ASK_EMPTY}}
