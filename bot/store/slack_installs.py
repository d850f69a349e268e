"""Slack's OAuth tables (the app's installations, installs in progress), kept in the bot's own database.

These are slack_sdk's SQLAlchemy stores; the lookups the bot makes itself (whom to send a digest to, with
which token) fail as the domain's `KnowledgeUnavailable`, like every other read (`translated_errors`),
so the Slack layer handles a database failure without knowing SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.store.database import Database, translated_errors


class InstallationStore(SQLAlchemyInstallationStore):
    def find_bot(self, *args: Any, **kwargs: Any) -> Any:
        with translated_errors():
            return super().find_bot(*args, **kwargs)

    def find_installation(self, *args: Any, **kwargs: Any) -> Any:
        with translated_errors():
            return super().find_installation(*args, **kwargs)


def installation_store(db: Database, *, client_id: str) -> InstallationStore:
    return InstallationStore(client_id=client_id, engine=db.engine)


def oauth_state_store(db: Database, *, expiration_seconds: int) -> SQLAlchemyOAuthStateStore:
    return SQLAlchemyOAuthStateStore(expiration_seconds=expiration_seconds, engine=db.engine)
