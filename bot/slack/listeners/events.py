"""Questions from @-mentions in channels, answered in the mention's thread (DMs: `listeners.agent`).

"hi", "thanks!", "help" or a bare mention get small talk's reply (`bot.slack.small_talk`), not an answer.

Each mention is answered exactly once, across processes and crashes (`listeners.once`).
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.logs import log_context
from bot.slack.answering import answer_question
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.once import AnsweredOnce
from bot.slack.replies import InChannel, Reply
from bot.slack.small_talk import small_talk_reply
from bot.wiring import Deps


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
                lambda: self._reply(event.get("text", ""), context.team_id, client=client, asker=event.get("user")),
            )

    def _reply(self, text: str, team_id: str | None, *, client: WebClient, asker: str | None) -> Reply:
        """Small talk ("hi", "thanks", "help", a bare mention) gets its reply; anything else is a question."""
        chatted = small_talk_reply(self.deps, text, team_id=team_id)
        return chatted or answer_question(
            self.deps, text, team_id=team_id, surface="mention", client=client, asker=asker
        )


def register(app: App, deps: Deps) -> None:
    EventListeners(deps).register(app)
