"""Who is making a change, and how to name them in a message.

Slack passes the person's `users.info` result: workspace admins and owners may change things, as may
the people the workspace's settings list as admins (checked by `permissions`). The command line acts
as `cli:<login>`: whoever can run it can already reach the database.
"""

from __future__ import annotations

import getpass
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

Mention = Callable[[str], str]
SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,20}$")
CLI_PREFIX = "cli:"


@dataclass(frozen=True)
class Actor:
    team_id: str
    user_id: str
    workspace_admin: bool  # a Slack workspace admin or owner, from users.info

    @classmethod
    def from_slack(cls, team_id: str, user_id: str, user_info: Mapping[str, Any] | None) -> Actor:
        return cls(team_id=team_id, user_id=user_id, workspace_admin=is_workspace_admin(user_id, user_info))


def is_workspace_admin(user_id: str, user_info: Mapping[str, Any] | None) -> bool:
    """True when a `users.info` result (the whole response or its `user`) makes `user_id` an admin or owner.

    A result about somebody else, or a failed call, counts as not an admin.
    """
    if not user_info:
        return False
    user = user_info.get("user", user_info)
    if not isinstance(user, Mapping) or user.get("id") != user_id or user.get("deleted"):
        return False
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))


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
