"""`user_change`: a person's new name replaces the cached one at once (answers show holders by name)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext

from bot.slack.listeners.ack import ack_now
from bot.wiring import Deps


class PeopleListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.event("user_change")(ack=ack_now, lazy=[self.remember_name])

    def remember_name(self, event: dict[str, Any], context: BoltContext) -> None:
        user = event.get("user")
        if context.team_id and isinstance(user, dict):
            self.deps.people.remember(context.team_id, user)


def register(app: App, deps: Deps) -> None:
    PeopleListeners(deps).register(app)
