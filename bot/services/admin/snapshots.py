"""Entities as the audit log keeps them and an export writes them: plain JSON-ready data.

Organisation settings take the shape `OrgRepository.get` returns and a settings file has, so a stored
snapshot, an export and a freshly checked `OrgSettings` compare equal when they say the same thing.
"""

from __future__ import annotations

from typing import Any

from bot.core.models import KnowledgeBase
from bot.core.org import OrgSettings


def org_data(org: OrgSettings) -> dict[str, Any]:
    return {
        "name": org.name,
        "roles": {rid: seat.model_dump(mode="json", exclude_defaults=True) for rid, seat in org.roles.items()},
        "fallback": org.fallback,
        "overrides": [o.model_dump(mode="json", exclude_none=True) for o in org.overrides],
        "admins": list(org.admins),
    } | ({} if org.digest else {"digest": False})


def knowledge_data(kb: KnowledgeBase) -> dict[str, Any]:
    return kb.model_dump(mode="json", exclude_defaults=True)
