"""Slack's agent conversation (the app's Messages tab, manifest `agent_view`) and follow-ups in DMs.

Opening the conversation (`app_home_opened`, tab "messages") sets this workspace's suggested prompts.
Each top-level DM message is the root of its own thread: the answer goes in that thread, with a status
while it is being worked out, and the thread is titled with the topic. Follow-ups ("and pricing?",
"why?", "who holds it?") are read against the topic the thread, or the DM, last got an answer about.
`app_context_changed` keeps the channel the person is viewing; it is used only for "who owns this?",
and only its name is read (`conversations.info`, public channels: `channels:read`).

Bolt 1.30 hands listeners `set_status` and `set_suggested_prompts` for these events; the thread title
is set with `assistant.threads.setTitle` directly, as Bolt only offers `set_title` inside assistant threads.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext
from slack_bolt.context.set_status import SetStatus
from slack_bolt.context.set_suggested_prompts import SetSuggestedPrompts
from slack_sdk import WebClient

from bot.services.conversations import Conversations
from bot.services.overview import workspace_overview
from bot.slack import surface_messages as say
from bot.slack.blocks.assessment import build_assess_modal
from bot.slack.blocks.conversation import START_ASSESSMENT, suggested_prompts
from bot.slack.conversing import Turn, take_turn
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.once import AnsweredOnce
from bot.slack.listeners.welcome import install_welcome
from bot.slack.replies import WEB_API_FAILURES, InChannel, Reply
from bot.wiring import Deps

log = logging.getLogger(__name__)
CHANNEL_ENTITY = "slack#/types/channel_id"


def is_direct_question(event: dict[str, Any]) -> bool:
    """A person's new message in a DM with the app: not the bot's, not an edit or any other subtype."""
    return (
        event.get("channel_type") == "im"
        and "subtype" not in event
        and not event.get("bot_id")
        and bool(event.get("text", "").strip())
    )


def is_messages_tab(event: dict[str, Any]) -> bool:
    return event.get("tab") == "messages"


class AgentConversation:
    def __init__(self, deps: Deps, *, welcome_installer: bool):
        self.deps = deps
        self.conversations = Conversations(deps.knowledge.db)
        self.once = AnsweredOnce(deps.events)
        self.opened = [self.suggest_prompts, install_welcome(deps)] if welcome_installer else [self.suggest_prompts]

    def register(self, app: App) -> None:
        app.event("app_home_opened", matchers=[is_messages_tab])(ack=ack_now, lazy=self.opened)
        app.event("message", matchers=[is_direct_question])(ack=self.once.claim, lazy=[self.answer])
        app.event("app_context_changed")(ack=ack_now, lazy=[self.keep_context])
        app.action(START_ASSESSMENT)(ack=ack_now, lazy=[self.start_assessment])

    def suggest_prompts(self, set_suggested_prompts: SetSuggestedPrompts, context: BoltContext) -> None:
        """No `thread_ts`: for an agent app, prompts belong to the conversation (Slack ignores a thread's)."""
        prompts = suggested_prompts(workspace_overview(self.deps.knowledge, context.team_id))
        with _logged("suggested prompts", context):
            set_suggested_prompts(prompts=prompts, title=say.PROMPTS_TITLE)

    def answer(
        self,
        body: dict[str, Any],
        event: dict[str, Any],
        client: WebClient,
        context: BoltContext,
        set_status: SetStatus,
    ) -> None:
        team, channel, user = context.team_id, event["channel"], event.get("user")
        root = event.get("thread_ts") is None
        thread = event.get("thread_ts") or event["ts"]
        done = _Progress()

        def produce() -> Reply | None:
            with _logged("status", context):
                set_status(status=say.STATUS_ANSWERING)
                done.status_shown = True
            previous = self.conversations.topic(team or "", channel, event.get("thread_ts"))
            turn = take_turn(
                self.deps,
                event["text"],
                team_id=team,
                previous=previous,
                viewed_topic=lambda: self._viewed_topic(client, team, user),
                client=client,
                asker=user,
            )
            if turn.topic_id:
                self.conversations.remember(team or "", channel, thread, turn.topic_id)
            done.turn = turn
            return turn.reply

        where = InChannel(client=client, team_id=team, channel=channel, thread_ts=thread)
        if not self.once.deliver(where, body, context, produce):
            return
        if done.status_shown:
            with _logged("status", context):
                set_status(status="")
        if root and done.turn is not None and done.turn.title:
            with _logged("title", context):
                client.assistant_threads_setTitle(channel_id=channel, thread_ts=thread, title=done.turn.title)

    def keep_context(self, event: dict[str, Any], body: dict[str, Any], context: BoltContext) -> None:
        """Keeps the channel the person is viewing (or forgets it when they view something else)."""
        user = event.get("user") or _person(body)
        entities = (event.get("context") or {}).get("entities") or []
        channel = next((e.get("value") for e in entities if e.get("type") == CHANNEL_ENTITY), None)
        if context.team_id and user:
            self.conversations.viewing(context.team_id, user, channel if isinstance(channel, str) else None)

    def start_assessment(self, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """The `/whoowns assess` modal, its result posted in this conversation."""
        modal = build_assess_modal(self.deps.assessment_rules, channel_id=context.channel_id)
        with _logged("assessment modal", context):
            client.views_open(trigger_id=body["trigger_id"], view=modal)

    def _viewed_topic(self, client: WebClient, team: str | None, user: str | None) -> str | None:
        """The name of the public channel the person is viewing, as words ("hosting-costs" → "hosting costs")."""
        channel = self.conversations.viewed_channel(team, user) if team and user else None
        if not channel:
            return None
        try:
            info = client.conversations_info(channel=channel)
        except WEB_API_FAILURES as error:  # a private channel or DM: not ours to read
            log.info("cannot read the viewed channel (team %s, channel %s): %s", team, channel, error)
            return None
        name = (info.get("channel") or {}).get("name") or ""
        return name.replace("-", " ").replace("_", " ").strip() or None


@dataclass
class _Progress:
    """How far an answer got: whether its status is showing (to clear it) and the turn taken (for the title)."""

    status_shown: bool = False
    turn: Turn | None = None


def _person(body: dict[str, Any]) -> str | None:
    """Slack's sample `app_context_changed` names the person only in its authorizations."""
    people = [a.get("user_id") for a in body.get("authorizations") or [] if not a.get("is_bot")]
    return people[0] if people else None


@contextmanager
def _logged(what: str, context: BoltContext) -> Iterator[None]:
    """A status, title or prompt Slack refuses is not worth failing the answer for: it is logged."""
    try:
        yield
    except WEB_API_FAILURES as error:
        log.warning("could not set the %s (team %s, channel %s): %s", what, context.team_id, context.channel_id, error)


def register(app: App, deps: Deps) -> None:
    AgentConversation(deps, welcome_installer=app.oauth_flow is None).register(app)
