"""End-to-end fixtures: one real server per test module and database, and a fake Slack Web API.

A module may set `SERVER_ENV = {...}` (extra environment, e.g. `PUBLIC_URL`) and `SERVER_WORKERS = 2`.
Tests in a module share its server, so each uses fresh channel ids (`channel` fixture) and asserts
only on calls to its own channels.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.services.knowledge import KnowledgeService
from bot.store.database import Database
from tests.conftest import KNOWLEDGE_DIR, Clones, prepared_sqlite_file
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.in_process import InProcessServer, in_process_server
from tests.e2e.server import RunningServer, running_server, server_env
from tests.e2e.slack_requests import SlackSender, fresh_id


@pytest.fixture(scope="module")
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server_database_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database for a module's server: a prepared SQLite file, then a fresh PostgreSQL database (prepared
    too: copies of the run's templates, tests/conftest.py)."""
    if request.param == "sqlite":
        yield module_sqlite_url(request.getfixturevalue("sqlite_template"), tmp_path_factory)
        return
    request.applymarker(pytest.mark.postgres)
    clones: Clones = request.getfixturevalue("postgres_clones")
    url = clones.take()
    yield url
    clones.give_back(url)


def module_sqlite_url(template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the prepared SQLite `template` for one module's server."""
    return f"sqlite:///{prepared_sqlite_file(template, tmp_path_factory.mktemp('e2e') / 'whoowns.db')}"


@pytest.fixture(scope="module")
def slack_server(
    request: pytest.FixtureRequest, server_database_url: str, fake_slack: FakeSlack
) -> Iterator[RunningServer | InProcessServer]:
    """The module's server: the app in this process (`in_process.py`), or `python -m bot serve` for a
    module that tests gunicorn itself (`SERVER = "gunicorn"`, or `SERVER_WORKERS = 2`)."""
    extra = getattr(request.module, "SERVER_ENV", {})
    workers = getattr(request.module, "SERVER_WORKERS", 1)
    env = server_env(database_url=server_database_url, fake=fake_slack, extra=extra)
    if workers == 1 and getattr(request.module, "SERVER", "in process") == "in process":
        with in_process_server(env=env, embeddings=request.getfixturevalue("embeddings")) as in_process:
            yield in_process
        return
    with running_server(env=env, workers=workers, stop_behind=True) as server:
        yield server


@pytest.fixture(scope="module")
def knowledge(slack_server: RunningServer, server_database_url: str) -> Iterator[KnowledgeService]:
    """The server's own database, through our service, for setting up org settings and checking rows."""
    service = KnowledgeService(Database(server_database_url), KNOWLEDGE_DIR)
    yield service
    service.db.dispose()


@pytest.fixture
def slack(slack_server: RunningServer, fake_slack: FakeSlack) -> SlackSender:
    return SlackSender(slack_server.url, fake=fake_slack)


@pytest.fixture
def channel() -> str:
    return fresh_id("C")
