"""Knowledge-base import and export: the whole knowledge (and a workspace's settings) as one YAML file.

Import checks everything first (problems name file, line and field) and then applies it in one
transaction; a bad file changes nothing. Export writes the shape import reads, so export → import →
export gives the same bytes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from bot.core.knowledge_files import ORG_SECTION, knowledge_from_documents, read_knowledge_documents
from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase
from bot.core.org import OrgSettings, check_org
from bot.core.problems import InvalidInput
from bot.core.yamlfile import InvalidFile, located
from bot.services.knowledge import KnowledgeService
from bot.store.repository import KnowledgeRepository, OrgRepository


def validate_file(path: Path) -> tuple[KnowledgeBase, OrgSettings | None]:
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
    return kb, org


def import_file(service: KnowledgeService, path: Path, *, team_id: str | None, by: str | None) -> KnowledgeBase:
    kb, org = validate_file(path)
    if org is not None and not team_id:
        raise InvalidFile([f"{path}: the file has org settings: say which workspace they are for with --team"])
    with service.db.transaction() as session:
        KnowledgeRepository(session).replace(kb, by=by)
        if org is not None and team_id:
            OrgRepository(session).save(team_id, org, by=by)
    return kb


def export_data(service: KnowledgeService, *, team_id: str | None) -> dict[str, Any]:
    with service.db.transaction() as session:
        kb = KnowledgeRepository(session).load()
        stored = OrgRepository(session).get(team_id) if team_id else None
    data = kb.model_dump(mode="json", exclude_defaults=True)
    if team_id:
        data[ORG_SECTION] = stored[0] if stored else service.org(None).model_dump(mode="json", exclude_defaults=True)
    return data


def to_yaml(data: dict[str, Any]) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
