"""Which workspaces exist, so a mistyped team id on the command line is an error instead of a new workspace.

A workspace is known once its settings are stored or the app is installed there. Anything else is
refused unless the caller says it means to start one (`--create`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.core import limits

if TYPE_CHECKING:
    from bot.store.database import Database

TEAM_ID_PATTERN = re.compile(rf"[TE][A-Z0-9]{{2,{limits.SLACK_ID - 1}}}")


class UnknownWorkspace(ValueError):
    """A team id that is malformed, or names no workspace the app knows and was not asked to create."""


def require_workspace(db: Database, team_id: str, *, create: bool = False) -> None:
    """Returns if `team_id` names a known workspace (or `create` allows a new one); `UnknownWorkspace` if not."""
    if not TEAM_ID_PATTERN.fullmatch(team_id):
        raise UnknownWorkspace(f"{team_id!r} is not a Slack team id (like T0123ABCD)")
    if create:
        return
    from bot.store.unit_of_work import unit_of_work  # here: `whoowns ask` imports this module for its error

    with unit_of_work(db) as store:
        known = store.orgs.known(team_id)
    if not known:
        raise UnknownWorkspace(
            f"no workspace {team_id}: it has no stored settings and the app is not installed there "
            "(check the team id, or pass --create to start its settings)"
        )
