"""The audit log: every change an admin or an import made, with the entity before and after.

Knowledge-base entries are shared by every workspace, so a workspace's history shows its own settings
changes and every knowledge change; an organisation's settings changes stay with their workspace.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.store.tables import AuditRow

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


@dataclass(frozen=True)
class LoggedChange(AuditEntry):
    """An entry as the log keeps it: its id, when, and in which workspace by whom."""

    id: int = 0
    team_id: str | None = None
    actor: str | None = None
    created_at: datetime = datetime.min


class AuditRepository:
    def __init__(self, session: Session):
        self.session = session

    def add(self, entry: AuditEntry, *, team_id: str | None, actor: str | None) -> int:
        """Logs `entry`; returns its id."""
        row = AuditRow(team_id=team_id, actor=actor, created_at=utcnow(), **asdict(entry))
        self.session.add(row)
        self.session.flush()
        return row.id

    def get(self, entry_id: int) -> LoggedChange | None:
        row = self.session.get(AuditRow, entry_id)
        return _logged(row) if row else None

    def latest(self, *, team_id: str, limit: int) -> list[LoggedChange]:
        """The newest changes `team_id` can see: its own settings and every shared knowledge change."""
        visible = or_(AuditRow.team_id == team_id, AuditRow.entity_type.in_(SHARED_ENTITIES))
        statement = select(AuditRow).where(visible).order_by(AuditRow.id.desc()).limit(limit)
        return [_logged(row) for row in self.session.scalars(statement)]

    def later_change(self, entry: LoggedChange) -> LoggedChange | None:
        """The newest change to the same entity made after `entry`; None when there is none."""
        statement = (
            select(AuditRow)
            .where(
                AuditRow.entity_type == entry.entity_type, AuditRow.entity_id == entry.entity_id, AuditRow.id > entry.id
            )
            .order_by(AuditRow.id.desc())
        )
        row = self.session.scalars(statement).first()
        return _logged(row) if row else None

    def org_changes(self, *, team_id: str, limit: int) -> list[LoggedChange]:
        """The newest changes to `team_id`'s settings, newest first."""
        mine = (AuditRow.team_id == team_id) & (AuditRow.entity_type == "org")
        statement = select(AuditRow).where(mine).order_by(AuditRow.id.desc()).limit(limit)
        return [_logged(row) for row in self.session.scalars(statement)]


def visible_to(entry: LoggedChange, team_id: str) -> bool:
    return entry.team_id == team_id or entry.entity_type in SHARED_ENTITIES


def _logged(row: AuditRow) -> LoggedChange:
    return LoggedChange(**{f.name: getattr(row, f.name) for f in fields(LoggedChange)})
