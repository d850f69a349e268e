"""Questions from @-mentions in channels, answered in the mention's thread (DMs: `listeners.agent`).

Slack re-sends an event it thinks was missed, possibly to another web process; each event is claimed in
the database first, so only one process ever answers it.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.logs import log_context
from bot.slack.answering import answer_question
from bot.slack.deps import Deps
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import InChannel, Reply, deliver


class EventListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.event("app_mention")(ack=ack_now, lazy=[self.answer_mention])
        app.event("message")(ack_now)  # all but DM questions (edits, bot messages, subtypes): acknowledged only

    def answer_mention(
        self, body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        thread = event.get("thread_ts") or event["ts"]
        where = InChannel(client=client, team_id=context.team_id, channel=event["channel"], thread_ts=thread)
        deliver(where, lambda: self._answer_once(body, event, context))

    def _answer_once(self, body: dict[str, Any], event: dict[str, Any], context: BoltContext) -> Reply | None:
        with log_context(team=context.team_id, event_id=body["event_id"]):
            if not self.deps.events.claim(body["event_id"], team_id=context.team_id):
                return None
            return answer_question(self.deps, event.get("text", ""), team_id=context.team_id, surface="mention")


def register(app: App, deps: Deps) -> None:
    EventListeners(deps).register(app)
