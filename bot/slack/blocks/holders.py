"""Holders in Block Kit: the holders that need attention (App Home, `/whoowns admin`, the digest) and the
suggested holders in the settings form, each with a button that fills in the holder field.

Names and titles are what people wrote in their Slack profiles, so they are escaped: none can ping
anyone or break the message.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel
from slack_sdk.models.blocks import ButtonElement, MarkdownTextObject, SectionBlock

from bot.core.holders import Concern, FlaggedHolder, Suggestion
from bot.slack import admin_messages as say
from bot.slack import limits
from bot.slack.blocks.mrkdwn import escape, fit, shorten

FILL_HOLDER = "fill_holder"


class Fill(BaseModel):
    """The fill button's value: whom to put in which role's holder field."""

    role: str
    user: str


def flagged_line(flagged: FlaggedHolder) -> str:
    """One holder that needs attention and why, in mrkdwn."""
    name, role = escape(shorten(flagged.holder.name, 80)), escape(flagged.role)
    if flagged.concern is Concern.DEACTIVATED:
        return say.DEACTIVATED.format(name=name, role=role)
    return say.TITLED_OTHERWISE.format(name=name, role=role, title=escape(shorten(flagged.holder.title, 80)))


def flagged_text(flagged: Sequence[FlaggedHolder]) -> str | None:
    """The admins' to-do line about holders; None when none needs attention."""
    if not flagged:
        return None
    return say.FLAGGED_HOLDERS.format(holders="; ".join(flagged_line(f) for f in flagged))


def suggestion_block(suggestion: Suggestion) -> SectionBlock:
    """ "Ada Lovelace's title is *CTO*: name them the CTO?", with the button that fills the field in."""
    person = suggestion.person
    text = say.SUGGESTION.format(
        name=escape(shorten(person.name, 80)), title=escape(shorten(person.title, 80)), role=escape(suggestion.role)
    )
    button = ButtonElement(
        text=say.FILL_HOLDER,
        action_id=FILL_HOLDER,
        value=Fill(role=suggestion.role, user=person.user_id).model_dump_json(),
    )
    text_object = MarkdownTextObject(text=fit(text, limits.SECTION_TEXT))
    return SectionBlock(block_id=f"suggest_{suggestion.role}", text=text_object, accessory=button)
