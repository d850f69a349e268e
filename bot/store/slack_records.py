"""What the Slack app records per workspace: events taken on (and how far each got), and votes on answers.

Every write is a single atomic statement (`INSERT … ON CONFLICT`, `UPDATE … WHERE token = …`) so two web
processes racing on the same event or the same vote can never both win: the database decides, not a
read-then-write.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from importlib import import_module
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import ColumnElement, Result, and_, case, delete, func, or_, select, update
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.tables import FeedbackRow, ProcessedEvent

if TYPE_CHECKING:  # the dialects themselves are imported only once connected: see `dialect_insert`
    from sqlalchemy import CursorResult
    from sqlalchemy.dialects import postgresql, sqlite

CLAIMED, REPLYING, ANSWERED = "claimed", "replying", "answered"
MAX_ATTEMPTS = 5  # an event that failed this often (a channel the bot cannot post in) is left alone
RENEWED_PER_STATEMENT = 500  # tokens in one UPDATE … WHERE token IN (…), well under SQLite's variable limit


def dialect_insert(session: Session, table: type) -> postgresql.Insert | sqlite.Insert:
    """The dialect's own INSERT, which knows ON CONFLICT (PostgreSQL and SQLite both do). Its module is the
    one SQLAlchemy already loaded to connect: importing both up front cost every command line start the
    PostgreSQL dialect's import."""
    dialect = import_module(f"sqlalchemy.dialects.{session.get_bind().dialect.name}")
    return cast("postgresql.Insert | sqlite.Insert", dialect.insert(table))


def rows_matched(result: Result[Any]) -> int:
    """How many rows an UPDATE or DELETE matched (what `Session.execute` returns for one is a cursor result)."""
    return cast("CursorResult[Any]", result).rowcount


@dataclass(frozen=True)
class Lapsed:
    """When a claim's holder is presumed dead: still `claimed` (nothing sent) since before `claimed_before`,
    or still `replying` since before `replying_before` (much longer: a reply can wait on Slack's rate limits)."""

    claimed_before: datetime
    replying_before: datetime

    def condition(self) -> ColumnElement[bool]:
        return and_(
            ProcessedEvent.attempts < MAX_ATTEMPTS,
            or_(
                and_(ProcessedEvent.state == CLAIMED, ProcessedEvent.claimed_at < self.claimed_before),
                and_(ProcessedEvent.state == REPLYING, ProcessedEvent.claimed_at < self.replying_before),
            ),
        )


class ProcessedEventRepository:
    """Claims on Slack events. A claim moves `claimed` -> `replying` -> `answered`, each step an atomic
    compare-and-set on the claim's token, so of two processes holding the same event only one replies."""

    def __init__(self, session: Session):
        self.session = session

    def claim(
        self, event_id: str, *, team_id: str | None, payload: str, token: str, now: datetime, lapsed: Lapsed
    ) -> bool:
        """True when `token` now holds the event: its first claim, or a claim whose holder is presumed dead
        (see `Lapsed`). False otherwise."""
        insert = dialect_insert(self.session, ProcessedEvent).values(
            event_id=event_id,
            team_id=team_id,
            received_at=now,
            state=CLAIMED,
            token=token,
            claimed_at=now,
            attempts=1,
            payload=payload,
        )
        statement = insert.on_conflict_do_update(
            index_elements=["event_id"],
            set_={"token": token, "claimed_at": now, "attempts": ProcessedEvent.attempts + 1},
            where=lapsed.condition(),
        ).returning(ProcessedEvent.event_id)
        return self.session.execute(statement).scalar_one_or_none() is not None

    def advance(self, event_id: str, token: str, *, to: str, now: datetime) -> bool:
        """Moves the event on (`replying`, `answered`, or back to `claimed` to be tried again) if `token` still
        holds it; a reply that is answered no longer needs the event's payload."""
        values: dict = {"state": to, "claimed_at": now}
        if to == ANSWERED:
            values["payload"] = None
        statement = (
            update(ProcessedEvent)
            .where(ProcessedEvent.event_id == event_id, ProcessedEvent.token == token)
            .values(**values)
        )
        return rows_matched(self.session.execute(statement)) == 1

    def renew(self, tokens: list[str], *, now: datetime) -> set[str]:
        """Restarts the lease of the claims these tokens still hold, unanswered; returns those tokens."""
        kept: set[str] = set()
        for start in range(0, len(tokens), RENEWED_PER_STATEMENT):
            statement = (
                update(ProcessedEvent)
                .where(
                    ProcessedEvent.token.in_(tokens[start : start + RENEWED_PER_STATEMENT]),
                    ProcessedEvent.state.in_((CLAIMED, REPLYING)),
                )
                .values(claimed_at=now)
                .returning(ProcessedEvent.token)
            )
            kept.update(token for token in self.session.execute(statement).scalars() if token)
        return kept

    def abandoned(self, *, lapsed: Lapsed, limit: int, excluding: Collection[str] = ()) -> list[str]:
        """The payloads of events whose holder is presumed dead, oldest claim first, but for `excluding`
        (left out here rather than in the query, which a long list would not fit)."""
        rows = self.session.execute(
            select(ProcessedEvent.event_id, ProcessedEvent.payload)
            .where(lapsed.condition(), ProcessedEvent.payload.is_not(None))
            .order_by(ProcessedEvent.claimed_at)
            .limit(limit + len(excluding))
        )
        return [payload for event_id, payload in rows if payload and event_id not in excluding][:limit]

    def forget_before(self, moment: datetime) -> int:
        """Drops claims older than `moment` (Slack stops retrying an event after a few minutes)."""
        return rows_matched(self.session.execute(delete(ProcessedEvent).where(ProcessedEvent.received_at < moment)))


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
