"""Slack's agent conversation (the Messages tab) and follow-ups, through the real server and the fake Slack."""

from __future__ import annotations

import json
import time

import pytest

from bot.services.conversations import Conversations
from bot.services.knowledge import KnowledgeService
from bot.slack import surface_messages as say
from bot.slack.blocks.assessment import ASSESS_VIEW
from tests.e2e.slack_requests import TEAM, USER, block_action, direct_message, event_callback, fresh_id, fresh_ts
from tests.e2e.surface_payloads import app_context_changed
from tests.helpers import save_org

CTO_HOLDER = "U0CTOHOLDER"


@pytest.fixture(scope="module", autouse=True)
def acme(knowledge: KnowledgeService, fake_slack) -> None:
    fake_slack.users[CTO_HOLDER] = {"id": CTO_HOLDER, "name": "cleo", "profile": {"display_name": "Cleo"}}
    roles = {"CEO": {}, "CTO": {"holder": CTO_HOLDER}, "CPO": {}, "COO": {}}
    save_org(knowledge, TEAM, {"name": "Acme", "roles": roles}, by="test")


def seen(call) -> str:
    return call["text"] + str(call.get("blocks") or "")


def ask(slack, fake_slack, text: str, *, channel: str, count: int, **extra):
    """Sends a DM and returns every reply in `channel` once the `count`-th has arrived."""
    slack.event(direct_message(text, channel=channel, **extra))
    return fake_slack.wait_for("chat.postMessage", channel=channel, count=count)


def test_opening_the_messages_tab_sets_this_workspaces_suggested_prompts(slack, fake_slack, channel):
    opened = {"type": "app_home_opened", "user": fresh_id("U"), "channel": channel, "tab": "messages"}
    slack.event(event_callback(opened))
    [prompts] = fake_slack.wait_for("assistant.threads.setSuggestedPrompts", channel_id=channel)
    assert [p["message"] for p in prompts["prompts"]] == [
        "Who owns hosting costs here?",
        "Should we have a CPTO?",
        "What does the COO own here?",
    ]
    assert "thread_ts" not in prompts.params  # an agent app's prompts belong to the conversation
    fake_slack.wait_quiet()
    assert fake_slack.calls("views.publish", user_id=opened["user"]) == []  # not the Home tab


def test_a_dm_is_answered_in_its_own_thread_with_a_status_meanwhile_and_a_title(slack, fake_slack, channel):
    question = direct_message("who owns hosting costs?", channel=channel)
    slack.event(question)
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    root = question["event"]["ts"]
    assert reply["thread_ts"] == root and "*CTO*" in seen(reply) and "<@" not in seen(reply)
    [title] = fake_slack.wait_for("assistant.threads.setTitle", channel_id=channel)
    assert title["thread_ts"] == root and title["title"] == "Hosting costs: the CTO"
    working, cleared = fake_slack.wait_for("assistant.threads.setStatus", channel_id=channel, count=2)
    assert (working["status"], working["thread_ts"]) == (say.STATUS_ANSWERING, root)
    assert cleared["status"] == ""
    assert working.at < reply.at < cleared.at


def test_a_dm_answer_looks_up_a_holder_not_cached_yet_and_names_them_as_a_channel_answer_does(
    slack, fake_slack, channel, knowledge
):
    team, holder = fresh_id("T"), fresh_id("U")
    save_org(knowledge, team, {"roles": {"CEO": {}, "CTO": {"holder": holder}, "CPO": {}, "COO": {}}}, by="test")
    fake_slack.users[holder] = {"id": holder, "name": "lin", "profile": {"display_name": "Lin"}}
    question = direct_message("who owns hosting costs?", channel=channel)
    slack.event(event_callback(question["event"], team=team))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert reply["text"] == "Hosting costs: the CTO (Lin)"
    assert reply["blocks"][0]["text"]["text"].split("\n")[0] == "*CTO* · Chief Technology Officer · Lin"
    assert "<@" not in seen(reply)
    buttons = {e["action_id"]: e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]}
    ask_holder = buttons["ask_holder"]
    assert ask_holder["text"]["text"] == "Ask Lin" and USER in ask_holder["value"]
    assert len(fake_slack.calls("users.info", user=holder)) == 1


def test_follow_ups_in_a_thread_are_about_its_topic_and_a_new_topic_moves_it_on(slack, fake_slack, channel):
    question = direct_message("who owns hosting costs?", channel=channel)
    slack.event(question)
    fake_slack.wait_for("chat.postMessage", channel=channel)
    thread = question["event"]["ts"]

    why = ask(slack, fake_slack, "why?", channel=channel, count=2, thread_ts=thread)[-1]
    assert why["thread_ts"] == thread
    assert "Why the CTO owns Hosting costs here" in seen(why) and "infrastructure" in seen(why)
    holder = ask(slack, fake_slack, "who holds it?", channel=channel, count=3, thread_ts=thread)[-1]
    assert holder["text"] == "*CTO* · Chief Technology Officer: Cleo holds it here."
    pricing = ask(slack, fake_slack, "and pricing?", channel=channel, count=4, thread_ts=thread)[-1]
    assert pricing["text"] == "Pricing: the CPO"
    holder = ask(slack, fake_slack, "who holds it?", channel=channel, count=5, thread_ts=thread)[-1]
    assert "Nobody is named as the *CPO*" in holder["text"]
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("assistant.threads.setTitle", channel_id=channel)) == 1  # only the root's


def test_a_follow_up_sent_as_a_new_dm_is_about_the_dms_latest_answer(slack, fake_slack, channel):
    ask(slack, fake_slack, "what about security?", channel=channel, count=1)
    why = ask(slack, fake_slack, "Why?", channel=channel, count=2)[-1]
    assert "Why the CTO owns Security here" in seen(why)


def test_why_before_any_answer_says_what_to_ask_first(slack, fake_slack, channel):
    [reply] = ask(slack, fake_slack, "why?", channel=channel, count=1)
    assert reply["text"] == say.NO_TOPIC_YET


def test_what_a_role_owns_here(slack, fake_slack, channel):
    [reply] = ask(slack, fake_slack, "What does the COO own here?", channel=channel, count=1)
    assert "*COO* · Chief Operating Officer owns here:" in seen(reply)


def viewing(slack, knowledge: KnowledgeService, *, user: str, channel: str | None) -> None:
    """Sends `app_context_changed` and waits until the server has kept it (it is kept after the ack)."""
    slack.event(app_context_changed(channel=channel, user=user))
    conversations, deadline = Conversations(knowledge.db), time.monotonic() + 10
    while conversations.viewed_channel(TEAM, user) != channel:
        assert time.monotonic() < deadline, "the viewed channel was not kept"
        time.sleep(0.05)


def test_who_owns_this_uses_the_public_channel_the_person_is_viewing(slack, fake_slack, channel, knowledge):
    user, viewed = fresh_id("U"), fresh_id("C")
    fake_slack.channels[viewed] = {"id": viewed, "name": "hosting-costs", "is_private": False}
    viewing(slack, knowledge, user=user, channel=viewed)
    [reply] = ask(slack, fake_slack, "who owns this?", channel=channel, count=1, user=user)
    assert reply["text"] == "Hosting costs: the CTO (Cleo)"
    [read] = fake_slack.wait_for("conversations.info", channel=viewed)
    assert set(read.params) <= {"channel", "team_id"}  # its name, nothing else: no history is read


def test_who_owns_this_without_a_readable_channel_in_view_says_what_to_do(slack, fake_slack, channel, knowledge):
    user, private = fresh_id("U"), fresh_id("G")
    viewing(slack, knowledge, user=user, channel=private)  # private: conversations.info is refused
    [reply] = ask(slack, fake_slack, "who owns this?", channel=channel, count=1, user=user)
    assert reply["text"] == say.VIEWED_CHANNEL_UNKNOWN
    fake_slack.channels[private] = {"id": private, "name": "pricing"}
    viewing(slack, knowledge, user=user, channel=None)  # now viewing a canvas: no channel in view
    replies = ask(slack, fake_slack, "who owns this?", channel=channel, count=2, user=user)
    assert replies[-1]["text"] == say.VIEWED_CHANNEL_UNKNOWN


def test_should_we_have_a_cpto_offers_the_assessment_and_its_button_opens_it(slack, fake_slack, channel):
    [reply] = ask(slack, fake_slack, "Should we have a CPTO?", channel=channel, count=1)
    assert reply["text"] == say.ASSESS
    [button] = next(b for b in reply["blocks"] if b.get("block_id") == "assess")["elements"]
    posted = {"ts": fresh_ts(), "thread_ts": reply["thread_ts"], "blocks": reply["blocks"]}
    click = block_action(button, channel=channel, message=posted, response_url=fake_slack.response_url())
    slack.action(click)
    [opened] = fake_slack.wait_for("views.open", trigger_id=click["trigger_id"])
    assert opened["view"]["callback_id"] == ASSESS_VIEW
    assert json.loads(opened["view"]["private_metadata"]) == {"channel": channel}  # the result comes back here
