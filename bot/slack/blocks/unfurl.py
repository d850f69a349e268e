"""A knowledge-base link's preview: the topic, its owner (and holder's name, in the workspace's own view), one
line of why. Like an answer, it names the holder without a mention."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject, SectionBlock

from bot.core.answer import Answer
from bot.slack.blocks.mrkdwn import escape, shorten, to_dicts

REASON_LINE = 200


def unfurl_card(answer: Answer, names: Mapping[str, str]) -> dict[str, Any]:
    """`names`: the people's names known, by Slack user id."""
    assert answer.responsibility is not None and answer.role is not None and answer.role_name is not None
    owner = f"*{escape(answer.responsibility.title)}*: the *{escape(answer.role)}* · {escape(answer.role_name)}"
    if name := names.get(answer.holder or ""):
        owner += f" · {escape(name)}"
    card = [
        SectionBlock(text=MarkdownTextObject(text=owner)),
        ContextBlock(elements=[MarkdownTextObject(text=escape(shorten(answer.lead, REASON_LINE)))]),
    ]
    return {"blocks": to_dicts(card)}
