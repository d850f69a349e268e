"""Two web processes: retried events still answered once; Web API rate limits and 5xx retried; failures logged."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.slack import messages
from tests.e2e.slack_requests import mention

SERVER_WORKERS = 2


def test_an_event_and_its_retries_arriving_together_at_two_processes_are_answered_once(slack, fake_slack, channel):
    questions = [mention(f"who owns {topic}?", channel=channel) for topic in ("security", "pricing", "budgeting")]
    sends = [(q, retry) for q in questions for retry in (None, 1, 2, 3)]
    with ThreadPoolExecutor(max_workers=len(sends)) as pool:
        statuses = list(pool.map(lambda send: slack.event(send[0], retry_num=send[1]).status_code, sends))
    assert statuses == [200] * len(sends)
    fake_slack.wait_for("chat.postMessage", channel=channel, count=3)
    fake_slack.wait_quiet()
    answered = sorted(call["thread_ts"] for call in fake_slack.calls("chat.postMessage", channel=channel))
    assert answered == sorted(q["event"]["ts"] for q in questions)


def test_a_rate_limited_post_is_retried_after_retry_after(slack, fake_slack, channel):
    fake_slack.fail_next("chat.postMessage", status=429, retry_after=1)
    slack.event(mention("who owns security?", channel=channel))
    calls = fake_slack.wait_for("chat.postMessage", channel=channel, count=2)
    assert calls[1].at - calls[0].at >= 1.0
    assert calls[0]["text"] == calls[1]["text"] == "Security: the CTO"


def test_a_server_error_from_slack_is_retried(slack, fake_slack, channel):
    fake_slack.fail_next("chat.postMessage", status=503)
    slack.event(mention("who owns pricing?", channel=channel))
    assert len(fake_slack.wait_for("chat.postMessage", channel=channel, count=2)) == 2


def test_a_post_that_keeps_failing_is_logged_the_asker_gets_the_apology_and_the_server_carries_on(
    slack, fake_slack, slack_server, channel
):
    fake_slack.fail_next("chat.postMessage", status=500, times=3)  # the first try and both retries
    slack.event(mention("who owns security?", channel=channel))
    apology = fake_slack.wait_for("chat.postMessage", channel=channel, count=4, timeout=20)[-1]
    assert apology["text"] == messages.REPLY_FAILED
    fake_slack.wait_quiet()
    assert f"could not send to Slack (team T0TEST, channel {channel})" in slack_server.log()
    slack.event(mention("who owns pricing?", channel=channel))
    assert fake_slack.wait_for("chat.postMessage", channel=channel, count=5)[-1]["text"] == "Pricing: the CPO"
