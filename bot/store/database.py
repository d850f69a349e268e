"""The database connection, schema migrations and the transaction boundary everything writes through.

SQLite is the embedded default; `DATABASE_URL` points at PostgreSQL when several processes must share
one database. `migrate()` brings any empty or older database to the current schema with Alembic,
serialised by an advisory lock on PostgreSQL so several web processes can start at once. A database
already at the newest revision costs one query: Alembic (a third of a second to import) is loaded only
when there is something to migrate.

How long the database may keep a caller waiting is a `Timeouts`: the web server's (`SERVING`) keep an
answer, an apology or a refusal inside Slack's 3 seconds when the database hangs or another process
holds SQLite's write lock; the command line's (`BATCH`) let a long import or migration finish.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.core.unavailable import KnowledgeUnavailable, WriteConflict
from bot.store.deadlines import StatementDeadlines

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"  # where Alembic keeps the revision a database is at
_REVISION_LINE = re.compile(r'^(down_revision|revision)\s*=\s*"([^"]+)"', re.MULTILINE)
_STARTUP_LOCK = 0x77686F6F  # "whoo": the PostgreSQL advisory lock that serialises migrations and seeding
log = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """Hosting platforms hand out `postgres://` URLs; SQLAlchemy wants a driver-qualified one."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class Timeouts:
    """Seconds the database may keep a caller waiting; `statement=None` lets a statement run as long as it needs."""

    connect: int  # opening a PostgreSQL connection (libpq counts whole seconds, at least 2)
    lock: float  # waiting for a lock another transaction holds (SQLite's busy timeout, PostgreSQL's lock_timeout)
    statement: float | None  # one statement; past it (plus a second) the connection is ended from outside
    pool: float  # waiting for a free connection from the pool


SERVING = Timeouts(connect=2, lock=1.0, statement=2.0, pool=2.0)
BATCH = Timeouts(connect=10, lock=30.0, statement=None, pool=30.0)
LATE_GRACE = 1.0  # the server's own statement_timeout answers first; the socket is ended only if it cannot


class Database:
    def __init__(self, url: str, *, timeouts: Timeouts = BATCH):
        self.url = normalise_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        self.timeouts = timeouts
        in_memory = self.url in ("sqlite://", "sqlite:///:memory:")  # one shared connection: no pool to wait on
        self.engine: Engine = create_engine(
            self.url,
            pool_pre_ping=True,
            **({} if in_memory else {"pool_timeout": timeouts.pool}),
            hide_parameters=True,  # errors are logged: never with the values, which hold what people asked
            **(
                {"connect_args": {"timeout": timeouts.lock}}
                if self.is_sqlite
                else {"pool_size": 5, "max_overflow": 10, "connect_args": _postgres_options(timeouts)}
            ),
        )
        if self.is_sqlite:
            busy_ms = int(timeouts.lock * 1000)
            event.listen(self.engine, "connect", lambda connection, _record: _sqlite_pragmas(connection, busy_ms))
        if timeouts.statement is not None:
            StatementDeadlines(self.engine, timeouts.statement + LATE_GRACE)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self, *, lock_wait: float | None = None) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back whole if it raises.

        `lock_wait` (seconds) shortens the wait for another transaction's lock, for writes that may be
        skipped rather than make anyone wait (counting an unanswered question). A database failure
        leaves as `KnowledgeUnavailable` (`WriteConflict` for a row another transaction stored first).
        """
        with translated_errors(), self._sessions.begin() as session:
            if lock_wait is not None:
                with self._waiting_at_most(session, lock_wait):
                    yield session
            else:
                yield session

    @contextmanager
    def _waiting_at_most(self, session: Session, seconds: float) -> Iterator[None]:
        milliseconds = max(int(seconds * 1000), 1)
        if not self.is_sqlite:
            session.execute(text(f"SET LOCAL lock_timeout = {milliseconds}"))
            yield
            return
        session.execute(text(f"PRAGMA busy_timeout = {milliseconds}"))
        try:
            yield
        finally:
            session.execute(text(f"PRAGMA busy_timeout = {int(self.timeouts.lock * 1000)}"))

    @contextmanager
    def exclusive(self) -> Iterator[Session]:
        """A transaction no other process runs at the same time (start-up work such as seeding)."""
        with self.transaction() as session:
            if not self.is_sqlite:
                session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _STARTUP_LOCK})
            yield session

    def migrate(self) -> None:
        current, latest = self.schema_revisions()
        if current is not None and current == latest:
            return
        from alembic import command  # only here: see the module's docstring
        from alembic.config import Config

        with translated_errors(), self.engine.begin() as connection:
            if not self.is_sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _STARTUP_LOCK})
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def schema_revisions(self) -> tuple[str | None, str | None]:
        """The database's schema revision (None: never migrated) and the newest one this release ships."""
        with translated_errors(), self.engine.connect() as connection:
            current = None
            if inspect(connection).has_table(VERSION_TABLE):
                current = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        return current, shipped_head()

    def ping(self) -> bool:
        """True when the database answers and takes writes: on SQLite (where reads go on while another
        process holds the write lock) the check takes the write lock for a moment."""
        try:
            with self.engine.connect() as connection:
                if self.is_sqlite:
                    connection.exec_driver_sql("BEGIN IMMEDIATE")
                connection.execute(text("SELECT 1"))
                connection.rollback()
            return True
        except Exception as error:
            log.warning("database ping failed: %s", error.__class__.__name__)
            return False

    def dispose(self) -> None:
        self.engine.dispose()


@contextmanager
def translated_errors() -> Iterator[None]:
    """Raises a database failure inside the block as the domain's `KnowledgeUnavailable` (see its module)."""
    try:
        yield
    except IntegrityError as error:
        raise WriteConflict(_first_line(error)) from error
    except SQLAlchemyError as error:
        raise KnowledgeUnavailable(_first_line(error)) from error


def _first_line(error: SQLAlchemyError) -> str:
    """What the database said went wrong, without the statement or the values (which later lines hold)."""
    cause = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    return f"{type(cause).__name__}: {(str(cause).splitlines() or [''])[0]}"


def shipped_head() -> str | None:
    """The newest migration this release ships: the revision no other migration revises. Read from the
    migration files' `revision = "…"` and `down_revision = "…"` lines (a test checks that it is the head
    Alembic finds), so that telling whether a database is up to date needs no Alembic import."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for kind, revision in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else revised).add(revision)
    heads = revisions - revised
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # a shape those lines do not tell (a merge migration's tuple)

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def _postgres_options(timeouts: Timeouts) -> dict[str, object]:
    options: dict[str, object] = {"connect_timeout": max(timeouts.connect, 2)}
    if timeouts.statement is not None:
        milliseconds = int(timeouts.statement * 1000), int(timeouts.lock * 1000)
        options["options"] = "-c statement_timeout={} -c lock_timeout={}".format(*milliseconds)
    return options


def _sqlite_pragmas(dbapi_connection: Any, busy_ms: int) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
    cursor.close()
