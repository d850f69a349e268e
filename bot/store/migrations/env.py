"""Alembic environment: runs against the connection `Database.migrate` hands over, or a URL for autogenerate."""

from alembic import context
from sqlalchemy import Connection, create_engine

import bot.store.slack_install_tables  # noqa: F401 - declares slack_sdk's tables on Base.metadata
from bot.store.tables import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        url = config.get_main_option("sqlalchemy.url")
        assert url, "no connection handed over and no sqlalchemy.url set"
        with create_engine(url).begin() as own:
            _migrate(own)
    else:
        _migrate(connection)


def _migrate(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


run()
