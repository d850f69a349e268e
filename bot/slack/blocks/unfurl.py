"""A knowledge-base link's preview: the topic, its owner (and holder, in the workspace's own view), one line of why."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import ContextBlock, MarkdownTextObject, SectionBlock

from bot.core.answer import Answer
from bot.slack.blocks.answer import holders_named
from bot.slack.blocks.mrkdwn import escape, shorten, to_dicts

REASON_LINE = 200


def unfurl_card(answer: Answer) -> dict[str, Any]:
    assert answer.responsibility is not None and answer.role is not None and answer.role_name is not None
    owner = f"*{escape(answer.responsibility.title)}*: the *{escape(answer.role)}* · {escape(answer.role_name)}"
    if answer.holder:
        owner += f" · <@{answer.holder}>"
    reason = shorten(first_sentence(answer.reasoning), REASON_LINE)
    card = [
        SectionBlock(text=MarkdownTextObject(text=owner)),
        ContextBlock(elements=[MarkdownTextObject(text=escape(reason, mentions=holders_named(answer)))]),
    ]
    return {"blocks": to_dicts(card)}


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]
