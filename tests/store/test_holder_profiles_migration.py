"""Migration 0013 on both databases: names cached before it keep their name, gain an empty title, and are
grown old so the next lookup fetches their title; it goes back down to 0012 and up again cleanly."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.store.database import MIGRATIONS, Database


def migrate(db: Database, revision: str, *, down: bool = False) -> None:
    with db.engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        (command.downgrade if down else command.upgrade)(config, revision)


def test_names_cached_before_titles_are_kept_untitled_and_grown_old(database_url):
    db = Database(database_url)
    try:
        db.migrate()
        migrate(db, "0012", down=True)
        with db.engine.begin() as connection:
            connection.execute(
                text("INSERT INTO person_names (team_id, user_id, name, fetched_at) VALUES ('T1', 'U1', 'Ada', :at)"),
                {"at": datetime.now(UTC)},
            )
        migrate(db, "head")
        with db.engine.connect() as connection:
            row = connection.execute(text("SELECT name, title, deleted, bot, fetched_at FROM person_names")).one()
            listings = connection.execute(text("SELECT count(*) FROM people_listings")).scalar()
        fetched_at = row.fetched_at if isinstance(row.fetched_at, datetime) else datetime.fromisoformat(row.fetched_at)
        assert (row.name, row.title, bool(row.deleted), bool(row.bot), listings) == ("Ada", "", False, False, 0)
        assert fetched_at.year == 2000
    finally:
        db.dispose()
