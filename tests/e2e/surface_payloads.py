"""Signed-request bodies for the agent conversation, shortcuts and link previews, shaped as Slack sends them
(Slack's event reference pages and bolt-python's tests/scenario_tests):

    slack.action(message_shortcut(message={"text": "…", "ts": …}, channel="C1", response_url=url))
    slack.action(global_shortcut())
    slack.event(link_shared(["https://…/kb/pricing"], channel="C1"))
    slack.event(app_context_changed(channel="C0VIEWED"))
"""

from __future__ import annotations

from typing import Any

from tests.e2e.slack_requests import TEAM, USER, event_callback, fresh_id, fresh_ts


def message_shortcut(
    *, message: dict[str, Any], channel: str, response_url: str, callback_id: str = "who_owns_this", user: str = USER
) -> dict[str, Any]:
    """A `message_action`: someone picked the shortcut from `message`'s menu."""
    return {
        "type": "message_action",
        "token": "unused",
        "action_ts": fresh_ts(),
        "team": {"id": TEAM, "domain": "test"},
        "user": {"id": user, "username": "asker", "team_id": TEAM, "name": "asker"},
        "channel": {"id": channel, "name": "general"},
        "is_enterprise_install": False,
        "enterprise": None,
        "callback_id": callback_id,
        "trigger_id": fresh_id("trigger."),
        "response_url": response_url,
        "message_ts": message["ts"],
        "message": {"type": "message", "user": "U0AUTHOR", **message},
    }


def global_shortcut(*, callback_id: str = "ask_who_owns", user: str = USER) -> dict[str, Any]:
    return {
        "type": "shortcut",
        "token": "unused",
        "action_ts": fresh_ts(),
        "team": {"id": TEAM, "domain": "test"},
        "user": {"id": user, "username": "asker", "team_id": TEAM},
        "is_enterprise_install": False,
        "callback_id": callback_id,
        "trigger_id": fresh_id("trigger."),
    }


def link_shared(urls: list[str], *, channel: str, source: str = "conversations_history") -> dict[str, Any]:
    ts = fresh_ts()
    event = {
        "type": "link_shared",
        "channel": channel,
        "is_bot_user_member": True,
        "user": USER,
        "message_ts": ts,
        "unfurl_id": f"{channel}.{ts}.{fresh_id('')}",
        "source": source,
        "links": [{"domain": url.split("/")[2], "url": url} for url in urls],
        "event_ts": ts,
    }
    return event_callback(event)


def app_context_changed(*, channel: str | None, user: str = USER) -> dict[str, Any]:
    """What the person now looks at: a channel, or (None) something that is not one."""
    entities = [{"type": "slack#/types/channel_id", "value": channel, "team_id": TEAM}] if channel else []
    context = {"entities": entities} if entities else {}
    return event_callback({"type": "app_context_changed", "user": user, "context": context, "event_ts": fresh_ts()})
