"""The knowledge-base web pages (`/kb`, `/kb/<id>`, `/kb/sources`), served by the bot's own HTTP server.

`register(app, service, links)` mounts them on the Flask app that also carries the Slack endpoints; they
need nothing but the knowledge service and the signer of workspace links, so any Flask app can serve them.
"""

from __future__ import annotations

from flask import Flask

from bot.services.knowledge import KnowledgeService
from bot.services.workspace_links import WorkspaceLinks
from bot.web.pages.views import EXTENSION, LINKS, pages


def register(app: Flask, service: KnowledgeService, links: WorkspaceLinks) -> None:
    app.extensions[EXTENSION] = service
    app.extensions[LINKS] = links
    app.register_blueprint(pages)


__all__ = ["register"]
