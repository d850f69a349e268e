"""The real server as a subprocess (`python -m bot serve`) on a loopback port, for end-to-end tests.

    with running_server(env=server_env(database_url=url, fake=fake)) as server:
        requests.get(server.url + "/healthz")

`server_env` gives a complete single-workspace environment (bot token, signing secret, the fake Slack's
address); pass `extra` to add or override variables (`PUBLIC_URL`, `SLACK_CLIENT_ID`, …, or None to
drop one). The server's output goes to a log file, shown in the failure message if it does not start.

Stopping takes the server 3–10 s (gunicorn's graceful stop), so a module's shared server is stopped in the
background (`stop_behind=True`): the next module starts while it winds down, and pytest's exit waits for
every one of them (the stopping thread is not a daemon).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from bot.config import REPO_ROOT
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.waiting import TRANSIENT

SIGNING_SECRET = "e2e-signing-secret-0123456789"
BOT_TOKEN = "xoxb-e2e-test-token"
START_TIMEOUT = 60
STOP_TIMEOUT = 20
_STOPPING = ThreadPoolExecutor(thread_name_prefix="stopping-servers")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_env(*, database_url: str, fake: FakeSlack, extra: Mapping[str, str | None] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "PUBLIC_URL", "DATABASE_URL"))}
    env.update(
        DATABASE_URL=database_url,
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake.api_url,
        LOG_LEVEL="INFO",
    )
    for name, value in (extra or {}).items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return env


@dataclass
class RunningServer:
    url: str
    process: subprocess.Popen[bytes]
    log_path: Path

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def serve_command(*, port: int, workers: int = 1) -> list[str]:
    return [sys.executable, "-m", "bot", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers)]


@contextmanager
def running_server(*, env: Mapping[str, str], workers: int = 1, stop_behind: bool = False) -> Iterator[RunningServer]:
    """Starts the server, waits until /healthz answers, and stops it (SIGTERM) afterwards: waiting until it has
    exited, or, with `stop_behind`, letting it finish in the background."""
    port = free_port()
    with tempfile.NamedTemporaryFile(prefix="whoowns-server-", suffix=".log") as log_file:
        process = subprocess.Popen(
            serve_command(port=port, workers=workers), cwd=REPO_ROOT, env=dict(env), stdout=log_file, stderr=log_file
        )
        server = RunningServer(url=f"http://127.0.0.1:{port}", process=process, log_path=Path(log_file.name))
        try:
            _wait_until_up(server)
            yield server
        finally:
            if stop_behind:
                _STOPPING.submit(_stop, process)
            else:
                _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _wait_until_up(server: RunningServer) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise AssertionError(f"the server exited with {server.process.returncode}:\n{server.log()}")
        try:
            if requests.get(server.url + "/healthz", timeout=10).status_code == 200:
                return
        except TRANSIENT:  # not listening yet, or too busy to answer in time: ask again
            pass
        time.sleep(0.1)
    raise AssertionError(f"the server did not answer /healthz within {START_TIMEOUT}s:\n{server.log()}")
