"""What people asked the admins for (`TopicRequestRow`): a topic to add, or who should own an answer.

A person asking again about the same question updates their request instead of adding one, in one
atomic `INSERT … ON CONFLICT`, so a double click or two processes never count a person twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.slack_records import dialect_insert
from bot.store.tables import TopicRequestRow

MAX_TEXT_CHARS = 2000


@dataclass(frozen=True)
class TopicRequest:
    """One person's request, as the admins' lists read it."""

    kind: str
    key: str
    question: str
    user_id: str
    created_at: datetime
    responsibility_id: str | None
    owner: str | None
    note: str | None


class RequestRepository:
    def __init__(self, session: Session):
        self.session = session

    def record(
        self,
        *,
        team_id: str,
        user_id: str,
        kind: str,
        key: str,
        question: str,
        responsibility_id: str | None = None,
        owner: str | None = None,
        note: str | None = None,
    ) -> None:
        values = {
            "question": question[:MAX_TEXT_CHARS],
            "responsibility_id": responsibility_id,
            "owner": owner[:MAX_TEXT_CHARS] if owner else None,
            "note": note[:MAX_TEXT_CHARS] if note else None,
            "created_at": utcnow(),
        }
        statement = dialect_insert(self.session, TopicRequestRow).values(
            team_id=team_id, user_id=user_id, kind=kind, key=key, **values
        )
        conflict = ["team_id", "user_id", "kind", "key"]
        self.session.execute(statement.on_conflict_do_update(index_elements=conflict, set_=values))

    def exists(self, *, team_id: str, user_id: str, kind: str, key: str) -> bool:
        statement = select(TopicRequestRow.id).where(
            TopicRequestRow.team_id == team_id,
            TopicRequestRow.user_id == user_id,
            TopicRequestRow.kind == kind,
            TopicRequestRow.key == key,
        )
        return self.session.scalar(statement) is not None

    def latest(self, *, team_id: str, limit: int) -> list[TopicRequest]:
        """The workspace's latest requests of every kind, newest first."""
        statement = (
            select(TopicRequestRow)
            .where(TopicRequestRow.team_id == team_id)
            .order_by(TopicRequestRow.created_at.desc(), TopicRequestRow.id.desc())
            .limit(limit)
        )
        return [
            TopicRequest(r.kind, r.key, r.question, r.user_id, r.created_at, r.responsibility_id, r.owner, r.note)
            for r in self.session.scalars(statement)
        ]
