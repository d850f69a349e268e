"""The release step: `whoowns migrate` migrates and seeds once; `serve` on an old schema refuses until it ran."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest
import requests

from bot.config import REPO_ROOT
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database
from tests.conftest import KNOWLEDGE_DIR, fresh_postgres_database
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.server import free_port, running_server, serve_command, server_env

pytestmark = pytest.mark.long  # servers started against unmigrated databases, 30 s

MIGRATE = [sys.executable, "-m", "bot", "migrate"]
LATEST = Database("sqlite://").schema_revisions()[1]


@pytest.fixture(scope="module")
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A database nothing has been written to: a new SQLite file, or an empty PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'whoowns.db'}"
        return
    request.applymarker(pytest.mark.postgres)
    with fresh_postgres_database(request.getfixturevalue("postgres_admin_url"), template=None) as url:
        yield url


def run(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=False, cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_serve_without_migrate_refuses_an_unmigrated_database_and_starts_once_migrate_ran(
    empty_database_url, fake_slack
):
    env = server_env(database_url=empty_database_url, fake=fake_slack)
    flag = [] if empty_database_url.startswith("postgresql") else ["--no-migrate"]  # PostgreSQL: off by default
    refused = run(serve_command(port=free_port()) + flag, env)
    assert refused.returncode == 2
    [refusal] = [line for line in refused.stderr.splitlines() if line.startswith("whoowns serve:")]
    assert refusal == (
        f"whoowns serve: the database schema is at revision none, this release needs {LATEST}: "
        "run `python -m bot migrate` first (or `serve --migrate`)"
    )

    for _ in range(2):  # a second run finds nothing to do
        migrated = run(MIGRATE, env)
        assert migrated.returncode == 0, migrated.stderr
        assert f"the database schema is at revision {LATEST}, the latest" in migrated.stdout

    service = KnowledgeService(Database(empty_database_url), KNOWLEDGE_DIR)
    assert service.ask("who owns hosting costs?").role == "CTO"
    service.db.dispose()
    with running_server(env=env) as server:
        assert requests.get(server.url + "/healthz", timeout=10).json()["status"] == "ok"
        assert requests.get(server.url + "/metrics", timeout=10).status_code == 404  # METRICS_TOKEN unset


def test_serve_migrates_a_new_sqlite_database_by_default(tmp_path, fake_slack):
    url = f"sqlite:///{tmp_path / 'whoowns.db'}"
    with running_server(env=server_env(database_url=url, fake=fake_slack)) as server:
        assert requests.get(server.url + "/healthz", timeout=10).status_code == 200
    assert Database(url).schema_revisions() == (LATEST, LATEST)


def test_migrate_names_an_unreachable_database_in_one_line(fake_slack):
    env = server_env(database_url="postgresql://127.0.0.1:1/nowhere", fake=fake_slack)
    result = run(MIGRATE, env)
    assert result.returncode == 1
    assert result.stderr.startswith("whoowns migrate: cannot reach the database:")
    assert result.stderr.count("\n") == 1
