"""`GET /metrics`: the Prometheus text exposition, behind a bearer token (`METRICS_TOKEN`).

Registered only when the token is set (otherwise the path is a 404). Under gunicorn every worker writes
its figures to files in `PROMETHEUS_MULTIPROC_DIR`, and whichever worker is scraped reads them all, so
one scrape gives the whole server's figures. prometheus_client is imported on the first scrape, for the
reason `bot.metrics` gives.
"""

from __future__ import annotations

import hmac
import logging
import os
import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING

from flask import Flask, Response, request

from bot.logs import log_context
from bot.metrics import metrics

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry

PATH = "/metrics"
log = logging.getLogger(__name__)


def register(app: Flask, token: str | None) -> None:
    if not token:
        return
    expected = f"Bearer {token}".encode()

    def scrape() -> Response:
        given = request.headers.get("Authorization", "").encode()
        if not hmac.compare_digest(given, expected):
            return Response("a bearer token (METRICS_TOKEN) is required\n", 401, {"WWW-Authenticate": "Bearer"})
        from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

        return Response(generate_latest(_registry()), 200, {"Content-Type": CONTENT_TYPE_LATEST})

    app.add_url_rule(PATH, "metrics", scrape, methods=["GET"])


def _registry() -> CollectorRegistry:
    from prometheus_client import REGISTRY, CollectorRegistry
    from prometheus_client.multiprocess import MultiProcessCollector

    if "PROMETHEUS_MULTIPROC_DIR" not in os.environ:
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)
    return registry


def acknowledging(handle: Callable[[], Response]) -> Callable[[], Response]:
    """`handle` (Slack's requests) timed for `whoowns_ack_seconds`, its log lines tagged with a request id."""

    def handler() -> Response:
        started = time.perf_counter()
        with log_context(request_id=request.headers.get("X-Request-Id") or uuid.uuid4().hex):
            response = handle()
            seconds = time.perf_counter() - started
            metrics().ack_seconds.observe(seconds)
            log.info("Slack request answered %s", response.status_code, extra={"duration": seconds})
            return response

    return handler
