"""Socket Mode: the app opens a WebSocket to Slack, so a laptop without a public URL can run it."""

from __future__ import annotations

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.slack.app import build_bolt_app
from bot.slack.client import build_web_client
from bot.slack.credentials import SlackCredentials
from bot.slack.digest import DigestSender
from bot.slack.recovery import EventRecovery
from bot.wiring import build_deps


def run_socket_mode(*, settings: Settings, service: KnowledgeService, credentials: SlackCredentials) -> None:
    deps = build_deps(settings, service)
    app = build_bolt_app(settings=settings, deps=deps, credentials=credentials)
    EventRecovery(app, deps.events).start()
    DigestSender(app, deps.digests).start()
    client = build_web_client(settings.slack_api_url)
    SocketModeHandler(app, credentials.app_token, web_client=client).start()
