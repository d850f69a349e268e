"""Requests nobody signed, against the real server: refused with 401 or 413, no traceback, nothing logged
that people wrote, no work done.

SQLite only: nothing here reaches the database.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import module_sqlite_url
from tests.e2e.slack_requests import direct_message, fresh_id, mention
from tests.e2e.waiting import eventually

SERVER = "gunicorn"  # gunicorn's front refuses oversized and malformed bodies, and the log is read

MIB = 1024 * 1024


@pytest.fixture(scope="module")
def server_database_url(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return module_sqlite_url(sqlite_template, tmp_path_factory)


def unsigned(server_url: str, body: bytes, *, content_type: str, headers: dict[str, str] | None = None):
    return requests.post(
        server_url + "/slack/events", data=body, headers={"Content-Type": content_type, **(headers or {})}, timeout=30
    )


def raw_request(server_url: str, head: str, body: bytes = b"", *, read_timeout: float = 30) -> bytes:
    """Sends `head` (request line and headers) and `body` over a plain socket; returns what came back."""
    host, port = server_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=read_timeout) as connection:
        connection.sendall(head.encode() + b"\r\n" + body)
        return connection.recv(65536)


MALFORMED = {
    "invalid JSON": (b'{"type": "event_callback", "event": ', "application/json"),
    "an array": (b"[1, 2, 3]", "application/json"),
    "a string": (b'"who owns pricing?"', "application/json"),
    "null": (b"null", "application/json"),
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "application/json"),
    "a bad payload=": (b"payload=%7B%22type%22%3A", "application/x-www-form-urlencoded"),
    "a payload= that is not an object": (b"payload=42", "application/x-www-form-urlencoded"),
    "no body at all": (b"", "application/json"),
}


@pytest.mark.parametrize("case", list(MALFORMED))
def test_a_malformed_unsigned_body_gets_401_and_no_traceback(slack_server, fake_slack, case):
    body, content_type = MALFORMED[case]
    before = len(slack_server.log())
    assert unsigned(slack_server.url, body, content_type=content_type).status_code == 401
    stamped = {"X-Slack-Request-Timestamp": "not-a-number", "X-Slack-Signature": "v0=" + "0" * 64}
    assert unsigned(slack_server.url, body, content_type=content_type, headers=stamped).status_code == 401
    logged = slack_server.log()[before:]
    assert "Traceback" not in logged and "Error" not in logged


def test_a_badly_signed_question_is_logged_without_its_text_and_not_answered(slack, slack_server, fake_slack):
    channel, secret = fresh_id("C"), f"who owns the merger with {fresh_id('Acme')}?"
    for signing in ({"signing_secret": "wrong-secret-0123456789"}, {"timestamp": int(time.time()) - 3600}):
        assert slack.event(mention(secret, channel=channel), **signing).status_code == 401
        assert slack.event(direct_message(secret, channel=channel), **signing).status_code == 401
    logged = eventually(lambda: slack_server.log().count("bad or stale signature") >= 4 and slack_server.log())
    assert secret not in logged and "merger" not in logged
    assert "refused a request to /slack/events with 401: bad or stale signature (" in logged
    time.sleep(0.5)
    assert fake_slack.calls("chat.postMessage", channel=channel) == []


def test_a_body_declared_over_one_mebibyte_is_refused_with_413_before_it_is_sent(slack_server):
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        f"Content-Length: {200 * MIB}\r\n"
    )
    started = time.monotonic()
    answer = raw_request(slack_server.url, head)  # not one byte of the 200 MiB is sent
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert time.monotonic() - started < 10


def test_a_chunked_body_over_one_mebibyte_is_refused_with_413(slack_server):
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n"
    )
    chunk = b"x" * (64 * 1024)
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(17)) + b"0\r\n\r\n"  # 1.06 MiB
    answer = raw_request(slack_server.url, head, body)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_a_signed_body_just_under_the_limit_still_reaches_the_app(slack, slack_server):
    payload = mention("who owns pricing?", channel=fresh_id("C"))
    payload["padding"] = "x" * (MIB - len(json.dumps(payload)) - 100)
    assert slack.event(payload).status_code == 200
    assert requests.get(slack_server.url + "/healthz", timeout=30).status_code == 200


def test_the_server_starts_without_a_warning(slack_server):
    # Bolt used to warn at every start: "As you gave client as well, token will be unused."
    started = eventually(lambda: "Booting worker" in slack_server.log() and slack_server.log())
    assert "WARNING" not in started and "token will be unused" not in started, started
