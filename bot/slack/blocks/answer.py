"""The answer message, short: the owning role and its holder's name on the first line (with the roles also
involved), one sentence of why, the source as a link with its quote, the topic and confidence, buttons.

Nobody is mentioned: holders are shown by name (`AnswerPeople.names`, from the workspace's cached
`users.info`), or by role alone while a name is unknown, so asking in a busy channel pings no executive;
the "Ask <name>" button (`blocks.ask_holder`) notifies the holder when the asker chooses to. After an
override the answer leads with the organisation's reason, who set it and when, and gives the source's
owner as what happens "in most companies", without its quote arguing for that other role.

A question about several topics ("who owns pricing and security?") gets each topic's owner, reasoning
and source in turn, under one line that names them all. When the bot is not sure it says so, offers
the closest topics as buttons and "Ask an admin to add this"; a question that is not about an area of
work at all gets what the bot is for and nothing to click. Every answer carries 👍 / 👎 buttons (a
"not sure" reply is not an answer: it has none). Each button's value says which
answer it belongs to (`AnswerKey`), so a click can rebuild the very same answer without storing messages
anywhere.

Everything an admin wrote (titles, reasoning, override reasons, source titles and links, quotes) is
escaped, so it can only mention the holders the answer names anyway, and cut to Slack's limits with "…"
and a link to the entry's page, where the whole text is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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

from bot.core.answer import Answer, ConsultRef, Known, Unsure
from bot.core.models import MAX_SOURCE_TITLE
from bot.services.decisions import Decision
from bot.slack import limits, messages
from bot.slack.blocks.ask_holder import AskKey, ask_button
from bot.slack.blocks.mrkdwn import escape, fit, link, shorten
from bot.slack.message_text import plain_text

VOTE_UP = "feedback_up"
VOTE_DOWN = "feedback_down"
REQUEST_TOPIC = "request_topic"  # "Ask an admin to add this"
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


@dataclass(frozen=True)
class AnswerPeople:
    """What an answer needs to know about people: names by Slack user id (holders, override authors), who
    set each override (by topic id) and when, and who asked (None: whoever sees the answer asked it)."""

    names: Mapping[str, str] = field(default_factory=dict)
    decisions: Mapping[str, Decision] = field(default_factory=dict)
    asker: str | None = None


NOBODY = AnswerPeople()


def build_answer_blocks(
    answer: Answer,
    *,
    entry_url: str | None = None,
    topic_urls: Sequence[str | None] = (),
    picked: bool = False,
    people: AnswerPeople = NOBODY,
) -> list[Block]:
    """`entry_url`: the answer's page in the knowledge base; `topic_urls`: each of `answer.topics`' pages."""
    if answer.topics:
        blocks = _several_blocks(answer, topic_urls, people)
    elif isinstance(answer, Unsure):  # not an answer: nothing to vote on, but topics to pick or a request to send
        return _unsure_blocks(answer, entry_url)
    else:
        blocks = _known_blocks(answer, entry_url, people)
    key = AnswerKey.of(answer, picked=picked).model_dump_json()
    buttons = [
        ButtonElement(text=messages.HELPFUL, action_id=VOTE_UP, value=key),
        ButtonElement(text=messages.NOT_HELPFUL, action_id=VOTE_DOWN, value=key),
    ]
    if isinstance(answer, Known) and not answer.topics and answer.holder and answer.holder != people.asker:
        ask = AskKey(
            holder=answer.holder,
            role=answer.role,
            topic=answer.responsibility.title,
            question=plain_text({"text": answer.question}).strip() or answer.topic,
            asker=people.asker,
        )
        buttons.append(ask_button(ask, people.names.get(answer.holder)))
    blocks.append(ActionsBlock(block_id="feedback", elements=buttons))
    return blocks


def answer_text(answer: Answer, people: AnswerPeople = NOBODY) -> str:
    """One line for notifications and screen readers: the topic and its owners, by name, never a mention."""
    if answer.topics:
        return " · ".join(answer_text(topic, people) for topic in answer.topics)
    if isinstance(answer, Unsure):
        return fit(escape(answer.reasoning), limits.MESSAGE_TEXT)
    owners = [(answer.role, answer.holder), *((s.role, s.holder) for s in answer.shared)]
    named = " and ".join(f"the {role}" + _in_brackets(people.names.get(holder or "")) for role, holder in owners)
    return fit(escape(f"{answer.responsibility.title}: {named}"), limits.MESSAGE_TEXT)


def holders_named(answer: Answer) -> set[str]:
    """The role holders an answer names: its owners', and the roles' it says to consult."""
    topics = [answer, *answer.topics]
    return {
        holder
        for topic in topics
        for holder in (topic.holder, *(s.holder for s in topic.shared), *(c.holder for c in topic.consult))
        if holder
    }


def _known_blocks(answer: Known, entry_url: str | None, people: AnswerPeople) -> list[Block]:
    names = people.names
    owners = [_owner(answer.role, answer.role_name, answer.holder, names)]
    owners += [
        _owner(s.role, s.role_name, s.holder, names) + f" for _{escape(s.responsibility.title)}_" for s in answer.shared
    ]
    headline = ("Shared: " if answer.shared else "") + "\n".join(owners)
    headline += "".join("\n" + _consult(c, names) for c in answer.consult)
    blocks: list[Block] = [_section(headline, entry_url), _section(_lead(answer, people), entry_url)]
    blocks.append(_section(_source(answer, entry_url), entry_url))
    topic = f"Topic: {escape(answer.responsibility.title)} · confidence {answer.confidence:.0%}"
    if answer.last_reviewed:
        topic += f" · :hourglass: {answer.last_reviewed}"
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=fit(topic, limits.SECTION_TEXT))]))
    return blocks


def _lead(answer: Known, people: AnswerPeople) -> str:
    """The one sentence of why; after an override, followed by who set it and when."""
    lead = escape(answer.lead)
    decision = people.decisions.get(answer.responsibility.id)
    if answer.override is None or decision is None:
        return lead
    by = people.names.get(decision.by or "")
    day = f"{decision.at.day} {decision.at:%b}"
    dated = f"<!date^{int(decision.at.timestamp())}^{{date_short_pretty}}|{day}>"
    return f"{lead} — set by {escape(by)}, {dated}" if by else f"{lead} — set {dated}"


def _section(text: str, entry_url: str | None) -> SectionBlock:
    """A section of escaped mrkdwn, cut to Slack's limit with a link to where the whole text is."""
    more = f" {link(entry_url, 'more')}" if entry_url else ""
    return SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT, more=more)))


def _several_blocks(answer: Answer, topic_urls: Sequence[str | None], people: AnswerPeople) -> list[Block]:
    titles = ", ".join(f"_{escape(t.responsibility.title)}_" for t in answer.topics if t.responsibility)
    intro = messages.several_topics(len(answer.topics), titles)
    blocks: list[Block] = [SectionBlock(text=MarkdownTextObject(text=intro))]
    urls = [*topic_urls, *[None] * len(answer.topics)]
    for topic, url in zip(answer.topics, urls, strict=False):
        blocks.append(DividerBlock())
        blocks += _known_blocks(topic, url, people) if isinstance(topic, Known) else [_unsure_part(topic)]
    return blocks


def _owner(role: str, role_name: str, holder: str | None, names: Mapping[str, str]) -> str:
    name = names.get(holder or "")
    return f"*{escape(role)}* · {escape(role_name)}" + (f" · {escape(name)}" if name else "")


def _consult(consulted: ConsultRef, names: Mapping[str, str]) -> str:
    name = _in_brackets(names.get(consulted.holder or ""))
    return f"Also involved: *{escape(consulted.role)}*{escape(name)}: {escape(consulted.why)}"


def _in_brackets(name: str | None) -> str:
    return f" ({name})" if name else ""


def _source(answer: Known, entry_url: str | None) -> str:
    """The article with its quote; after an override, the article's owner as what most companies do."""
    source = answer.source
    name = shorten(source.title, MAX_SOURCE_TITLE)
    title = link(source.url, name) if source.url else escape(name)
    if entry_url:
        title += " · " + link(entry_url, "this answer in the knowledge base")
    if answer.override is not None:
        return f":book: In most companies: the *{escape(answer.override.usual_role)}* owns it ({title})"
    quote = "\n".join(f"> {line}" for line in escape(source.quote).splitlines() or [""])
    return f":book: {title}\n{quote}"


def _unsure_blocks(answer: Unsure, entry_url: str | None) -> list[Block]:
    """Off-topic: what the bot is for, and nothing to click. Otherwise the closest topics, said once (as
    buttons, under one line), and a request to the admins to add what was asked."""
    if answer.off_topic:
        return [_section(escape(answer.reasoning), entry_url)]
    text = messages.UNSURE_PREFIX + escape(answer.reasoning)
    if answer.suggestions:
        text += " " + messages.SUGGESTIONS_PROMPT
    blocks: list[Block] = [_section(text, entry_url)]
    if answer.suggestions:
        buttons = [
            ButtonElement(
                text=shorten(topic.title, limits.BUTTON_TEXT), action_id=f"{PICK_TOPIC}_{index}", value=topic.id
            )
            for index, topic in enumerate(answer.suggestions)
        ]
        blocks.append(ActionsBlock(block_id="suggestions", elements=buttons))
    if answer.topic:
        request = ButtonElement(
            text=messages.REQUEST_TOPIC, action_id=REQUEST_TOPIC, value=AnswerKey.of(answer).model_dump_json()
        )
        blocks.append(ActionsBlock(block_id="request", elements=[request]))
    return blocks


def _unsure_part(answer: Answer) -> SectionBlock:
    """One topic of several the bot could not place: the topic as asked, and what the bot says about it."""
    text = fit(f"_{escape(answer.topic)}_: {escape(answer.reasoning)}", limits.SECTION_TEXT)
    return SectionBlock(text=MarkdownTextObject(text=text))
