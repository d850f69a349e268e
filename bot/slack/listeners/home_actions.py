"""What people do on the App Home: ask in its box, open a topic from a role's picker, an admin's first steps.

An answer opens in a modal (the same one the "Ask who owns…" shortcut shows, with its channel picker to
post it), so the Home tab itself never changes under the person. An empty question opens the ask modal.
The Home sections here: the ask box for everyone, the first-steps card for an admin of a workspace
that has named nobody (its buttons open the settings and override editors, and the file import).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.core.answer import Answer
from bot.core.unavailable import KnowledgeUnavailable
from bot.slack import messages
from bot.slack import surface_messages as say
from bot.slack.admin_ui import actor_for
from bot.slack.answering import ask, render
from bot.slack.blocks.admin_forms import build_notice_modal
from bot.slack.blocks.answer import AnswerKey
from bot.slack.blocks.ask_modal import build_answer_modal, build_ask_modal
from bot.slack.blocks.home_actions import (
    HOME_ASK,
    HOME_QUESTION,
    HOME_TOPIC,
    ask_box_blocks,
    asked_in_home,
    first_steps_blocks,
)
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
Body = dict[str, Any]


def ask_box_section(_deps: Deps, _team_id: str | None, _user_id: str, _client: WebClient) -> list[Block]:
    return ask_box_blocks()


def first_steps_section(deps: Deps, team_id: str | None, user_id: str, client: WebClient) -> list[Block]:
    """For an admin, while the workspace names nobody. The role to name first is the first one the workspace
    has besides its fallback (usually the CEO, whom everyone knows): the CTO, or the CPTO, by default."""
    if not team_id:
        return []
    org, _ = deps.admin.org.open(team_id)
    if any(seat.holder for seat in org.roles.values()):
        return []
    if not deps.admin.permissions.allows(actor_for(client, team_id, user_id)):
        return []
    first = next((role for role in org.roles if role != org.fallback), org.fallback)
    return first_steps_blocks(role=first) if first else []


class HomeActions:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        for asking in (HOME_QUESTION, HOME_ASK):
            app.action(asking)(ack=ack_now, lazy=[self.answer_question])
        app.action(HOME_TOPIC)(ack=ack_now, lazy=[self.answer_topic])

    def answer_question(self, body: Body, client: WebClient, context: BoltContext) -> None:
        question = asked_in_home(body)
        if not question:
            self._open(body, client, build_ask_modal())
            return
        team = context.team_id
        self._open_answer(body, client, context, lambda: ask(self.deps, question, team_id=team, surface="home"))

    def answer_topic(self, body: Body, action: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        topic = action["selected_option"]["value"]
        self._open_answer(
            body, client, context, lambda: self.deps.knowledge.answer_topic(topic, team_id=context.team_id), picked=True
        )

    def _open_answer(
        self,
        body: Body,
        client: WebClient,
        context: BoltContext,
        answer_of: Callable[[], Answer | None],
        *,
        picked: bool = False,
    ) -> None:
        view: View | dict[str, Any]
        try:
            answer = answer_of()
            if answer is None:
                view = build_notice_modal(messages.TOPIC_NO_LONGER_EXISTS, title=say.ASK_MODAL_TITLE)
            else:
                reply = render(self.deps, answer, team_id=context.team_id, picked=picked, client=client)
                view = build_answer_modal(reply.blocks, AnswerKey.of(answer, picked=picked))
        except KnowledgeUnavailable:
            log.warning("knowledge base unreachable (team %s)", context.team_id, exc_info=True)
            view = build_notice_modal(messages.KNOWLEDGE_UNAVAILABLE, title=say.ASK_MODAL_TITLE)
        self._open(body, client, view)

    @staticmethod
    def _open(body: Body, client: WebClient, view: View | dict[str, Any]) -> None:
        try:
            client.views_open(trigger_id=body["trigger_id"], view=view)
        except WEB_API_FAILURES as error:
            log.error("could not open a modal from the Home tab (user %s): %s", body["user"]["id"], error)


def register(app: App, deps: Deps) -> None:
    HomeActions(deps).register(app)
