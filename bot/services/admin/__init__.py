"""What admins do: change the knowledge base and their workspace's settings, see gaps, undo changes.

Every write takes the acting `Actor` and refuses anyone who is not an admin (`NotAllowed`), validates all
of its input first (`InvalidInput`, field by field), refuses to overwrite a newer save (`StaleEdit`), and
commits its writes, its audit entry and the knowledge revision bump in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.admin.actor import Actor, cli_actor, name_actor
from bot.services.admin.changes import Changes, Saved
from bot.services.admin.drafts import ResponsibilityDraft, split_aliases
from bot.services.admin.errors import ONLY_ADMINS, AdminError, CannotRevert, NotAllowed, NotFound, StaleEdit
from bot.services.admin.gaps import Gap, Gaps
from bot.services.admin.history import ChangeView, History
from bot.services.admin.org_settings import OrgEditor
from bot.services.admin.permissions import Permissions
from bot.services.admin.responsibilities import ResponsibilityEditor
from bot.services.admin.reviews import DueTopic, Reviews
from bot.services.admin.roles import RoleDraft, RoleEditor
from bot.services.admin.snapshots import org_data
from bot.services.knowledge import KnowledgeService


@dataclass(frozen=True)
class Admin:
    permissions: Permissions
    responsibilities: ResponsibilityEditor
    org: OrgEditor
    roles: RoleEditor
    history: History
    gaps: Gaps
    reviews: Reviews


def build_admin(knowledge: KnowledgeService, *, knowledge_teams: frozenset[str] | None = None) -> Admin:
    """`knowledge_teams`: the workspaces whose admins may edit the shared knowledge (None: every one)."""
    permissions = Permissions(knowledge.db, knowledge_teams=knowledge_teams)
    changes = Changes(knowledge.db, permissions)
    responsibilities = ResponsibilityEditor(knowledge, changes)
    org = OrgEditor(knowledge, changes)
    roles = RoleEditor(changes)
    reviews = Reviews(knowledge, changes)
    return Admin(
        permissions=permissions,
        responsibilities=responsibilities,
        org=org,
        roles=roles,
        history=History(changes, responsibilities, org, roles, reviews),
        gaps=Gaps(knowledge, permissions),
        reviews=reviews,
    )


__all__ = [
    "ONLY_ADMINS",
    "Actor",
    "Admin",
    "AdminError",
    "CannotRevert",
    "ChangeView",
    "DueTopic",
    "Gap",
    "NotAllowed",
    "NotFound",
    "ResponsibilityDraft",
    "RoleDraft",
    "Saved",
    "StaleEdit",
    "build_admin",
    "cli_actor",
    "name_actor",
    "org_data",
    "split_aliases",
]
