"""Where a reply goes (a thread, a DM, a message to update, a slash command's response URL) and how.

Every listener produces a `Reply` and hands it to a `Destination` through `deliver`, which is where the
failure rules live: nobody is left without a reply. The knowledge base being unreachable becomes a short
apology (sent without touching the database); a reply that cannot be built, or that Slack refuses, is
logged with the team and channel and replaced by an apology in plain text; a Web API failure is never
raised into Bolt. `deliver` says how it went (`Outcome`), so an event's claim can record it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Protocol

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError, SlackObjectFormationError
from slack_sdk.models.blocks import Block, MarkdownTextObject, SectionBlock

from bot.core.unavailable import KnowledgeUnavailable
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
    """Where a reply goes. Read-only (properties), so a frozen dataclass whose `channel` is always set fits."""

    @property
    def team_id(self) -> str | None: ...

    @property
    def channel(self) -> str | None: ...

    def send(self, reply: Reply) -> bool:
        """True when Slack took the reply; a failure is logged, never raised."""
        ...


class Outcome(Enum):
    SENT = "sent"
    APOLOGISED = "apologised"  # the reply could not be made or sent; the person got an apology instead
    NOTHING = "nothing"  # nothing to say (an event another process answers)
    FAILED = "failed"  # neither the reply nor the apology reached Slack: nobody was told anything


@dataclass(frozen=True)
class InChannel:
    """A new message in a channel or DM (chat.postMessage), in a thread when `thread_ts` is set."""

    client: WebClient
    team_id: str | None
    channel: str
    thread_ts: str | None = None

    def send(self, reply: Reply) -> bool:
        with _logged(self) as sent:
            self.client.chat_postMessage(
                channel=self.channel, thread_ts=self.thread_ts, text=reply.text, blocks=reply.blocks or None
            )
        return sent()


@dataclass(frozen=True)
class Replacing:
    """An update of a message the app posted (chat.update)."""

    client: WebClient
    team_id: str | None
    channel: str
    ts: str

    def send(self, reply: Reply) -> bool:
        with _logged(self) as sent:
            self.client.chat_update(channel=self.channel, ts=self.ts, text=reply.text, blocks=reply.blocks)
        return sent()


@dataclass(frozen=True)
class ViaResponseUrl:
    """Only the person sees it: a slash command's or an ephemeral message's response URL (`respond`)."""

    respond: Respond
    team_id: str | None
    channel: str | None
    replace_original: bool = False

    def send(self, reply: Reply) -> bool:
        with _logged(self) as sent:
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
                return False
        return sent()


@dataclass(frozen=True)
class HomeTab:
    """One person's App Home tab (views.publish); a reply without blocks is shown as one section."""

    client: WebClient
    team_id: str | None
    user_id: str
    channel: str | None = None

    def send(self, reply: Reply) -> bool:
        blocks = reply.blocks or to_dicts([SectionBlock(text=MarkdownTextObject(text=reply.text))])
        with _logged(self) as sent:
            self.client.views_publish(user_id=self.user_id, view={"type": "home", "blocks": blocks})
        return sent()


def deliver(
    destination: Destination,
    produce: Callable[[], Reply | None],
    *,
    apologise_to: Destination | None = None,
    before_send: Callable[[], bool] = lambda: True,
) -> Outcome:
    """Sends what `produce` makes; None means there is nothing to say (an event already handled).

    `before_send` runs once the reply is ready and may still cancel it (an event's claim that was lost).
    An apology goes to `apologise_to` (default: `destination`), so a failed vote does not overwrite the
    answer it was about.
    """
    apology_to = apologise_to or destination
    try:
        reply = produce()
        if reply is None or not before_send():
            return Outcome.NOTHING
    except KnowledgeUnavailable:
        log.warning(
            "knowledge base unreachable (team %s, channel %s)", destination.team_id, destination.channel, exc_info=True
        )
        return _apologise(apology_to, messages.KNOWLEDGE_UNAVAILABLE)
    except SlackObjectFormationError:
        log.exception("could not build a reply (team %s, channel %s)", destination.team_id, destination.channel)
        return _apologise(apology_to, messages.REPLY_FAILED)
    if destination.send(reply):
        return Outcome.SENT
    return _apologise(apology_to, messages.REPLY_FAILED)


def _apologise(destination: Destination, text: str) -> Outcome:
    return Outcome.APOLOGISED if destination.send(Reply(text=text)) else Outcome.FAILED


class _Sent:
    """What `_logged` yields: called after the block, True when the Web API call did not fail."""

    def __init__(self) -> None:
        self.ok = True

    def __call__(self) -> bool:
        return self.ok


@contextmanager
def _logged(destination: Destination) -> Iterator[_Sent]:
    """Logs a Web API failure with the team and channel instead of letting it reach Bolt."""
    sent = _Sent()
    try:
        yield sent
    except WEB_API_FAILURES as error:
        sent.ok = False
        log.error("could not send to Slack (team %s, channel %s): %s", destination.team_id, destination.channel, error)
