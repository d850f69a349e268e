"""Lookups and inserts an admin's edit needs beyond `KnowledgeRepository`: sources, free ids, references.

An entry cites a source by id; an admin types a title and a link instead, so an edit reuses the source
with that link (or, without a link, that title) and adds a new one only when none matches.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core.models import Source, slugify
from bot.store.tables import OverrideRow, ResponsibilityRow, SourceRow


class EditRepository:
    def __init__(self, session: Session):
        self.session = session

    def find_source(self, *, title: str, url: str | None) -> str | None:
        """The id of the source with this link, or (with no link given) with this title."""
        if url:
            statement = select(SourceRow.id).where(SourceRow.url == url)
        else:
            statement = select(SourceRow.id).where(func.lower(SourceRow.title) == title.strip().lower())
        return self.session.scalars(statement.order_by(SourceRow.position)).first()

    def free_source_id(self, title: str) -> str:
        return free_id(slugify(title), set(self.session.scalars(select(SourceRow.id))))

    def add_source(self, source: Source) -> None:
        last = self.session.scalar(select(func.max(SourceRow.position)))
        self.session.add(SourceRow(id=source.id, position=(last or 0) + 1, title=source.title, url=source.url))
        self.session.flush()

    def free_responsibility_id(self, title: str) -> str:
        """A new entry's id from its title, never one an entry (even a retired one) already has."""
        return free_id(slugify(title), set(self.session.scalars(select(ResponsibilityRow.id))))

    def overrides_using(self, responsibility_ids: Iterable[str]) -> list[OverrideRow]:
        """Every workspace's overrides bound to any of these entries."""
        statement = select(OverrideRow).where(OverrideRow.responsibility_id.in_(list(responsibility_ids)))
        return list(self.session.scalars(statement.order_by(OverrideRow.team_id, OverrideRow.position)))


def free_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free (ids are at most 80 characters)."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[: 80 - len(suffix)] + suffix
    return candidate
