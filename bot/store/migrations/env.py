"""Alembic environment: runs against the connection `Database.migrate` hands over, or a URL for autogenerate."""

from alembic import context
from sqlalchemy import create_engine

import bot.store.slack_install_tables  # noqa: F401 - declares slack_sdk's tables on Base.metadata
from bot.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        with create_engine(config.get_main_option("sqlalchemy.url")).begin() as own:
            _migrate(own)
    else:
        _migrate(connection)


def _migrate(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
