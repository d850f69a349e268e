"""What an entry page and the sources page show: one responsibility in full, and the articles behind them all.

No Flask here (the web views only render these). An entry page is where an answer that cites the article
without a public address links to, so it carries everything the answer does: who owns the topic in this
organisation and how the settings got there (`resolve_owner`'s route and steps), the reasoning, the
verbatim quote and the article.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answer import Engine
from bot.core.consult import Consulted, consulted_roles
from bot.core.models import Responsibility, Role, Source
from bot.core.org import OrgSettings
from bot.core.resolve import Owner, resolve_owner

NEIGHBOURS = 5
NEIGHBOUR_MIN_SCORE = 0.08  # below this the matcher's neighbours share a common word, not a subject
SAME_SOURCE = 6


@dataclass(frozen=True)
class Related:
    item: Responsibility
    role: str  # who owns it in this organisation


@dataclass(frozen=True)
class EntryView:
    item: Responsibility
    owner: Owner
    owner_role: Role
    usual_role: Role
    shared_with: tuple[Role, ...]
    consult: tuple[Consulted, ...]  # the roles to consult on it in this organisation
    source: Source
    specialist_source: Source | None  # the article the specialist's quote comes from
    neighbours: tuple[Related, ...]  # the topics a question about this one comes closest to
    same_source: tuple[Related, ...]  # a few other entries citing the same article
    source_entries: int  # how many entries cite the article in all


def build_entry(engine: Engine, org: OrgSettings, responsibility_id: str) -> EntryView | None:
    """The page for an active responsibility, or None (a 404) for an unknown or retired id."""
    item = engine.responsibility(responsibility_id)
    if item is None:
        return None
    kb = engine.kb
    citing = [other for other in kb.active if other.citation.source == item.citation.source and other != item]
    owner = resolve_owner(kb, org, item)
    return EntryView(
        item=item,
        owner=owner,
        owner_role=kb.role(owner.role),
        usual_role=kb.role(item.owner),
        shared_with=tuple(kb.role(rid) for rid in item.shared_with),
        consult=consulted_roles(org, item, owner.role),
        source=kb.source(item.citation.source),
        specialist_source=kb.source(item.specialist.citation.source) if item.specialist else None,
        neighbours=_related(engine, org, _neighbours(engine, item)),
        same_source=_related(engine, org, citing[:SAME_SOURCE]),
        source_entries=len(citing) + 1,
    )


def _related(engine: Engine, org: OrgSettings, items: list[Responsibility]) -> tuple[Related, ...]:
    return tuple(Related(item, resolve_owner(engine.kb, org, item).role) for item in items)


def _neighbours(engine: Engine, item: Responsibility) -> list[Responsibility]:
    """Entries a question worded like this one's title and aliases also matches, closest first."""
    _, matches = engine.matcher.match(" ".join((item.title, *item.aliases)), limit=NEIGHBOURS + 1)
    found = (engine.responsibility(m.responsibility_id) for m in matches if m.score >= NEIGHBOUR_MIN_SCORE)
    return [other for other in found if other is not None and other.id != item.id][:NEIGHBOURS]


@dataclass(frozen=True)
class SourceView:
    source: Source
    entries: tuple[Responsibility, ...]
    roles: tuple[Role, ...] = ()  # roles whose usual cover (who takes their work where they are absent) it backs


def build_sources(engine: Engine) -> tuple[SourceView, ...]:
    """Every article, in the knowledge base's order, with every active entry and role that cites it."""
    kb = engine.kb
    return tuple(
        SourceView(
            source,
            tuple(item for item in kb.active if source.id in item.sources_cited),
            tuple(role for role in kb.roles if source.id in _cover_sources(role)),
        )
        for source in kb.sources
    )


def _cover_sources(role: Role) -> set[str]:
    return {c.source for c in role.usual_cover.citations} if role.usual_cover else set()
