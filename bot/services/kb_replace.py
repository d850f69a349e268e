"""Replacing the whole knowledge base (an import, or undoing one) without losing anything or breaking a workspace.

An entry the new knowledge lacks is kept, with the source and roles it refers to, so nothing is dropped
and an old change can still be undone: as it is, or retired when asked (`retire_missing`: an import with
`--retire-missing`, or undoing an import). Everything is read under `lock_knowledge`, so what is replaced
is what is stored, never an older read. Before anything is written, every workspace's stored
settings are checked against the new knowledge: a role they use that is gone, or an override bound to an
entry that would be retired, refuses the whole replacement.
"""

from __future__ import annotations

from typing import Any

from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase
from bot.core.org import check_org
from bot.core.problems import InvalidInput, Problem, raise_if_any
from bot.services.admin.snapshots import knowledge_data
from bot.store.unit_of_work import Repositories


def keeping_the_rest(old: KnowledgeBase, new: KnowledgeBase, *, retire_missing: bool) -> KnowledgeBase:
    """`new`, plus `old`'s entries it lacks (retired if `retire_missing`) and the roles and sources they use."""
    given = {r.id for r in new.responsibilities}
    update = {"retired": True} if retire_missing else {}
    kept = tuple(r.model_copy(update=update) for r in old.responsibilities if r.id not in given)
    role_ids = {r.id for r in new.roles}
    needed_roles = {rid for r in kept for rid in r.roles_named} - role_ids
    source_ids = {s.id for s in new.sources}
    needed_sources = {sid for r in kept for sid in r.sources_cited} - source_ids
    return new.model_copy(
        update={
            "roles": new.roles + tuple(r for r in old.roles if r.id in needed_roles),
            "sources": new.sources + tuple(s for s in old.sources if s.id in needed_sources),
            "responsibilities": new.responsibilities + kept,
        }
    )


def settings_problems(store: Repositories, kb: KnowledgeBase, *, skip_team: str | None = None) -> list[Problem]:
    """What would break in each workspace's stored settings (but `skip_team`'s) if `kb` were stored."""
    matcher = Matcher(kb.active, kb.synonyms)
    active = {r.id for r in kb.active}
    problems = []
    for team_id in store.orgs.team_ids():
        stored = store.orgs.get(team_id) if team_id != skip_team else None
        if stored is None:
            continue
        where = f"workspace {team_id}'s settings"
        try:
            check_org(stored.data, kb, matcher)
        except InvalidInput as error:
            problems += [Problem((), f"{where}: {p}") for p in error.problems]
        for override in stored.data.get("overrides", []):
            if override.get("responsibility") and override["responsibility"] not in active:
                problems.append(
                    Problem(
                        (),
                        f"{where}: the override “{override['topic']}” → {override['role']} uses the entry "
                        f"{override['responsibility']!r}, which would be missing or retired",
                    )
                )
    return problems


def planned_knowledge(
    store: Repositories, kb: KnowledgeBase, *, retire_missing: bool
) -> tuple[KnowledgeBase, KnowledgeBase]:
    """The stored knowledge and what storing `kb` would make it, both under `lock_knowledge`."""
    store.lock_knowledge()
    old = store.knowledge.load()
    return old, keeping_the_rest(old, kb, retire_missing=retire_missing)


def store_knowledge(
    store: Repositories, old: KnowledgeBase, new: KnowledgeBase, *, by: str | None, skip_team: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Stores a planned `new` (see the module's docstring); the (before, after) snapshots, or None when equal."""
    if new == old:
        return None
    raise_if_any(settings_problems(store, new, skip_team=skip_team))
    store.knowledge.replace(new, by=by)
    return knowledge_data(old), knowledge_data(new)


def replace_knowledge(
    store: Repositories, kb: KnowledgeBase, *, by: str | None, skip_team: str | None = None
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """Stores `kb` whole, retiring what it lacks (undoing an import); the snapshots, or None when nothing changed."""
    old, new = planned_knowledge(store, kb, retire_missing=True)
    return store_knowledge(store, old, new, by=by, skip_team=skip_team)
