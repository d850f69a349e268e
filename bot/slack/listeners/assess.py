"""`/whoowns assess`: the questions modal, the result only the person sees, and sharing it in the channel.

The command opens the modal with the command's trigger id (`open_assessment`, plugged into the command
routing table). The submission is checked in the acknowledgement itself, so a bad choice is shown under
its question; the assessment is then posted ephemerally in the channel the command came from. If the
bot cannot post there (not a member, a DM between people), the result goes to the person's DM with the
bot instead. The result is short (recommendation, score, the three strongest reasons); "All factors" opens the rest
in a modal, for whoever clicks it. "Share in channel" posts the same short result for everyone and
marks the private copy shared.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.assess import Assessment, assess
from bot.core.assess_answers import Answers, check_answers
from bot.core.problems import InvalidInput
from bot.core.restructure import what_moves, with_moves
from bot.slack import messages
from bot.slack.blocks.assessment import (
    ALL_FACTORS,
    ASSESS_VIEW,
    SHARE_ASSESSMENT,
    ModalMetadata,
    ShareKey,
    answers_from_state,
    assessment_text,
    build_all_factors_modal,
    build_assess_modal,
    build_assessment_blocks,
    shared_by,
)
from bot.slack.blocks.moves import SHOW_MOVES, build_moves_modal
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.command_request import CommandRequest
from bot.slack.replies import WEB_API_FAILURES, InChannel, Reply, ViaResponseUrl
from bot.wiring import Deps

log = logging.getLogger(__name__)
CANNOT_POST_HERE = {"channel_not_found", "not_in_channel", "is_archived", "user_not_in_channel"}


def open_assessment(request: CommandRequest) -> None:
    """The `assess` entry of the `/whoowns` routing table."""
    modal = build_assess_modal(request.deps.assessment_rules, channel_id=request.command.get("channel_id"))
    try:
        request.client.views_open(trigger_id=request.trigger_id, view=modal)
    except WEB_API_FAILURES as error:
        log.error("could not open the assessment (team %s, user %s): %s", request.team_id, request.user_id, error)
        request.reply_privately.send(Reply.of(messages.ASSESSMENT_NOT_OPENED))


class AssessListeners:
    def __init__(self, deps: Deps):
        self.rules = deps.assessment_rules
        self.knowledge = deps.knowledge

    def assess_for(self, answers: Answers, team_id: str | None) -> Assessment:
        """The assessment, with what its recommendation moves in the workspace's organisation."""
        engine, org = self.knowledge.engine_and_org(team_id)
        return with_moves(assess(self.rules, answers), engine.kb, org)

    def register(self, app: App) -> None:
        app.view(ASSESS_VIEW)(ack=self.check_submission, lazy=[self.post_result])
        app.action(SHARE_ASSESSMENT)(ack=ack_now, lazy=[self.share])
        app.action(ALL_FACTORS)(ack=ack_now, lazy=[self.show_all_factors])
        app.action(SHOW_MOVES)(self.show_moves)

    def check_submission(self, ack: Ack, view: dict[str, Any]) -> None:
        try:
            check_answers(self.rules, answers_from_state(self.rules, view["state"]["values"]))
        except InvalidInput as error:
            ack(response_action="errors", errors={str(p.loc[0]): p.message for p in error.problems if p.loc})
            return
        ack()

    def post_result(self, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        try:
            answers = check_answers(self.rules, answers_from_state(self.rules, view["state"]["values"]))
        except InvalidInput:
            return  # refused in the acknowledgement, under the question
        user, team = body["user"]["id"], context.team_id
        result = self.assess_for(answers, team)
        channel = ModalMetadata.model_validate_json(view.get("private_metadata") or "{}").channel
        text = assessment_text(result)
        private = Reply.of(text, build_assessment_blocks(result, answers=answers, shareable=True))
        if channel is None or not _post_ephemeral(client, channel=channel, user=user, reply=private, team_id=team):
            direct = Reply.of(text, build_assessment_blocks(result, answers=answers, note=messages.ASSESSMENT_IN_DM))
            InChannel(client=client, team_id=team, channel=user).send(direct)

    def share(
        self, body: dict[str, Any], action: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext
    ) -> None:
        answers = check_answers(self.rules, ShareKey.model_validate_json(action["value"]).answers)
        result = self.assess_for(answers, context.team_id)
        user, channel = body["user"]["id"], body["container"]["channel_id"]
        shared_blocks = build_assessment_blocks(result, answers=answers, note=shared_by(user))
        shared = Reply.of(assessment_text(result), shared_blocks)
        try:
            client.chat_postMessage(channel=channel, text=shared.text, blocks=shared.blocks)
        except WEB_API_FAILURES as error:
            log.error("could not share an assessment (team %s, channel %s): %s", context.team_id, channel, error)
            refusal = Reply.of(messages.ASSESSMENT_NOT_SHARED)
            ViaResponseUrl(respond=respond, team_id=context.team_id, channel=channel).send(refusal)
            return
        ViaResponseUrl(respond=respond, team_id=context.team_id, channel=channel, replace_original=True).send(shared)

    def show_all_factors(self, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        """Anyone who sees a result (shared in a channel too) can open everything behind it."""
        result = assess(self.rules, check_answers(self.rules, ShareKey.model_validate_json(action["value"]).answers))
        try:
            client.views_open(trigger_id=body["trigger_id"], view=build_all_factors_modal(result))
        except WEB_API_FAILURES as error:
            log.error("could not open an assessment's factors (user %s): %s", body["user"]["id"], error)

    def show_moves(self, ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient) -> None:
        """ "See the topics": the list behind the result's moves line, for the workspace as it is now."""
        ack()
        team = (body.get("team") or {}).get("id")
        engine, org = self.knowledge.engine_and_org(team)
        found = what_moves(engine.kb, org, action.get("value") or "")
        try:
            client.views_open(trigger_id=body["trigger_id"], view=build_moves_modal(found.summary, found.moves))
        except WEB_API_FAILURES as error:
            log.error("could not open the list of moves (team %s): %s", team, error)


def _post_ephemeral(client: WebClient, *, channel: str, user: str, reply: Reply, team_id: str | None) -> bool:
    """Posts `reply` for `user` only; False when Slack says the bot cannot post in `channel`."""
    try:
        client.chat_postEphemeral(channel=channel, user=user, text=reply.text, blocks=reply.blocks)
    except WEB_API_FAILURES as error:
        if isinstance(error, SlackApiError) and error.response.get("error") in CANNOT_POST_HERE:
            return False
        log.error("could not post an assessment (team %s, channel %s): %s", team_id, channel, error)
    return True


def register(app: App, deps: Deps) -> None:
    AssessListeners(deps).register(app)
