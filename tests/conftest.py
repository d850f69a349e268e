"""Fixtures every test layer shares: real databases (SQLite file and PostgreSQL), the shipped knowledge.

Migrating and seeding a database costs 2–3 s of CPU, so it is done once per run and per database, and
each test gets a copy: an SQLite test a copy of a prepared file, a PostgreSQL test a database cloned from a
prepared template (`CREATE DATABASE … TEMPLATE`). Cloning and dropping a PostgreSQL database costs about a
second of the server's disk time each, so a background thread makes the next clone while a test runs and
drops the last one behind it (`Clones`).

PostgreSQL tests use `TEST_DATABASE_URL` (default: the local server's `test` database). Where no server
answers they are skipped, except under CI (`CI=true`), where a missing PostgreSQL is a failure, never a
silent skip.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bot.config import REPO_ROOT, Settings
from bot.core.semantic import Embeddings
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database, normalise_url
from bot.wiring import build_embeddings

KNOWLEDGE_DIR = REPO_ROOT / "knowledge"
SHARED = REPO_ROOT.parent / "shared"
PG_ADMIN_URL = normalise_url(os.environ.get("TEST_DATABASE_URL", "postgresql://127.0.0.1:5432/test"))


def pytest_configure(config: pytest.Config) -> None:
    """The tests read the seed articles and the example organisations from the shared folder beside the
    checkout (`../shared`, as the README's evaluation does); without it, say so once instead of failing
    some sixty tests one by one on a missing file."""
    if not (SHARED / "seeds").is_dir() or not (SHARED / "eval" / "orgs").is_dir():
        raise pytest.UsageError(
            f"{SHARED} is missing: the tests check quotes against its seeds/ and read its eval/orgs/; "
            "clone the repository beside it"
        )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Modules marked `long` run first. With four workers, each taking a module whole, a module of a
    minute and a half that started last would keep the run going while the other workers sat idle."""
    items.sort(key=lambda item: item.get_closest_marker("long") is None)  # stable: otherwise as collected


def _postgres_reachable() -> str | None:
    try:
        with create_engine(PG_ADMIN_URL).connect() as connection:
            connection.execute(text("SELECT 1"))
        return None
    except Exception as error:
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


@pytest.fixture(scope="session")
def postgres_clones(postgres_admin_url: str, postgres_template: str) -> Iterator[Clones]:
    clones = Clones(postgres_admin_url, postgres_template)
    yield clones
    clones.close()


@pytest.fixture
def postgres_url(postgres_clones: Clones) -> Iterator[str]:
    """A fresh PostgreSQL database for one test (migrated and seeded, as `prepare` leaves it), dropped afterwards."""
    url = postgres_clones.take()
    yield url
    postgres_clones.give_back(url)


@contextmanager
def fresh_postgres_database(postgres_admin_url: str, *, template: str | None) -> Iterator[str]:
    """Creates a PostgreSQL database, empty or copied from `template`, and drops it afterwards."""
    url = create_postgres_database(postgres_admin_url, template=template)
    try:
        yield url
    finally:
        drop_postgres_database(postgres_admin_url, url)


def create_postgres_database(postgres_admin_url: str, *, template: str | None) -> str:
    """A new PostgreSQL database, empty or copied from `template`: its URL."""
    name = f"whoowns_test_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{template}"' if template else ""
    _as_admin(postgres_admin_url, f'CREATE DATABASE "{name}"{copy}')
    return make_url(postgres_admin_url).set(database=name).render_as_string(hide_password=False)


def drop_postgres_database(postgres_admin_url: str, url: str) -> None:
    _as_admin(postgres_admin_url, f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')


def _as_admin(postgres_admin_url: str, statement: str) -> None:
    admin = create_engine(postgres_admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()


class Clones:
    """Copies of a template database, made one ahead and dropped behind in a background thread.

    The thread runs its work in order: while a test uses its clone, the next one is being made and the
    previous one dropped, so a test waits for neither (unless the server is slower than the test).
    """

    def __init__(self, postgres_admin_url: str, template: str) -> None:
        self._admin_url, self._template = postgres_admin_url, template
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="postgres-clones")
        self._next: Future[str] = self._thread.submit(self._create)
        self._drops: list[Future[None]] = []

    def _create(self) -> str:
        return create_postgres_database(self._admin_url, template=self._template)

    def take(self) -> str:
        url = self._next.result()
        self._next = self._thread.submit(self._create)
        return url

    def give_back(self, url: str) -> None:
        self._drops.append(self._thread.submit(drop_postgres_database, self._admin_url, url))

    def close(self) -> None:
        """Drops what is left; a drop that failed on the way fails here, not silently."""
        self.give_back(self._next.result())
        self._thread.shutdown(wait=True)
        for drop in self._drops:
            drop.result()


@pytest.fixture(scope="session")
def embeddings() -> Embeddings:
    """The shipped model and counter-examples, loaded once per test process (as a server's master process
    loads them once), with entry vectors cached where the app caches them (content-addressed)."""
    embeddings = build_embeddings(Settings(WHOOWNS_SEMANTIC=True, WHOOWNS_KNOWLEDGE_DIR=KNOWLEDGE_DIR))
    assert embeddings is not None
    return embeddings


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of an SQLite file that does not exist yet (the application creates it)."""
    return f"sqlite:///{tmp_path / 'whoowns.db'}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite file migrated and seeded with the shipped knowledge once per run, which tests copy."""
    path = tmp_path_factory.mktemp("template") / "whoowns.db"
    prepared = KnowledgeService(Database(f"sqlite:///{path}"), KNOWLEDGE_DIR)
    prepared.prepare()
    prepared.db.dispose()
    return path


def prepared_sqlite_file(template: Path, path: Path) -> Path:
    """`path`, a copy of the prepared `template` (as `prepare` leaves a new file)."""
    shutil.copyfile(template, path)
    return path


@pytest.fixture
def prepared_sqlite_url(sqlite_template: Path, tmp_path: Path) -> str:
    """A prepared SQLite file of one test's own (migrated and seeded, as `prepare` leaves it)."""
    return f"sqlite:///{prepared_sqlite_file(sqlite_template, tmp_path / 'whoowns.db')}"


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest) -> str:
    """Runs a test once on an SQLite file and once on a fresh PostgreSQL database."""
    if request.param == "postgres":
        request.applymarker(pytest.mark.postgres)
    return request.getfixturevalue("prepared_sqlite_url" if request.param == "sqlite" else "postgres_url")


@pytest.fixture
def service(database_url: str) -> Iterator[KnowledgeService]:
    """A prepared knowledge service (migrated, seeded from the shipped knowledge) on each database."""
    knowledge = KnowledgeService(Database(database_url), KNOWLEDGE_DIR)
    knowledge.prepare()
    yield knowledge
    knowledge.db.dispose()


@pytest.fixture
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sqlite_template: Path) -> dict[str, str]:
    """Environment for running the CLI in a subprocess against a private SQLite file, prepared as the
    CLI's first run leaves it, and a private folder for `ask`'s snapshots."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["WHOOWNS_DB_PATH"] = str(prepared_sqlite_file(sqlite_template, tmp_path / "cli.db"))
    env["WHOOWNS_SNAPSHOT_DIR"] = str(tmp_path / "snapshots")
    for name in ("WHOOWNS_DB_PATH", "WHOOWNS_SNAPSHOT_DIR"):
        monkeypatch.setenv(name, env[name])
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return env


__all__ = ["KNOWLEDGE_DIR", "SHARED", "Settings"]
