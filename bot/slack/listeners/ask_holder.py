"""The "Ask <name>" button: the asker chooses to send the holder their question, by DM, with the thread.

Only then is the holder notified (the answer itself names them without a mention). Anyone else who
clicks is told, privately, that only the asker can; the asker is told privately that it was sent.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack import messages
from bot.slack.blocks.ask_holder import ASK_HOLDER, AskKey, holder_dm_blocks, holder_dm_text
from bot.slack.blocks.mrkdwn import escape
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import WEB_API_FAILURES, InChannel, Reply, ViaResponseUrl, deliver
from bot.wiring import Deps

log = logging.getLogger(__name__)


class AskHolderListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(ASK_HOLDER)(ack=ack_now, lazy=[self.ask_holder])

    def ask_holder(
        self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        key = AskKey.model_validate_json(action["value"])
        container, team, user = body.get("container") or {}, context.team_id, body["user"]["id"]
        channel = container.get("channel_id")

        def produce() -> Reply:
            if key.asker is not None and user != key.asker:
                return Reply(text=messages.ASK_ONLY_THE_ASKER)
            thread = None if container.get("is_ephemeral") else _permalink(client, channel, container.get("message_ts"))
            dm = Reply.of(holder_dm_text(key, asker=user), holder_dm_blocks(key, asker=user, thread_url=thread))
            if not InChannel(client=client, team_id=team, channel=key.holder).send(dm):
                return Reply(text=messages.ASK_NOT_SENT)
            name = self.deps.people.names(team, [key.holder]).get(key.holder) if team else None
            named = escape(name) if name else f"the {escape(key.role)}"
            return Reply(text=messages.question_sent(named, with_thread=thread is not None))

        deliver(ViaResponseUrl(respond=respond, team_id=team, channel=channel), produce)


def _permalink(client: WebClient, channel: str | None, ts: str | None) -> str | None:
    """The answer's link (in its thread); None when Slack won't give one, and the DM then goes without it."""
    if not channel or not ts:
        return None
    try:
        link = client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink")
    except WEB_API_FAILURES as error:
        log.warning("no permalink for an answer (channel %s): %s", channel, error)
        return None
    return link if isinstance(link, str) else None


def register(app: App, deps: Deps) -> None:
    AskHolderListeners(deps).register(app)
