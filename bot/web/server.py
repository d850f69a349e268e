"""The production HTTP server: gunicorn with threaded workers, each building its own app after the fork.

The master process never opens the app's database connections for the workers: every worker builds
its own knowledge service and Bolt app in `load()`, so no connection is shared across a fork. The
embedding model, which holds no connection, is loaded once in the master and shared.
"""

from __future__ import annotations

import os
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from bot import logs
from bot.config import Settings
from bot.core.semantic import Embeddings
from bot.web.app import create_app
from bot.wiring import build_knowledge_service


class WebServer(BaseApplication):
    def __init__(
        self, *, settings: Settings, host: str, port: int, workers: int, threads: int, embeddings: Embeddings | None
    ):
        self.settings = settings
        self.embeddings = embeddings  # loaded in the master: the workers share its pages after the fork
        self.options: dict[str, Any] = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "worker_class": "gthread",
            "threads": threads,
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

    def load(self) -> Flask:
        service = build_knowledge_service(self.settings, prepare=False, embeddings=self.embeddings)
        return create_app(settings=self.settings, service=service)


def forget_worker_gauges(_arbiter: Any, worker: Any) -> None:
    """A worker that exited leaves the live gauges (its counters stay in the totals); see prometheus_client."""
    if "PROMETHEUS_MULTIPROC_DIR" in os.environ:
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
