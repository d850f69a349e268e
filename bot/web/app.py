"""The Flask app factory: Slack's endpoints through Bolt's Flask adapter, and the health check.

- POST /slack/events          events, slash commands and interactivity (over 1 MiB: 413 unread; a bad or
                              stale signature: 401, checked by `SlackGate` before Bolt parses anything)
- GET  /slack/install         the install page (several workspaces only; 404 otherwise)
- GET  /slack/oauth_redirect  where Slack sends the installer back
- GET  /healthz               200 when the database answers, 503 when it does not (within a second)
- GET  /metrics               Prometheus metrics, with METRICS_TOKEN as a bearer token (404 when unset)

The knowledge-base pages (`bot.web.pages`) are a blueprint registered here with the knowledge service
and the signer of workspace links; the services come from `bot.wiring.build_deps`, as in Socket Mode.
"""

from __future__ import annotations

from flask import Flask, Response, current_app, jsonify, request
from slack_bolt import App
from slack_bolt.adapter.flask import SlackRequestHandler

from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.slack.app import INSTALL_PATH, REDIRECT_PATH, build_bolt_app
from bot.slack.credentials import slack_credentials
from bot.slack.digest import DigestSender
from bot.slack.recovery import EventRecovery
from bot.web import metrics, pages
from bot.web.buffered import MAX_BODY_BYTES
from bot.web.health import HealthCheck
from bot.web.slack_gate import SlackGate
from bot.wiring import build_deps

HEALTH_KEY = "whoowns.health"


def create_app(
    *, settings: Settings, service: KnowledgeService, bolt: App | None = None, recover_events: bool = False
) -> Flask:
    """`recover_events`: also answer, in the background, events a dead process left (see `EventRecovery`),
    and send the weekly digests (`DigestSender`)."""
    deps = build_deps(settings, service)
    bolt = bolt or build_bolt_app(settings=settings, deps=deps, credentials=slack_credentials(settings, socket=False))
    slack = SlackRequestHandler(bolt)
    if recover_events:
        EventRecovery(bolt, deps.events).start()
        DigestSender(bolt, deps.digests).start()
    gate = SlackGate(settings.slack_signing_secret)

    app = Flask(__name__)
    app.config["MAX_CONTENT_LENGTH"] = MAX_BODY_BYTES
    app.extensions[HEALTH_KEY] = HealthCheck(service.db.ping)

    def to_bolt() -> Response:
        return slack.handle(request)

    def events_to_bolt() -> Response:
        return gate.refusal(request) or slack.handle(request)

    app.add_url_rule("/slack/events", "slack_events", metrics.acknowledging(events_to_bolt), methods=["POST"])
    app.add_url_rule(INSTALL_PATH, "slack_install", to_bolt, methods=["GET"])
    app.add_url_rule(REDIRECT_PATH, "slack_oauth_redirect", to_bolt, methods=["GET"])
    app.add_url_rule("/healthz", "healthz", healthz, methods=["GET"])
    pages.register(app, service, deps.links)
    metrics.register(app, settings.metrics_token)
    return app


def healthz() -> tuple[Response, int]:
    if current_app.extensions[HEALTH_KEY].healthy():
        return jsonify(status="ok", database="ok"), 200
    return jsonify(status="unavailable", database="unreachable"), 503
