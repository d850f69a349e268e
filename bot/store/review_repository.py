"""When each topic was last reviewed, the knowledge base's review interval, and the digests claimed.

A topic stored before reviews were recorded counts as reviewed when it was last written (the migration
copies `updated_at`). A digest is claimed like an event: one `INSERT` that a second process's identical
claim conflicts with, so only one process sends a workspace's digest for a week.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bot.core.clock import as_utc
from bot.core.freshness import DEFAULT_REVIEW_DAYS, Review
from bot.store.tables import DigestRow, KbState, OrgRow, ResponsibilityRow


class ReviewRepository:
    def __init__(self, session: Session):
        self.session = session

    def all(self) -> list[Review]:
        """The last review of every active topic."""
        rows = self.session.scalars(select(ResponsibilityRow).where(ResponsibilityRow.retired.is_(False)))
        return [Review(r.id, as_utc(r.reviewed_at or r.updated_at), r.reviewed_by) for r in rows]

    def get(self, topic: str, *, lock: bool = False) -> Review | None:
        query = select(ResponsibilityRow).where(ResponsibilityRow.id == topic)
        row = self.session.scalars(query.with_for_update() if lock else query).first()
        return Review(row.id, as_utc(row.reviewed_at or row.updated_at), row.reviewed_by) if row else None

    def mark(self, review: Review) -> None:
        self.session.execute(
            update(ResponsibilityRow)
            .where(ResponsibilityRow.id == review.topic)
            .values(reviewed_at=review.at, reviewed_by=review.by)
        )

    def interval(self) -> int:
        state = self.session.get(KbState, 1)
        return state.review_days if state and state.review_days else DEFAULT_REVIEW_DAYS

    def set_interval(self, days: int) -> None:
        state = self.session.get(KbState, 1)
        if state is None:
            self.session.add(KbState(id=1, review_days=days))
        else:
            state.review_days = days
        self.session.flush()


class DigestRepository:
    def __init__(self, session: Session):
        self.session = session

    def claim(self, team_id: str, week: str, *, now: datetime) -> bool:
        """True for the one caller that claims this workspace's digest of this week."""
        try:
            with self.session.begin_nested():
                self.session.add(DigestRow(team_id=team_id, week=week, claimed_at=now, outcome="sending"))
                self.session.flush()
        except IntegrityError:
            return False
        return True

    def finish(self, team_id: str, week: str, outcome: str) -> None:
        self.session.execute(
            update(DigestRow).where(DigestRow.team_id == team_id, DigestRow.week == week).values(outcome=outcome)
        )

    def outcome(self, team_id: str, week: str) -> str | None:
        row = self.session.get(DigestRow, (team_id, week))
        return row.outcome if row else None

    def workspaces(self) -> list[str]:
        """Every workspace with stored settings or an installation of the app, by team id."""
        from bot.store.slack_install_tables import INSTALLATIONS  # here: see that module's docstring

        teams = set(self.session.scalars(select(OrgRow.team_id)))
        teams |= {t for t in self.session.scalars(select(INSTALLATIONS.c.team_id).distinct()) if t}
        return sorted(teams)
