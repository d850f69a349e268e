"""The app manifest asks for exactly what the app uses: its scopes, events, command and endpoints."""

from __future__ import annotations

import yaml

from bot.config import REPO_ROOT, Settings

MANIFEST = yaml.safe_load((REPO_ROOT / "slack" / "manifest.yaml").read_text())


def test_the_manifest_scopes_are_the_default_install_scopes():
    assert MANIFEST["oauth_config"]["scopes"]["bot"] == Settings.model_fields["slack_scopes"].default.split(",")


def test_the_manifest_subscribes_to_the_events_the_app_answers():
    assert sorted(MANIFEST["settings"]["event_subscriptions"]["bot_events"]) == [
        "app_home_opened",
        "app_mention",
        "message.im",
    ]


def test_requests_go_to_the_one_bolt_endpoint():
    url = MANIFEST["settings"]["event_subscriptions"]["request_url"]
    assert url.endswith("/slack/events")
    assert MANIFEST["settings"]["interactivity"]["request_url"] == url
    assert [c["url"] for c in MANIFEST["features"]["slash_commands"]] == [url]
    assert [c["command"] for c in MANIFEST["features"]["slash_commands"]] == ["/whoowns"]
    assert MANIFEST["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")
