"""The welcomes: the installer's DM (three first steps and the settings button) and a first Home visit's."""

from __future__ import annotations

from slack_sdk.models.blocks import ActionsBlock, Block, ButtonElement, MarkdownTextObject, SectionBlock

from bot.slack import surface_messages as say
from bot.slack.blocks.admin_lists import OPEN_SETTINGS
from bot.slack.blocks.mrkdwn import mention


def install_welcome_blocks() -> list[Block]:
    """The settings button opens the same editor as the App Home's (saving it is for admins only)."""
    return [
        SectionBlock(text=MarkdownTextObject(text=say.WELCOME_INSTALL)),
        ActionsBlock(
            block_id="welcome",
            elements=[ButtonElement(text=say.OPEN_SETTINGS, action_id=OPEN_SETTINGS, style="primary")],
        ),
    ]


def home_welcome_blocks(user_id: str) -> list[Block]:
    return [SectionBlock(text=MarkdownTextObject(text=say.WELCOME_HOME.format(user=mention(user_id))))]
