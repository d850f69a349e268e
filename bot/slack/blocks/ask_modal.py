"""The "Ask who owns…" modal: a question box, then the answer in the same modal with a channel picker.

The picker has `response_url_enabled`, so Slack hands the submission a response URL for the picked
conversation and the answer is posted there as the app, with no extra scope and no need to be a member.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    ConversationSelectElement,
    InputBlock,
    PlainTextInputElement,
)
from slack_sdk.models.views import View

from bot.slack import surface_messages as say
from bot.slack.blocks.answer import AnswerKey
from bot.slack.blocks.mrkdwn import to_dicts
from bot.slack.blocks.share import without_buttons

ASK_SHORTCUT = "ask_who_owns"
ASK_VIEW = "ask_who_owns"
POST_VIEW = "post_who_owns"
QUESTION_BLOCK = "question"
QUESTION_INPUT = "question_input"
CHANNEL_BLOCK = "post_to"
CHANNEL_INPUT = "post_to_input"
QUESTION_MAX = 300


def build_ask_modal() -> View:
    question = PlainTextInputElement(
        action_id=QUESTION_INPUT, placeholder=say.ASK_PLACEHOLDER, max_length=QUESTION_MAX, focus_on_load=True
    )
    return View(
        type="modal",
        callback_id=ASK_VIEW,
        title=say.ASK_MODAL_TITLE,
        submit=say.ASK_SUBMIT,
        close=say.CLOSE,
        blocks=[InputBlock(block_id=QUESTION_BLOCK, label=say.ASK_LABEL, element=question)],
    )


def question_from(view: dict[str, Any]) -> str:
    return (view["state"]["values"][QUESTION_BLOCK][QUESTION_INPUT].get("value") or "").strip()


def build_answer_modal(answer_blocks: list[dict[str, Any]], key: AnswerKey) -> dict[str, Any]:
    """The answer (without its buttons, which belong to messages) and where to post it."""
    picker = ConversationSelectElement(action_id=CHANNEL_INPUT, response_url_enabled=True)
    post = InputBlock(block_id=CHANNEL_BLOCK, label=say.POST_LABEL, element=picker)
    return View(
        type="modal",
        callback_id=POST_VIEW,
        title=say.ASK_MODAL_TITLE,
        submit=say.POST_SUBMIT,
        close=say.CLOSE,
        private_metadata=key.model_dump_json(),
        blocks=without_buttons(answer_blocks) + to_dicts([post]),
    ).to_dict()
