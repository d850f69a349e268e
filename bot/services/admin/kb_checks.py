"""Checks a change to one entry against the rest of the knowledge base and every workspace's settings.

An alias or title belongs to one active entry only (the matcher could not tell two apart), and an entry
a workspace's override points at cannot be retired while it does: that workspace's answers would
otherwise silently change.
"""

from __future__ import annotations

from bot.core.models import KnowledgeBase, Responsibility
from bot.core.problems import Problem
from bot.core.validation import check_knowledge
from bot.store.edit_repository import EditRepository


def clashes(kb: KnowledgeBase, item: Responsibility) -> list[Problem]:
    """The title and aliases of `item` that another active entry already uses."""
    used = {}
    for other in kb.active:
        if other.id != item.id:
            for text in (other.title, *other.aliases):
                used.setdefault(text.casefold(), other)
    problems = []
    if item.title.casefold() in used:
        problems.append(Problem(("title",), f"“{used[item.title.casefold()].title}” already has this title or alias"))
    for index, alias in enumerate(item.aliases):
        if alias.casefold() in used:
            problems.append(
                Problem(("aliases", index), f"“{alias}” already belongs to “{used[alias.casefold()].title}”")
            )
    return problems


def with_entry(kb: KnowledgeBase, item: Responsibility) -> KnowledgeBase:
    """`kb` with `item` in place of the entry with its id, or added at the end."""
    entries = [item if other.id == item.id else other for other in kb.responsibilities]
    if all(other.id != item.id for other in kb.responsibilities):
        entries.append(item)
    return kb.model_copy(update={"responsibilities": tuple(entries)})


def entry_problems(kb: KnowledgeBase, item: Responsibility, edits: EditRepository) -> list[Problem]:
    """Everything wrong with putting `item` into `kb`: clashes, dangling references, overrides using it."""
    if item.retired:
        problems = [
            Problem((), f"workspace {o.team_id}'s override “{o.topic}” → {o.role} uses this topic: remove it first")
            for o in edits.overrides_using([item.id])
        ]
    else:
        problems = clashes(kb, item)
    changed = with_entry(kb, item)
    position = next(i for i, other in enumerate(changed.responsibilities) if other.id == item.id)
    prefix = ("responsibilities", position)
    return problems + [Problem(p.loc[2:], p.message) for p in check_knowledge(changed) if p.loc[:2] == prefix]
