"""A workspace at a glance: its roles, who holds them, and the topics each role owns there.

What the App Home tab shows (and what the web pages may show): ownership as resolved for this
workspace's settings, overrides and cover included, not as the knowledge base states it in general.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answer import TopicRef
from bot.core.resolve import resolve_owner, role_name
from bot.services.knowledge import KnowledgeService


@dataclass(frozen=True)
class RoleOverview:
    role: str
    name: str
    holder: str | None
    covers: tuple[str, ...]
    topics: tuple[TopicRef, ...]


@dataclass(frozen=True)
class AbsentRole:
    """A role of the knowledge base this workspace does not have, and the roles that take its topics here."""

    role: str
    name: str
    taken_by: tuple[str, ...]


@dataclass(frozen=True)
class WorkspaceOverview:
    name: str | None
    roles: tuple[RoleOverview, ...]
    absent: tuple[AbsentRole, ...] = ()

    def example_topics(self, count: int) -> list[str]:
        """A few topics to suggest, one per role in turn, so the examples show the roles' range."""
        picked: list[str] = []
        depth = 0
        while len(picked) < count and any(depth < len(r.topics) for r in self.roles):
            picked += [r.topics[depth].title for r in self.roles if depth < len(r.topics)]
            depth += 1
        return picked[:count]

    @property
    def holders(self) -> list[str]:
        """The Slack user ids of the people named as holders."""
        return [r.holder for r in self.roles if r.holder]


def workspace_overview(knowledge: KnowledgeService, team_id: str | None) -> WorkspaceOverview:
    org = knowledge.org(team_id)
    kb = knowledge.engine().kb
    owned: dict[str, list[TopicRef]] = {role: [] for role in org.roles}
    takers: dict[str, list[str]] = {}
    for item in kb.active:
        owner = resolve_owner(kb, org, item).role
        owned.setdefault(owner, []).append(TopicRef(id=item.id, title=item.title))
        if not org.has(item.owner) and owner not in takers.setdefault(item.owner, []):
            takers[item.owner].append(owner)
    roles = tuple(
        RoleOverview(
            role=role,
            name=role_name(kb, role),
            holder=org.holder(role),
            covers=org.roles[role].covers if role in org.roles else (),
            topics=tuple(topics),
        )
        for role, topics in owned.items()
    )
    absent = tuple(AbsentRole(r.id, r.name, tuple(takers[r.id])) for r in kb.roles if r.id in takers)
    return WorkspaceOverview(name=org.name, roles=roles, absent=absent)
