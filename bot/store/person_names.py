"""The cache of Slack users' names (`person_names`): read many at once, written one at a time, upserted."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core import limits
from bot.store.slack_records import dialect_insert
from bot.store.tables import PersonNameRow


class PersonNameRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, team_id: str, user_ids: Iterable[str]) -> dict[str, tuple[str, datetime]]:
        """Each known user's name and when it was fetched."""
        wanted = list(user_ids)
        if not wanted:
            return {}
        rows = self.session.scalars(
            select(PersonNameRow).where(PersonNameRow.team_id == team_id, PersonNameRow.user_id.in_(wanted))
        )
        return {row.user_id: (row.name, row.fetched_at) for row in rows}

    def put(self, team_id: str, user_id: str, name: str, *, at: datetime) -> None:
        values = {"name": name[: limits.NAME], "fetched_at": at}
        statement = dialect_insert(self.session, PersonNameRow).values(team_id=team_id, user_id=user_id, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=["team_id", "user_id"], set_=values))
