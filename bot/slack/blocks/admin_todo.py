"""The admins' to-do: the roles nobody is named for yet (App Home, with the button that names them, and the
`/whoowns admin` editor)."""

from __future__ import annotations

from collections.abc import Sequence

from slack_sdk.models.blocks import Block, ButtonElement, MarkdownTextObject, SectionBlock

from bot.services.unnamed_roles import UnnamedRole
from bot.slack import admin_messages as say
from bot.slack import limits
from bot.slack.blocks.admin_lists import OPEN_SETTINGS
from bot.slack.blocks.mrkdwn import escape, fit


def unnamed_roles_text(roles: Sequence[UnnamedRole]) -> str | None:
    """The to-do in one mrkdwn line (the `/whoowns admin` editor shows it on top); None when there is none."""
    if not roles:
        return None
    named = ", ".join(f"*{escape(r.role)}* ({escape(r.name)})" for r in roles)
    return fit(say.UNNAMED_ROLES.format(roles=named), limits.SECTION_TEXT)


def unnamed_roles_blocks(roles: Sequence[UnnamedRole]) -> list[Block]:
    """Nothing once every role has a holder."""
    text = unnamed_roles_text(roles)
    if text is None:
        return []
    button = ButtonElement(text=say.NAME_HOLDERS, action_id=OPEN_SETTINGS)
    return [SectionBlock(text=MarkdownTextObject(text=text), accessory=button)]
