"""Adding, editing and retiring knowledge-base entries, as an admin does from Slack.

Each change is checked whole before anything is written, runs in one transaction with its audit entry,
and carries the version the admin opened: if somebody saved the entry since, it is refused with
`StaleEdit` and nothing is lost. Entries are retired, never deleted, so every change can be undone.
"""

from __future__ import annotations

from typing import Any

from bot.core.models import KnowledgeBase, Responsibility, Source
from bot.core.problems import raise_if_any
from bot.services.admin.actor import Actor
from bot.services.admin.changes import Change, Changes, Check, Saved, Snapshot
from bot.services.admin.drafts import CONSULTED, DRAFTED, ResponsibilityDraft, check_draft
from bot.services.admin.errors import NotFound, StaleEdit
from bot.services.admin.kb_checks import entry_problems
from bot.services.knowledge import KnowledgeService
from bot.services.unanswered import gap_key
from bot.store.audit_repository import AuditEntry
from bot.store.unit_of_work import unit_of_work

ENTITY = "responsibility"


class ResponsibilityEditor:
    def __init__(self, knowledge: KnowledgeService, changes: Changes):
        self.knowledge = knowledge
        self.changes = changes

    def open(self, responsibility_id: str) -> tuple[ResponsibilityDraft, int]:
        """An entry as a draft to edit, with the version the save must still find."""
        with unit_of_work(self.knowledge.db) as store:
            kb = store.knowledge.load()
            item = _entry(kb, responsibility_id)
            stored = store.knowledge.entry_version(responsibility_id)
            assert stored is not None  # `_entry` found it
            return ResponsibilityDraft.of(item, kb.source(item.citation.source)), stored.version

    def create(self, actor: Actor, draft: ResponsibilityDraft, *, gap: str | None = None) -> Saved:
        """A new entry; `gap`: the unanswered question it was started from, which is then handled."""
        with self.changes.begin(actor, knowledge=True) as change:
            kb = change.store.knowledge.load()
            new_id = change.store.edits.free_responsibility_id(draft.title)
            item, source = self._from_draft(change, kb, draft, new_id=new_id)
            saved = self._save(change, kb, None, item, action="responsibility.create", new_source=source)
            self._resolve_gap(change, gap)
            return saved

    def update(
        self, actor: Actor, responsibility_id: str, draft: ResponsibilityDraft, *, expected_version: int
    ) -> Saved:
        with self.changes.begin(actor, knowledge=True) as change:
            kb, before = self._claim(change, responsibility_id, expected_version)
            item, source = self._from_draft(change, kb, draft, like=before)
            return self._save(change, kb, before, item, action="responsibility.update", new_source=source)

    def retire(self, actor: Actor, responsibility_id: str, *, expected_version: int) -> Saved:
        with self.changes.begin(actor, knowledge=True) as change:
            kb, before = self._claim(change, responsibility_id, expected_version)
            item = before.model_copy(update={"retired": True})
            return self._save(change, kb, before, item, action="responsibility.retire")

    def add_alias(self, actor: Actor, responsibility_id: str, alias: str) -> Saved:
        """One click from the gaps list: a question becomes an alias of an entry, and counts as handled."""
        with self.changes.begin(actor, knowledge=True) as change:
            kb, before = self._claim(change, responsibility_id, None)
            aliases = before.aliases
            if alias.strip().casefold() not in {a.casefold() for a in aliases}:
                aliases = (*aliases, alias)
            item = Responsibility.model_validate({**before.model_dump(), "aliases": aliases})
            saved = self._save(change, kb, before, item, action="responsibility.update")
            self._resolve_gap(change, alias)
            return saved

    def restore(
        self, change: Change, responsibility_id: str, snapshot: Snapshot, *, reverts: int, check: Check
    ) -> Saved:
        """Puts an entry back as `snapshot` had it (None: it did not exist then, so it is retired).

        `check` sees the entry as it is now, once locked, and raises if it may not be put back.
        """
        kb, before = self._claim(change, responsibility_id, None)
        check(before.model_dump(mode="json"))
        item = before.model_copy(update={"retired": True}) if snapshot is None else Responsibility(**snapshot)
        return self._save(change, kb, before, item, action="revert", reverts=reverts)

    def _claim(
        self, change: Change, responsibility_id: str, expected_version: int | None
    ) -> tuple[KnowledgeBase, Responsibility]:
        """The knowledge base and the entry as they are, the entry locked for this change.

        `StaleEdit` when the entry's version moved past `expected_version` (None: take any version).
        """
        claimed = change.store.claim_responsibility(responsibility_id, expected_version)
        kb = change.store.knowledge.load()
        current = _entry(kb, responsibility_id)
        if not claimed:
            row = change.store.knowledge.entry_version(responsibility_id)
            assert row is not None  # `_entry` found it
            raise StaleEdit(changed_by=row.updated_by, version=row.version, current=current.model_dump(mode="json"))
        return kb, current

    def _from_draft(
        self,
        change: Change,
        kb: KnowledgeBase,
        draft: ResponsibilityDraft,
        *,
        like: Responsibility | None = None,
        new_id: str | None = None,
    ) -> tuple[Responsibility, Source | None]:
        """The entry a draft describes and, when its title and link match no source, the new source."""
        item, source = check_draft(draft, role_ids=[r.id for r in kb.roles])
        edits = change.store.edits
        source_id = edits.find_source(title=source.title, url=source.url)
        new_source = None
        if source_id is None:
            new_source = source.model_copy(update={"id": edits.free_source_id(source.title)})
            source_id = new_source.id
        kept: dict[str, Any] = {"id": new_id}
        if like is not None:  # every field the form does not edit stays as the entry has it
            kept = {
                name: getattr(like, name) for name in Responsibility.model_fields if name not in DRAFTED | CONSULTED
            }
            if draft.consult is None:  # the roles to consult stay, less the owner if the edit moves it there
                shared_with = tuple(r for r in like.shared_with if r != item.owner)
                parts = {r: part for r, part in like.shared_parts.items() if r in shared_with}
                kept |= {"shared_with": shared_with, "shared_parts": parts}
            if like.specialist is not None and like.specialist.role == item.owner:
                kept["specialist"] = None  # the edit gives the topic to the specialist: it owns it everywhere now
        citation = item.citation.model_copy(update={"source": source_id})
        return item.model_copy(update={"citation": citation, **kept}), new_source

    def _save(
        self,
        change: Change,
        kb: KnowledgeBase,
        before: Responsibility | None,
        item: Responsibility,
        *,
        action: str,
        reverts: int | None = None,
        new_source: Source | None = None,
    ) -> Saved:
        """Checks `item` against everything else, then writes it (and its new source) and the audit entry."""
        edits = change.store.edits
        if new_source is not None:
            kb = kb.model_copy(update={"sources": (*kb.sources, new_source)})
        raise_if_any(entry_problems(kb, item, edits))
        if new_source is not None:
            edits.add_source(new_source)
        audit_id = None
        if change.store.knowledge.save_responsibility(item, by=change.actor.user_id):
            old = before.model_dump(mode="json") if before else None
            audit_id = change.record(AuditEntry(action, ENTITY, item.id, old, item.model_dump(mode="json"), reverts))
        stored = change.store.knowledge.entry_version(item.id)
        assert stored is not None  # just saved
        return Saved(entity_id=item.id, version=stored.version, audit_id=audit_id)

    def _resolve_gap(self, change: Change, question: str | None) -> None:
        if question:
            key = gap_key(question, self.knowledge.engine().matcher.vocabulary)
            change.store.gaps.resolve(team_id=change.actor.team_id, key=key)


def _entry(kb: KnowledgeBase, responsibility_id: str) -> Responsibility:
    found = next((r for r in kb.responsibilities if r.id == responsibility_id), None)
    if found is None:
        raise NotFound(f"There is no topic {responsibility_id!r}.")
    return found
