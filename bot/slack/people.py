"""A person's name as their workspace shows it (`users.info`, `users:read`), for messages that must name
someone without mentioning them: a mention notifies the person, a name does not."""

from __future__ import annotations

import logging

from slack_sdk import WebClient

from bot.slack.replies import WEB_API_FAILURES

log = logging.getLogger(__name__)


def display_name(client: WebClient, user_id: str) -> str | None:
    """Their display name, else their full name, else their handle; None when Slack will not say."""
    try:
        user = client.users_info(user=user_id).get("user") or {}
    except WEB_API_FAILURES as error:
        log.info("could not read a user's name: %s", error)
        return None
    profile = user.get("profile") or {}
    for name in (profile.get("display_name"), profile.get("real_name"), user.get("real_name"), user.get("name")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None
