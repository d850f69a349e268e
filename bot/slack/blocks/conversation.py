"""Replies to follow-ups in a conversation ("why?", "who holds it?", a role's topics) and its suggested prompts.

Pure builders: an `Answer` or a `RoleOverview` in, blocks out.
"""

from __future__ import annotations

from collections.abc import Mapping

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, ContextBlock, MarkdownTextObject, SectionBlock

from bot.core.answer import Answer
from bot.services.overview import RoleOverview, WorkspaceOverview
from bot.slack import surface_messages as say
from bot.slack.blocks.answer import holders_named
from bot.slack.blocks.mrkdwn import chunks, escape, person, shorten
from bot.slack.limits import SECTION_TEXT

START_ASSESSMENT = "start_assessment"
TITLE_LIMIT = 80


def why_blocks(answer: Answer) -> list[Block]:
    """How the owner was found: the knowledge base's reasoning and this workspace's settings, step by step."""
    assert answer.responsibility is not None and answer.role is not None
    headline = say.WHY_HEADLINE.format(role=escape(answer.role), topic=escape(answer.responsibility.title))
    reasoning = shorten(escape(answer.reasoning, mentions=holders_named(answer)), SECTION_TEXT)
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=f"{headline}\n{reasoning}"))]
    if answer.source is not None:
        source = f":book: {escape(answer.source.title)}"
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=shorten(source, SECTION_TEXT))]))
    return blocks


def holder_text(answer: Answer, names: Mapping[str, str]) -> str:
    """Who holds the topic's role, by name (`names`, by user id) when known: the reply is a DM."""
    assert answer.role is not None and answer.role_name is not None
    roles = {"role": escape(answer.role), "role_name": escape(answer.role_name)}
    if answer.holder:
        return say.HOLDER_NAMED.format(holder=person(answer.holder, names), **roles)
    return say.HOLDER_MISSING.format(**roles)


def role_topics_blocks(overview: WorkspaceOverview, role_id: str, names: Mapping[str, str]) -> list[Block]:
    role = next((r for r in overview.roles if r.role == role_id), None)
    if role is None:
        roles = ", ".join(escape(r.role) for r in overview.roles)
        return [_section(say.ROLE_UNKNOWN.format(role=escape(role_id), roles=roles))]
    if not role.topics:
        return [_section(say.ROLE_OWNS_NOTHING.format(role=escape(role.role)))]
    lines = [_role_line(role, names), *(f"• {escape(topic.title)}" for topic in role.topics)]
    return [_section(text) for text in chunks(lines, limit=SECTION_TEXT, separator="\n")]


def assess_blocks() -> list[Block]:
    """ "Should we have a CPTO?": the assessment's questions are one click away."""
    start = ButtonElement(text=say.START_ASSESSMENT, action_id=START_ASSESSMENT, style="primary")
    return [_section(say.ASSESS), ActionsBlock(block_id="assess", elements=[start])]


def suggested_prompts(overview: WorkspaceOverview) -> list[str]:
    """The three prompts offered when someone opens the conversation, adapted to the workspace's roles."""
    roles = [r.role for r in overview.roles]
    operations = "COO" if "COO" in roles else roles[-1]
    return [say.PROMPT_TOPIC, say.PROMPT_ASSESS, say.PROMPT_ROLE.format(role=operations)]


def thread_title(answer: Answer) -> str:
    """A conversation thread's title: the topic and its owner, or the question when the bot was unsure."""
    if answer.responsibility is not None and answer.role is not None:
        return shorten(f"{answer.responsibility.title}: the {answer.role}", TITLE_LIMIT)
    return shorten(answer.question.strip() or say.PROMPTS_TITLE, TITLE_LIMIT)


def _role_line(role: RoleOverview, names: Mapping[str, str]) -> str:
    holder = f" ({person(role.holder, names)})" if role.holder else ""
    return say.ROLE_TOPICS.format(role=escape(role.role), role_name=escape(role.name), holder=holder)


def _section(text: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=text))
