"""Link previews: a pasted `PUBLIC_URL/kb/<id>` link unfurls (`link_shared` → `chat.unfurl`) into a card.

The web pages' rule holds: a link's `team=` token opens a workspace's own view (its holders, its
overrides) only when this server signed it, and the card shows that view only in that same workspace.
Anywhere else, and for links without a token, the card shows the knowledge base's general view.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import parse_qs, urlsplit

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.slack.blocks.unfurl import unfurl_card
from bot.slack.listeners.ack import ack_now
from bot.slack.people import users_info
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
ENTRY_PATH = "/kb/"


class UnfurlListeners:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.event("link_shared")(ack=ack_now, lazy=[self.unfurl])

    def unfurl(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        cards = {}
        for link in event.get("links") or []:
            card = self.card(link.get("url") or "", team_id=context.team_id, client=client)
            if card is not None:
                cards[link["url"]] = card
        if not cards:
            return
        where = (
            {"unfurl_id": event["unfurl_id"], "source": event["source"]}
            if event.get("source") == "composer" and event.get("unfurl_id")
            else {"channel": event["channel"], "ts": event["message_ts"]}
        )
        try:
            client.chat_unfurl(unfurls=cards, **where)
        except WEB_API_FAILURES as error:
            log.error("could not unfurl (team %s, channel %s): %s", context.team_id, event.get("channel"), error)

    def card(self, url: str, *, team_id: str | None, client: WebClient | None = None) -> dict[str, Any] | None:
        """The card for one of our entry links; None for any other link or a topic that is gone.

        `client` looks up the holder's name when it is not cached yet."""
        entry = self._entry_id(url)
        if entry is None:
            return None
        tokens = parse_qs(urlsplit(url).query).get("team") or []
        signed_for = self.deps.links.team_of(tokens[0]) if tokens else None
        view_of = team_id if signed_for is not None and signed_for == team_id else None
        answer = self.deps.knowledge.answer_topic(entry, team_id=view_of)
        if answer is None:
            return None
        holders = [answer.holder] if answer.holder else []
        lookup = users_info(client, view_of) if client is not None and view_of else None
        names = self.deps.people.names(view_of, holders, lookup=lookup) if view_of else {}
        return unfurl_card(answer, names)

    def _entry_id(self, url: str) -> str | None:
        if not self.deps.public_url:
            return None
        base, parts = urlsplit(self.deps.public_url), urlsplit(url)
        path = parts.path.removeprefix(base.path.rstrip("/"))
        same_site = (parts.scheme, parts.netloc) == (base.scheme, base.netloc)
        if not same_site or not path.startswith(ENTRY_PATH):
            return None
        entry = path.removeprefix(ENTRY_PATH).strip("/")
        return entry if entry and "/" not in entry else None


def register(app: App, deps: Deps) -> None:
    UnfurlListeners(deps).register(app)
