"""Questions from @-mentions in channels, answered in the mention's thread (DMs: `listeners.agent`).

Each mention is answered exactly once, across processes and crashes (`listeners.once`).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.logs import log_context
from bot.slack.answering import answer_question
from bot.slack.deps import Deps
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.once import AnsweredOnce
from bot.slack.replies import InChannel


class EventListeners:
    def __init__(self, deps: Deps):
        self.deps = deps
        self.once = AnsweredOnce(deps.events)

    def register(self, app: App) -> None:
        app.event("app_mention")(ack=self.once.claim, lazy=[self.answer_mention])
        app.event("message")(ack_now)  # all but DM questions (edits, bot messages, subtypes): acknowledged only

    def answer_mention(
        self, body: dict[str, Any], event: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        thread = event.get("thread_ts") or event["ts"]
        where = InChannel(client=client, team_id=context.team_id, channel=event["channel"], thread_ts=thread)
        with log_context(team=context.team_id, event_id=body["event_id"]):
            self.once.deliver(
                where,
                body,
                context,
                lambda: answer_question(
                    self.deps,
                    event.get("text", ""),
                    team_id=context.team_id,
                    surface="mention",
                    client=client,
                    asker=event.get("user"),
                ),
            )


def register(app: App, deps: Deps) -> None:
    EventListeners(deps).register(app)
