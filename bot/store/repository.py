"""Reads and writes the knowledge base and organisation settings, translating rows to core models.

Callers hold the transaction (`Database.transaction()`); the repository never commits, so a whole import
or an admin's save is one unit of work. Writes bump the knowledge base's revision in the same
transaction, which is how other processes learn that their matcher is stale. Versions and the revision
are incremented by the database (`version = version + 1`), so they only ever move forward.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from bot.core.clock import utcnow
from bot.core.models import Citation, KnowledgeBase, Responsibility, Role, Source, UsualCover
from bot.core.org import OrgSettings
from bot.store.database import Database, translated_errors
from bot.store.slack_records import rows_matched
from bot.store.tables import (
    AliasRow,
    KbState,
    OrgRoleRow,
    OrgRow,
    OverrideRow,
    ResponsibilityRow,
    RoleRow,
    SourceRow,
    SynonymGroupRow,
)

REVISION = select(KbState.revision).where(KbState.id == 1)


def current_revision(db: Database) -> int:
    """The knowledge base's revision, read on a plain connection: every question reads it, and a session's
    unit of work costs several times the query itself (about 0.4 ms against 0.1 on SQLite)."""
    with translated_errors(), db.engine.connect() as connection:
        return connection.execute(REVISION).scalar() or 0


@dataclass(frozen=True)
class StoredVersion:
    """Who last wrote a row and the version they left (what a refused edit reports)."""

    version: int
    updated_by: str | None


@dataclass(frozen=True)
class StoredOrg(StoredVersion):
    """A workspace's stored settings in the org-file shape, with their version and who saved them last."""

    data: dict[str, Any]


@dataclass(frozen=True)
class RoleUses:
    """How many topics a role owns, and how many workspaces' settings name it (seat, cover, override, fallback)."""

    topics: int
    workspaces: int


class KnowledgeRepository:
    def __init__(self, session: Session):
        self.session = session

    def state(self) -> KbState | None:
        return self.session.get(KbState, 1)

    def revision(self) -> int:
        state = self.state()
        return state.revision if state else 0

    def load(self) -> KnowledgeBase:
        s = self.session
        aliases: dict[str, list[str]] = {}
        # Thousands of aliases: read as plain rows, not mapped objects, which halves loading's time.
        in_order = AliasRow.responsibility_id, AliasRow.position
        for responsibility_id, text in s.execute(select(AliasRow.responsibility_id, AliasRow.text).order_by(*in_order)):
            aliases.setdefault(responsibility_id, []).append(text)
        return KnowledgeBase(
            roles=tuple(_role(r) for r in s.scalars(select(RoleRow).order_by(RoleRow.position))),
            sources=tuple(
                Source(id=r.id, title=r.title, url=r.url, seed=r.seed)
                for r in s.scalars(select(SourceRow).order_by(SourceRow.position))
            ),
            responsibilities=tuple(
                _responsibility(r, aliases.get(r.id, []))
                for r in s.scalars(select(ResponsibilityRow).order_by(ResponsibilityRow.position))
            ),
            synonyms=tuple(tuple(g.words) for g in s.scalars(select(SynonymGroupRow).order_by(SynonymGroupRow.id))),
        )

    def replace(self, kb: KnowledgeBase, *, by: str | None, seed_digest: str | None = None) -> None:
        """Makes the stored knowledge equal `kb`; an entry missing from `kb` is retired, never dropped.

        Roles and sources `kb` no longer lists are dropped last, once the entries cite what `kb` says
        (a new release may move an entry to another source and drop the old one), and only when no
        stored entry, a retired one included, still names them: a retired entry keeps its owner and its
        citation, so that undoing its retirement gives it back whole."""
        s = self.session
        roles = {r.id: role_values(r) for r in kb.roles}
        sources = {r.id: {"title": r.title, "url": r.url, "seed": r.seed} for r in kb.sources}
        _sync(s, RoleRow, roles)
        _sync(s, SourceRow, sources)
        given = {r.id for r in kb.responsibilities}
        for position, item in enumerate(kb.responsibilities):
            self.save_responsibility(item, by=by, position=position)
        for row in s.scalars(select(ResponsibilityRow).where(ResponsibilityRow.id.not_in(given))):
            if not row.retired:
                row.retired, row.version, row.updated_by, row.updated_at = True, _next(ResponsibilityRow), by, utcnow()
        s.flush()
        _drop_unused(s, RoleRow, roles, ResponsibilityRow.owner)
        _drop_unused(s, SourceRow, sources, ResponsibilityRow.source_id)
        s.execute(delete(SynonymGroupRow))
        s.add_all(SynonymGroupRow(words=list(group)) for group in kb.synonyms)
        self.bump(seed_digest=seed_digest, edited=seed_digest is None)

    def save_responsibility(self, item: Responsibility, *, by: str | None, position: int | None = None) -> bool:
        """Inserts or updates one entry; True when anything changed (and its version went up)."""
        s = self.session
        values = entry_values(item)
        row = s.get(ResponsibilityRow, item.id)
        old_aliases = [a.text for a in row_aliases(s, item.id)] if row else []
        if row is None:
            last = s.scalars(select(ResponsibilityRow.position).order_by(ResponsibilityRow.position.desc())).first()
            row = ResponsibilityRow(id=item.id, position=position if position is not None else (last or 0) + 1)
            s.add(row)
            changed = True
        else:
            changed = any(getattr(row, k) != v for k, v in values.items()) or old_aliases != list(item.aliases)
            if position is not None and row.position != position:
                row.position = position
        if not changed:
            return False
        for key, value in values.items():
            setattr(row, key, value)
        row.version = _next(ResponsibilityRow) if row.version else 1
        row.updated_by, row.updated_at = by, utcnow()
        row.reviewed_by, row.reviewed_at = by, row.updated_at  # an edit is a review
        s.execute(delete(AliasRow).where(AliasRow.responsibility_id == item.id))
        s.flush()
        s.add_all(AliasRow(responsibility_id=item.id, position=i, text=t) for i, t in enumerate(item.aliases))
        return True

    def entry_version(self, responsibility_id: str) -> StoredVersion | None:
        """An entry's version and who last wrote it; None when there is no such entry."""
        row = self.session.get(ResponsibilityRow, responsibility_id)
        return StoredVersion(row.version, row.updated_by) if row else None

    def has_role(self, role_id: str) -> bool:
        return self.session.get(RoleRow, role_id) is not None

    def role_uses(self, role_id: str) -> RoleUses:
        s = self.session
        topics = s.scalars(select(ResponsibilityRow.title).where(ResponsibilityRow.owner == role_id)).all()
        teams = set(s.scalars(select(OrgRoleRow.team_id).where(OrgRoleRow.role_id == role_id)))
        teams |= set(s.scalars(select(OverrideRow.team_id).where(OverrideRow.role == role_id)))
        teams |= set(s.scalars(select(OrgRow.team_id).where(OrgRow.fallback == role_id)))
        teams |= {row.team_id for row in s.scalars(select(OrgRoleRow)) if role_id in row.covers}
        return RoleUses(topics=len(topics), workspaces=len(teams))

    def remove_role(self, role_id: str) -> None:
        row = self.session.get(RoleRow, role_id)
        if row is not None:
            self.session.delete(row)
            self.session.flush()

    def add_role(self, role: Role) -> None:
        """Appends a new role (a custom one an admin adds) after the others."""
        last = self.session.scalars(select(RoleRow.position).order_by(RoleRow.position.desc())).first()
        self.session.add(RoleRow(id=role.id, position=(last or 0) + 1, **role_values(role)))
        self.session.flush()

    def bump(self, *, seed_digest: str | None = None, edited: bool = True) -> None:
        """Moves the revision on by one in SQL (`revision = revision + 1`), so two changes committing at
        once each add theirs: a value read earlier and written back could lose one."""
        values: dict[str, Any] = {"revision": KbState.revision + 1, "updated_at": utcnow()}
        if seed_digest is not None:
            values.update(seed_digest=seed_digest, edited=False)
        elif edited:
            values["edited"] = True
        statement = update(KbState).where(KbState.id == 1).values(**values)
        if rows_matched(self.session.execute(statement.execution_options(synchronize_session="fetch"))) == 0:
            self.session.add(KbState(id=1, **{**values, "revision": 1}))
            self.session.flush()


class OrgRepository:
    def __init__(self, session: Session):
        self.session = session

    def get(self, team_id: str) -> StoredOrg | None:
        """The stored settings in the org-file shape, with their version; None when never saved."""
        row = self.session.get(OrgRow, team_id)
        if row is None:
            return None
        roles = self.session.scalars(
            select(OrgRoleRow).where(OrgRoleRow.team_id == team_id).order_by(OrgRoleRow.position)
        )
        overrides = self.session.scalars(
            select(OverrideRow).where(OverrideRow.team_id == team_id).order_by(OverrideRow.position)
        )
        data: dict[str, Any] = {
            "name": row.name,
            "roles": {r.role_id: _without_empty({"holder": r.holder, "covers": list(r.covers)}) for r in roles},
            "fallback": row.fallback,
            "overrides": [
                _without_empty(
                    {"topic": o.topic, "role": o.role, "reason": o.reason, "responsibility": o.responsibility_id}
                )
                | ({"consult": list(o.consult)} if o.consult is not None else {})
                for o in overrides
            ],
            "admins": list(row.admins),
        }
        if not row.digest:  # on is the default, and settings saved before the digest existed have it on
            data["digest"] = False
        return StoredOrg(version=row.version, updated_by=row.updated_by, data=data)

    def admins(self, team_id: str) -> list[str]:
        """The people a workspace's settings make admins (besides Slack's own admins and owners)."""
        row = self.session.get(OrgRow, team_id)
        return list(row.admins or []) if row else []

    def team_ids(self) -> list[str]:
        """Every workspace with stored settings, in order."""
        return list(self.session.scalars(select(OrgRow.team_id).order_by(OrgRow.team_id)))

    def known(self, team_id: str) -> bool:
        """Whether the workspace has stored settings or an installation of the app."""
        if self.session.get(OrgRow, team_id) is not None:
            return True
        from bot.store.slack_install_tables import INSTALLATIONS  # here: see that module's docstring

        found = select(INSTALLATIONS.c.id).where(INSTALLATIONS.c.team_id == team_id)
        return self.session.scalars(found).first() is not None

    def save(self, team_id: str, org: OrgSettings, *, by: str | None, first: bool) -> int:
        """Stores validated settings whole, replacing the old ones; returns the new version.

        `first`: the caller found no settings stored when it claimed them. The row is then inserted, never
        updated, so a first save that another transaction committed in the meantime makes this one fail
        (`WriteConflict`) instead of being overwritten: two first-ever saves racing, exactly one wins.
        """
        s = self.session
        row: OrgRow | None
        if first:
            row = OrgRow(team_id=team_id)
            s.add(row)
        else:
            row = s.get(OrgRow, team_id)
            assert row is not None  # not a first save: the caller claimed the stored row
        assert org.fallback is not None  # `check_org` fills it in
        row.name, row.fallback, row.admins, row.digest = org.name, org.fallback, list(org.admins), org.digest
        row.version = 1 if first else _next(OrgRow)
        row.updated_by, row.updated_at = by, utcnow()
        s.execute(delete(OrgRoleRow).where(OrgRoleRow.team_id == team_id))
        s.execute(delete(OverrideRow).where(OverrideRow.team_id == team_id))
        s.flush()
        s.add_all(
            OrgRoleRow(team_id=team_id, role_id=rid, position=i, holder=seat.holder, covers=list(seat.covers))
            for i, (rid, seat) in enumerate(org.roles.items())
        )
        s.add_all(
            OverrideRow(
                team_id=team_id,
                position=i,
                topic=o.topic,
                role=o.role,
                reason=o.reason,
                consult=list(o.consult) if o.consult is not None else None,
                responsibility_id=o.responsibility,
            )
            for i, o in enumerate(org.overrides)
        )
        s.flush()
        return row.version


def row_aliases(session: Session, responsibility_id: str) -> list[AliasRow]:
    return list(
        session.scalars(
            select(AliasRow).where(AliasRow.responsibility_id == responsibility_id).order_by(AliasRow.position)
        )
    )


def role_values(role: Role) -> dict[str, Any]:
    """A role's columns, as `RoleRow` stores them."""
    return {
        "name": role.name,
        "focus": role.focus,
        "combines": list(role.combines),
        "is_default": role.default,
        "is_fallback": role.fallback,
        "usual_cover": role.usual_cover.model_dump(mode="json") if role.usual_cover else None,
        "posts": list(role.posts),
    }


def _role(row: RoleRow) -> Role:
    return Role(
        id=row.id,
        name=row.name,
        focus=row.focus,
        combines=tuple(row.combines),
        default=row.is_default,
        fallback=row.is_fallback,
        usual_cover=UsualCover.model_validate(row.usual_cover) if row.usual_cover else None,
        posts=tuple(row.posts),
    )


# An entry's fields stored elsewhere than in a column of the same name: the key, the aliases' own table, and
# the citation's two columns. Every other field of `Responsibility` is a column of `ResponsibilityRow` under
# its own name, so a new field needs its column (and migration) here, and no mapping code.
_NOT_A_COLUMN = frozenset({"id", "aliases", "citation"})
_COLUMNS = tuple(name for name in Responsibility.model_fields if name not in _NOT_A_COLUMN)


def entry_values(item: Responsibility) -> dict[str, Any]:
    """An entry's columns (except its key), as `ResponsibilityRow` stores them."""
    values = item.model_dump(mode="json", include=set(_COLUMNS))
    return values | {"source_id": item.citation.source, "quote": item.citation.quote}


def _responsibility(row: ResponsibilityRow, aliases: list[str]) -> Responsibility:
    stored = {name: value for name in _COLUMNS if (value := getattr(row, name)) is not None}  # None: the default
    return Responsibility.model_validate(
        stored | {"id": row.id, "aliases": aliases, "citation": Citation(source=row.source_id, quote=row.quote)}
    )


def _next(table: type[ResponsibilityRow] | type[OrgRow]) -> Any:
    """The row's next version, computed by the database from the version it holds when it writes."""
    return table.version + 1


_Listed = TypeVar("_Listed", RoleRow, SourceRow)  # the tables `_sync` keeps in the knowledge base's order


def _sync(session: Session, table: type[_Listed], wanted: dict[str, dict[str, Any]]) -> None:
    """Updates and inserts rows so `table` holds `wanted`, in order (`_drop_unused` drops the others)."""
    existing = {found.id: found for found in session.scalars(select(table))}
    for position, (key, values) in enumerate(wanted.items()):
        row = existing.get(key) or table(id=key)
        for name, value in {**values, "position": position}.items():
            setattr(row, name, value)
        session.add(row)
    session.flush()


def _drop_unused(session: Session, table: type[_Listed], wanted: dict[str, Any], named_by: Any) -> None:
    """Deletes the rows of `table` not in `wanted` that no stored entry names in its `named_by` column."""
    named: set[str] = set(session.scalars(select(named_by).distinct()))
    session.execute(delete(table).where(table.id.not_in([*wanted, *named])))


def _without_empty(values: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v not in (None, [], "")}
