"""The help message (`/whoowns`, `/whoowns help`): how to ask, and a few topics to try."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, ContextBlock, MarkdownTextObject, SectionBlock

from bot.slack import limits, messages
from bot.slack.blocks.mrkdwn import escape, fit


def build_help_blocks(examples: Sequence[str]) -> list[Block]:
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=messages.ASK_HOWTO))]
    if examples:
        listed = " · ".join(f"`{escape(example)}`" for example in examples)
        text = fit(f"{messages.EXAMPLES_INTRO} {listed}", limits.SECTION_TEXT)
        blocks.append(SectionBlock(text=MarkdownTextObject(text=text)))
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=messages.HELP_FOOTER)]))
    return blocks
