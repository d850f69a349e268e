"""The shipped knowledge files, for a migration that gives a database an admin has edited (so never
seeded again) a new field's shipped values: example questions (0014), the posts under each role (0016)."""

from __future__ import annotations

import logging

from bot.core.models import KnowledgeBase

log = logging.getLogger(__name__)


def shipped_knowledge(field: str) -> KnowledgeBase | None:
    """The knowledge files the settings name, or None when they cannot be read: the migration still adds
    its column, and the next `kb import` fills it. `field` names what is lost, for the warning."""
    from bot.config import Settings
    from bot.core.knowledge_files import load_knowledge
    from bot.core.yamlfile import InvalidFile

    folder = Settings().knowledge_dir
    try:
        return load_knowledge(folder)
    except (InvalidFile, OSError) as error:
        log.warning("no %s added from %s: %s", field, folder, error)
        return None
