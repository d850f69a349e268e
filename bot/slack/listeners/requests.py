"""Requests to the admins: "Ask an admin to add this" on a "not sure" reply, and the 👎 form's answer.

A request is recorded with the person who sent it (the admins' gaps list shows both), each admin gets
a DM about an "add this" request (once per person and question, however often it is clicked), and the
person is thanked in a message only they see. The 👎 form is
checked inside its acknowledgement (an empty form gets an error under its first field) and recorded
afterwards.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack import messages
from bot.slack.admin_contacts import admins_to_tell
from bot.slack.blocks.answer import REQUEST_TOPIC, AnswerKey
from bot.slack.blocks.downvote_modal import DOWNVOTE_VIEW, OWNER_BLOCK, written
from bot.slack.blocks.mrkdwn import escape, mention, shorten
from bot.slack.listeners.ack import ack_now
from bot.slack.replies import InChannel, Reply, ViaResponseUrl, deliver
from bot.wiring import Deps

QUESTION_SHOWN = 500


class RequestListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.action(REQUEST_TOPIC)(ack=ack_now, lazy=[self.ask_admins])
        app.view(DOWNVOTE_VIEW)(ack=self.check_form, lazy=[self.keep_form])

    def ask_admins(
        self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        key = AnswerKey.model_validate_json(action["value"])
        team, user = context.team_id or "", body["user"]["id"]
        channel = (body.get("container") or {}).get("channel_id")

        def produce() -> Reply:
            if self.deps.requests.ask_to_add(team_id=team, user_id=user, question=key.question):
                self._tell_admins(client, team, user, key.question)
            return Reply(text=messages.REQUEST_THANKS)

        deliver(ViaResponseUrl(respond=respond, team_id=team, channel=channel), produce)

    def check_form(self, ack: Ack, view: dict[str, Any]) -> None:
        if not any(written(view)):
            ack(response_action="errors", errors={OWNER_BLOCK: messages.DOWNVOTE_EMPTY})
            return
        ack()

    def keep_form(self, body: dict[str, Any], view: dict[str, Any], context: BoltContext) -> None:
        owner, note = written(view)
        if not (owner or note):
            return
        key = AnswerKey.model_validate_json(view["private_metadata"])
        self.deps.requests.answer_feedback(
            team_id=context.team_id or "",
            user_id=body["user"]["id"],
            question=key.question,
            responsibility_id=key.responsibility_id,
            owner=owner,
            note=note,
        )

    def _tell_admins(self, client: WebClient, team: str, user: str, question: str) -> None:
        """A DM to each admin; one that cannot be sent is logged (the request is kept all the same)."""
        text = messages.REQUEST_TO_ADMINS.format(user=mention(user), question=escape(shorten(question, QUESTION_SHOWN)))
        for admin in admins_to_tell(client, team_id=team, named=self.deps.requests.admins_named(team)):
            InChannel(client=client, team_id=team, channel=admin).send(Reply(text=text))


def register(app: App, deps: Deps) -> None:
    RequestListeners(deps).register(app)
