"""What replacing the knowledge base with a file's changes, said before (`--dry-run`) and after an import.

Topics added, changed, retired and restored, owners that move, and the topics the file does not list:
those stay as they are unless the import is asked to retire them. An owner that moves while the reasoning
stays as it was is flagged: it (and the quote, if that stayed too) would still argue for the old owner.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import KnowledgeBase, Responsibility
from bot.core.problems import Problem


@dataclass(frozen=True)
class OwnerMove:
    index: int  # the entry's position in the file
    item: Responsibility
    before: str
    unchanged: tuple[str, ...]  # "the reasoning", "the quoted source": what still argues for `before`

    def problem(self) -> Problem:
        what = " and ".join(self.unchanged)
        verb, them = ("argue", "them") if len(self.unchanged) > 1 else ("argues", "it")
        return Problem(
            ("responsibilities", self.index, "owner"),
            f"the owner moves from {self.before} to {self.item.owner} but {what} still {verb} for {self.before}: "
            f"update {them} too, or pass --force (to change the owner for one workspace only, use an override: "
            "org.overrides in the file, or /whoowns admin)",
        )


@dataclass(frozen=True)
class KnowledgeChanges:
    added: tuple[Responsibility, ...]
    changed: tuple[Responsibility, ...]
    retired: tuple[Responsibility, ...]
    restored: tuple[Responsibility, ...]
    owners: tuple[OwnerMove, ...]
    kept: tuple[Responsibility, ...]  # active topics the file does not list, left as they are
    others: tuple[str, ...]  # "roles", "sources", "synonyms": the other sections that change

    def any(self) -> bool:
        """Whether anything stored changes (topics kept as they are do not count)."""
        return bool(self.added or self.changed or self.retired or self.restored or self.owners or self.others)

    def unargued_owner_moves(self) -> list[Problem]:
        return [move.problem() for move in self.owners if move.unchanged]

    def lines(self) -> list[str]:
        counts = [
            _count(len(self.added), "topic added", "topics added"),
            f"{len(self.changed)} changed",
            f"{len(self.retired)} retired",
        ]
        if self.restored:
            counts.append(f"{len(self.restored)} restored")
        counts.append(_count(len(self.owners), "owner moved", "owners moved"))
        lines = [", ".join(counts)]
        lines += [f"  added    {r.id}: {r.title} ({r.owner})" for r in self.added]
        lines += [f"  changed  {r.id}: {r.title}" for r in self.changed]
        lines += [f"  owner    {m.item.id}: {m.item.title}: {m.before} → {m.item.owner}" for m in self.owners]
        lines += [f"  retired  {r.id}: {r.title}" for r in self.retired]
        lines += [f"  restored {r.id}: {r.title}" for r in self.restored]
        if self.kept:
            one = len(self.kept) == 1
            stays = "topic the file does not list stays as it is" if one else "topics it does not list stay as they are"
            ids = ", ".join(r.id for r in self.kept)
            retire = f"retire {'it' if one else 'them'} with --retire-missing"
            lines.append(f"  kept     {len(self.kept)} {stays} ({retire}): {ids}")
        if self.others:
            lines.append(f"  also     {', '.join(self.others)} change")
        return lines


def compare(old: KnowledgeBase, new: KnowledgeBase, *, listed: KnowledgeBase) -> KnowledgeChanges:
    """What storing `new` instead of `old` changes; `listed`: the file's own knowledge (its order, its topics)."""
    before = {r.id: r for r in old.responsibilities}
    positions = {r.id: index for index, r in enumerate(listed.responsibilities)}
    added, changed, retired, restored, owners = [], [], [], [], []
    for item in new.responsibilities:
        was = before.get(item.id)
        if was is None:
            added.append(item)
        elif was != item:
            if item.retired and not was.retired:
                retired.append(item)
            elif was.retired and not item.retired:
                restored.append(item)
            else:
                changed.append(item)
            if was.owner != item.owner and not item.retired and item.id in positions:
                owners.append(OwnerMove(positions[item.id], item, was.owner, _unchanged(was, item)))
    kept = tuple(r for r in old.active if r.id not in positions and r in new.active)
    others = tuple(s for s in ("roles", "sources", "synonyms") if getattr(old, s) != getattr(new, s))
    return KnowledgeChanges(tuple(added), tuple(changed), tuple(retired), tuple(restored), tuple(owners), kept, others)


def _unchanged(was: Responsibility, item: Responsibility) -> tuple[str, ...]:
    """What still argues for the old owner: nothing once the reasoning (our own words for why) is rewritten."""
    if was.reasoning != item.reasoning:
        return ()
    return ("the reasoning", "the quoted source") if was.citation == item.citation else ("the reasoning",)


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
