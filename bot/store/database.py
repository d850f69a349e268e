"""The database connection, schema migrations and the transaction boundary everything writes through.

SQLite is the embedded default; `DATABASE_URL` points at PostgreSQL when several processes must share
one database. `migrate()` brings any empty or older database to the current schema with Alembic,
serialised by an advisory lock on PostgreSQL so several web processes can start at once.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker

MIGRATIONS = Path(__file__).parent / "migrations"
_STARTUP_LOCK = 0x77686F6F  # "whoo": the PostgreSQL advisory lock that serialises migrations and seeding
log = logging.getLogger(__name__)


def normalise_url(url: str) -> str:
    """Hosting platforms hand out `postgres://` URLs; SQLAlchemy wants a driver-qualified one."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


class Database:
    def __init__(self, url: str):
        self.url = normalise_url(url)
        self.is_sqlite = self.url.startswith("sqlite")
        self.engine: Engine = create_engine(
            self.url,
            pool_pre_ping=True,
            **({"connect_args": {"timeout": 30}} if self.is_sqlite else {"pool_size": 5, "max_overflow": 10}),
        )
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back whole if it raises."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def exclusive(self) -> Iterator[Session]:
        """A transaction no other process runs at the same time (start-up work such as seeding)."""
        with self.transaction() as session:
            if not self.is_sqlite:
                session.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _STARTUP_LOCK})
            yield session

    def migrate(self) -> None:
        with self.engine.begin() as connection:
            if not self.is_sqlite:
                connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _STARTUP_LOCK})
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    def schema_revisions(self) -> tuple[str | None, str | None]:
        """The database's schema revision (None: never migrated) and the newest one this release ships."""
        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
        return current, ScriptDirectory(str(MIGRATIONS)).get_current_head()

    def ping(self) -> bool:
        try:
            with self.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
            return True
        except Exception:
            log.warning("database ping failed", exc_info=True)
            return False

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()
