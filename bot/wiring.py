"""Builds the app's parts from settings, in one place, so every entry point is assembled the same way."""

from __future__ import annotations

from datetime import timedelta

from bot.config import Settings
from bot.core.encoder import SHIPPED_MODEL_DIR
from bot.core.semantic import Embeddings
from bot.services.knowledge import KnowledgeService
from bot.services.unanswered import GapRetention
from bot.store.database import BATCH, Database, Timeouts


def build_embeddings(settings: Settings) -> Embeddings | None:
    """The semantic matcher's model (loaded on the first question that needs it); None when it is off."""
    if not settings.semantic:
        return None
    return Embeddings(settings.embedding_model or SHIPPED_MODEL_DIR, settings.embedding_cache_dir)


def build_knowledge_service(
    settings: Settings | None = None,
    *,
    prepare: bool = True,
    embeddings: Embeddings | None = None,
    timeouts: Timeouts = BATCH,
) -> KnowledgeService:
    """`embeddings`: one already loaded (a server's master process shares it with its workers);
    `timeouts`: how long the database may keep callers waiting (`SERVING` in the web server's workers)."""
    settings = settings or Settings()
    retention = GapRetention(settings.gaps_per_workspace, timedelta(days=settings.gap_max_age_days))
    service = KnowledgeService(
        Database(settings.resolved_database_url(), timeouts=timeouts),
        settings.knowledge_dir,
        embeddings or build_embeddings(settings),
        gap_retention=retention,
    )
    if prepare:
        service.prepare()
    return service
