"""Welcomes sent once, a conversation's topic and the viewed channel, on both databases."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

import bot.store.slack_install_tables  # noqa: F401 - declares slack_sdk's tables on Base.metadata
from bot.services.conversations import Conversations
from bot.services.welcomes import Welcomes
from bot.store.tables import Base


def test_the_migrations_create_exactly_the_declared_tables(service):
    with service.db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_a_welcome_is_claimed_once_even_by_racing_threads(service):
    welcomes = Welcomes(service.db)
    with ThreadPoolExecutor(max_workers=8) as pool:
        claims = list(pool.map(lambda _: welcomes.claim_install("T1"), range(8)))
    assert claims.count(True) == 1
    assert welcomes.claim_install("T2") is True  # another workspace
    assert welcomes.claim_home("T1", "U1") is True  # a Home welcome is not the installer's
    assert welcomes.claim_home("T1", "U1") is False
    assert welcomes.claim_home("T1", "U2") is True


def test_a_threads_topic_and_the_dms_latest_are_kept_apart(service):
    conversations = Conversations(service.db)
    assert conversations.topic("T1", "D1", None) is None
    conversations.remember("T1", "D1", "100.1", "hosting-costs")
    conversations.remember("T1", "D1", "200.1", "pricing")
    assert conversations.topic("T1", "D1", "100.1") == "hosting-costs"
    assert conversations.topic("T1", "D1", "200.1") == "pricing"
    assert conversations.topic("T1", "D1", None) == "pricing"  # the DM's latest answer
    conversations.remember("T1", "D1", "100.1", "security")
    assert (conversations.topic("T1", "D1", "100.1"), conversations.topic("T1", "D1", None)) == ("security", "security")
    assert conversations.topic("T2", "D1", None) is None


def test_the_viewed_channel_is_replaced_and_forgotten(service):
    conversations = Conversations(service.db)
    conversations.viewing("T1", "U1", "C1")
    conversations.viewing("T1", "U1", "C2")
    assert conversations.viewed_channel("T1", "U1") == "C2"
    conversations.viewing("T1", "U1", None)
    assert conversations.viewed_channel("T1", "U1") is None
    assert conversations.viewed_channel("T1", "U2") is None
