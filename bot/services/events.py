"""Slack event de-duplication across processes: an event is taken on by exactly one of them.

Slack re-sends an event it thinks was missed (`X-Slack-Retry-Num`), and the retry may reach another web
process; the first process to record the event id in the database answers, every other one skips it.
"""

from __future__ import annotations

from datetime import timedelta

from bot.metrics import count
from bot.store.database import Database
from bot.store.slack_records import ProcessedEventRepository
from bot.store.tables import utcnow

KEEP_CLAIMS_FOR = timedelta(days=1)  # Slack gives up retrying within minutes; a day is ample


class EventLedger:
    def __init__(self, db: Database):
        self.db = db

    def claim(self, event_id: str, *, team_id: str | None) -> bool:
        """True when this process should handle the event; False when it was already handled."""
        with self.db.transaction() as session:
            claimed = ProcessedEventRepository(session).claim(event_id, team_id)
        count("events", outcome="claimed" if claimed else "duplicate")
        return claimed

    def forget_old(self) -> int:
        """Drops claims no retry can still need; called once when the server starts."""
        with self.db.transaction() as session:
            return ProcessedEventRepository(session).forget_before(utcnow() - KEEP_CLAIMS_FOR)
