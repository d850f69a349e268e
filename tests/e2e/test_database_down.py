"""The database goes away: people get a short apology, /healthz says 503, and the server recovers alone.

PostgreSQL only: the test shuts the server's database to new connections and ends the open ones, then
opens it again, as a database restart or failover would.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.slack import messages
from bot.slack import surface_messages as say
from tests.conftest import Clones
from tests.e2e.modal_payloads import view_submission
from tests.e2e.slack_requests import direct_message, fresh_id, mention
from tests.e2e.waiting import eventually

SERVER = "gunicorn"  # the server process outlives a database outage (its /healthz, its log)

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def server_database_url(postgres_clones: Clones) -> Iterator[str]:
    url = postgres_clones.take()
    yield url
    postgres_clones.give_back(url)


@contextmanager
def database_down(url: str, admin_url: str) -> Iterator[None]:
    name = make_url(url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false'))
        connection.execute(
            text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name}
        )
    try:
        yield
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true'))
        admin.dispose()


def test_while_the_database_is_down_people_get_an_apology_and_the_server_recovers(
    slack, fake_slack, slack_server, server_database_url, postgres_admin_url
):
    channel = fresh_id("C")
    slack.event(mention("who owns security?", channel=channel))
    fake_slack.wait_for("chat.postMessage", channel=channel)

    with database_down(server_database_url, postgres_admin_url):
        question = mention("who owns pricing?", channel=channel)
        assert slack.event(question).status_code == 200
        [_, apology] = fake_slack.wait_for("chat.postMessage", channel=channel, count=2)
        assert apology["text"] == messages.KNOWLEDGE_UNAVAILABLE
        assert apology["thread_ts"] == question["event"]["ts"]

        url = fake_slack.response_url()
        slack.command("pricing", response_url=url)
        assert fake_slack.wait_for_response(url)[0]["text"] == messages.KNOWLEDGE_UNAVAILABLE

        dm = fresh_id("D")
        question = direct_message("who owns pricing?", channel=dm)
        slack.event(question)
        [apology] = fake_slack.wait_for("chat.postMessage", channel=dm)
        assert (apology["text"], apology["thread_ts"]) == (messages.KNOWLEDGE_UNAVAILABLE, question["event"]["ts"])

        modal = {"id": fresh_id("V"), "type": "modal", "callback_id": "ask_who_owns", "blocks": []}
        state = {"values": {"question": {"question_input": {"type": "plain_text_input", "value": "pricing"}}}}
        refused = slack.action(view_submission(modal, state, user="U0ASKER1")).json()
        assert refused == {"response_action": "errors", "errors": {"question": say.ASK_UNAVAILABLE}}

        health = requests.get(slack_server.url + "/healthz", timeout=30)
        assert health.status_code == 503 and health.json()["database"] == "unreachable"

    eventually(lambda: requests.get(slack_server.url + "/healthz", timeout=30).status_code == 200, what="healthz 200")
    slack.event(mention("who owns pricing?", channel=channel))
    assert fake_slack.wait_for("chat.postMessage", channel=channel, count=3)[-1]["text"] == "Pricing: the CPO"
    assert slack_server.process.poll() is None
