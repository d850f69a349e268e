"""Bolt listeners by kind. Each module exposes `register(app, deps)`; `register_all` calls them all.

Every listener acknowledges at once (`ack_now`) and does its work in a Bolt lazy listener, after the
HTTP response has gone back to Slack, so no database or Web API call can delay the 3-second ack.
"""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import (
    actions,
    admin_actions,
    admin_settings_form,
    admin_views,
    agent,
    ask_holder,
    assess,
    commands,
    events,
    home,
    home_actions,
    kb_import,
    people,
    requests,
    shortcuts,
    unfurls,
)
from bot.wiring import Deps

# Bolt runs the first listener that matches: `agent` (DMs, the Messages tab) goes before the catch-alls.
KINDS = (
    agent,
    events,
    commands,
    actions,
    requests,
    ask_holder,
    home,
    home_actions,
    kb_import,
    people,
    assess,
    admin_views,
    admin_actions,
    admin_settings_form,
    shortcuts,
    unfurls,
)


def register_all(app: App, deps: Deps) -> None:
    for kind in KINDS:
        kind.register(app, deps)


__all__ = ["KINDS", "register_all"]
