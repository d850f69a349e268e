"""How `/whoowns` text is routed: nothing or `help` to help, a subcommand word to it, anything else asked."""

from __future__ import annotations

import pytest

from bot.slack.listeners.commands import SUBCOMMANDS, ask, route, show_help


@pytest.mark.parametrize(
    ("text", "handler", "args"),
    [
        ("", show_help, ""),
        ("   ", show_help, ""),
        ("help", show_help, ""),
        ("Help", show_help, ""),
        ("assess my org", SUBCOMMANDS["assess"], "my org"),
        ("admin", SUBCOMMANDS["admin"], ""),
        ("hosting costs", ask, "hosting costs"),
        (" who owns pricing? ", ask, "who owns pricing?"),
    ],
)
def test_route(text, handler, args):
    assert route(text) == (handler, args)
