"""Socket Mode: the app opens a WebSocket to Slack, so a laptop without a public URL can run it."""

from __future__ import annotations

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.services.workspace_links import WorkspaceLinks
from bot.slack.app import build_bolt_app
from bot.slack.client import build_web_client
from bot.slack.credentials import SlackCredentials
from bot.slack.deps import build_deps
from bot.slack.digest import DigestSender
from bot.slack.recovery import EventRecovery


def run_socket_mode(*, settings: Settings, service: KnowledgeService, credentials: SlackCredentials) -> None:
    deps = build_deps(
        service,
        public_url=settings.public_url,
        links=WorkspaceLinks(settings.workspace_link_secret()),
        knowledge_teams=settings.knowledge_admin_teams(),
        event_lease=settings.event_lease(),
    )
    app = build_bolt_app(settings=settings, deps=deps, credentials=credentials)
    EventRecovery(app, deps.events).start()
    DigestSender(app, deps.digests).start()
    client = build_web_client(settings.slack_api_url)
    SocketModeHandler(app, credentials.app_token, web_client=client).start()
