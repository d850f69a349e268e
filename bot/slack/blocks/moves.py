"""Topics that change hands, in Block Kit: one line with a button, the list in a modal, a save's warning.

Pure functions of `Move`s (bot/core/moves.py). The assessment's line is a single section whose button
opens the whole list; an admin form shows the same list before a save that moves any owner. Titles come
from the knowledge base, which admins write, so they are escaped; lists that would pass a section's
3,000 characters go on in further sections, and a list past the modal's blocks is cut with a count.
"""

from __future__ import annotations

from slack_sdk.models.blocks import Block, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View

from bot.core.moves import Move
from bot.slack import limits
from bot.slack.blocks.mrkdwn import chunks, escape, fit

SHOW_MOVES = "assess_moves"  # the assessment's "See the topics" button; its value is the shape
MOVES_VIEW = "assess_moves_list"
MOST_SECTIONS = limits.VIEW_BLOCKS - 10  # room left for a form's own blocks


def build_moves_line(summary: str, *, shape: str, count: int) -> SectionBlock:
    """The assessment's one block about what moves; with any move, a button that lists them."""
    text = f":arrows_counterclockwise: {escape(summary)}"
    if not count:
        return SectionBlock(text=MarkdownTextObject(text=text))
    button = ButtonElement(text="See the topics", action_id=SHOW_MOVES, value=shape)
    return SectionBlock(block_id="moves", text=MarkdownTextObject(text=text), accessory=button)


def build_moves_modal(summary: str, moves: list[Move]) -> View:
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=f"*{escape(summary)}*"))]
    blocks += moves_sections(moves, most=limits.VIEW_BLOCKS - 1)
    return View(type="modal", callback_id=MOVES_VIEW, title="What moves", close="Done", blocks=blocks)


def moves_sections(moves: list[Move], *, most: int = MOST_SECTIONS) -> list[Block]:
    """Each move as "• Title: CTO → CPTO", in as few sections as fit, at most `most` blocks."""
    lines = [f"• {escape(m.title)}: {m.from_role} → *{m.to_role}*" for m in moves]
    texts = chunks(lines, limit=limits.SECTION_TEXT, separator="\n")
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=t)) for t in texts[:most]]
    if len(texts) > most:
        shown = sum(t.count("\n") + 1 for t in texts[: most - 1])
        blocks[most - 1] = ContextBlock(elements=[MarkdownTextObject(text=f"…and {len(moves) - shown} more.")])
    return blocks


def build_moves_warning(sentence: str) -> SectionBlock:
    """What heads a form that asks to confirm a save that moves owners."""
    text = f":warning: *Saving this moves owners.* {escape(sentence)} Press *Save* again to confirm."
    return SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT)))
