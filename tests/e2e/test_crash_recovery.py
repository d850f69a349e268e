"""A worker killed with SIGKILL in the middle of its backlog: every acknowledged question is still answered.

Slack's Web API answers slowly here (2 s a message), so when the worker dies it holds answers on their way
to Slack and a queue of questions it acknowledged but has not started, some queued longer than their
lease. gunicorn starts a new worker; the new worker (or any other process) finds the claims the dead one
left once their lease ran out and answers them, and Slack's retries of answered events change nothing.
The one answer that may come twice is one that was on the wire when the worker died (nobody can know
whether Slack got it): it is sent again after `REPLYING_LEASES` leases rather than lost.

While it lived, the worker renewed the claims of its backlog, so it never took one over from itself: each
event is claimed at most twice, by the worker and once after the crash. (Before renewals, a backlog kept
past its lease used up its events' five attempts, and a crash then lost them: 5 of 40, once, on a busy
machine.)
"""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.services.events import REPLYING_LEASES
from bot.store.database import Database
from bot.store.tables import ProcessedEvent
from tests.e2e.server import running_server, server_env
from tests.e2e.slack_requests import SlackSender, fresh_id, mention

pytestmark = pytest.mark.long  # two runs of 50 s, mostly waiting for leases to run out

LEASE_SECONDS = 2
SLACK_DELAY = 2
# A busy machine stretches "on the wire": the stand-in records a post when its request is read, and the
# dying worker may not have recorded Slack's reply (or the kill may not have landed) for a moment more.
WIRE_MARGIN = 1.0
QUESTIONS = 40
TOPICS = ("security", "pricing", "budgeting", "hosting costs", "hiring engineers")


def worker_pids(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def wait_for_worker(master: int, *, other_than: set[int] = frozenset(), timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        fresh = [pid for pid in worker_pids(master) if pid not in other_than]
        if fresh:
            return fresh[0]
        time.sleep(0.1)
    raise AssertionError(f"gunicorn started no new worker within {timeout}s")


def test_a_worker_killed_with_its_backlog_loses_no_answer_and_repeats_none(server_database_url, fake_slack):
    env = server_env(
        database_url=server_database_url, fake=fake_slack, extra={"WHOOWNS_EVENT_LEASE_SECONDS": str(LEASE_SECONDS)}
    )
    channel = fresh_id("C")
    with running_server(env=env, workers=1) as server:
        slack = SlackSender(server.url, fake=fake_slack)
        doomed = wait_for_worker(server.process.pid)
        fake_slack.slow_down("chat.postMessage", seconds=SLACK_DELAY)
        questions = [mention(f"who owns {TOPICS[n % len(TOPICS)]}?", channel=channel) for n in range(QUESTIONS)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            statuses = list(pool.map(lambda question: slack.event(question).status_code, questions))
        assert statuses == [200] * QUESTIONS  # every one acknowledged: Slack will not send them again by itself

        fake_slack.wait_for("chat.postMessage", channel=channel, count=2, timeout=30)  # answers in flight
        time.sleep(LEASE_SECONDS * 2)  # the backlog's claims outlast their lease while their worker lives
        kill_sent = time.monotonic()
        os.kill(doomed, signal.SIGKILL)
        killed_at = time.monotonic()
        fake_slack.slow_down("chat.postMessage", seconds=0)
        wait_for_worker(server.process.pid, other_than={doomed})

        asked = {q["event"]["ts"] for q in questions}
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            answered = {c["thread_ts"] for c in fake_slack.calls("chat.postMessage", channel=channel)}
            if answered >= asked:
                break
            time.sleep(0.2)
        for question in questions[:5]:  # Slack's late retries of events already answered
            slack.event(question, retry_num=1)
        fake_slack.wait_quiet(LEASE_SECONDS * (REPLYING_LEASES + 2), timeout=120)
        posts = fake_slack.calls("chat.postMessage", channel=channel)
        threads = [c["thread_ts"] for c in posts]
        missing = len(asked - set(threads))
        # the server's log says why (a recovery round that failed, a worker that did not come back)
        log_end = server.log()[-4000:]
        assert not missing, f"{missing} of {QUESTIONS} questions were never answered; the log ends:\n{log_end}"
        on_the_wire = {
            c["thread_ts"] for c in posts if kill_sent - SLACK_DELAY - WIRE_MARGIN < c.at <= killed_at + WIRE_MARGIN
        }
        repeated = {ts for ts in threads if threads.count(ts) > 1}
        assert repeated <= on_the_wire, f"{len(repeated - on_the_wire)} questions were answered more than once"
        assert all(threads.count(ts) == 2 for ts in repeated)
        db = Database(server_database_url)
        with db.transaction() as session:
            attempts = session.scalars(select(ProcessedEvent.attempts)).all()
        db.dispose()
        assert max(attempts) <= 2, f"claims taken over more than once after the crash: {sorted(attempts)}"
