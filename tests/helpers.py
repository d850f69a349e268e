"""Shortcuts tests take that the app itself must not: writing a workspace's settings with no actor, audit
entry or version check, and asking whether somebody is an admin outside any write."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from bot.core.org import OrgSettings
from bot.services.admin.permissions import Permissions
from bot.services.knowledge import KnowledgeService
from bot.slack.actors import actor_from_users_info
from bot.store.unit_of_work import unit_of_work


def save_org(knowledge: KnowledgeService, team_id: str, data: Any, *, by: str | None) -> OrgSettings:
    """Stores a workspace's settings as they are, after the same check an admin's save makes."""
    org = knowledge.check_org(data)
    with unit_of_work(knowledge.db) as store:
        store.orgs.save(team_id, org, by=by, first=store.orgs.get(team_id) is None)
    return org


def is_admin(permissions: Permissions, team_id: str, user_id: str, user_info: Mapping[str, Any] | None) -> bool:
    return permissions.allows(actor_from_users_info(team_id, user_id, user_info))


class Clock:
    """A clock moved by hand (`clock.now += …`), for what takes `now=`: time passes without the test waiting."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now
