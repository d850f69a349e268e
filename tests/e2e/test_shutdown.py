"""Graceful shutdown: on SIGTERM the server stops taking requests but finishes the questions in hand."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator

import pytest

from tests.e2e.fake_slack import FakeSlack
from tests.e2e.server import running_server, server_env
from tests.e2e.slack_requests import SlackSender, fresh_id, mention


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def test_sigterm_waits_for_a_question_in_hand_to_be_answered(tmp_path, fake_slack):
    env = server_env(database_url=f"sqlite:///{tmp_path / 'whoowns.db'}", fake=fake_slack)
    channel = fresh_id("C")
    with running_server(env=env, workers=2) as server:
        fake_slack.fail_next("chat.postMessage", status=429, retry_after=2)  # the answer is held up for 2 s
        SlackSender(server.url, fake=fake_slack).event(mention("who owns security?", channel=channel))
        [refused] = fake_slack.wait_for("chat.postMessage", channel=channel)
        server.process.send_signal(signal.SIGTERM)
        stopped_at = time.monotonic()
        [_, answered] = fake_slack.wait_for("chat.postMessage", channel=channel, count=2, timeout=20)
        assert answered.at >= refused.at + 2 and answered.at > stopped_at
        assert answered["text"] == "Security: the CTO"
        assert server.process.wait(timeout=30) == 0
