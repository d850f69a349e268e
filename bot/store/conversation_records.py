"""What the Slack surfaces remember: welcomes sent, each DM conversation's topic, what a person is viewing.

Writes are single atomic statements (`INSERT … ON CONFLICT`), so two web processes handling the same
first Home visit can never both send its welcome.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.slack_records import dialect_insert
from bot.store.tables import AppContextRow, ConversationTopicRow, WelcomeRow


class WelcomeRepository:
    def __init__(self, session: Session):
        self.session = session

    def claim(self, team_id: str, kind: str, user_id: str) -> bool:
        """True for the first claim of this welcome; False when it was already sent."""
        statement = dialect_insert(self.session, WelcomeRow).values(
            team_id=team_id, kind=kind, user_id=user_id, sent_at=utcnow()
        )
        claimed = statement.on_conflict_do_nothing(index_elements=["team_id", "kind", "user_id"])
        return self.session.execute(claimed.returning(WelcomeRow.team_id)).scalar_one_or_none() is not None


class ConversationRepository:
    def __init__(self, session: Session):
        self.session = session

    def remember(self, team_id: str, channel_id: str, thread_ts: str, responsibility_id: str) -> None:
        key = {"team_id": team_id, "channel_id": channel_id, "thread_ts": thread_ts}
        values = {"responsibility_id": responsibility_id, "updated_at": utcnow()}
        statement = dialect_insert(self.session, ConversationTopicRow).values(**key, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=list(key), set_=values))

    def topic(self, team_id: str, channel_id: str, thread_ts: str) -> str | None:
        return self.session.scalar(
            select(ConversationTopicRow.responsibility_id).where(
                ConversationTopicRow.team_id == team_id,
                ConversationTopicRow.channel_id == channel_id,
                ConversationTopicRow.thread_ts == thread_ts,
            )
        )

    def save_context(self, team_id: str, user_id: str, channel_id: str | None) -> None:
        values = {"channel_id": channel_id, "updated_at": utcnow()}
        statement = dialect_insert(self.session, AppContextRow).values(team_id=team_id, user_id=user_id, **values)
        self.session.execute(statement.on_conflict_do_update(index_elements=["team_id", "user_id"], set_=values))

    def context(self, team_id: str, user_id: str) -> str | None:
        return self.session.scalar(
            select(AppContextRow.channel_id).where(AppContextRow.team_id == team_id, AppContextRow.user_id == user_id)
        )
