"""The app served on a loopback port from the test's own process, for modules that test what the app says.

The same Flask app, Bolt app, background recovery and digest sender as a gunicorn worker runs, built from
the same environment, behind a real HTTP server (werkzeug's, threaded) that receives the same signed
requests over TCP. What it leaves out is gunicorn: its workers and their asyncio front (slow clients,
body limits, signals, a second worker, logs on stdout), which the modules that test those keep
(`SERVER = "gunicorn"`, or `SERVER_WORKERS = 2`; `tests/e2e/server.py`). Starting `python -m bot serve`
cost 2.5 s of CPU a module and database; this costs a few hundredths, and the embedding model is loaded
once per test process instead of once per server.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from werkzeug.serving import make_server

from bot.config import Settings
from bot.core.semantic import Embeddings
from bot.slack.app import build_bolt_app
from bot.slack.credentials import slack_credentials
from bot.slack.digest import DigestSender
from bot.slack.recovery import EventRecovery
from bot.store.database import SERVING
from bot.web.app import create_app
from bot.wiring import build_deps, build_knowledge_service
from tests.cli.running import environment


@dataclass(frozen=True)
class InProcessServer:
    url: str


@contextmanager
def in_process_server(*, env: Mapping[str, str], embeddings: Embeddings | None) -> Iterator[InProcessServer]:
    """Serves the app `env` configures until the block ends; `embeddings`: the process's loaded model."""
    with environment(env):
        settings = Settings()
    service = build_knowledge_service(settings, embeddings=embeddings if settings.semantic else None, timeouts=SERVING)
    deps = build_deps(settings, service)
    bolt = build_bolt_app(settings=settings, deps=deps, credentials=slack_credentials(settings, socket=False))
    background = (EventRecovery(bolt, deps.events).start(), DigestSender(bolt, deps.digests).start())
    server = make_server("127.0.0.1", 0, create_app(settings=settings, service=service, bolt=bolt), threaded=True)
    serving = threading.Thread(target=server.serve_forever, name="in-process-server", daemon=True)
    serving.start()
    try:
        yield InProcessServer(url=f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
        serving.join(timeout=30)
        for worker in background:
            worker.stop()
        service.db.dispose()
