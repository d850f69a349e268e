"""The settings form follows the roles ticked: ticking or unticking one redraws it (`views.update`) with a
holder and cover field for each role ticked, and nothing for the others.

The roles select has `dispatch_action`, so each change arrives as a block action. The form is rebuilt
at the version it was opened at (a save still refuses to overwrite a newer one), and Slack keeps what
was already entered in the fields that stay. Nothing is saved here.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from sqlalchemy.exc import SQLAlchemyError

from bot.slack.admin_ui import settings_view
from bot.slack.blocks.admin_forms import VALUE, FormMetadata
from bot.slack.blocks.admin_state import choices_of
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
ROLES_TICKED = {"block_id": "roles", "action_id": VALUE}


class SettingsForm:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(ROLES_TICKED)(ack=ack_now, lazy=[self.redraw])

    def redraw(self, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        view, team = body["view"], context.team_id or ""
        meta = FormMetadata.model_validate_json(view.get("private_metadata") or "{}")
        ticked = choices_of(view["state"]["values"], "roles")
        try:
            form = settings_view(self.deps, team, ticked=ticked, version=meta.version or 0)
            client.views_update(view_id=view["id"], hash=view.get("hash"), view=form)
        except (*WEB_API_FAILURES, SQLAlchemyError) as error:
            log.warning("could not redraw the settings form (team %s): %s", team, error)


def register(app: App, deps: Deps) -> None:
    SettingsForm(deps).register(app)
