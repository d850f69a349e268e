"""What the role map on the knowledge-base web pages shows, and what its search box finds.

No Flask here: the web views fetch the engine and a workspace's settings and render these plain objects,
so the map is tested without a browser. Every cell comes from the same `resolve_owner` the bot answers
with, and the search runs the bot's own matchers (`Engine.rank`, lexical then semantic), so the page and
the bot never disagree.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from bot.core.answer import Engine, TopicRef
from bot.core.consult import Consulted, consulted_roles
from bot.core.decision import ANSWER_THRESHOLD
from bot.core.models import Responsibility, Role
from bot.core.org import OrgSettings
from bot.core.resolve import Owner, Route, resolve_owner

SEARCH_LIMIT = 8
CLOSEST = 3


@dataclass(frozen=True)
class Column:
    """One of the organisation's roles, as a column of the map and a line of its legend."""

    role: Role
    holder: str | None
    covers: tuple[str, ...]


@dataclass(frozen=True)
class Cell:
    mark: str | None  # the owner's route ("owner", "covered", "usual_cover", …), "shared" or None
    label: str
    note: str


@dataclass(frozen=True)
class Row:
    item: Responsibility
    owner: Owner
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Group:
    """The topics a role owns in most companies: the map's row groups, in the knowledge base's role order."""

    role: Role
    rows: tuple[Row, ...]

    @property
    def takers(self) -> tuple[str, ...]:
        """The roles that own this group's topics in the organisation, most topics first."""
        counts: dict[str, int] = {}
        for row in self.rows:
            counts[row.owner.role] = counts.get(row.owner.role, 0) + 1
        return tuple(sorted(counts, key=lambda role: -counts[role]))


@dataclass(frozen=True)
class RoleMap:
    org: OrgSettings
    columns: tuple[Column, ...]
    groups: tuple[Group, ...]

    @property
    def topics(self) -> int:
        return sum(len(group.rows) for group in self.groups)

    @property
    def present(self) -> tuple[Group, ...]:
        """Groups of the roles this organisation has: shown open."""
        return tuple(g for g in self.groups if self.org.has(g.role.id))

    @property
    def absent(self) -> tuple[Group, ...]:
        """Groups of the roles it does not have (a CFO in a four-role company): collapsed under who takes them."""
        return tuple(g for g in self.groups if not self.org.has(g.role.id))

    @property
    def changed(self) -> int:
        """How many topics this organisation's own decisions give to another role: its overrides, and its
        fallback for work no role it has takes. A role covering another (a CPTO for the CTO and the CPO), or
        standing in where a company lacks a role, is how most companies work, so it does not count."""
        decided = (Route.OVERRIDE, Route.FALLBACK)
        return sum(row.owner.route in decided for group in self.groups for row in group.rows)


def build_role_map(engine: Engine, org: OrgSettings) -> RoleMap:
    kb = engine.kb
    columns = tuple(Column(kb.role(rid), seat.holder, seat.covers) for rid, seat in org.roles.items())
    groups = []
    for role in kb.roles:
        items = [item for item in kb.active if item.owner == role.id]
        if items:
            groups.append(Group(role, tuple(_row(engine, org, columns, item) for item in items)))
    return RoleMap(org, columns, tuple(groups))


def _row(engine: Engine, org: OrgSettings, columns: tuple[Column, ...], item: Responsibility) -> Row:
    owner = resolve_owner(engine.kb, org, item)
    consulted = {c.role: c for c in consulted_roles(org, item, owner.role)}
    return Row(item, owner, tuple(_cell(item, owner, column.role.id, consulted) for column in columns))


def _cell(item: Responsibility, owner: Owner, role_id: str, consulted: dict[str, Consulted]) -> Cell:
    if role_id == owner.role:
        label = {
            Route.OWNER: "owns",
            Route.SPECIALIST: "owns as specialist",
            Route.COVERED: f"covers {item.owner}",
            Route.USUAL_COVER: f"takes {item.owner}'s",
            Route.OVERRIDE: "override",
            Route.FALLBACK: "fallback",
        }[owner.route]
        return Cell(owner.route.value, label, " ".join(owner.steps))
    if role_id in consulted:
        why = consulted[role_id].why
        covering = f" (standing in for the {consulted[role_id].usual})" if consulted[role_id].usual != role_id else ""
        return Cell("shared", "shares", f"Consult the {role_id}{covering}: {why}. {item.shared_note or ''}".strip())
    return Cell(None, "", "")


@dataclass(frozen=True)
class Hit:
    id: str
    title: str
    score: float
    matched: str  # the title or alias that matched best
    role: str  # who owns it in this organisation


@dataclass(frozen=True)
class Search:
    """Topics a search matches as confidently as the bot needs to answer, best first, or the closest ones."""

    query: str
    topic: str
    hits: tuple[Hit, ...]
    closest: tuple[TopicRef, ...]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(hit.id for hit in self.hits)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "topic": self.topic,
            "threshold": ANSWER_THRESHOLD,
            "matches": [asdict(hit) for hit in self.hits],
            "closest": [ref.model_dump() for ref in self.closest],
        }


def search(engine: Engine, org: OrgSettings, query: str) -> Search:
    ranking = engine.rank(query, limit=SEARCH_LIMIT)
    hits = []
    for match in ranking.matches:
        item = engine.responsibility(match.responsibility_id)
        if item is not None and match.score >= ANSWER_THRESHOLD:
            role = resolve_owner(engine.kb, org, item).role
            hits.append(Hit(item.id, item.title, match.score, match.matched, role))
    # the bot's "closest topics I know"; a search box gets topics even for words the bot would call off-topic
    closest = () if hits else (tuple(engine.answer(query, org).suggestions) or closest_topics(engine, query))
    return Search(query, ranking.query.topic, tuple(hits), closest)


def closest_topics(engine: Engine, text: str) -> tuple[TopicRef, ...]:
    """Topics whose titles or aliases look most like `text`: "did you mean" on the page for an unknown id."""
    ids = engine.matcher.closest_titles(text, CLOSEST)
    return tuple(TopicRef(id=rid, title=engine.matcher.title(rid)) for rid in ids)
