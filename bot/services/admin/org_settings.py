"""A workspace's settings as its admins change them: roles, holders, cover, fallback, admins, overrides.

Every save is checked whole by the same rules as a settings file (`check_org`), carries the version the
admin opened (0: never saved), and is written with its audit entry in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from bot.core.moves import Move, Side, owner_moves
from bot.core.org import OrgSettings, Override, default_org
from bot.core.problems import InvalidInput, Problem, from_validation_error
from bot.core.unavailable import WriteConflict
from bot.services.admin.actor import Actor
from bot.services.admin.changes import Change, Changes, Check, Saved, Snapshot
from bot.services.admin.errors import NotFound, StaleEdit
from bot.services.admin.snapshots import org_data
from bot.services.knowledge import KnowledgeService
from bot.store.audit_repository import AuditEntry
from bot.store.repository import StoredOrg
from bot.store.unit_of_work import unit_of_work

ENTITY = "org"


class OrgEdit:
    """One change to a workspace's settings, applied to what is stored when it is previewed or saved."""

    def __init__(self, defaults: OrgSettings, action: str, change: Callable[[dict[str, Any]], dict[str, Any]]):
        self.defaults = defaults
        self.action = action  # the audit log's name for it
        self.change = change
        self.added: int | None = None  # the index of an override it adds

    def apply(self, before: dict[str, Any] | None) -> dict[str, Any]:
        """The settings after the change (`before` None: never saved, so the defaults)."""
        data = self.change(before or org_data(self.defaults))
        if self.action == "override.add":
            self.added = len(data["overrides"]) - 1
        return data

    @contextmanager
    def problems_about_itself(self) -> Iterator[None]:
        """A new override's problems are said about its own fields (`role`, not `overrides[3].role`)."""
        try:
            yield
        except InvalidInput as error:
            if self.added is None:
                raise
            raise InvalidInput([_without_prefix(p, ("overrides", self.added)) for p in error.problems]) from None


@dataclass(frozen=True)
class Preview:
    """What a save would leave, and the topics whose owner it would move (asked to confirm first)."""

    org: OrgSettings
    moves: list[Move]


EDITABLE = frozenset({"name", "roles", "fallback", "admins", "digest"})


class OrgEditor:
    def __init__(self, knowledge: KnowledgeService, changes: Changes):
        self.knowledge = knowledge
        self.changes = changes

    def open(self, team_id: str) -> tuple[OrgSettings, int]:
        """The workspace's settings and the version a save must still find (0: never saved)."""
        with unit_of_work(self.knowledge.db) as store:
            stored = store.orgs.get(team_id)
        return (self.knowledge.check_org(stored.data), stored.version) if stored else (self.defaults(), 0)

    def update(self, actor: Actor, values: Mapping[str, Any], *, expected_version: int) -> Saved:
        """Replaces the given top-level settings (roles, fallback, admins, name); overrides stay as they are."""
        return self.save(actor, self.settings_edit(values), expected_version=expected_version)

    def add_override(
        self,
        actor: Actor,
        *,
        topic: str,
        role: str,
        reason: str | None = None,
        consult: Sequence[str] | None = None,
        expected_version: int | None = None,
    ) -> Saved:
        edit = self.override_edit(topic=topic, role=role, reason=reason, consult=consult)
        return self.save(actor, edit, expected_version=expected_version)

    def settings_edit(self, values: Mapping[str, Any]) -> OrgEdit:
        """New top-level settings (roles, fallback, admins, name), to `preview` or `save`."""
        unknown = sorted(set(values) - EDITABLE)
        if unknown:
            raise InvalidInput([Problem((key,), "cannot be changed here") for key in unknown])
        return OrgEdit(self.defaults(), "org.update", lambda data: {**data, **values})

    def override_edit(
        self, *, topic: str, role: str, reason: str | None = None, consult: Sequence[str] | None = None
    ) -> OrgEdit:
        """One more override, to `preview` or `save`; its problems are said about its own fields."""
        try:
            override = Override(
                topic=topic, role=role, reason=reason or None, consult=tuple(consult) if consult is not None else None
            )
        except ValidationError as error:
            raise InvalidInput(from_validation_error(error)) from None
        added = override.model_dump(exclude_none=True)
        return OrgEdit(
            self.defaults(), "override.add", lambda data: {**data, "overrides": [*data.get("overrides", []), added]}
        )

    def save(self, actor: Actor, edit: OrgEdit, *, expected_version: int | None) -> Saved:
        with self._saving(actor) as change, edit.problems_about_itself():
            before = self._claim(change, expected_version)
            return self._save(change, before, edit.apply(before), action=edit.action)

    def preview(self, actor: Actor, edit: OrgEdit) -> Preview:
        """What `save` would leave, and the topics whose owner it would move; nothing is saved.

        Permission is checked first, so nobody who may not save is shown a confirmation."""
        with unit_of_work(self.knowledge.db) as store:
            self.changes.permissions.require(store, actor, knowledge=False)
            stored = store.orgs.get(actor.team_id)
        before = self.knowledge.check_org(stored.data) if stored else self.defaults()
        with edit.problems_about_itself():
            after = self.knowledge.check_org(edit.apply(stored.data if stored else None))
        kb = self.knowledge.engine().kb
        return Preview(after, owner_moves(Side(kb, before), Side(kb, after)))

    def remove_override(self, actor: Actor, index: int, *, expected_version: int) -> Saved:
        with self._saving(actor) as change:
            before = self._claim(change, expected_version)
            overrides = list((before or {}).get("overrides", []))
            if not 0 <= index < len(overrides):
                raise NotFound("That override is no longer there.")
            del overrides[index]
            return self._save(change, before, {**(before or {}), "overrides": overrides}, action="override.remove")

    def restore(self, change: Change, snapshot: Snapshot, *, reverts: int, check: Check) -> Saved:
        """Puts the settings back as `snapshot` had them (None: never saved, so the defaults).

        `check` sees the settings as they are now, once locked, and raises if they may not be put back.
        """
        before = self._claim(change, None)
        check(before)
        return self._save(change, before, snapshot or org_data(self.defaults()), action="revert", reverts=reverts)

    def defaults(self) -> OrgSettings:
        """The settings a workspace has before it saves any: the knowledge base's default organisation."""
        return default_org(self.knowledge.engine().kb)

    @contextmanager
    def _saving(self, actor: Actor) -> Iterator[Change]:
        """A change to `actor`'s workspace; two first-ever saves racing end as one `StaleEdit`."""
        try:
            with self.changes.begin(actor, knowledge=False) as change:
                yield change
        except WriteConflict:
            with unit_of_work(self.knowledge.db) as store:
                stored = store.orgs.get(actor.team_id)
            if stored is None:
                raise
            raise StaleEdit(changed_by=stored.updated_by, version=stored.version, current=stored.data) from None

    def _claim(self, change: Change, expected_version: int | None) -> dict[str, Any] | None:
        """The stored settings (None: never saved), locked; `StaleEdit` if they moved past the version."""
        team_id = change.actor.team_id
        claimed = change.store.claim_org(team_id, expected_version)
        stored = change.store.orgs.get(team_id)
        if claimed or (stored is None and not expected_version):
            return stored.data if stored else None
        raise StaleEdit(
            changed_by=stored.updated_by if stored else None,
            version=stored.version if stored else 0,
            current=stored.data if stored else None,
        )

    def _save(
        self,
        change: Change,
        before: dict[str, Any] | None,
        data: dict[str, Any],
        *,
        action: str,
        reverts: int | None = None,
    ) -> Saved:
        org = self.knowledge.check_org(data)
        repo = change.store.orgs
        team_id = change.actor.team_id
        if before is not None and org == self.knowledge.check_org(before):
            return Saved(entity_id=team_id, version=_stored(repo.get(team_id)).version, audit_id=None)
        repo.save(team_id, org, by=change.actor.user_id, first=before is None)
        after = _stored(repo.get(team_id))
        audit_id = change.record(AuditEntry(action, ENTITY, team_id, before, after.data, reverts=reverts))
        return Saved(entity_id=team_id, version=after.version, audit_id=audit_id)


def _stored(stored: StoredOrg | None) -> StoredOrg:
    """Settings this transaction has just read or saved, so there are some."""
    assert stored is not None
    return stored


def _without_prefix(problem: Problem, prefix: tuple[str | int, ...]) -> Problem:
    if problem.loc[: len(prefix)] == prefix:
        return Problem(problem.loc[len(prefix) :], problem.message)
    return problem
