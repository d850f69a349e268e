"""The small form a 👎 opens: "Who should own this?" and "Anything else?", both optional.

Its `private_metadata` is the answer's `AnswerKey`, so the submission knows which answer it is about
without storing anything until the person sends it.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import InputBlock, MarkdownTextObject, PlainTextInputElement, SectionBlock
from slack_sdk.models.views import View

from bot.slack import messages
from bot.slack.blocks.answer import AnswerKey
from bot.slack.blocks.mrkdwn import escape, shorten

DOWNVOTE_VIEW = "downvote_note"
OWNER_BLOCK = "owner"
OWNER_INPUT = "owner_input"
NOTE_BLOCK = "note"
NOTE_INPUT = "note_input"
OWNER_MAX = 150
NOTE_MAX = 1000
TOPIC_SHOWN = 200


def build_downvote_modal(key: AnswerKey, *, topic: str) -> dict[str, Any]:
    owner = PlainTextInputElement(
        action_id=OWNER_INPUT, placeholder=messages.DOWNVOTE_OWNER_HINT, max_length=OWNER_MAX, focus_on_load=True
    )
    note = PlainTextInputElement(action_id=NOTE_INPUT, multiline=True, max_length=NOTE_MAX)
    intro = messages.DOWNVOTE_INTRO.format(topic=escape(shorten(topic, TOPIC_SHOWN)))
    return View(
        type="modal",
        callback_id=DOWNVOTE_VIEW,
        title=messages.DOWNVOTE_TITLE,
        submit=messages.DOWNVOTE_SUBMIT,
        close=messages.CLOSE,
        private_metadata=key.model_dump_json(),
        blocks=[
            SectionBlock(text=MarkdownTextObject(text=intro)),
            InputBlock(block_id=OWNER_BLOCK, label=messages.DOWNVOTE_OWNER, element=owner, optional=True),
            InputBlock(block_id=NOTE_BLOCK, label=messages.DOWNVOTE_NOTE, element=note, optional=True),
        ],
    ).to_dict()


def written(view: dict[str, Any]) -> tuple[str, str]:
    """What the person wrote: (who should own it, anything else), each stripped ("" when left empty)."""
    values = view["state"]["values"]
    owner = (values.get(OWNER_BLOCK, {}).get(OWNER_INPUT, {}).get("value") or "").strip()
    note = (values.get(NOTE_BLOCK, {}).get(NOTE_INPUT, {}).get("value") or "").strip()
    return owner[:OWNER_MAX], note[:NOTE_MAX]
