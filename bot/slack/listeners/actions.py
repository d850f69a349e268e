"""Button clicks on answers: 👍 / 👎 (stored, then the voter alone is thanked) and closest topics.

A vote leaves the answer's message as it was (a public message must not show who voted): the thanks
goes to the voter through the click's response URL, as a message only they see. A 👎 also opens a small
form (`listeners.requests` takes its answer). A picked topic's answer replaces the "not sure" message
(`chat.update`, or the response URL's `replace_original` when only the asker saw it), so its buttons
are not live any more.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.core.unavailable import KnowledgeUnavailable
from bot.services.feedback import AnswerMessage
from bot.slack import messages
from bot.slack.answering import answer_topic
from bot.slack.blocks.answer import PICK_TOPIC, VOTE_DOWN, VOTE_UP, AnswerKey
from bot.slack.blocks.downvote_modal import build_downvote_modal
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import WEB_API_FAILURES, Destination, Replacing, Reply, ViaResponseUrl, deliver
from bot.wiring import Deps

log = logging.getLogger(__name__)


class ActionListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(VOTE_UP)(ack=ack_now, lazy=[self.vote_up])
        app.action(VOTE_DOWN)(ack=ack_now, lazy=[self.vote_down])
        app.action(re.compile(rf"^{PICK_TOPIC}_\d+$"))(ack=ack_now, lazy=[self.answer_picked_topic])

    def vote_up(self, body: dict[str, Any], action: dict[str, Any], respond: Respond, context: BoltContext) -> None:
        self._vote(body, action, respond, context, helpful=True)

    def vote_down(
        self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        """The form first: Slack's trigger id lasts three seconds; the vote and its thanks can wait."""
        key = AnswerKey.model_validate_json(action["value"])
        try:
            item = self.deps.knowledge.engine().responsibility(key.responsibility_id or "")
        except KnowledgeUnavailable:  # the form names the question instead; the vote below apologises
            item = None
        try:
            modal = build_downvote_modal(key, topic=item.title if item else key.question)
            client.views_open(trigger_id=body["trigger_id"], view=modal)
        except WEB_API_FAILURES as error:
            log.warning("could not open the 👎 form (team %s): %s", context.team_id, error)
        self._vote(body, action, respond, context, helpful=False)

    def answer_picked_topic(
        self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        container, team, channel = body["container"], context.team_id, body["container"].get("channel_id")
        if container.get("is_ephemeral"):
            where: Destination = ViaResponseUrl(respond=respond, team_id=team, channel=channel, replace_original=True)
        else:
            where = Replacing(client=client, team_id=team, channel=channel, ts=container["message_ts"])
        asker = (body.get("user") or {}).get("id")
        deliver(where, lambda: answer_topic(self.deps, action["value"], team_id=team, client=client, asker=asker))

    def _vote(
        self,
        body: dict[str, Any],
        action: dict[str, Any],
        respond: Respond,
        context: BoltContext,
        *,
        helpful: bool,
    ) -> None:
        key = AnswerKey.model_validate_json(action["value"])
        container, team, user = body["container"], context.team_id, body["user"]["id"]
        channel, ts = container["channel_id"], container["message_ts"]
        privately = ViaResponseUrl(respond=respond, team_id=team, channel=channel)

        def produce() -> Reply:
            answered = AnswerMessage(team or "", channel, ts, key.question, key.responsibility_id)
            tally = self.deps.feedback.vote(answered, user_id=user, helpful=helpful)
            return Reply(text=messages.thanks(helpful=helpful, up=tally.up, down=tally.down))

        deliver(privately, produce)


def register(app: App, deps: Deps) -> None:
    ActionListeners(deps).register(app)
