"""Replacing the whole knowledge base (an import, or undoing one) without losing anything or breaking a workspace.

An entry the new knowledge lacks is kept, retired, with the source and roles it refers to, so nothing
is dropped and an old change can still be undone. Before anything is written, every workspace's stored
settings are checked against the new knowledge: a role they use that is gone, or an override bound to an
entry that would be retired, refuses the whole replacement.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase
from bot.core.org import check_org
from bot.core.problems import InvalidInput, Problem, raise_if_any
from bot.services.admin.snapshots import knowledge_data
from bot.store.locking import lock_knowledge
from bot.store.repository import KnowledgeRepository, OrgRepository
from bot.store.tables import OrgRow


def keeping_the_rest(old: KnowledgeBase, new: KnowledgeBase) -> KnowledgeBase:
    """`new`, plus `old`'s entries it lacks (retired) and the roles and sources those refer to."""
    given = {r.id for r in new.responsibilities}
    kept = tuple(r.model_copy(update={"retired": True}) for r in old.responsibilities if r.id not in given)
    role_ids = {r.id for r in new.roles}
    needed_roles = {rid for r in kept for rid in (r.owner, *r.shared_with)} - role_ids
    source_ids = {s.id for s in new.sources}
    needed_sources = {r.citation.source for r in kept} - source_ids
    return new.model_copy(
        update={
            "roles": new.roles + tuple(r for r in old.roles if r.id in needed_roles),
            "sources": new.sources + tuple(s for s in old.sources if s.id in needed_sources),
            "responsibilities": new.responsibilities + kept,
        }
    )


def settings_problems(session: Session, kb: KnowledgeBase, *, skip_team: str | None = None) -> list[Problem]:
    """What would break in each workspace's stored settings (but `skip_team`'s) if `kb` were stored."""
    matcher = Matcher(kb.active, kb.synonyms)
    active = {r.id for r in kb.active}
    problems = []
    for team_id in session.scalars(select(OrgRow.team_id).order_by(OrgRow.team_id)):
        stored = OrgRepository(session).get(team_id) if team_id != skip_team else None
        if stored is None:
            continue
        where = f"workspace {team_id}'s settings"
        try:
            check_org(stored[0], kb, matcher)
        except InvalidInput as error:
            problems += [Problem((), f"{where}: {p}") for p in error.problems]
        for override in stored[0].get("overrides", []):
            if override.get("responsibility") and override["responsibility"] not in active:
                problems.append(
                    Problem(
                        (),
                        f"{where}: the override “{override['topic']}” → {override['role']} uses the entry "
                        f"{override['responsibility']!r}, which would be missing or retired",
                    )
                )
    return problems


def replace_knowledge(
    session: Session, kb: KnowledgeBase, *, by: str | None, skip_team: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Stores `kb` (see the module's docstring); the (before, after) snapshots, or None when nothing changed."""
    lock_knowledge(session)
    repo = KnowledgeRepository(session)
    old = repo.load()
    new = keeping_the_rest(old, kb)
    if new == old:
        return None
    raise_if_any(settings_problems(session, new, skip_team=skip_team))
    repo.replace(new, by=by)
    return knowledge_data(old), knowledge_data(new)
