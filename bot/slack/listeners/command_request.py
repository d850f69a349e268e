"""What a `/whoowns` subcommand is given: its own module, so the routing table (`commands.py`) can import
the subcommands and they can name the request type without importing the table back."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient

from bot.slack.replies import ViaResponseUrl
from bot.wiring import Deps


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
