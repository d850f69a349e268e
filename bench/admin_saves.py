"""How long an admin waits for a save in Slack: modal submission to the app's answer, through the real server.

Starts the fake Slack Web API and `python -m bot serve` on loopback (as the end-to-end tests do), opens
the topic editor once, then submits it a bounded number of times in a row (the owner alternating, each
save carrying the version the last one left), and prints p50 / p99 / max of the time Slack would wait
for the `response_action`. Each save calls `users.info` (the permission check), writes the entry, its
audit entry and the revision bump in one transaction, and answers. Slack allows 3 seconds.

    .venv/bin/python bench/admin_saves.py [--saves 100] [--databases sqlite postgres]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the test helpers (fake Slack, signed requests) live in tests/e2e

from bench.load_slack import database
from bot.slack.blocks.admin_lists import EDIT_TOPIC
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.modal_payloads import view_action, view_state, view_submission
from tests.e2e.server import running_server, server_env
from tests.e2e.slack_requests import SlackSender, fresh_id

ADMIN = "U0BENCHADMIN"
TOPIC = "hosting-costs"


def open_editor(slack: SlackSender, fake: FakeSlack) -> dict:
    slack.command("admin", user=ADMIN, response_url=fake.response_url())
    menu = {**fake.wait_for("views.open")[-1]["view"], "id": fresh_id("V")}
    slack.action(view_action(menu, action_id=EDIT_TOPIC, selected=TOPIC, user=ADMIN))
    return {**fake.wait_for("views.push")[-1]["view"], "id": fresh_id("V"), "root_view_id": menu["id"]}


def run(kind: str, saves: int, scratch: Path) -> str:
    fake = FakeSlack().start()
    fake.users[ADMIN] = {"id": ADMIN, "is_admin": True}
    try:
        with database(kind, scratch) as url, running_server(env=server_env(database_url=url, fake=fake)) as server:
            slack = SlackSender(server.url, fake=fake)
            editor, timings = open_editor(slack, fake), []
            opened = json.loads(editor["private_metadata"])
            for number in range(saves):
                editor["private_metadata"] = json.dumps({**opened, "version": opened["version"] + number})
                payload = view_submission(editor, view_state(editor, {"owner": ("COO", "CTO")[number % 2]}), user=ADMIN)
                started = time.perf_counter()
                response = slack.action(payload)
                timings.append((time.perf_counter() - started) * 1000)
                assert "Saved as change" in response.text, response.text
    finally:
        fake.stop()
    timings.sort()
    p99 = timings[min(len(timings) - 1, round(len(timings) * 0.99))]
    return f"{kind:<9} {saves:>6} {statistics.median(timings):>8.1f} {p99:>8.1f} {timings[-1]:>8.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--databases", nargs="+", default=["sqlite", "postgres"], choices=["sqlite", "postgres"])
    args = parser.parse_args()
    print(f"{'database':<9} {'saves':>6} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    with tempfile.TemporaryDirectory(prefix="whoowns-admin-bench-") as scratch:
        for kind in args.databases:
            print(run(kind, args.saves, Path(scratch)), flush=True)


if __name__ == "__main__":
    main()
