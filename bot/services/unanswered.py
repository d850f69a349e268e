"""Keeps every question the bot could not answer, per workspace, so admins can see what is missing.

Questions count together under a key made of their canonical topic terms (the matcher's own words, so
"who owns the coffee machine?" and "Who's responsible for coffee machines" are one question). Recording
never stands in the way of an answer: if the write fails, the answer still goes out.

What is kept is bounded (`GapRetention`): per workspace at most `per_workspace` questions, the most asked,
and none last asked longer ago than `max_age`, so junk typed at the bot cannot fill the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from bot.core.clock import utcnow
from bot.core.normalise import Vocabulary
from bot.core.unavailable import KnowledgeUnavailable
from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

MAX_KEY_CHARS = 200
LOCK_WAIT_SECONDS = 0.1  # another writer holding the lock longer: this asking goes uncounted, the answer goes out
log = logging.getLogger(__name__)


def gap_key(topic: str, vocabulary: Vocabulary) -> str:
    """The words a question is about, canonical and sorted; "" when it is about nothing at all."""
    return " ".join(sorted(set(vocabulary.terms(topic))))[:MAX_KEY_CHARS]


@dataclass(frozen=True)
class GapRetention:
    """How many unanswered questions a workspace keeps, and for how long (see README "Configuration")."""

    per_workspace: int = 1000
    max_age: timedelta = timedelta(days=180)


DEFAULT_GAP_RETENTION = GapRetention()  # frozen: one shared default is safe


def record_unanswered(
    db: Database, *, team_id: str, topic: str, vocabulary: Vocabulary, retention: GapRetention = DEFAULT_GAP_RETENTION
) -> None:
    key = gap_key(topic, vocabulary)
    if not key:
        return
    try:
        with unit_of_work(db, lock_wait=LOCK_WAIT_SECONDS) as store:
            gaps = store.gaps
            gaps.record_unanswered(team_id=team_id, key=key, text=topic)
            gaps.prune(team_id=team_id, keep=retention.per_workspace, asked_since=utcnow() - retention.max_age)
    except KnowledgeUnavailable:
        log.warning(
            "could not record an unanswered question (%d characters) for team %s", len(topic), team_id, exc_info=True
        )
