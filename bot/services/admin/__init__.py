"""What admins do: change the knowledge base and their workspace's settings, see gaps, undo changes.

Every write takes the acting `Actor` and refuses anyone who is not an admin (`NotAllowed`), validates all
of its input first (`InvalidInput`, field by field), refuses to overwrite a newer save (`StaleEdit`), and
commits its writes, its audit entry and the knowledge revision bump in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.services.admin.actor import Actor, cli_actor, name_actor
from bot.services.admin.changes import Saved
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


@dataclass(frozen=True)
class Admin:
    """The admin services, built together by `bot.wiring.build_admin`."""

    permissions: Permissions
    responsibilities: ResponsibilityEditor
    org: OrgEditor
    roles: RoleEditor
    history: History
    gaps: Gaps
    reviews: Reviews


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
    "cli_actor",
    "name_actor",
    "org_data",
    "split_aliases",
]
