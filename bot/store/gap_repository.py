"""What people asked that the bot could not answer, and the answers they voted 👎, per workspace.

Unanswered questions are counted under a normalised key, so rephrasings of one question add up; the
count goes up in one atomic `INSERT … ON CONFLICT` so web processes recording the same question at
once never lose a count. 👎 votes are the Slack app's `feedback` rows, read here as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.slack_records import dialect_insert, rows_matched
from bot.store.tables import FeedbackRow, OrgRow, ResponsibilityRow, UnansweredRow

MAX_TEXT_CHARS = 500


@dataclass(frozen=True)
class Downvote:
    """A 👎 on an answer: the question, the entry answered with, and when."""

    question: str
    responsibility_id: str | None
    created_at: datetime


class GapRepository:
    def __init__(self, session: Session):
        self.session = session

    def record_unanswered(self, *, team_id: str, key: str, text: str) -> None:
        """Counts one more asking of `key`; a question asked again after it was handled reopens it."""
        now = utcnow()
        text = text[:MAX_TEXT_CHARS]
        statement = dialect_insert(self.session, UnansweredRow).values(
            team_id=team_id, key=key, text=text, count=1, first_asked_at=now, last_asked_at=now, resolved=False
        )
        again = {"count": UnansweredRow.count + 1, "text": text, "last_asked_at": now, "resolved": False}
        self.session.execute(statement.on_conflict_do_update(index_elements=["team_id", "key"], set_=again))

    def prune(self, *, team_id: str, keep: int, asked_since: datetime) -> int:
        """Drops the workspace's questions last asked before `asked_since`, and all but the `keep` most asked
        (the most recently asked first among equals); returns how many went."""
        kept = (
            select(UnansweredRow.id)
            .where(UnansweredRow.team_id == team_id)
            .order_by(UnansweredRow.count.desc(), UnansweredRow.last_asked_at.desc(), UnansweredRow.id.desc())
            .limit(keep)
        )
        statement = delete(UnansweredRow).where(
            UnansweredRow.team_id == team_id,
            or_(UnansweredRow.last_asked_at < asked_since, UnansweredRow.id.not_in(kept)),
        )
        return rows_matched(self.session.execute(statement.execution_options(synchronize_session=False)))

    def open_unanswered(self, *, team_id: str, limit: int) -> list[UnansweredRow]:
        """The most asked questions nobody has handled yet, most asked first."""
        statement = (
            select(UnansweredRow)
            .where(UnansweredRow.team_id == team_id, UnansweredRow.resolved.is_(False))
            .order_by(UnansweredRow.count.desc(), UnansweredRow.last_asked_at.desc(), UnansweredRow.id)
            .limit(limit)
        )
        return list(self.session.scalars(statement))

    def resolve(self, *, team_id: str, key: str) -> None:
        statement = update(UnansweredRow).where(UnansweredRow.team_id == team_id, UnansweredRow.key == key)
        self.session.execute(statement.values(resolved=True).execution_options(synchronize_session=False))

    def downvotes(self, *, team_id: str, limit: int) -> list[Downvote]:
        """The workspace's latest 👎 votes, newest first."""
        statement = (
            select(FeedbackRow)
            .where(FeedbackRow.team_id == team_id, FeedbackRow.vote < 0)
            .order_by(FeedbackRow.created_at.desc(), FeedbackRow.id.desc())
            .limit(limit)
        )
        return [Downvote(r.question, r.responsibility_id, r.created_at) for r in self.session.scalars(statement)]

    def last_changed(self, *, team_id: str, responsibility_ids: Iterable[str]) -> dict[str, datetime]:
        """When each entry's answer in this workspace last changed: the entry's or the settings' last save."""
        org_saved = self.session.scalar(select(OrgRow.updated_at).where(OrgRow.team_id == team_id))
        rows = self.session.execute(
            select(ResponsibilityRow.id, ResponsibilityRow.updated_at).where(
                ResponsibilityRow.id.in_(list(responsibility_ids))
            )
        )
        return {rid: max(saved, org_saved) if org_saved else saved for rid, saved in rows}
