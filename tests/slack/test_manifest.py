"""The app manifest asks for exactly what the app uses: its scopes, events, command, shortcuts and endpoints."""

from __future__ import annotations

import re

import yaml

from bot.config import REPO_ROOT, Settings
from bot.slack.blocks.ask_modal import ASK_SHORTCUT
from bot.slack.listeners.shortcuts import WHO_OWNS_THIS

MANIFEST = yaml.safe_load((REPO_ROOT / "slack" / "manifest.yaml").read_text())
SOURCE = "\n".join(path.read_text() for path in (REPO_ROOT / "bot").rglob("*.py"))
EVENTS = MANIFEST["settings"]["event_subscriptions"]["bot_events"]

# What needs each scope: a Web API call the app's code makes, or an event the manifest subscribes to.
SCOPE_NEEDS = {
    "app_mentions:read": ("event", "app_mention"),
    "assistant:write": ("call", "assistant_threads_setTitle"),  # and Bolt's set_suggested_prompts
    "channels:read": ("call", "conversations_info"),
    "chat:write": ("call", "chat_postMessage"),
    "commands": ("call", "app.shortcut("),  # and the slash command, checked below
    "files:read": ("call", "files_info"),  # and the download of its url_private_download
    "im:history": ("event", "message.im"),
    "links:read": ("event", "link_shared"),
    "links:write": ("call", "chat_unfurl"),
    "users:read": ("call", "users_info"),
}


def test_the_manifest_scopes_are_the_default_install_scopes():
    assert MANIFEST["oauth_config"]["scopes"]["bot"] == Settings.model_fields["slack_scopes"].default.split(",")


def test_every_scope_is_used_by_the_app():
    scopes = MANIFEST["oauth_config"]["scopes"]["bot"]
    assert sorted(scopes) == sorted(SCOPE_NEEDS)
    for scope in scopes:
        kind, need = SCOPE_NEEDS[scope]
        assert (need in EVENTS) if kind == "event" else (need in SOURCE), f"{scope}: nothing uses it ({need})"


def test_every_event_subscribed_to_has_a_listener():
    assert sorted(EVENTS) == [
        "app_context_changed",
        "app_home_opened",
        "app_mention",
        "link_shared",
        "message.im",
        "user_change",
    ]
    listened = set(re.findall(r'app\.event\("([a-z_]+)"', SOURCE))
    assert {event.split(".")[0] for event in EVENTS} == listened


def test_the_shortcuts_are_the_ones_the_app_answers():
    shortcuts = {(s["type"], s["callback_id"]) for s in MANIFEST["features"]["shortcuts"]}
    assert shortcuts == {("message", WHO_OWNS_THIS), ("global", ASK_SHORTCUT)}


def test_the_agent_view_offers_prompts_and_links_unfurl_on_the_public_host():
    agent = MANIFEST["features"]["agent_view"]
    assert agent["agent_description"] and 1 <= len(agent["suggested_prompts"]) <= 4
    assert MANIFEST["features"]["unfurl_domains"] == ["whoowns.example.com"]
    assert "assistant_view" not in MANIFEST["features"]  # the older side panel, being deprecated


def test_requests_go_to_the_one_bolt_endpoint():
    url = MANIFEST["settings"]["event_subscriptions"]["request_url"]
    assert url.endswith("/slack/events")
    assert MANIFEST["settings"]["interactivity"]["request_url"] == url
    assert MANIFEST["settings"]["interactivity"]["message_menu_options_url"] == url  # external_select options
    assert [c["url"] for c in MANIFEST["features"]["slash_commands"]] == [url]
    assert [c["command"] for c in MANIFEST["features"]["slash_commands"]] == ["/whoowns"]
    assert MANIFEST["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")


def test_the_commands_usage_hint_names_what_it_takes_besides_a_topic():
    [command] = MANIFEST["features"]["slash_commands"]
    assert command["usage_hint"] == "hosting costs | assess | help"
    assert "assess" in command["description"]
