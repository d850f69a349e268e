"""How long a signed `/whoowns` takes to be acknowledged while slow clients hold connections open.

Starts `python -m bot serve` (SQLite) and the fake Slack Web API on loopback, opens `--clients`
connections that trickle a request one byte every 0.2 s (the body, or with `--headers` the headers),
then times `--commands` signed slash commands one after another (each gives up after 10 s).

Prints figures; checks nothing. Target: every ack under 1 s with 24 slow clients.

    .venv/bin/python bench/slow_clients.py [--clients 0 10 24 100] [--workers 1] [--headers]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test helpers (fake Slack, signed requests) live in tests/e2e

from tests.e2e.fake_slack import FakeSlack
from tests.e2e.server import running_server, server_env
from tests.e2e.slack_requests import SlackSender
from tests.e2e.slow_client import trickling

GIVE_UP = 10.0


def ack_times(slack: SlackSender, commands: int) -> list[float]:
    times = []
    for _ in range(commands):
        started = time.monotonic()
        try:
            slack.command("pricing")
            times.append(time.monotonic() - started)
        except requests.Timeout:
            times.append(GIVE_UP)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, nargs="+", default=[0, 10, 24, 100])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--commands", type=int, default=10)
    parser.add_argument("--headers", action="store_true", help="trickle the headers instead of the body")
    args = parser.parse_args()
    fake = FakeSlack().start()
    with tempfile.TemporaryDirectory() as folder:
        env = server_env(database_url=f"sqlite:///{folder}/whoowns.db", fake=fake)
        with running_server(env=env, workers=args.workers) as server:
            slack = SlackSender(server.url, fake=fake)
            slack.http.request = _with_timeout(slack.http.request)
            print(f"workers {args.workers}; slow {'headers' if args.headers else 'bodies'}")
            print("| slow clients | ack p50 ms | ack max ms | gave up (10 s) |")
            print("|---|---|---|---|")
            for clients in args.clients:
                with trickling(server.url, clients, headers_only=args.headers):
                    times = ack_times(slack, args.commands)
                given_up = sum(t >= GIVE_UP for t in times)
                print(f"| {clients} | {statistics.median(times) * 1000:.0f} | {max(times) * 1000:.0f} | {given_up} |")
    fake.stop()


def _with_timeout(request):  # type: ignore[no-untyped-def]
    return lambda *a, **kw: request(*a, **{**kw, "timeout": GIVE_UP})


if __name__ == "__main__":
    main()
