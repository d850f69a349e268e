"""The latest changes, and undoing one of them: the before state comes back, as a change of its own.

A change can be undone only while what it wrote is still there: if the entry was changed again since,
undoing the older change would silently throw the newer one away, so that is refused and names who made
the later change. Undoing an undo redoes the change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.core.models import KnowledgeBase
from bot.services.admin.actor import Actor, Mention, name_actor
from bot.services.admin.changes import Change, Changes, Check, Saved, Snapshot
from bot.services.admin.describe import describe
from bot.services.admin.errors import CannotRevert, NotFound
from bot.services.admin.org_settings import OrgEditor
from bot.services.admin.responsibilities import ResponsibilityEditor
from bot.services.admin.reviews import ENTITY as REVIEW
from bot.services.admin.reviews import Reviews
from bot.services.admin.roles import RoleEditor
from bot.services.admin.snapshots import knowledge_data, org_data
from bot.services.kb_replace import replace_knowledge
from bot.store.audit_repository import AuditEntry, LoggedChange, visible_to
from bot.store.unit_of_work import unit_of_work

HISTORY_LENGTH = 10


@dataclass(frozen=True)
class ChangeView:
    id: int
    at: datetime
    actor: str | None
    action: str
    summary: str
    reverts: int | None
    people: tuple[str, ...] = ()  # the Slack users the summary names (through `mention`), who may be mentioned


class History:
    def __init__(
        self,
        changes: Changes,
        responsibilities: ResponsibilityEditor,
        org: OrgEditor,
        roles: RoleEditor,
        reviews: Reviews,
    ):
        self.changes = changes
        self.responsibilities = responsibilities
        self.org = org
        self.roles = roles
        self.reviews = reviews

    def latest(self, actor: Actor, *, limit: int = HISTORY_LENGTH, mention: Mention = str) -> list[ChangeView]:
        """The latest changes `actor`'s workspace sees; `NotAllowed` unless `actor` is one of its admins."""
        self.changes.permissions.require_reader(actor)
        with unit_of_work(self.changes.db) as store:
            rows = store.audit.latest(team_id=actor.team_id, limit=limit)
            defaults = org_data(self.org.defaults())
            return [_view(row, mention, defaults) for row in rows]

    def revert(self, actor: Actor, audit_id: int) -> Saved:
        with self.changes.begin(actor, knowledge=False) as change:
            entry = change.store.audit.get(audit_id)
            if entry is None or not visible_to(entry, actor.team_id):
                raise NotFound(f"There is no change #{audit_id} in this workspace's history.")
            if entry.entity_type != "org":
                change.edits_knowledge()
            if entry.entity_type == "responsibility":
                return self.responsibilities.restore(
                    change, entry.entity_id, entry.before, reverts=audit_id, check=_check(change, entry)
                )
            if entry.entity_type == "role":
                return self.roles.restore(change, entry.entity_id, entry.before, reverts=audit_id)
            if entry.entity_type == REVIEW:
                return self.reviews.restore(
                    change, entry.entity_id, entry.before, reverts=audit_id, check=_check(change, entry)
                )
            if entry.entity_type == "org":
                return self.org.restore(change, entry.before, reverts=audit_id, check=_check(change, entry))
            return _restore_knowledge(change, entry)


def _check(change: Change, entry: LoggedChange) -> Check:
    """Called with the entity as it is now (locked): refuses unless it is still as `entry` left it."""

    def check(current: Snapshot) -> None:
        if current == entry.after:
            return
        if current == entry.before:
            raise CannotRevert(f"Change #{entry.id} is already undone.")
        later = change.store.audit.later_change(entry)
        who = f" by {name_actor(later.actor)} (change #{later.id})" if later else ""
        raise CannotRevert(
            f"Change #{entry.id} cannot be undone: this was changed again since{who}. Undo the later change first."
        )

    return check


def _restore_knowledge(change: Change, entry: LoggedChange) -> Saved:
    change.store.lock_knowledge()
    repo = change.store.knowledge
    _check(change, entry)(knowledge_data(repo.load()))
    replaced = replace_knowledge(change.store, KnowledgeBase.model_validate(entry.before), by=change.actor.user_id)
    before, after = replaced or (entry.after, entry.before)
    audit_id = change.record(AuditEntry("revert", entry.entity_type, entry.entity_id, before, after, reverts=entry.id))
    return Saved(entity_id=entry.entity_id, version=repo.revision(), audit_id=audit_id)


def _view(row: LoggedChange, mention: Mention, defaults: dict[str, Any]) -> ChangeView:
    named: list[str] = []

    def naming(user_id: str) -> str:
        named.append(user_id)
        return mention(user_id)

    summary = describe(
        entity_type=row.entity_type,
        entity_id=row.entity_id,
        before=row.before,
        after=row.after,
        reverts=row.reverts,
        mention=naming,
        defaults=defaults,
    )
    return ChangeView(
        id=row.id,
        at=row.created_at,
        actor=row.actor,
        action=row.action,
        summary=summary,
        reverts=row.reverts,
        people=tuple(named),
    )
