"""Checks a change to one entry against the rest of the knowledge base and every workspace's settings.

The entry is checked by the knowledge base's own rules (`check_knowledge`: references, and a title or
alias another active entry has), the same a file or an import goes through; and an entry a workspace's
override points at cannot be retired while it does: that workspace's answers would otherwise silently
change.
"""

from __future__ import annotations

from bot.core.models import KnowledgeBase, Responsibility
from bot.core.problems import Problem, within
from bot.core.validation import check_knowledge
from bot.store.edit_repository import EditRepository


def with_entry(kb: KnowledgeBase, item: Responsibility) -> KnowledgeBase:
    """`kb` with `item` last, in place of the entry with its id: a clash is then reported against `item`."""
    others = tuple(other for other in kb.responsibilities if other.id != item.id)
    return kb.model_copy(update={"responsibilities": (*others, item)})


def entry_problems(kb: KnowledgeBase, item: Responsibility, edits: EditRepository) -> list[Problem]:
    """Everything wrong with putting `item` into `kb`: clashes, dangling references, overrides using it."""
    problems = [
        Problem((), f"workspace {o.team_id}'s override “{o.topic}” → {o.role} uses this topic: remove it first")
        for o in (edits.overrides_using([item.id]) if item.retired else ())
    ]
    changed = with_entry(kb, item)
    prefix = ("responsibilities", len(changed.responsibilities) - 1)
    return problems + within(check_knowledge(changed), prefix)
