"""Asking from anywhere: the "Who owns this?" message shortcut, the "Ask who owns…" global shortcut, sharing.

The message shortcut answers about the message's text, quoting its first line, in a reply only the
person sees, with "Share in channel", which posts it for everyone (naming the sharer by name, so
nobody is notified) and removes the person's own copy. The global shortcut opens a modal: the question is answered in
the modal itself (`response_action: update`, worked out within the acknowledgement: an answer takes
milliseconds), and "Post" puts it in the conversation picked there, through the picker's response URL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.unavailable import KnowledgeUnavailable
from bot.slack import surface_messages as say
from bot.slack.answering import ask, rebuild, render
from bot.slack.blocks.answer import AnswerKey
from bot.slack.blocks.ask_modal import (
    ASK_SHORTCUT,
    ASK_VIEW,
    POST_VIEW,
    QUESTION_BLOCK,
    build_answer_modal,
    build_ask_modal,
    question_from,
)
from bot.slack.blocks.mrkdwn import escape, shorten
from bot.slack.blocks.share import SHARE_ANSWER, share_button, shared_copy
from bot.slack.listeners.ack import ack_now
from bot.slack.message_text import first_line, plain_text
from bot.slack.people import name_of
from bot.slack.replies import WEB_API_FAILURES, Outcome, Reply, ViaResponseUrl, deliver
from bot.wiring import Deps

log = logging.getLogger(__name__)
WHO_OWNS_THIS = "who_owns_this"
QUOTED_LINE = 200
ASKED_TEXT = 500  # a long message is asked about by its beginning, which is what it is about


@dataclass(frozen=True)
class ForEveryone:
    """A message for everyone in the conversation a response URL belongs to (`response_type: in_channel`)."""

    respond: Respond
    team_id: str | None
    channel: str | None

    def send(self, reply: Reply) -> bool:
        try:
            response = self.respond(
                text=reply.text, blocks=reply.blocks, response_type="in_channel", replace_original=False
            )
        except WEB_API_FAILURES as error:
            log.error("could not share (team %s, channel %s): %s", self.team_id, self.channel, error)
            return False
        return response.status_code == 200


class ShortcutListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.shortcut(WHO_OWNS_THIS)(ack=ack_now, lazy=[self.who_owns_this])
        app.shortcut(ASK_SHORTCUT)(ack=ack_now, lazy=[self.open_ask])
        app.view(ASK_VIEW)(self.answer_in_modal)
        app.view(POST_VIEW)(ack=ack_now, lazy=[self.post_from_modal])
        app.action(SHARE_ANSWER)(ack=ack_now, lazy=[self.share])

    def who_owns_this(
        self, shortcut: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        team, channel = context.team_id, (shortcut.get("channel") or {}).get("id")
        asker = (shortcut.get("user") or {}).get("id")

        def produce() -> Reply:
            text = plain_text(shortcut.get("message") or {})
            if not text:
                return Reply.of(say.SHORTCUT_EMPTY)
            answer = ask(self.deps, shorten(text, ASKED_TEXT), team_id=team, surface="shortcut")
            reply = render(self.deps, answer, team_id=team, client=client, asker=asker)
            quote = say.SHORTCUT_QUOTE.format(line=escape(shorten(first_line(text), QUOTED_LINE)))
            quoted = {"type": "context", "elements": [{"type": "mrkdwn", "text": quote}]}
            return Reply(reply.text, [quoted, *reply.blocks, share_button(AnswerKey.of(answer))])

        deliver(ViaResponseUrl(respond=respond, team_id=team, channel=channel), produce)

    def open_ask(self, shortcut: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        try:
            client.views_open(trigger_id=shortcut["trigger_id"], view=build_ask_modal())
        except WEB_API_FAILURES as error:
            log.error("could not open the ask modal (team %s): %s", context.team_id, error)

    def answer_in_modal(self, ack: Ack, view: dict[str, Any], context: BoltContext) -> None:
        question = question_from(view)
        if not question:
            ack(response_action="errors", errors={QUESTION_BLOCK: say.ASK_EMPTY})
            return
        try:
            answer = ask(self.deps, question, team_id=context.team_id, surface="shortcut")
            reply = render(self.deps, answer, team_id=context.team_id)
        except KnowledgeUnavailable:
            log.warning("knowledge base unreachable (team %s)", context.team_id, exc_info=True)
            ack(response_action="errors", errors={QUESTION_BLOCK: say.ASK_UNAVAILABLE})
            return
        ack(response_action="update", view=build_answer_modal(reply.blocks, AnswerKey.of(answer)))

    def post_from_modal(
        self, view: dict[str, Any], body: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        picked = (body.get("response_urls") or [{}])[0].get("channel_id")
        key = AnswerKey.model_validate_json(view["private_metadata"])
        self._post_for_everyone(key, respond, client, context, user_id=body["user"]["id"], channel=picked)

    def share(
        self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        """The answer for everyone in the channel, then the asker's own copy (only they saw it) goes."""
        key = AnswerKey.model_validate_json(action["value"])
        channel = (body.get("channel") or {}).get("id")
        if self._post_for_everyone(key, respond, client, context, user_id=body["user"]["id"], channel=channel):
            try:
                respond(delete_original=True)
            except WEB_API_FAILURES as error:
                log.warning("could not remove the shared answer (team %s): %s", context.team_id, error)

    def _post_for_everyone(
        self,
        key: AnswerKey,
        respond: Respond,
        client: WebClient,
        context: BoltContext,
        *,
        user_id: str,
        channel: str | None,
    ) -> bool:
        """True when the answer went out; the sharer is named by name, so nobody is notified."""
        team = context.team_id

        def produce() -> Reply | None:
            answer = rebuild(self.deps, key, team_id=team)
            if answer is None:  # its topic was retired since: nothing to share
                return None
            reply = render(self.deps, answer, team_id=team, picked=key.picked, client=client)
            return Reply(reply.text, shared_copy(reply.blocks, by=name_of(self.deps, client, team, user_id)))

        return deliver(ForEveryone(respond=respond, team_id=team, channel=channel), produce) is Outcome.SENT


def register(app: App, deps: Deps) -> None:
    ShortcutListeners(deps).register(app)
