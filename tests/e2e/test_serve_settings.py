"""`whoowns serve` with a missing or malformed setting stops at once: one line on stderr, exit status 2."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from bot.config import REPO_ROOT
from tests.e2e.fake_slack import REFUSED_TOKEN, FakeSlack
from tests.e2e.server import free_port, serve_command, server_env


@pytest.fixture(scope="module")
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


def serve(env: dict[str, str], *extra: str) -> subprocess.CompletedProcess[str]:
    command = serve_command(port=free_port()) + list(extra)
    return subprocess.run(command, check=False, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("changes", "args", "expected"),
    [
        ({"SLACK_BOT_TOKEN": None, "SLACK_SIGNING_SECRET": None}, [], "no Slack credentials: set SLACK_BOT_TOKEN"),
        ({"SLACK_SIGNING_SECRET": None}, [], "SLACK_SIGNING_SECRET is not set"),
        (
            {"SLACK_BOT_TOKEN": "secret-but-not-a-token"},
            [],
            "SLACK_BOT_TOKEN: must be a Slack token starting with xoxb-",
        ),
        ({"PORT": "eighty"}, [], "PORT: Input should be a valid integer"),
        ({"SLACK_API_URL": "slack.example.com"}, [], "SLACK_API_URL: must be an http:// or https:// URL"),
        ({"SLACK_CLIENT_ID": "123.456"}, [], "SLACK_CLIENT_SECRET is not set"),
        ({}, ["--socket"], "SLACK_APP_TOKEN is not set"),
        (
            {"SLACK_APP_TOKEN": "xoxb-wrong-kind"},
            ["--socket"],
            "SLACK_APP_TOKEN: must be a Slack token starting with xapp-",
        ),
        ({"SLACK_BOT_TOKEN": REFUSED_TOKEN}, [], "SLACK_BOT_TOKEN was refused by Slack (invalid_auth)"),
        ({"WHOOWNS_SEMANTIC": "sometimes"}, [], "WHOOWNS_SEMANTIC: Input should be a valid boolean"),
        (
            {"WHOOWNS_EMBEDDING_MODEL": "/nowhere/minilm"},
            [],
            "embedding model /nowhere/minilm: no encoder-int8.safetensors or model.safetensors in it",
        ),
        ({"METRICS_TOKEN": "short"}, [], "METRICS_TOKEN: String should have at least 16 characters"),
        ({"LOG_FORMAT": "xml"}, [], "LOG_FORMAT: Input should be 'text' or 'json'"),
    ],
)
def test_a_bad_setting_stops_the_server_with_one_clear_line(tmp_path, fake_slack, changes, args, expected):
    env = server_env(database_url=f"sqlite:///{tmp_path / 'db.sqlite'}", fake=fake_slack, extra=changes)
    result = serve(env, *args)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1, result.stderr
    assert expected in result.stderr
    assert "secret-but-not-a-token" not in result.stderr  # a bad value is named, never echoed
    assert not (tmp_path / "db.sqlite").exists()  # stopped before touching anything
