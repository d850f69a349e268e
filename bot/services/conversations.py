"""A DM conversation's memory: the topic it last got an answer about, and the channel its person is viewing.

A follow-up such as "why?" or "who holds it?" is about the topic of its thread; a follow-up sent as a new
DM message is about the DM's latest answer. The viewed channel comes from Slack's `app_context_changed`
and is only ever an id: reading anything about it is the caller's choice, within its scopes.
"""

from __future__ import annotations

from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

WHOLE_CONVERSATION = ""  # the `thread_ts` under which a DM's latest answer is kept


class Conversations:
    def __init__(self, db: Database):
        self.db = db

    def remember(self, team_id: str, channel_id: str, thread_ts: str | None, responsibility_id: str) -> None:
        """Keeps the topic for its thread and as the DM's latest, in one transaction."""
        with unit_of_work(self.db) as store:
            repository = store.conversations
            for key in {thread_ts or WHOLE_CONVERSATION, WHOLE_CONVERSATION}:
                repository.remember(team_id, channel_id, key, responsibility_id)

    def topic(self, team_id: str, channel_id: str, thread_ts: str | None) -> str | None:
        """The thread's topic; for a message outside a thread, the DM's latest."""
        with unit_of_work(self.db) as store:
            return store.conversations.topic(team_id, channel_id, thread_ts or WHOLE_CONVERSATION)

    def viewing(self, team_id: str, user_id: str, channel_id: str | None) -> None:
        with unit_of_work(self.db) as store:
            store.conversations.save_context(team_id, user_id, channel_id)

    def viewed_channel(self, team_id: str, user_id: str) -> str | None:
        with unit_of_work(self.db) as store:
            return store.conversations.context(team_id, user_id)
