"""The permission check inside an admin form's acknowledgement never waits out Slack (issue 9: acks
that can be stalled): a rate-limited `users.info` would have been retried after its Retry-After."""

from __future__ import annotations

import time

from bot.slack.admin_ui import actor_for
from bot.slack.client import build_web_client
from tests.e2e.fake_slack import FakeSlack

ADMIN = "U0ADMIN01"


def test_a_rate_limited_users_info_in_an_ack_is_not_retried_and_counts_as_no_admin():
    fake = FakeSlack().start()
    try:
        fake.users[ADMIN] = {"id": ADMIN, "name": "ada", "is_admin": True, "is_owner": False}
        client = build_web_client(fake.api_url, token="xoxb-ack-test")
        fake.fail_next("users.info", status=429, retry_after=5)
        started = time.monotonic()
        actor = actor_for(client, "T0TEST", ADMIN, in_ack=True)
        assert time.monotonic() - started < 3
        assert not actor.workspace_admin
        assert actor_for(client, "T0TEST", ADMIN, in_ack=True).workspace_admin  # Slack answers again: admin
    finally:
        fake.stop()
