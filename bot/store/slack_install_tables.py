"""slack_sdk's OAuth tables (installations, bots, OAuth states), declared on the app's one metadata.

Their shapes are slack_sdk's own, built by its SQLAlchemy stores. They are declared apart from
`tables.py` because importing those stores costs about 0.1 s (slack_sdk's Web API client, asyncio, http),
which answering a question never needs: the queries that look for an installation import this module when
they run, and Alembic's environment imports it with the other tables.
"""

from __future__ import annotations

from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore as SlackInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore as SlackOAuthStateStore

from bot.store.tables import Base

INSTALLATIONS = SlackInstallationStore.build_installations_table(
    Base.metadata, SlackInstallationStore.default_installations_table_name
)
BOTS = SlackInstallationStore.build_bots_table(Base.metadata, SlackInstallationStore.default_bots_table_name)
OAUTH_STATES = SlackOAuthStateStore.build_oauth_states_table(Base.metadata, SlackOAuthStateStore.default_table_name)
