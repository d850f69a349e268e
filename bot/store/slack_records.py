"""What the Slack app records per workspace: events already taken on, and votes on answers.

Both writes are single atomic statements (`INSERT … ON CONFLICT`) so two web processes racing on the
same event or the same vote can never both win: the database decides, not a read-then-write.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Insert, case, delete, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bot.store.tables import FeedbackRow, ProcessedEvent, utcnow


def dialect_insert(session: Session, table: type) -> Insert:
    """The dialect's own INSERT, which knows ON CONFLICT (PostgreSQL and SQLite both do)."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


class ProcessedEventRepository:
    def __init__(self, session: Session):
        self.session = session

    def claim(self, event_id: str, team_id: str | None) -> bool:
        """True for the first claim of `event_id`; False when any process already claimed it."""
        statement = dialect_insert(self.session, ProcessedEvent).values(
            event_id=event_id, team_id=team_id, received_at=utcnow()
        )
        claimed = statement.on_conflict_do_nothing(index_elements=["event_id"]).returning(ProcessedEvent.event_id)
        return self.session.execute(claimed).scalar_one_or_none() is not None

    def forget_before(self, moment: datetime) -> int:
        """Drops claims older than `moment` (Slack stops retrying an event after a few minutes)."""
        return self.session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < moment)).rowcount


class FeedbackRepository:
    def __init__(self, session: Session):
        self.session = session

    def vote(
        self,
        *,
        team_id: str,
        channel_id: str,
        message_ts: str,
        user_id: str,
        responsibility_id: str | None,
        question: str,
        vote: int,
    ) -> None:
        """Stores one person's vote on one answer message; voting again replaces their vote."""
        key = {"team_id": team_id, "channel_id": channel_id, "message_ts": message_ts, "user_id": user_id}
        values = {"responsibility_id": responsibility_id, "question": question, "vote": vote, "created_at": utcnow()}
        statement = dialect_insert(self.session, FeedbackRow).values(**key, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=list(key), set_=values))

    def tally(self, *, team_id: str, channel_id: str, message_ts: str) -> tuple[int, int]:
        """(👍 count, 👎 count) for one answer message."""
        up, down = self.session.execute(
            select(
                func.coalesce(func.sum(case((FeedbackRow.vote > 0, 1), else_=0)), 0),
                func.coalesce(func.sum(case((FeedbackRow.vote < 0, 1), else_=0)), 0),
            ).where(
                FeedbackRow.team_id == team_id,
                FeedbackRow.channel_id == channel_id,
                FeedbackRow.message_ts == message_ts,
            )
        ).one()
        return int(up), int(down)
