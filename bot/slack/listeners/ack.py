"""The acknowledgement every listener sends before its lazy work starts."""

from __future__ import annotations

from slack_bolt import Ack


def ack_now(ack: Ack) -> None:
    ack()
