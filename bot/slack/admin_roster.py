"""Who a person can ask when they are not an admin: the admins' names, never mentions that would ping them.

Admins are the workspace's Slack admins and owners (`users.list`, with `users:read`) and the people the
settings name (`users.info` for each not already listed). A person Slack cannot describe is left out;
a failed `users.list` leaves the settings' admins, so the refusal still goes out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from slack_sdk import WebClient

from bot.services.people import display_name
from bot.slack.replies import WEB_API_FAILURES

log = logging.getLogger(__name__)
PAGE = 200
MAX_PAGES = 10  # 2,000 people: a workspace larger than that still gets the admins seen so far
MAX_NAMED = 10


def admin_names(client: WebClient, *, named: Sequence[str]) -> list[str]:
    """The admins' display names, Slack's admins and owners first, at most `MAX_NAMED`."""
    people = {user["id"]: user for user in _workspace_admins(client)}
    for user_id in named:
        if user_id not in people and (user := _user(client, user_id)) is not None:
            people[user_id] = user
    people_named = (
        display_name(user) for user in people.values() if not user.get("deleted") and not user.get("is_bot")
    )
    return [name for name in people_named if name][:MAX_NAMED]


def _workspace_admins(client: WebClient) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    cursor = None
    try:
        for _ in range(MAX_PAGES):
            page = client.users_list(limit=PAGE, cursor=cursor)
            found += [u for u in page.get("members") or [] if u.get("is_admin") or u.get("is_owner")]
            cursor = (page.get("response_metadata") or {}).get("next_cursor")
            if not cursor:
                break
    except WEB_API_FAILURES as error:
        log.warning("users.list failed: %s", error)
    return found


def _user(client: WebClient, user_id: str) -> dict[str, Any] | None:
    try:
        return client.users_info(user=user_id).get("user")
    except WEB_API_FAILURES as error:
        log.warning("users.info failed (user %s): %s", user_id, error)
        return None
