"""The "Ask <name>" button on an answer, and the DM it sends the holder when the asker clicks it.

The answer itself only names the holder; the holder is notified only when the person who asked chooses
to ask them. The button's value (`AskKey`) carries what the DM needs, so a click needs nothing stored.
"""

from __future__ import annotations

from pydantic import BaseModel
from slack_sdk.models.blocks import Block, ButtonElement, MarkdownTextObject, SectionBlock

from bot.slack import limits
from bot.slack.blocks.mrkdwn import escape, fit, link, mention, shorten

ASK_HOLDER = "ask_holder"
MAX_ASK_QUESTION = limits.BUTTON_VALUE // 2


class AskKey(BaseModel):
    """Who to ask (the holder, as the role's holder), about what, and who may send it (None: whoever sees it)."""

    holder: str
    role: str
    topic: str
    question: str
    asker: str | None = None


def ask_button(key: AskKey, name: str | None) -> ButtonElement:
    label = f"Ask {name}" if name else f"Ask the {key.role}"
    value = key.model_copy(update={"question": shorten(key.question, MAX_ASK_QUESTION)}).model_dump_json()
    return ButtonElement(text=shorten(label, limits.BUTTON_TEXT), action_id=ASK_HOLDER, value=value)


def holder_dm_text(key: AskKey, *, asker: str) -> str:
    return f"{mention(asker)} has a question for you as the {escape(key.role)}: “{escape(shorten(key.question, 200))}”"


def holder_dm_blocks(key: AskKey, *, asker: str, thread_url: str | None) -> list[Block]:
    """The DM to the holder: who asks, as which role, about which topic, the question, and where to answer."""
    intro = f"{mention(asker)} asked who owns *{escape(key.topic)}*, and I said the *{escape(key.role)}*: that's you."
    question = "\n".join(f"> {line}" for line in escape(key.question).splitlines() or [""])
    where = (
        f"Answer them in {link(thread_url, 'the thread')}."
        if thread_url
        else "They asked privately, so there is no thread: write to them directly."
    )
    text = fit(f"{intro}\n{question}\n{where}", limits.SECTION_TEXT)
    return [SectionBlock(text=MarkdownTextObject(text=text))]
