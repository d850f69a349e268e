"""A "Share in channel" button for an answer only its asker sees, and the shared copy's blocks.

The button's value is the answer's `AnswerKey`, so a click rebuilds the very same answer. A shared copy
has no buttons: votes and topic picks belong to the asker's own answer.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import ActionsBlock, ButtonElement, ContextBlock, MarkdownTextObject

from bot.slack import surface_messages as say
from bot.slack.blocks.answer import AnswerKey
from bot.slack.blocks.mrkdwn import escape, to_dicts

SHARE_ANSWER = "share_answer"


def share_button(key: AnswerKey) -> dict[str, Any]:
    button = ButtonElement(text=say.SHARE, action_id=SHARE_ANSWER, value=key.model_dump_json(), style="primary")
    return ActionsBlock(block_id="share", elements=[button]).to_dict()


def without_buttons(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [block for block in blocks if block.get("type") != "actions"]


def shared_copy(blocks: list[dict[str, Any]], *, by: str | None) -> list[dict[str, Any]]:
    """`by`: the sharer's name as people see it (never a mention, which would notify them)."""
    shared = say.SHARED_BY_NAME.format(name=escape(by)) if by else say.SHARED_FROM
    note = ContextBlock(elements=[MarkdownTextObject(text=shared)])
    return without_buttons(blocks) + to_dicts([note])
