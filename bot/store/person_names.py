"""The cache of Slack users (`person_names`): each one's name, title and whether they are deactivated or a bot,
read many at once, upserted; and when each workspace's people were last listed (`people_listings`)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core import limits
from bot.core.holders import Profile
from bot.store.slack_records import dialect_insert
from bot.store.tables import PeopleListingRow, PersonNameRow


class PersonNameRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, team_id: str, user_ids: Iterable[str]) -> dict[str, tuple[Profile, datetime]]:
        """Each known user and when they were fetched."""
        wanted = list(user_ids)
        if not wanted:
            return {}
        rows = self.session.scalars(
            select(PersonNameRow).where(PersonNameRow.team_id == team_id, PersonNameRow.user_id.in_(wanted))
        )
        return {row.user_id: (_profile(row), row.fetched_at) for row in rows}

    def put(self, team_id: str, person: Profile, *, at: datetime) -> None:
        values = {
            "name": person.name[: limits.NAME],
            "title": person.title[: limits.NAME],
            "deleted": person.deleted,
            "bot": person.bot,
            "fetched_at": at,
        }
        insert = dialect_insert(self.session, PersonNameRow).values(team_id=team_id, user_id=person.user_id, **values)
        self.session.execute(insert.on_conflict_do_update(index_elements=["team_id", "user_id"], set_=values))

    def listed_at(self, team_id: str) -> datetime | None:
        return self.session.scalar(select(PeopleListingRow.listed_at).where(PeopleListingRow.team_id == team_id))

    def mark_listed(self, team_id: str, *, at: datetime) -> None:
        insert = dialect_insert(self.session, PeopleListingRow).values(team_id=team_id, listed_at=at)
        self.session.execute(insert.on_conflict_do_update(index_elements=["team_id"], set_={"listed_at": at}))

    def fetched_since(self, team_id: str, since: datetime) -> list[Profile]:
        """The people fetched since `since` (a listing's start): the workspace as that listing saw it."""
        rows = self.session.scalars(
            select(PersonNameRow)
            .where(PersonNameRow.team_id == team_id, PersonNameRow.fetched_at >= since)
            .order_by(PersonNameRow.user_id)
        )
        return [_profile(row) for row in rows]


def _profile(row: PersonNameRow) -> Profile:
    return Profile(row.user_id, row.name, row.title or "", deleted=row.deleted, bot=row.bot)
