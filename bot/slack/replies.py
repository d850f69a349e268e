"""Where a reply goes (a thread, a DM, a message to update, a slash command's response URL) and how.

Every listener produces a `Reply` and hands it to a `Destination` through `deliver`, which is where the
two failure rules live: the knowledge base being unreachable becomes a short apology to the person
(sent without touching the database), and a Web API failure is logged with the team and channel, never
raised into Bolt.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.models.blocks import Block, MarkdownTextObject, SectionBlock
from sqlalchemy.exc import SQLAlchemyError

from bot.slack import messages
from bot.slack.blocks.mrkdwn import to_dicts

log = logging.getLogger(__name__)
WEB_API_FAILURES = (SlackApiError, SlackClientError, OSError)


@dataclass(frozen=True)
class Reply:
    text: str
    blocks: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, blocks: Sequence[Block] = ()) -> Reply:
        return cls(text=text, blocks=to_dicts(blocks))


class Destination(Protocol):
    team_id: str | None
    channel: str | None

    def send(self, reply: Reply) -> None: ...


@dataclass(frozen=True)
class InChannel:
    """A new message in a channel or DM (chat.postMessage), in a thread when `thread_ts` is set."""

    client: WebClient
    team_id: str | None
    channel: str
    thread_ts: str | None = None

    def send(self, reply: Reply) -> None:
        with _logged(self):
            self.client.chat_postMessage(
                channel=self.channel, thread_ts=self.thread_ts, text=reply.text, blocks=reply.blocks or None
            )


@dataclass(frozen=True)
class Replacing:
    """An update of a message the app posted (chat.update)."""

    client: WebClient
    team_id: str | None
    channel: str
    ts: str

    def send(self, reply: Reply) -> None:
        with _logged(self):
            self.client.chat_update(channel=self.channel, ts=self.ts, text=reply.text, blocks=reply.blocks)


@dataclass(frozen=True)
class ViaResponseUrl:
    """Only the person sees it: a slash command's or an ephemeral message's response URL (`respond`)."""

    respond: Respond
    team_id: str | None
    channel: str | None
    replace_original: bool = False

    def send(self, reply: Reply) -> None:
        with _logged(self):
            response = self.respond(
                text=reply.text,
                blocks=reply.blocks or None,
                response_type="ephemeral",
                replace_original=self.replace_original,
            )
            if response.status_code != 200:
                log.error(
                    "Slack refused a response (team %s, channel %s): HTTP %s %s",
                    self.team_id,
                    self.channel,
                    response.status_code,
                    response.body[:200],
                )


@dataclass(frozen=True)
class HomeTab:
    """One person's App Home tab (views.publish); a reply without blocks is shown as one section."""

    client: WebClient
    team_id: str | None
    user_id: str
    channel: str | None = None

    def send(self, reply: Reply) -> None:
        blocks = reply.blocks or to_dicts([SectionBlock(text=MarkdownTextObject(text=reply.text))])
        with _logged(self):
            self.client.views_publish(user_id=self.user_id, view={"type": "home", "blocks": blocks})


def deliver(
    destination: Destination, produce: Callable[[], Reply | None], *, apologise_to: Destination | None = None
) -> None:
    """Sends what `produce` makes; None means there is nothing to say (an event already handled).

    When the knowledge base is unreachable the apology goes to `apologise_to` (default: `destination`),
    so a failed vote does not overwrite the answer it was about.
    """
    try:
        reply = produce()
    except SQLAlchemyError:
        log.warning(
            "knowledge base unreachable (team %s, channel %s)", destination.team_id, destination.channel, exc_info=True
        )
        (apologise_to or destination).send(Reply.of(messages.KNOWLEDGE_UNAVAILABLE))
        return
    if reply is not None:
        destination.send(reply)


@contextmanager
def _logged(destination: Destination) -> Iterator[None]:
    """Logs a Web API failure with the team and channel instead of letting it reach Bolt."""
    try:
        yield
    except WEB_API_FAILURES as error:
        log.error("could not send to Slack (team %s, channel %s): %s", destination.team_id, destination.channel, error)
