"""The admins' to-do: the roles nobody is named for yet and the holders that need attention (App Home, with
the button that opens the settings, and the `/whoowns admin` editor)."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, ButtonElement, MarkdownTextObject, SectionBlock

from bot.core.holders import FlaggedHolder
from bot.services.unnamed_roles import UnnamedRole
from bot.slack import admin_messages as say
from bot.slack import limits
from bot.slack.blocks.admin_lists import OPEN_SETTINGS
from bot.slack.blocks.holders import flagged_text
from bot.slack.blocks.mrkdwn import escape, fit


def todo_text(roles: Sequence[UnnamedRole], flagged: Sequence[FlaggedHolder] = ()) -> str | None:
    """The to-do in mrkdwn (the `/whoowns admin` editor shows it on top); None when there is none."""
    named = ", ".join(f"*{escape(r.role)}* ({escape(r.name)})" for r in roles)
    parts = [say.UNNAMED_ROLES.format(roles=named) if roles else None, flagged_text(flagged)]
    text = "\n".join(part for part in parts if part)
    return fit(text, limits.SECTION_TEXT) if text else None


def todo_blocks(roles: Sequence[UnnamedRole], flagged: Sequence[FlaggedHolder] = ()) -> list[Block]:
    """Nothing once every role has a holder and none needs attention."""
    text = todo_text(roles, flagged)
    if text is None:
        return []
    button = ButtonElement(text=say.NAME_HOLDERS, action_id=OPEN_SETTINGS)
    return [SectionBlock(text=MarkdownTextObject(text=text), accessory=button)]
