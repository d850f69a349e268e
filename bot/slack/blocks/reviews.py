"""Topics due a review, for admins: each with "Still right" (recorded like any change) and "Edit".

Pure functions of the review service's `DueTopic`s. A list shows at most `shown` topics and says how
many more there are, so the Home tab and the editor menu stay within Slack's 100 blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock

from bot.core.freshness import age_words
from bot.services.admin import DueTopic
from bot.slack import limits
from bot.slack.blocks.mrkdwn import escape, fit, mention

STILL_RIGHT = "admin_still_right"  # value: the topic id
EDIT_DUE = "admin_edit_due"  # value: the topic id
DUE_BLOCK = "admin_due"  # block ids admin_due:<topic id>


def due_blocks(due: Sequence[DueTopic], *, days: int, now: datetime, shown: int = 5) -> list[Block]:
    if not due:
        return []
    heading = f"*Due a review* · {len(due)} topic{'' if len(due) == 1 else 's'} last reviewed over {days} days ago"
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=heading))]
    for topic in due[:shown]:
        by = f" by {mention(topic.review.by)}" if topic.review.by and topic.review.by[:1] in "UW" else ""
        text = f"*{escape(topic.title)}* ({topic.owner}) · last reviewed {age_words(topic.review, now=now)}{by}"
        blocks.append(SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT))))
        buttons = [
            ButtonElement(text="Still right", action_id=STILL_RIGHT, value=topic.id, style="primary"),
            ButtonElement(text="Edit", action_id=EDIT_DUE, value=topic.id),
        ]
        blocks.append(ActionsBlock(block_id=f"{DUE_BLOCK}:{topic.id}"[: limits.BLOCK_ID], elements=buttons))
    if len(due) > shown:
        more = f"…and {len(due) - shown} more: `python -m bot review due` lists them all."
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=more)]))
    return blocks
