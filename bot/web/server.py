"""The production HTTP server: gunicorn's asyncio workers, each running the Flask app in a thread pool.

A connection costs a worker a coroutine until its request has arrived whole (`bot.web.buffered` reads
the body, within 1 MiB and 10 s); only then does a thread of the pool (`threads`, through a2wsgi) run
the app. So slow or stalled clients cannot take the threads that acknowledge Slack's requests, as they
did with threaded workers, where each connection held a thread while it trickled in.

The master process never opens the app's database connections for the workers: every worker builds
its own knowledge service and Bolt app in `load()`, so no connection is shared across a fork. The
embedding model, which holds no connection, is loaded once in the master and shared.
"""

from __future__ import annotations

import os
from typing import Any

from a2wsgi import WSGIMiddleware
from gunicorn.app.base import BaseApplication

from bot import logs
from bot.config import Settings
from bot.core.semantic import Embeddings
from bot.store.database import SERVING
from bot.web.app import create_app
from bot.web.buffered import AsgiApp, BufferedBodies
from bot.wiring import build_knowledge_service


class WebServer(BaseApplication):
    def __init__(
        self, *, settings: Settings, host: str, port: int, workers: int, threads: int, embeddings: Embeddings | None
    ):
        self.settings = settings
        self.embeddings = embeddings  # loaded in the master: the workers share its pages after the fork
        self.threads = threads
        self.options: dict[str, Any] = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "asgi",
            "asgi_lifespan": "off",
            "timeout": 30,
            "graceful_timeout": 10,
            "keepalive": 5,
            "accesslog": None,
            "errorlog": "-",
            "loglevel": settings.log_level.lower(),
            "proc_name": "whoowns",
            "child_exit": forget_worker_gauges,
        }
        if settings.log_format == "json":  # gunicorn's own lines as JSON too
            self.options["logconfig_dict"] = logs.logging_config(settings.log_format, settings.log_level)
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)
        if "control_socket_disable" in self.cfg.settings:  # gunicorn 25+: no shared ~/.gunicorn socket
            self.cfg.set("control_socket_disable", True)

    def load(self) -> AsgiApp:
        service = build_knowledge_service(self.settings, prepare=False, embeddings=self.embeddings, timeouts=SERVING)
        flask_app = create_app(settings=self.settings, service=service, recover_events=True)
        return BufferedBodies(WSGIMiddleware(flask_app, workers=self.threads))  # type: ignore[arg-type]


def forget_worker_gauges(_arbiter: Any, worker: Any) -> None:
    """A worker that exited leaves the live gauges (its counters stay in the totals); see prometheus_client."""
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
