"""`serve --socket`: the app connects over Socket Mode, acknowledges envelopes and answers in Slack."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import REPO_ROOT
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.fake_socket_mode import FakeSocketMode
from tests.e2e.server import server_env
from tests.e2e.slack_requests import command_form, fresh_id, mention


@pytest.fixture(scope="module")
def socket_mode(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FakeSlack, FakeSocketMode]]:
    fake, socket = FakeSlack().start(), FakeSocketMode().start()
    fake.socket_url = socket.url
    database = Path(tmp_path_factory.mktemp("socket")) / "whoowns.db"
    env = server_env(
        database_url=f"sqlite:///{database}",
        fake=fake,
        extra={"SLACK_APP_TOKEN": "xapp-1-test", "SLACK_SIGNING_SECRET": None},
    )
    command = [sys.executable, "-m", "bot", "serve", "--socket"]
    process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        socket.wait_for_connection()
        yield fake, socket
    finally:
        process.terminate()
        process.wait(timeout=20)
        socket.stop()
        fake.stop()


def test_a_mention_over_socket_mode_is_acknowledged_and_answered_in_its_thread(socket_mode):
    fake, socket = socket_mode
    channel = fresh_id("C")
    question = mention("who owns hosting costs?", channel=channel)
    socket.wait_for_ack(socket.send_envelope("events_api", question))
    [reply] = fake.wait_for("chat.postMessage", channel=channel)
    assert reply["thread_ts"] == question["event"]["ts"] and reply["text"] == "Hosting costs: the CTO"
    assert fake.calls("apps.connections.open")[0].token == "xapp-1-test"


def test_a_slash_command_over_socket_mode_is_answered_through_its_response_url(socket_mode):
    fake, socket = socket_mode
    url = fake.response_url()
    socket.wait_for_ack(socket.send_envelope("slash_commands", command_form("pricing", response_url=url)))
    assert fake.wait_for_response(url)[0]["text"] == "Pricing: the CPO"
