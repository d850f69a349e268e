"""An answer that cannot be shown is never lost silently: the asker gets an apology or, later, the answer.

Before, a reasoning of 600 `&` pushed a section past Slack's 3,000 characters, slack_sdk refused to build
the message, the asker got nothing, and the claimed event blocked Slack's retry.
"""

from __future__ import annotations

import pytest

from bot.services.admin import Actor
from bot.slack import messages
from bot.wiring import build_admin
from tests.e2e.slack_requests import TEAM, mention

LEASE_SECONDS = 2
SERVER_ENV = {"WHOOWNS_EVENT_LEASE_SECONDS": str(LEASE_SECONDS), "PUBLIC_URL": "https://whoowns.example.com"}
ADMIN = Actor(team_id=TEAM, user_id="U0ADMIN1", workspace_admin=True)


@pytest.fixture(scope="module", autouse=True)
def hostile_knowledge(knowledge) -> None:
    """Text an admin may write: a reasoning of 600 `&`, and an override with the longest reason of `&`."""
    admin = build_admin(knowledge)
    draft, version = admin.responsibilities.open("hosting-costs")
    hostile = draft.model_copy(update={"reasoning": "&" * 600})
    admin.responsibilities.update(ADMIN, "hosting-costs", hostile, expected_version=version)
    admin.org.add_override(ADMIN, topic="pricing", role="COO", reason="&" * 500)


def test_an_answer_with_the_longest_text_an_admin_can_write_is_shown_within_slacks_limits(slack, fake_slack, channel):
    question = mention("who owns hosting costs?", channel=channel)
    slack.event(question)
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    reasoning = reply["blocks"][1]["text"]["text"]
    assert reasoning == "&amp;" * 600 and len(reasoning) <= 3000  # the lead sentence: all of it, just fits
    slack.event(mention("who owns pricing?", channel=channel))
    [_, priced] = fake_slack.wait_for("chat.postMessage", channel=channel, count=2)
    lead = priced["blocks"][1]["text"]["text"]
    assert "&amp;" * 500 in lead and " — set by U0ADMIN1, <!date^" in lead and len(lead) <= 3000


def test_a_reply_slack_refuses_is_replaced_by_an_apology_and_a_retry_of_the_event_adds_nothing(
    slack, fake_slack, channel
):
    fake_slack.fail_next("chat.postMessage", status=200, error="invalid_blocks")
    question = mention("who owns budgeting?", channel=channel)
    slack.event(question)
    [refused, apology] = fake_slack.wait_for("chat.postMessage", channel=channel, count=2)
    assert refused["blocks"] and apology["text"] == messages.REPLY_FAILED
    assert apology["thread_ts"] == question["event"]["ts"]
    slack.event(question, retry_num=1)
    fake_slack.wait_quiet(LEASE_SECONDS * 2)
    assert len(fake_slack.calls("chat.postMessage", channel=channel)) == 2


def test_when_neither_the_reply_nor_the_apology_gets_through_the_event_is_answered_later(slack, fake_slack, channel):
    fake_slack.fail_next("chat.postMessage", status=200, error="channel_not_found", times=2)
    question = mention("who owns hiring engineers?", channel=channel)
    slack.event(question)
    calls = fake_slack.wait_for("chat.postMessage", channel=channel, count=3, timeout=30)
    assert calls[2]["blocks"] and calls[2]["thread_ts"] == question["event"]["ts"]
    assert calls[2].at - calls[1].at >= LEASE_SECONDS * 0.9  # once the claim's lease ran out
