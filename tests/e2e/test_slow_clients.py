"""Clients that send slowly, against the real server: they cost it a connection, never a thread.

Twenty-four connections trickle an unsigned body a byte at a time (before the fix, ten were enough to
stop every ack of a one-worker server); a signed `/whoowns` must still be acknowledged in under 1 s.
SQLite only: the database plays no part.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
import requests

from tests.e2e.conftest import module_sqlite_url
from tests.e2e.slow_client import trickling
from tests.e2e.waiting import eventually

SERVER = "gunicorn"  # gunicorn's asyncio front keeps slow clients off the threads that acknowledge Slack

SLOW_CLIENTS = 24


@pytest.fixture(scope="module")
def server_database_url(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    return module_sqlite_url(sqlite_template, tmp_path_factory)


def ack_seconds(slack) -> float:
    started = time.monotonic()
    response = slack.command("pricing")
    assert response.status_code == 200
    return time.monotonic() - started


@pytest.mark.parametrize("headers_only", [False, True], ids=["slow bodies", "slow headers"])
def test_a_command_is_acked_in_under_a_second_while_24_clients_trickle(slack, slack_server, headers_only):
    with trickling(slack_server.url, SLOW_CLIENTS, headers_only=headers_only):
        acks = [ack_seconds(slack) for _ in range(3)]
        assert requests.get(slack_server.url + "/healthz", timeout=30).status_code == 200
    assert statistics.median(acks) < 1.0 and max(acks) < 3.0, acks


def test_a_body_that_does_not_arrive_in_time_is_dropped(slack_server):
    with trickling(slack_server.url, 1) as [connection]:
        connection.settimeout(60)
        # the server answers 408 (or just closes) once the body's deadline has passed
        answer = eventually(lambda: connection.recv(65536) or b"closed", timeout=60)
    assert answer.startswith(b"HTTP/1.1 408") or answer == b"closed", answer[:200]
