"""Feedback on answers: one 👍 or 👎 per person per answer message, kept per workspace and topic."""

from __future__ import annotations

from dataclasses import dataclass

from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

MAX_QUESTION_CHARS = 2000


@dataclass(frozen=True)
class Tally:
    """The votes an answer message has after someone voted, for the "thanks" line."""

    up: int
    down: int


@dataclass(frozen=True)
class AnswerMessage:
    """Which answer a vote is about: the workspace, the message, and what was asked and answered."""

    team_id: str
    channel_id: str
    message_ts: str
    question: str
    responsibility_id: str | None


class FeedbackService:
    def __init__(self, db: Database):
        self.db = db

    def vote(self, message: AnswerMessage, *, user_id: str, helpful: bool) -> Tally:
        """Records (or changes) `user_id`'s vote and returns the message's votes, in one transaction."""
        with unit_of_work(self.db) as store:
            repo = store.feedback
            repo.vote(
                team_id=message.team_id,
                channel_id=message.channel_id,
                message_ts=message.message_ts,
                user_id=user_id,
                responsibility_id=message.responsibility_id,
                question=message.question[:MAX_QUESTION_CHARS],
                vote=1 if helpful else -1,
            )
            up, down = repo.tally(team_id=message.team_id, channel_id=message.channel_id, message_ts=message.message_ts)
        return Tally(up=up, down=down)
