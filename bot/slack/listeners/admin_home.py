"""The App Home's admin section: shown only to admins, with their to-do (roles nobody is named for, holders
that need attention, checked with `users.info` when their cached profile is old), the gaps and the latest
changes."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.services.unnamed_roles import unnamed_roles
from bot.slack.admin_ui import actor_for, due_review
from bot.slack.blocks.admin_lists import admin_home_blocks
from bot.slack.blocks.admin_todo import todo_blocks
from bot.slack.blocks.mrkdwn import mention
from bot.slack.people import users_info
from bot.wiring import Deps

HOME_GAPS = 5
HOME_CHANGES = 5


def admin_section(deps: Deps, team_id: str | None, user_id: str, client: WebClient) -> list[Block]:
    """Nothing for people who are not admins; hiding it is a courtesy, every write checks again."""
    if not team_id:
        return []
    actor = actor_for(client, team_id, user_id)
    if not deps.admin.permissions.allows(actor):
        return []
    gaps = deps.admin.gaps.list(actor, limit=HOME_GAPS)
    changes = deps.admin.history.latest(actor, limit=HOME_CHANGES, mention=mention)
    flagged = deps.holders.flagged(team_id, lookup=users_info(client, team_id))
    todo = todo_blocks(unnamed_roles(deps.knowledge, team_id), flagged)
    return [*todo, *admin_home_blocks(gaps, changes, mention=mention, due=due_review(deps))]
