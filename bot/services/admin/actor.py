"""Who is making a change, and how to name them in a message.

The Slack layer says whether the person is a workspace admin or owner (from `users.info`,
`bot/slack/actors.py`): they may change things, as may the people the workspace's settings list as
admins (checked by `permissions`). The command line acts as `cli:<login>`: whoever can run it can
already reach the database.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable
from dataclasses import dataclass

Mention = Callable[[str], str]
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,20}$")
CLI_PREFIX = "cli:"


@dataclass(frozen=True)
class Actor:
    team_id: str
    user_id: str
    workspace_admin: bool  # a Slack workspace admin or owner (or the command line, or the app itself)


def cli_actor() -> str:
    """The audit log's name for a change made from the command line: `cli:<login>`."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        login = "unknown"
    return (CLI_PREFIX + login)[:40]


def name_actor(actor: str | None, mention: Mention = str) -> str:
    """A Slack user as `mention` writes them, the command line as "alice (command line)"."""
    if not actor:
        return "the shipped knowledge"
    if SLACK_USER.match(actor):
        return mention(actor)
    if actor.startswith(CLI_PREFIX):
        return f"{actor.removeprefix(CLI_PREFIX)} (command line)"
    return actor
