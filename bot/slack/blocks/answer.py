"""The answer message: owning role and holder, the roles to consult, reasoning, source with quote, topic and confidence, votes.

A question about several topics ("who owns pricing and security?") gets each topic's owner, reasoning
and source in turn, under one line that names them all. When the bot is not sure it says so and offers
the closest topics as buttons; every answer carries 👍 / 👎 buttons. Each button's value says which
answer it belongs to (`AnswerKey`), so a click can rebuild the very same answer without storing messages
anywhere.

Everything an admin wrote (titles, reasoning, override reasons, source titles and links, quotes) is
escaped, so it can only mention the holders the answer names anyway, and cut to Slack's limits with "…"
and a link to the entry's page, where the whole text is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import BaseModel
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.core.answer import Answer, ConsultRef
from bot.core.models import MAX_SOURCE_TITLE
from bot.slack import limits, messages
from bot.slack.blocks.mrkdwn import escape, fit, link, shorten

VOTE_UP = "feedback_up"
VOTE_DOWN = "feedback_down"
PICK_TOPIC = "pick_topic"  # action ids pick_topic_0, pick_topic_1, … (unique within the block)
MAX_KEY_QUESTION = limits.BUTTON_VALUE // 2  # leaves room for the JSON around it and its quoting


class AnswerKey(BaseModel):
    """Enough to rebuild an answer: the question asked, or the topic picked from the closest topics."""

    question: str
    responsibility_id: str | None = None
    picked: bool = False

    @classmethod
    def of(cls, answer: Answer, *, picked: bool = False) -> AnswerKey:
        topic = answer.responsibility.id if answer.responsibility else None
        return cls(question=shorten(answer.question, MAX_KEY_QUESTION), responsibility_id=topic, picked=picked)


def build_answer_blocks(
    answer: Answer,
    *,
    entry_url: str | None = None,
    topic_urls: Sequence[str | None] = (),
    picked: bool = False,
) -> list[Block]:
    """`entry_url`: the answer's page in the knowledge base; `topic_urls`: each of `answer.topics`' pages."""
    if answer.topics:
        blocks = _several_blocks(answer, topic_urls)
    else:
        blocks = _known_blocks(answer, entry_url) if answer.known else _unsure_blocks(answer, entry_url)
    key = AnswerKey.of(answer, picked=picked).model_dump_json()
    blocks.append(
        ActionsBlock(
            block_id="feedback",
            elements=[
                ButtonElement(text=messages.HELPFUL, action_id=VOTE_UP, value=key),
                ButtonElement(text=messages.NOT_HELPFUL, action_id=VOTE_DOWN, value=key),
            ],
        )
    )
    return blocks


def answer_text(answer: Answer) -> str:
    """The plain-text version Slack shows in notifications and to screen readers (escaped all the same)."""
    if answer.topics:
        return " · ".join(answer_text(topic) for topic in answer.topics)
    if not answer.known:
        return fit(escape(answer.reasoning), limits.MESSAGE_TEXT)
    assert answer.responsibility is not None
    owners = " and ".join(f"the {role}" for role in [answer.role, *(s.role for s in answer.shared)])
    return escape(f"{answer.responsibility.title}: {owners}")


def holders_named(answer: Answer) -> set[str]:
    """The people an answer names (its holders): the only mentions its reasoning may keep."""
    return {holder for holder in (answer.holder, *(s.holder for s in answer.shared)) if holder}


def _known_blocks(answer: Answer, entry_url: str | None) -> list[Block]:
    assert answer.responsibility is not None and answer.role is not None and answer.role_name is not None
    named = holders_named(answer)
    owners = [_owner(answer.role, answer.role_name, answer.holder)]
    owners += [
        _owner(s.role, s.role_name, s.holder) + f" for _{escape(s.responsibility.title)}_" for s in answer.shared
    ]
    headline = ("Shared: " if answer.shared else "") + "\n".join(owners)
    headline += "".join("\n" + _consult(c) for c in answer.consult)
    reasoning = escape(answer.reasoning, mentions=named)
    blocks: list[Block] = [_section(headline, entry_url), _section(reasoning, entry_url)]
    if answer.source is not None:
        blocks.append(_section(_source(answer, entry_url), entry_url))
    topic = f"Topic: {escape(answer.responsibility.title)} · confidence {answer.confidence:.0%}"
    if answer.last_reviewed:
        topic += f" · :hourglass: {answer.last_reviewed}"
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=fit(topic, limits.SECTION_TEXT))]))
    return blocks


def _section(text: str, entry_url: str | None) -> SectionBlock:
    """A section of escaped mrkdwn, cut to Slack's limit with a link to where the whole text is."""
    more = f" {link(entry_url, 'more')}" if entry_url else ""
    return SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT, more=more)))


def _several_blocks(answer: Answer, topic_urls: Sequence[str | None]) -> list[Block]:
    titles = ", ".join(f"_{escape(t.responsibility.title)}_" for t in answer.topics if t.responsibility)
    intro = messages.several_topics(len(answer.topics), titles)
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=intro))]
    urls = [*topic_urls, *[None] * len(answer.topics)]
    for topic, url in zip(answer.topics, urls, strict=False):
        blocks.append(DividerBlock())
        blocks += _known_blocks(topic, url) if topic.known else _unsure_blocks(topic, url)
    return blocks


def _owner(role: str, role_name: str, holder: str | None) -> str:
    return f"*{escape(role)}* · {escape(role_name)}" + (f" · <@{holder}>" if holder else "")


def _consult(consulted: ConsultRef) -> str:
    holder = f" (<@{consulted.holder}>)" if consulted.holder else ""
    return f"Consult the *{escape(consulted.role)}*{holder}: {escape(consulted.why)}"


def _source(answer: Answer, entry_url: str | None) -> str:
    assert answer.source is not None
    source = answer.source
    name = shorten(source.title, MAX_SOURCE_TITLE)
    title = link(source.url, name) if source.url else escape(name)
    if entry_url:
        title += " · " + link(entry_url, "this answer in the knowledge base")
    quote = "\n".join(f"> {line}" for line in escape(source.quote).splitlines() or [""])
    return f":book: {title}\n{quote}"


def _unsure_blocks(answer: Answer, entry_url: str | None) -> list[Block]:
    blocks: list[Block] = [_section(messages.UNSURE_PREFIX + escape(answer.reasoning), entry_url)]
    if answer.suggestions:
        buttons = [
            ButtonElement(
                text=shorten(topic.title, limits.BUTTON_TEXT), action_id=f"{PICK_TOPIC}_{index}", value=topic.id
            )
            for index, topic in enumerate(answer.suggestions)
        ]
        blocks.append(ContextBlock(elements=[MarkdownTextObject(text=messages.SUGGESTIONS_PROMPT)]))
        blocks.append(ActionsBlock(block_id="suggestions", elements=buttons))
    return blocks
