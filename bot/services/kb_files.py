"""Knowledge-base import and export: the whole knowledge (and a workspace's settings) as one YAML file.

Import checks everything first (problems name file, line and field, and any workspace whose settings the
file would break), then applies it in one transaction with its audit-log entries; a bad file changes
nothing. Export writes the shape import reads, so export → import → export gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from bot.core.kb_changes import KnowledgeChanges, compare
from bot.core.knowledge_files import ORG_SECTION, knowledge_from_documents, locate, read_knowledge_documents
from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase
from bot.core.moves import Move, Side, owner_moves
from bot.core.org import OrgSettings, check_org
from bot.core.problems import InvalidInput
from bot.core.yamlfile import InvalidFile, YamlDocument, located
from bot.services.admin.snapshots import knowledge_data, org_data
from bot.services.kb_replace import planned_knowledge, store_knowledge
from bot.services.knowledge import KnowledgeService
from bot.services.workspaces import require_workspace
from bot.store.audit_repository import AuditEntry
from bot.store.unit_of_work import Repositories, unit_of_work

KNOWLEDGE_ENTITY = ("knowledge_base", "knowledge-base")
Permit = Callable[
    [Repositories, bool], None
]  # (the transaction's repositories, whether the shared knowledge changes): raises to refuse


@dataclass(frozen=True)
class FileContents:
    kb: KnowledgeBase
    org: OrgSettings | None
    documents: list[YamlDocument]


@dataclass(frozen=True)
class Imported:
    kb: KnowledgeBase
    audit_ids: tuple[int, ...]  # empty when the file matched what was stored (or on a dry run)
    changes: KnowledgeChanges
    settings_change: bool  # the workspace's settings change (or would, on a dry run)
    warnings: tuple[str, ...] = ()  # owner moves let through with `force`, each located in the file
    moves: tuple[Move, ...] = ()  # topics whose owner, as the workspace (or the default organisation) sees it, moves


class _DryRun(Exception):
    """Rolls a dry run's transaction back, carrying what it would have done."""

    def __init__(self, imported: Imported):
        self.imported = imported


def validate_file(path: Path) -> FileContents:
    """The knowledge (and org settings, when the file has them) a file holds, or `InvalidFile`."""
    documents = read_knowledge_documents(path)
    kb = knowledge_from_documents(documents)
    org = None
    for document in documents:
        if isinstance(document.data, dict) and ORG_SECTION in document.data:
            try:
                org = check_org(document.data[ORG_SECTION], kb, Matcher(kb.active, kb.synonyms))
            except InvalidInput as error:
                prefixed = InvalidInput([type(p)((ORG_SECTION, *p.loc), p.message) for p in error.problems])
                raise located(prefixed, document) from None
    return FileContents(kb, org, documents)


def import_file(
    service: KnowledgeService,
    path: Path,
    *,
    team_id: str | None,
    by: str | None,
    create: bool = False,
    retire_missing: bool = False,
    force: bool = False,
    dry_run: bool = False,
    permit: Permit | None = None,
) -> Imported:
    """Applies a file in one transaction, under the same locks as every other write (see `kb_replace`).

    `create`: `team_id` may be a workspace with nothing stored yet (else `UnknownWorkspace`);
    `retire_missing`: retire the topics the file does not list (else they stay as they are);
    `force`: let an owner move whose reasoning or source did not change (else refused, by file and line);
    `dry_run`: check and compare everything as the import would, then roll it all back;
    `permit`: called inside the transaction before anything is kept (an admin's check, see `Permit`).
    """
    if team_id:
        require_workspace(service.db, team_id, create=create)
    contents = validate_file(path)
    if contents.org is not None and not team_id:
        raise InvalidFile([f"{path}: the file has org settings: say which workspace they are for with --team"])
    org_before = service.org(team_id)
    try:
        with unit_of_work(service.db) as store:
            old, new = planned_knowledge(store, contents.kb, retire_missing=retire_missing)
            changes = compare(old, new, listed=contents.kb)
            unargued = changes.unargued_owner_moves()
            if unargued and not force:
                raise locate(unargued, contents.documents)
            ids = []
            replaced = store_knowledge(store, old, new, by=by, skip_team=team_id if contents.org else None)
            if permit is not None:
                permit(store, bool(replaced))
            if replaced:
                entry = AuditEntry("kb.import", *KNOWLEDGE_ENTITY, *replaced)
                ids.append(store.audit.add(entry, team_id=team_id, actor=by))
            settings = []
            if contents.org is not None and team_id:
                settings = _import_settings(store, team_id, contents.org, by=by)
            warnings = tuple(locate(unargued, contents.documents).messages) if unargued else ()
            moves = owner_moves(Side(old, org_before), Side(new, contents.org or org_before))
            imported = Imported(contents.kb, tuple(ids + settings), changes, bool(settings), warnings, tuple(moves))
            if dry_run:
                raise _DryRun(replace(imported, audit_ids=()))
    except InvalidInput as error:
        raise InvalidFile([f"{path}: {problem}" for problem in error.problems]) from None
    except _DryRun as rolled_back:
        return rolled_back.imported
    return imported


def _import_settings(store: Repositories, team_id: str, org: OrgSettings, *, by: str | None) -> list[int]:
    store.claim_org(team_id, None)  # the settings as they are, held until the import commits
    stored = store.orgs.get(team_id)
    before = stored.data if stored else None
    if before == org_data(org):  # a workspace never saved gets the file's settings stored, even the defaults
        return []
    store.orgs.save(team_id, org, by=by, first=stored is None)
    after = store.orgs.get(team_id)
    assert after is not None  # just saved
    return [store.audit.add(AuditEntry("org.import", "org", team_id, before, after.data), team_id=team_id, actor=by)]


def export_data(service: KnowledgeService, *, team_id: str | None, create: bool = False) -> dict[str, Any]:
    """`create`: `team_id` may be a new workspace, exported with the default settings."""
    if team_id:
        require_workspace(service.db, team_id, create=create)
    with unit_of_work(service.db) as store:
        kb = store.knowledge.load()
    data = knowledge_data(kb)
    if team_id:
        data[ORG_SECTION] = org_data(service.org(team_id))
    return data


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
