"""`/whoowns`: answers only the asker sees, help, and the subcommands that belong to other features."""

from __future__ import annotations

import pytest

from bot.slack import messages
from tests.e2e.fake_slack import RESPONSE_URL


def test_a_topic_gets_an_ephemeral_answer_through_the_response_url(slack, fake_slack):
    url = fake_slack.response_url()
    response = slack.command("hosting costs", response_url=url)
    assert response.status_code == 200 and response.text == ""  # acknowledged at once, answered after
    [reply] = fake_slack.wait_for_response(url)
    assert reply["response_type"] == "ephemeral" and reply["replace_original"] is False
    assert reply["text"] == "Hosting costs: the CTO"
    assert "*CTO*" in str(reply["blocks"])


@pytest.mark.parametrize("text", ["", "help", "  HELP  "])
def test_the_command_alone_or_help_explains_how_to_ask_with_example_topics(slack, fake_slack, text):
    url = fake_slack.response_url()
    slack.command(text, response_url=url)
    [reply] = fake_slack.wait_for_response(url)
    shown = str(reply["blocks"])
    assert "Mention me" in shown and "/whoowns hosting costs" in shown
    assert messages.EXAMPLES_INTRO in shown and "Technical strategy and direction" in shown


def test_a_badly_signed_command_gets_401_and_no_reply(slack, fake_slack):
    url = fake_slack.response_url()
    assert slack.command("hosting costs", response_url=url, signing_secret="wrong-secret-123").status_code == 401
    barrier = fake_slack.response_url()
    slack.command("pricing", response_url=barrier)
    fake_slack.wait_for_response(barrier)
    fake_slack.wait_quiet()
    assert [c for c in fake_slack.calls(RESPONSE_URL) if url.endswith(c.path)] == []
