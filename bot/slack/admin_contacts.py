"""Who to tell when someone asks the admins for something: the workspace's Slack admins and owners
(`users.list`, `users:read`) and the people its settings name as admins, each once.

A workspace too big to read whole is read up to `MAX_PAGES` pages; the admins named in the settings are
always told. A Web API failure leaves just those.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from slack_sdk import WebClient

from bot.slack.people import members
from bot.slack.replies import WEB_API_FAILURES

log = logging.getLogger(__name__)
MAX_PAGES = 10


def admins_to_tell(client: WebClient, *, team_id: str | None, named: Iterable[str]) -> list[str]:
    found = list(dict.fromkeys(named))
    try:
        found.extend(user["id"] for user in members(client, max_pages=MAX_PAGES) if _is_admin(user))
    except WEB_API_FAILURES as error:
        log.warning("could not list the workspace's admins (team %s): %s", team_id, error)
    return list(dict.fromkeys(found))


def _is_admin(user: Mapping[str, Any]) -> bool:
    people = not user.get("deleted") and not user.get("is_bot") and user.get("id") != "USLACKBOT"
    return people and bool(user.get("is_admin") or user.get("is_owner") or user.get("is_primary_owner"))
