"""How the fake Slack answers each Web API method, as Slack would (shapes trimmed to what apps read).

A method not listed here gets `{"ok": true}`. Add a method by adding a function to `ANSWERS`.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.config import Settings

if TYPE_CHECKING:
    from tests.e2e.fake_slack import Call, FakeSlack

BOT_USER_ID = "UBOTWHOOWNS"
BOT_ID = "BBOTWHOOWNS"


def default_installation(team_id: str) -> dict[str, Any]:
    """What `oauth.v2.access` returns for a bot-only install into `team_id`."""
    return {
        "ok": True,
        "app_id": "A0WHOOWNS",
        "authed_user": {"id": "U0INSTALLER"},
        "scope": Settings.model_fields["slack_scopes"].default,
        "token_type": "bot",
        "access_token": f"xoxb-installed-{team_id}",
        "bot_user_id": BOT_USER_ID,
        "team": {"id": team_id, "name": "Test workspace"},
        "enterprise": None,
        "is_enterprise_install": False,
    }


def _auth_test(fake: FakeSlack, call: Call) -> dict[str, Any]:
    team = call.token.removeprefix("xoxb-installed-") if call.token and "installed" in call.token else fake.team_id
    return {
        "ok": True,
        "url": "https://test.slack.com/",
        "team": "Test workspace",
        "team_id": team,
        "user": "whoowns",
        "user_id": BOT_USER_ID,
        "bot_id": BOT_ID,
        "is_enterprise_install": False,
    }


def _message(fake: FakeSlack, call: Call) -> dict[str, Any]:
    ts = call.params.get("ts") or fake._next_ts()
    return {"ok": True, "channel": call.params.get("channel"), "ts": ts, "message": {"text": call.params.get("text")}}


def _view(fake: FakeSlack, call: Call) -> dict[str, Any]:
    view = call.params.get("view")
    view = json.loads(view) if isinstance(view, str) else view
    view_id = f"V{next(fake._ts):08d}"
    return {"ok": True, "view": {**(view or {}), "id": view_id, "hash": f"{view_id}.hash"}}


def _channel(fake: FakeSlack, call: Call) -> dict[str, Any]:
    """`conversations.info`: a channel in `fake.channels` (public ones), else Slack's refusal."""
    channel = fake.channels.get(call.params.get("channel"))
    return {"ok": True, "channel": channel} if channel else {"ok": False, "error": "channel_not_found"}


def _user(fake: FakeSlack, call: Call) -> dict[str, Any]:
    user_id = call.params.get("user")
    user = fake.users.get(user_id, {"id": user_id, "name": user_id, "is_admin": False, "is_owner": False})
    return {"ok": True, "user": user}


def _users(fake: FakeSlack, call: Call) -> dict[str, Any]:
    """`users.list`: everyone in `fake.users`, `limit` a page (Slack's default 200 is never what we ask for),
    the next page's cursor being where it starts."""
    everyone, limit = list(fake.users.values()), int(call.params.get("limit") or 1000)
    start = int(call.params.get("cursor") or 0)
    following = str(start + limit) if start + limit < len(everyone) else ""
    return {"ok": True, "members": everyone[start : start + limit], "response_metadata": {"next_cursor": following}}


def _file(fake: FakeSlack, call: Call) -> dict[str, Any]:
    """`files.info` of an upload (`fake.upload`): its name, size and where to download it."""
    file_id = call.params.get("file")
    if file_id not in fake.files:
        return {"ok": False, "error": "file_not_found"}
    name, content = fake.files[file_id]
    url = f"{fake.url}/files/{file_id}/{name}"
    return {"ok": True, "file": {"id": file_id, "name": name, "size": len(content), "url_private_download": url}}


def _permalink(fake: FakeSlack, call: Call) -> dict[str, Any]:
    channel, ts = call.params.get("channel"), str(call.params.get("message_ts"))
    link = f"https://test.slack.com/archives/{channel}/p{ts.replace('.', '')}"
    return {"ok": True, "channel": channel, "permalink": link}


ANSWERS: dict[str, Callable[[FakeSlack, Call], dict[str, Any]]] = {
    "auth.test": _auth_test,
    "chat.postMessage": _message,
    "chat.update": _message,
    "chat.getPermalink": _permalink,
    "chat.postEphemeral": lambda fake, _call: {"ok": True, "message_ts": fake._next_ts()},
    "views.publish": _view,
    "views.open": _view,
    "views.update": _view,
    "views.push": _view,
    "users.info": _user,
    "files.info": _file,
    "users.list": _users,
    "conversations.info": _channel,
    "assistant.threads.setStatus": lambda _fake, _call: {"ok": True},
    "assistant.threads.setSuggestedPrompts": lambda _fake, _call: {"ok": True},
    "assistant.threads.setTitle": lambda _fake, _call: {"ok": True},
    "chat.unfurl": lambda _fake, _call: {"ok": True},
    "oauth.v2.access": lambda fake, _call: fake.installation,
    "apps.connections.open": lambda fake, _call: {"ok": True, "url": fake.socket_url},
}


__all__ = ["ANSWERS", "BOT_ID", "BOT_USER_ID", "default_installation"]
