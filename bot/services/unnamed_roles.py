"""The roles a workspace has but names nobody for: an admin's to-do, not something every answer repeats.

Answers about those roles' topics name the role alone; the admins see the list (App Home) until they
name the holders.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.resolve import role_name
from bot.services.knowledge import KnowledgeService


@dataclass(frozen=True)
class UnnamedRole:
    role: str
    name: str


def unnamed_roles(knowledge: KnowledgeService, team_id: str | None) -> list[UnnamedRole]:
    engine, org = knowledge.engine_and_org(team_id)
    return [UnnamedRole(role, role_name(engine.kb, role)) for role, seat in org.roles.items() if seat.holder is None]
