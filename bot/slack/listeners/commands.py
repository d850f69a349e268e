"""`/whoowns`: a topic gets an answer only the asker sees; a first word in `SUBCOMMANDS` runs that instead.

Another feature plugs in with one line in `SUBCOMMANDS`: a function taking a `CommandRequest`.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.slack.answering import ask as ask_engine
from bot.slack.answering import render
from bot.slack.blocks.answer import AnswerKey
from bot.slack.blocks.share import share_button
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.admin_command import admin_command
from bot.slack.listeners.assess import open_assessment
from bot.slack.listeners.command_request import CommandRequest, Subcommand
from bot.slack.replies import Reply, deliver
from bot.slack.small_talk import help_reply, small_talk_reply
from bot.wiring import Deps


def show_help(request: CommandRequest) -> None:
    deliver(request.reply_privately, lambda: help_reply(request.deps, request.team_id))


def ask(request: CommandRequest) -> None:
    """An answer only the asker sees, with "Share in channel" when it is one (small talk gets its reply)."""
    deps, team = request.deps, request.team_id

    def produce() -> Reply:
        chatted = small_talk_reply(deps, request.args, team_id=team)
        if chatted is not None:
            return chatted
        answer = ask_engine(deps, request.args, team_id=team, surface="command")
        reply = render(deps, answer, team_id=team, client=request.client, asker=request.user_id)
        if not answer.known:
            return reply
        return Reply(reply.text, [*reply.blocks, share_button(AnswerKey.of(answer))])

    deliver(request.reply_privately, produce)


SUBCOMMANDS: dict[str, Subcommand] = {
    "help": show_help,
    "assess": open_assessment,
    "admin": admin_command,
}


def route(text: str) -> tuple[Subcommand, str]:
    """The subcommand for the command text and its arguments; a topic (anything else) is asked."""
    word, _, rest = text.strip().partition(" ")
    if not word:
        return show_help, ""
    subcommand = SUBCOMMANDS.get(word.casefold())
    return (subcommand, rest.strip()) if subcommand else (ask, text.strip())


class CommandListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.command("/whoowns")(ack=ack_now, lazy=[self.run])

    def run(self, command: dict[str, Any], client: WebClient, respond: Respond, context: BoltContext) -> None:
        subcommand, args = route(command.get("text", ""))
        request = CommandRequest(
            deps=self.deps,
            args=args,
            command=command,
            client=client,
            respond=respond,
            team_id=context.team_id,
            user_id=command["user_id"],
            trigger_id=command.get("trigger_id"),
        )
        subcommand(request)


def register(app: App, deps: Deps) -> None:
    CommandListeners(deps).register(app)
