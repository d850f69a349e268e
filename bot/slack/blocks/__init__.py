"""Block Kit built by pure functions with slack_sdk's model classes (which enforce Slack's limits)."""

from bot.slack.blocks.answer import AnswerKey, answer_text, build_answer_blocks
from bot.slack.blocks.help import build_help_blocks
from bot.slack.blocks.home import build_home_view, how_to_ask_blocks, roles_blocks, topics_blocks
from bot.slack.blocks.mrkdwn import escape, to_dicts

__all__ = [
    "AnswerKey",
    "answer_text",
    "build_answer_blocks",
    "build_help_blocks",
    "build_home_view",
    "escape",
    "how_to_ask_blocks",
    "roles_blocks",
    "to_dicts",
    "topics_blocks",
]
