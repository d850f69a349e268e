"""Load on the real Slack app: signed slash commands and events at a fixed rate, time to ack, exactly once.

Starts the fake Slack Web API and `python -m bot serve` on loopback (as the end-to-end tests do), fires a
bounded number of requests (half `/whoowns` commands, half @-mentions, and every tenth mention sent again
as a Slack retry), then waits until every question is answered and checks each was answered exactly
once. Prints one row per database and worker count. Target on the 2-core reference machine: at 100
requests/s, p99 time to ack under 300 ms.

    .venv/bin/python bench/load_slack.py [--rate 100] [--seconds 10] [--databases sqlite postgres] [--workers 1 2]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test helpers (fake Slack, signed requests) live in tests/e2e

from tests.conftest import PG_ADMIN_URL, fresh_postgres_database
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.server import running_server, server_env
from tests.e2e.slack_requests import SlackSender, fresh_id, mention

QUESTIONS = ["who owns hosting costs?", "who decides pricing?", "who owns security?", "who runs budgeting?"]
RETRY_EVERY = 10


@dataclass
class Sent:
    kind: str  # "command" or "event"
    key: str  # the response URL path or the channel the answer must reach
    started: float
    ack_seconds: float = -1.0
    status: int = 0


def fire(slack: SlackSender, fake: FakeSlack, *, rate: float, seconds: float) -> list[Sent]:
    """Sends `rate * seconds` requests on a fixed schedule (not waiting for answers) and times each ack."""
    local = threading.local()
    sent: list[Sent] = []

    def sender() -> SlackSender:
        if not hasattr(local, "slack"):
            local.slack = SlackSender(slack.base_url, fake=fake)
        return local.slack

    def send(index: int) -> None:
        question = QUESTIONS[index % len(QUESTIONS)]
        if index % 2:
            url = fake.response_url()
            record = Sent("command", url.removeprefix(fake.url), time.monotonic())
            response = sender().command(question, response_url=url)
        else:
            payload = mention(question, channel=fresh_id("C"))
            record = Sent("event", payload["event"]["channel"], time.monotonic())
            response = sender().event(payload)
            if index % (2 * RETRY_EVERY) == 0:
                sender().event(payload, retry_num=1)
        record.ack_seconds, record.status = time.monotonic() - record.started, response.status_code
        sent.append(record)

    total = int(rate * seconds)
    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=64) as pool:
        for index in range(total):
            delay = start + index / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            pool.submit(send, index)
    return sent


def check_answers(fake: FakeSlack, sent: list[Sent]) -> tuple[int, int, list[float]]:
    """(missing, duplicated, answer latencies) once every answer arrived or 60 s passed."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(fake.calls()) < len(sent):
        time.sleep(0.2)
    fake.wait_quiet(1.0, timeout=60)
    arrived: dict[str, list[float]] = {}
    for call in fake.calls():
        key = call.path if call.method == "response_url" else call.get("channel")
        if call.method in ("response_url", "chat.postMessage"):
            arrived.setdefault(key, []).append(call.at)
    missing = sum(1 for s in sent if s.key not in arrived)
    duplicated = sum(1 for s in sent if len(arrived.get(s.key, [])) > 1)
    latencies = [arrived[s.key][0] - s.started for s in sent if s.key in arrived]
    return missing, duplicated, latencies


@contextmanager
def database(kind: str, scratch: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{scratch / f'load-{time.time_ns()}.db'}"
    else:  # PostgreSQL is migrated by the release step, as in production (serve does not, by default)
        with fresh_postgres_database(PG_ADMIN_URL, template=None) as url:
            migrate = [sys.executable, "-m", "bot", "migrate"]
            subprocess.run(migrate, env={**os.environ, "DATABASE_URL": url}, check=True, capture_output=True)
            yield url


def run(kind: str, workers: int, *, rate: float, seconds: float, scratch: Path) -> str:
    fake = FakeSlack().start()
    try:
        with (
            database(kind, scratch) as url,
            running_server(env=server_env(database_url=url, fake=fake), workers=workers) as server,
        ):
            slack = SlackSender(server.url, fake=fake)
            for question in QUESTIONS:  # warm every worker's matcher and connections
                slack.command(question, response_url=fake.response_url())
            fake.wait_quiet(1.0)
            fake.reset()
            began = time.monotonic()
            sent = fire(slack, fake, rate=rate, seconds=seconds)
            elapsed = time.monotonic() - began
            missing, duplicated, latencies = check_answers(fake, sent)
    finally:
        fake.stop()
    acks = sorted(s.ack_seconds * 1000 for s in sent)
    answers = sorted(latency * 1000 for latency in latencies)
    failed = sum(1 for s in sent if s.status != 200)
    return (
        f"| {kind} | {workers} | {len(sent)} | {len(sent) / elapsed:.0f} | {pct(acks, 50):.0f} | {pct(acks, 99):.0f} "
        f"| {acks[-1]:.0f} | {pct(answers, 50):.0f} | {pct(answers, 99):.0f} | {failed} | {missing} | {duplicated} |"
    )


def pct(values: list[float], percentile: int) -> float:
    if not values:
        return float("nan")
    return statistics.quantiles(values, n=100, method="inclusive")[percentile - 1] if len(values) > 1 else values[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rate", type=float, default=100, help="requests per second (default 100)")
    parser.add_argument("--seconds", type=float, default=10, help="how long to fire (default 10)")
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    parser.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    args = parser.parse_args()
    print(f"{args.rate:.0f} requests/s for {args.seconds:.0f} s; every {RETRY_EVERY}th event also re-sent as a retry")
    print(
        "| database | workers | requests | req/s | ack p50 ms | ack p99 ms | ack max ms | answer p50 ms "
        "| answer p99 ms | non-200 | unanswered | answered twice |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="whoowns-load-") as scratch:
        for kind in args.databases:
            for workers in args.workers:
                print(run(kind, workers, rate=args.rate, seconds=args.seconds, scratch=Path(scratch)), flush=True)


if __name__ == "__main__":
    main()
