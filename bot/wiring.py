"""Builds the app's parts from settings, in one place, so every entry point is assembled the same way."""

from __future__ import annotations

from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database


def build_knowledge_service(settings: Settings | None = None, *, prepare: bool = True) -> KnowledgeService:
    settings = settings or Settings()
    service = KnowledgeService(Database(settings.resolved_database_url()), settings.knowledge_dir)
    if prepare:
        service.prepare()
    return service
