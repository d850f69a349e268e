"""Signed requests as Slack sends them: events, slash commands and interactivity payloads.

    slack = SlackSender(server.url, fake=fake)
    slack.event(mention("who owns hosting costs?", channel="C1"))        # -> requests.Response
    slack.command("hosting costs", channel="C1")                          # response_url -> the fake
    slack.action(block_action(...))
    slack.event(payload, signing_secret="wrong")                          # a badly signed request

Every builder takes keyword overrides; ids that must be unique (event ids, timestamps) are fresh each
call, so tests can share one server without seeing each other's replies.
"""

from __future__ import annotations

import itertools
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

import requests
from slack_sdk.signature import SignatureVerifier

from tests.e2e.fake_slack import BOT_USER_ID, FakeSlack
from tests.e2e.server import SIGNING_SECRET

TEAM = "T0TEST"
USER = "U0ASKER1"
_ts = itertools.count(1)


def fresh_id(prefix: str) -> str:
    return f"{prefix}{uuid.uuid4().hex[:10].upper()}"


def fresh_ts() -> str:
    return f"{int(time.time())}.{next(_ts):06d}"


class SlackSender:
    def __init__(self, base_url: str, *, fake: FakeSlack, signing_secret: str = SIGNING_SECRET):
        self.base_url = base_url
        self.fake = fake
        self.signing_secret = signing_secret
        self.http = requests.Session()

    def post(
        self,
        body: str,
        *,
        content_type: str,
        signing_secret: str | None = None,
        timestamp: int | None = None,
        headers: dict[str, str] | None = None,
    ) -> requests.Response:
        stamp = str(timestamp if timestamp is not None else int(time.time()))
        verifier = SignatureVerifier(signing_secret or self.signing_secret)
        signed = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": verifier.generate_signature(timestamp=stamp, body=body),
            **(headers or {}),
        }
        return self.http.post(self.base_url + "/slack/events", data=body.encode(), headers=signed, timeout=30)

    def event(self, payload: dict[str, Any], *, retry_num: int | None = None, **signing: Any) -> requests.Response:
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"} if retry_num else {}
        return self.post(json.dumps(payload), content_type="application/json", headers=headers, **signing)

    def command(self, text: str, **fields: Any) -> requests.Response:
        signing = {k: fields.pop(k) for k in ("signing_secret", "timestamp") if k in fields}
        form = command_form(text, response_url=fields.pop("response_url", None) or self.fake.response_url(), **fields)
        return self.post(urlencode(form), content_type="application/x-www-form-urlencoded", **signing)

    def action(self, payload: dict[str, Any], **signing: Any) -> requests.Response:
        body = urlencode({"payload": json.dumps(payload)})
        return self.post(body, content_type="application/x-www-form-urlencoded", **signing)


def event_callback(event: dict[str, Any], *, team: str = TEAM, event_id: str | None = None) -> dict[str, Any]:
    return {
        "token": "unused",
        "team_id": team,
        "api_app_id": "A0WHOOWNS",
        "event": event,
        "type": "event_callback",
        "event_id": event_id or fresh_id("Ev"),
        "event_time": int(time.time()),
        "authorizations": [{"team_id": team, "user_id": BOT_USER_ID, "is_bot": True, "is_enterprise_install": False}],
    }


def mention(text: str, *, channel: str, user: str = USER, ts: str | None = None, **extra: Any) -> dict[str, Any]:
    """An `app_mention` event callback; pass `thread_ts` for a mention inside a thread."""
    team = extra.pop("team", TEAM)
    event = {
        "type": "app_mention",
        "user": user,
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts or fresh_ts(),
        "channel": channel,
        **extra,
    }
    return event_callback(event, team=team)


def direct_message(text: str, *, channel: str, user: str = USER, **extra: Any) -> dict[str, Any]:
    """A `message.im` event callback; pass `subtype`, `bot_id`… to make it one the bot must ignore."""
    event = {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": fresh_ts(), "channel": channel}
    return event_callback({**event, **extra})


def home_opened(*, user: str = USER, tab: str = "home", team: str = TEAM) -> dict[str, Any]:
    return event_callback({"type": "app_home_opened", "user": user, "channel": "D0HOME", "tab": tab}, team=team)


def command_form(
    text: str, *, response_url: str, channel: str = "C0GENERAL", user: str = USER, team: str = TEAM
) -> dict[str, str]:
    return {
        "token": "unused",
        "team_id": team,
        "team_domain": "test",
        "channel_id": channel,
        "channel_name": "general",
        "user_id": user,
        "user_name": "asker",
        "command": "/whoowns",
        "text": text,
        "api_app_id": "A0WHOOWNS",
        "response_url": response_url,
        "trigger_id": fresh_id("trigger."),
    }


def block_action(
    action: dict[str, Any],
    *,
    channel: str,
    message: dict[str, Any] | None,
    response_url: str,
    user: str = USER,
    team: str = TEAM,
) -> dict[str, Any]:
    """A `block_actions` payload for a click on `action` (one element of a message the app sent).

    `message` is the clicked message as Slack holds it (`{"ts", "thread_ts"?, "blocks"}`), or None for
    an ephemeral message, which Slack does not send back.
    """
    container = {"type": "message", "channel_id": channel, "is_ephemeral": message is None}
    container["message_ts"] = message["ts"] if message else fresh_ts()
    payload = {
        "type": "block_actions",
        "team": {"id": team, "domain": "test"},
        "user": {"id": user, "username": "asker", "team_id": team},
        "api_app_id": "A0WHOOWNS",
        "token": "unused",
        "container": container,
        "trigger_id": fresh_id("trigger."),
        "channel": {"id": channel, "name": "general"},
        "response_url": response_url,
        "actions": [{**action, "type": "button", "action_ts": fresh_ts()}],
    }
    if message is not None:
        payload["message"] = {"type": "message", "user": BOT_USER_ID, **message}
    return payload
