"""Who is asking, as the admin services see them, read from Slack's `users.info`.

Slack's workspace admins and owners are admins here; a record about somebody else, a deactivated
account or a failed call counts as no workspace admin (the services still let in the people the
workspace's settings list as admins).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.services.admin import Actor


def actor_from_users_info(team_id: str, user_id: str, user_info: Mapping[str, Any] | None) -> Actor:
    return Actor(team_id=team_id, user_id=user_id, workspace_admin=is_workspace_admin(user_id, user_info))


def is_workspace_admin(user_id: str, user_info: Mapping[str, Any] | None) -> bool:
    """True when a `users.info` result (the whole response or its `user`) makes `user_id` an admin or owner."""
    if not user_info:
        return False
    user = user_info.get("user", user_info)
    if not isinstance(user, Mapping) or user.get("id") != user_id or user.get("deleted"):
        return False
    return bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
