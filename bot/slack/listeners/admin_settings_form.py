"""The settings form follows the roles ticked and the suggested holders: ticking or unticking a role redraws
it (`views.update`) with a holder and cover field for each role ticked, and a suggestion's **Fill in**
redraws it with that person in the role's holder field.

The roles select has `dispatch_action`, so each change arrives as a block action. The form is rebuilt
at the version it was opened at (a save still refuses to overwrite a newer one), and Slack keeps what
was already entered in the fields that stay; a filled-in holder field gets a new action id, so Slack shows
the person filled in rather than what the field held. Nothing is saved here: only the admin's submission
names anyone.

Once the form is open, the workspace's people are listed again (`users.list`) if that has grown old, and
the form is redrawn if that changes the suggestions (opening it could not wait for the listing).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.core.unavailable import KnowledgeUnavailable
from bot.slack.admin_ui import settings_view
from bot.slack.blocks.admin_forms import VALUE, FormMetadata
from bot.slack.blocks.admin_state import choices_of, filled_of
from bot.slack.blocks.holders import FILL_HOLDER, Fill
from bot.slack.listeners.ack import ack_now
from bot.slack.people import users_info, users_list
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
ROLES_TICKED: dict[str, str | re.Pattern[Any]] = {
    "block_id": "roles",
    "action_id": VALUE,
}  # typed as App.action takes it


class SettingsForm:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(ROLES_TICKED)(ack=ack_now, lazy=[self.redraw])
        app.action(FILL_HOLDER)(ack=ack_now, lazy=[self.fill])

    def redraw(self, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        self._update(body["view"], client, context.team_id or "")

    def fill(self, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        fill = Fill.model_validate_json(action["value"])
        self._update(body["view"], client, context.team_id or "", fill={fill.role: fill.user})

    def _update(
        self, view: dict[str, Any], client: WebClient, team: str, *, fill: dict[str, str] | None = None
    ) -> None:
        meta = FormMetadata.model_validate_json(view.get("private_metadata") or "{}")
        values = view["state"]["values"]
        try:
            form = settings_view(
                self.deps,
                team,
                ticked=choices_of(values, "roles"),
                version=meta.version or 0,
                filled=filled_of(values) | (fill or {}),
            )
            client.views_update(view_id=view["id"], hash=view.get("hash"), view=form)
        except (*WEB_API_FAILURES, KnowledgeUnavailable) as error:
            log.warning("could not redraw the settings form (team %s): %s", team, error)


def suggest_when_opened(deps: Deps, team: str, opened: dict[str, Any], client: WebClient) -> None:
    """The settings form just opened (`opened`, as Slack returned it) redrawn with fresh suggestions, if the
    workspace's people had to be listed again and that changed them; nothing when the listing was recent."""
    if deps.people.listed_recently(team):
        return
    meta = FormMetadata.model_validate_json(opened.get("private_metadata") or "{}")
    try:
        shown = deps.holders.suggestions(team)
        suggestions = deps.holders.suggestions(
            team, lookup=users_info(client, team), list_people=users_list(client, team)
        )
        if suggestions == shown:
            return
        form = settings_view(deps, team, version=meta.version, suggestions=suggestions)
        client.views_update(view_id=opened["id"], hash=opened.get("hash"), view=form)
    except (*WEB_API_FAILURES, KnowledgeUnavailable) as error:
        log.warning("could not add suggested holders to the settings form (team %s): %s", team, error)


def register(app: App, deps: Deps) -> None:
    SettingsForm(deps).register(app)
