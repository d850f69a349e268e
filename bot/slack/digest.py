"""Sends the weekly digests from every server process; the database makes each go out once.

Every `every` seconds (an hour) each process asks the digest service to send this week's digests not yet
claimed; whichever process claims a workspace's week sends it, as a DM from the bot to each recipient:
the admins the workspace's settings name and, with several workspaces, the person who installed the app.
"""

from __future__ import annotations

import logging
import threading

from slack_bolt import App
from slack_sdk import WebClient

from bot.core.unavailable import KnowledgeUnavailable
from bot.services.digest import Digest, Digests
from bot.services.people import Lookup
from bot.slack.blocks.digest import build_digest_blocks, digest_text
from bot.slack.blocks.mrkdwn import to_dicts
from bot.slack.people import users_info
from bot.slack.replies import WEB_API_FAILURES

log = logging.getLogger(__name__)
EVERY_SECONDS = 3600


class DigestSender:
    def __init__(self, app: App, digests: Digests, *, every: float = EVERY_SECONDS):
        self.app = app
        self.digests = digests
        self.every = every
        self._stopped = threading.Event()

    def start(self) -> DigestSender:
        threading.Thread(target=self._run, name="whoowns-digest", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped.set()

    def send_due(self) -> dict[str, str]:
        try:
            return self.digests.send_due(self.send, self.recipients, lookup_for=self.lookup_for)
        except KnowledgeUnavailable as error:
            log.warning("could not send the weekly digests: %s", str(error).splitlines()[0])
            return {}

    def recipients(self, team_id: str) -> list[str]:
        people = list(self.digests.knowledge.org(team_id).admins)
        store = self.app.installation_store
        installation = store.find_installation(enterprise_id=None, team_id=team_id) if store else None
        if installation is not None and installation.user_id:
            people.append(installation.user_id)
        return list(dict.fromkeys(people))

    def lookup_for(self, team_id: str) -> Lookup | None:
        """The workspace's `users.info`, to check its holders' profiles when the cached ones are old."""
        client = self._client(team_id)
        return users_info(client, team_id) if client is not None else None

    def send(self, digest: Digest, people: list[str]) -> bool:
        client = self._client(digest.team_id)
        if client is None:
            return False
        text, blocks = digest_text(digest), to_dicts(build_digest_blocks(digest))
        sent = False
        for user in people:
            try:
                client.chat_postMessage(channel=user, text=text, blocks=blocks)
                sent = True
            except WEB_API_FAILURES as error:
                log.error("could not send the weekly digest (team %s, user %s): %s", digest.team_id, user, error)
        return sent

    def _client(self, team_id: str) -> WebClient | None:
        store = self.app.installation_store
        if store is None:
            return self.app.client
        bot = store.find_bot(enterprise_id=None, team_id=team_id)
        if bot is None:
            return None
        return WebClient(token=bot.bot_token, base_url=self.app.client.base_url)

    def _run(self) -> None:
        while not self._stopped.is_set():
            self.send_due()
            self._stopped.wait(self.every)
