"""The audit log: every change an admin or an import made, with the entity before and after.

Knowledge-base entries are shared by every workspace, so a workspace's history shows its own settings
changes and every knowledge change; an organisation's settings changes stay with their workspace.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.store.tables import AuditRow, utcnow

SHARED_ENTITIES = ("responsibility", "knowledge_base")


@dataclass(frozen=True)
class AuditEntry:
    """What changed: the action, the entity, and its state before and after (None where it did not exist)."""

    action: str
    entity_type: str
    entity_id: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    reverts: int | None = None  # the entry this change undid


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, entry: AuditEntry, *, team_id: str | None, actor: str | None) -> AuditRow:
        row = AuditRow(team_id=team_id, actor=actor, created_at=utcnow(), **asdict(entry))
        self.session.add(row)
        self.session.flush()
        return row

    def get(self, entry_id: int) -> AuditRow | None:
        return self.session.get(AuditRow, entry_id)

    def latest(self, *, team_id: str, limit: int) -> list[AuditRow]:
        """The newest changes `team_id` can see: its own settings and every shared knowledge change."""
        visible = or_(AuditRow.team_id == team_id, AuditRow.entity_type.in_(SHARED_ENTITIES))
        statement = select(AuditRow).where(visible).order_by(AuditRow.id.desc()).limit(limit)
        return list(self.session.scalars(statement))

    def org_changes(self, *, team_id: str, limit: int) -> list[AuditRow]:
        """The newest changes to `team_id`'s settings, newest first."""
        mine = (AuditRow.team_id == team_id) & (AuditRow.entity_type == "org")
        return list(self.session.scalars(select(AuditRow).where(mine).order_by(AuditRow.id.desc()).limit(limit)))


def visible_to(row: AuditRow, team_id: str) -> bool:
    return row.team_id == team_id or row.entity_type in SHARED_ENTITIES
