"""The App Home tab, built from sections so other features (the admin section) add theirs alongside.

`build_home_view(*sections)` joins any number of block lists into one home view; each section builder
here takes plain values (a `WorkspaceOverview`), never Slack objects, so it is tested on its own.
However large the knowledge base, the tab stays within Slack's 100 blocks: each role lists its first
`TOPICS_PER_ROLE` topics and says how many more there are (people ask for the rest by name), with a
picker beside them that opens a topic's answer.
"""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.services.overview import WorkspaceOverview
from bot.slack import limits, messages
from bot.slack.blocks.home_actions import topic_picker
from bot.slack.blocks.mrkdwn import chunks, escape, mention, shorten

TOPICS_PER_ROLE = 40


def build_home_view(*sections: Sequence[Block]) -> View:
    """The sections one after another, divided; cut at Slack's 100 blocks should they ever add up to more."""
    blocks: list[Block] = []
    for section in sections:
        if blocks and section:
            blocks.append(DividerBlock())
        blocks.extend(section)
    if len(blocks) > limits.VIEW_BLOCKS:
        note = ContextBlock(elements=[MarkdownTextObject(text=messages.HOME_CUT)])
        blocks = [*blocks[: limits.VIEW_BLOCKS - 1], note]
    return View(type="home", blocks=blocks)


def how_to_ask_blocks() -> list[Block]:
    return [HeaderBlock(text=messages.HOME_TITLE), SectionBlock(text=MarkdownTextObject(text=messages.ASK_HOWTO))]


def roles_blocks(overview: WorkspaceOverview) -> list[Block]:
    workspace = overview.name or messages.THIS_WORKSPACE
    lines = [
        f"*{escape(r.role)}* · {escape(r.name)} · "
        + (mention(r.holder) if r.holder else messages.NOBODY_NAMED)
        + escape(messages.covers(r.covers))
        for r in overview.roles
    ]
    header = HeaderBlock(text=shorten(messages.HOME_ROLES.format(workspace=workspace), limits.HEADER_TEXT))
    blocks: list[Block] = [header, *_sections(lines, separator="\n")]
    if overview.absent:
        taken = [f"{escape(a.role)} → {escape(', '.join(a.taken_by))}" for a in overview.absent]
        text = shorten(messages.HOME_ABSENT + " " + " · ".join(taken), limits.SECTION_TEXT)
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=text)]))
    return blocks


def topics_blocks(overview: WorkspaceOverview) -> list[Block]:
    blocks: list[Block] = [HeaderBlock(text=messages.HOME_TOPICS)]
    for role in overview.roles:
        if not role.topics:
            continue
        titles = [escape(topic.title) for topic in role.topics[:TOPICS_PER_ROLE]]
        if len(role.topics) > TOPICS_PER_ROLE:
            titles.append(messages.more_topics(len(role.topics) - TOPICS_PER_ROLE))
        first, *rest = _sections([f"*{escape(role.role)}*", *titles], separator=" · ", first_separator="\n")
        first.accessory = topic_picker(role.topics)
        blocks += [first, *rest]
    return blocks


def _sections(lines: list[str], *, separator: str, first_separator: str | None = None) -> list[SectionBlock]:
    if first_separator is not None and len(lines) > 1:
        lines = [lines[0] + first_separator + lines[1], *lines[2:]]
    return [
        SectionBlock(text=MarkdownTextObject(text=text))
        for text in chunks(lines, limit=limits.SECTION_TEXT, separator=separator)
    ]
