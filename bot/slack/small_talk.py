"""Replies to greetings, thanks and requests for help, wherever they are said (no Slack calls).

None of these is an answer, so none carries 👍 / 👎: help is the `/whoowns help` message, thanks get a
short "you're welcome", and a greeting says what the bot is for. An empty @-mention gets help.
"""

from __future__ import annotations

from bot.core.small_talk import SmallTalk, small_talk
from bot.services.overview import workspace_overview
from bot.slack import messages
from bot.slack.blocks.help import build_help_blocks
from bot.slack.replies import Reply
from bot.wiring import Deps

EXAMPLE_TOPICS = 5


def help_reply(deps: Deps, team_id: str | None) -> Reply:
    examples = workspace_overview(deps.knowledge, team_id).example_topics(EXAMPLE_TOPICS)
    return Reply.of(messages.ASK_HOWTO, build_help_blocks(examples))


def small_talk_reply(deps: Deps, text: str, *, team_id: str | None) -> Reply | None:
    """The reply when `text` is only small talk; None when it is a question to answer."""
    said = small_talk(text)
    if said is None:
        return None
    if said is SmallTalk.THANKS:
        return Reply(text=messages.YOURE_WELCOME)
    if said is SmallTalk.GREETING:
        return Reply(text=messages.GREETING)
    return help_reply(deps, team_id)
