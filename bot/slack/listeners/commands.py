"""`/whoowns`: a topic gets an answer only the asker sees; a first word in `SUBCOMMANDS` runs that instead.

Another feature plugs in with one line in `SUBCOMMANDS`: a function taking a `CommandRequest`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext, Respond
from slack_sdk import WebClient

from bot.services.overview import workspace_overview
from bot.slack import messages
from bot.slack.answering import answer_question
from bot.slack.blocks.help import build_help_blocks
from bot.slack.deps import Deps
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.admin_command import admin_command
from bot.slack.listeners.assess import open_assessment
from bot.slack.replies import Reply, ViaResponseUrl, deliver

EXAMPLE_TOPICS = 5


@dataclass(frozen=True)
class CommandRequest:
    """One `/whoowns <subcommand> <args>` call, with what a subcommand needs to reply or open a modal."""

    deps: Deps
    args: str
    command: dict[str, Any]
    client: WebClient
    respond: Respond
    team_id: str | None
    user_id: str
    trigger_id: str | None

    @property
    def reply_privately(self) -> ViaResponseUrl:
        return ViaResponseUrl(respond=self.respond, team_id=self.team_id, channel=self.command.get("channel_id"))


Subcommand = Callable[[CommandRequest], None]


def show_help(request: CommandRequest) -> None:
    def produce() -> Reply:
        examples = workspace_overview(request.deps.knowledge, request.team_id).example_topics(EXAMPLE_TOPICS)
        return Reply.of(messages.ASK_HOWTO, build_help_blocks(examples))

    deliver(request.reply_privately, produce)


def ask(request: CommandRequest) -> None:
    deliver(
        request.reply_privately,
        lambda: answer_question(
            request.deps,
            request.args,
            team_id=request.team_id,
            surface="command",
            client=request.client,
            asker=request.user_id,
        ),
    )


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
