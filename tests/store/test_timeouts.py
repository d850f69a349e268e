"""How long the database may keep the server waiting (issue 9, findings 3 and 9), on real databases.

Another process holding SQLite's write lock, or a PostgreSQL statement that runs long: with the
server's timeouts (`SERVING`) the caller hears about it in about a second, the health check says no,
and an unanswered question is answered without waiting to be counted.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from bot.core.unavailable import KnowledgeUnavailable
from bot.services.knowledge import KnowledgeService
from bot.store.database import SERVING, Database
from tests.conftest import KNOWLEDGE_DIR
from tests.helpers import save_org


@pytest.fixture
def serving(database_url: str) -> Iterator[KnowledgeService]:
    KnowledgeService(Database(database_url), KNOWLEDGE_DIR).prepare()
    service = KnowledgeService(Database(database_url, timeouts=SERVING), KNOWLEDGE_DIR)
    yield service
    service.db.dispose()


@pytest.fixture
def write_locked(prepared_sqlite_url: str) -> Iterator[KnowledgeService]:
    """A prepared SQLite service with the server's timeouts, while another connection holds the write lock."""
    service = KnowledgeService(Database(prepared_sqlite_url, timeouts=SERVING), KNOWLEDGE_DIR)
    service.engine()  # warm, as a running server is
    holder = sqlite3.connect(Path(prepared_sqlite_url.removeprefix("sqlite:///")), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    yield service
    holder.execute("ROLLBACK")
    holder.close()
    service.db.dispose()


def test_an_unanswered_question_is_answered_without_waiting_for_the_write_lock(write_locked):
    started = time.monotonic()
    answer = write_locked.ask("who owns the office coffee machine?", team_id="T0LOCKED")
    assert not answer.known
    assert time.monotonic() - started < 0.9  # the busy timeout is 1 s; counting the gap may wait 0.1 s


def test_the_health_check_says_no_while_another_process_holds_the_write_lock(write_locked):
    started = time.monotonic()
    assert write_locked.db.ping() is False
    assert time.monotonic() - started < 3


def test_a_write_gives_up_on_the_lock_after_about_a_second(write_locked):
    started = time.monotonic()
    with pytest.raises(KnowledgeUnavailable, match="locked") as refused:
        save_org(write_locked, "T0LOCKED", {"roles": {"CEO": {}}}, by="U0ADMIN")
    assert isinstance(refused.value.__cause__, OperationalError)
    assert time.monotonic() - started < 3


def test_a_statement_past_its_deadline_is_ended_and_the_next_one_works(serving):
    slow = "SELECT pg_sleep(10)" if not serving.db.is_sqlite else _endless_sqlite()
    started = time.monotonic()
    with pytest.raises(KnowledgeUnavailable) as ended, serving.db.transaction() as session:
        session.execute(text(slow))
    assert isinstance(ended.value.__cause__, OperationalError)
    assert time.monotonic() - started < 5
    assert serving.db.ping() is True
    assert serving.ask("who owns hosting costs?").role == "CTO"


def _endless_sqlite() -> str:
    return "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
