"""Fixtures every test layer shares: real databases (SQLite file and PostgreSQL), the shipped knowledge.

PostgreSQL tests use `TEST_DATABASE_URL` (default: the local server's `test` database) and get a fresh
database of their own, created and dropped around each test. Each is cloned from a template that was
migrated and seeded once per run (`CREATE DATABASE … TEMPLATE`), so a PostgreSQL test costs about what an
SQLite one does. Where no server answers they are skipped, except under CI (`CI=true`), where a missing
PostgreSQL is a failure, never a silent skip.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.config import REPO_ROOT, Settings
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database, normalise_url

KNOWLEDGE_DIR = REPO_ROOT / "knowledge"
SHARED = REPO_ROOT.parent / "shared"
PG_ADMIN_URL = normalise_url(os.environ.get("TEST_DATABASE_URL", "postgresql://127.0.0.1:5432/test"))


def _postgres_reachable() -> str | None:
    try:
        with create_engine(PG_ADMIN_URL).connect() as connection:
            connection.execute(text("SELECT 1"))
        return None
    except Exception as error:  # noqa: BLE001 - any failure means "no server to test against"
        return f"PostgreSQL at {PG_ADMIN_URL} is not reachable: {error.__class__.__name__}"


@pytest.fixture(scope="session")
def postgres_admin_url() -> str:
    problem = _postgres_reachable()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(problem + " (CI must run the PostgreSQL tests)")
        pytest.skip(problem)
    return PG_ADMIN_URL


@pytest.fixture(scope="session")
def postgres_template(postgres_admin_url: str) -> Iterator[str]:
    """A database migrated and seeded with the shipped knowledge once per run, which test databases copy."""
    with fresh_postgres_database(postgres_admin_url, template=None) as url:
        prepared = KnowledgeService(Database(url), KNOWLEDGE_DIR)
        prepared.prepare()
        prepared.db.dispose()
        yield make_url(url).database


@pytest.fixture
def postgres_url(postgres_admin_url: str, postgres_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test (migrated and seeded, as `prepare` leaves it), dropped afterwards."""
    with fresh_postgres_database(postgres_admin_url, template=postgres_template) as url:
        yield url


@contextmanager
def fresh_postgres_database(postgres_admin_url: str, *, template: str | None) -> Iterator[str]:
    """Creates a PostgreSQL database, empty or copied from `template`, and drops it afterwards."""
    name = f"whoowns_test_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    try:
        yield make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'whoowns.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on an SQLite file and once on a fresh PostgreSQL database."""
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    return request.getfixturevalue(f"{request.param}_url")


@pytest.fixture
def service(database_url: str) -> Iterator[KnowledgeService]:
    """A prepared knowledge service (migrated, seeded from the shipped knowledge) on each database."""
    knowledge = KnowledgeService(Database(database_url), KNOWLEDGE_DIR)
    knowledge.prepare()
    yield knowledge
    knowledge.db.dispose()


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Environment for running the CLI in a subprocess against a private SQLite file."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["WHOOWNS_DB_PATH"] = str(tmp_path / "cli.db")
    monkeypatch.setenv("WHOOWNS_DB_PATH", env["WHOOWNS_DB_PATH"])
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return env


__all__ = ["KNOWLEDGE_DIR", "SHARED", "Settings"]
