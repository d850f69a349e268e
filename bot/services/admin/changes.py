"""The unit of work every admin change runs in: permission check, the writes, the audit entry, one commit.

A change that touched the knowledge base also bumps its revision in the same transaction, so every web
process rebuilds its matcher on its next question. Anything raised inside rolls all of it back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from bot.metrics import count
from bot.services.admin.actor import Actor
from bot.services.admin.permissions import Permissions
from bot.store.audit_repository import AuditEntry
from bot.store.database import Database
from bot.store.unit_of_work import Repositories, unit_of_work

Snapshot = dict[str, Any] | None  # an entity as the audit log keeps it (None: it did not exist)
Check = Callable[[Snapshot], None]  # sees an entity as it is now and raises if a change may not go ahead


@dataclass(frozen=True)
class Saved:
    """What a successful change left behind: the entity's new version and its audit entry (None: no-op)."""

    entity_id: str
    version: int
    audit_id: int | None


@dataclass
class Change:
    store: Repositories  # this change's transaction: everything it reads and writes goes through these
    actor: Actor
    permissions: Permissions
    knowledge: bool = False  # it edits the shared knowledge base: the revision is bumped at the end
    audit_ids: list[int] = field(default_factory=list)

    def edits_knowledge(self) -> None:
        """Marks the change as one to the shared knowledge base, once the actor is allowed to make it."""
        self.permissions.require(self.store, self.actor, knowledge=True)
        self.knowledge = True

    def record(self, entry: AuditEntry) -> int:
        """Adds `entry` to the audit log as this change's, by its actor; returns its id."""
        audit_id = self.store.audit.add(entry, team_id=self.actor.team_id, actor=self.actor.user_id)
        self.audit_ids.append(audit_id)
        return audit_id


class Changes:
    def __init__(self, db: Database, permissions: Permissions):
        self.db = db
        self.permissions = permissions

    @contextmanager
    def begin(self, actor: Actor, *, knowledge: bool) -> Iterator[Change]:
        """A transaction for one admin change; `knowledge`: it edits the shared knowledge base."""
        with unit_of_work(self.db) as store:
            self.permissions.require(store, actor, knowledge=False)
            change = Change(store, actor, self.permissions)
            if knowledge:
                change.edits_knowledge()
            yield change
            if change.knowledge and change.audit_ids:
                store.knowledge.bump()
        if change.audit_ids:
            count("admin_writes", outcome="written")
