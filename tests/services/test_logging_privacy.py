"""What people wrote never reaches the log, even when writing it down fails (finding 20 of issue 9)."""

from __future__ import annotations

import logging

from bot.core.normalise import Vocabulary
from bot.services.unanswered import record_unanswered
from bot.store.database import Database


def test_a_failed_gap_write_is_logged_without_the_question_or_the_statement_values(sqlite_url, caplog):
    db = Database(sqlite_url)  # never migrated: the write fails with "no such table"
    with caplog.at_level(logging.INFO):
        record_unanswered(db, team_id="T0PRIVATE", topic="the secret merger with acme", vocabulary=Vocabulary())
    db.dispose()
    logged = caplog.text
    assert "could not record an unanswered question (27 characters) for team T0PRIVATE" in logged
    assert "merger" not in logged and "acme" not in logged
