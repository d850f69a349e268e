"""The organisation as the assessment recommends it, and what moves to get there.

`combine`: the CPTO takes the seats of the roles it combines (`combines` in roles.yaml: the CTO and the
CPO) — their cover, the fallback and the overrides they held go with them, and nobody else covers them
any more. `separate`: a CPO and a CTO; a CPTO's seat is split between them (an override it held goes to
the topic's own owner when that is one of the two, else to the first of them; its cover to the first).
`borderline` recommends no structure, so nothing moves. Holders are left empty: the new seats are
nobody's until an admin names someone.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.assess import Assessment, TopicMove
from bot.core.models import KnowledgeBase
from bot.core.moves import Move, Side, count_by, owner_moves, topics
from bot.core.org import OrgSettings, Override, Seat

COMBINED = "CPTO"
VERBS = {"combine": "Combining into a CPTO", "separate": "Splitting into a CPO and a CTO"}


@dataclass(frozen=True)
class Restructure:
    """What a recommended shape moves in one organisation, with the sentence that sums it up."""

    shape: str
    moves: list[Move]
    summary: str


def restructure(kb: KnowledgeBase, org: OrgSettings, shape: str) -> OrgSettings:
    """`org` reshaped as `shape` says; any other shape (borderline) leaves it as it is."""
    parts = kb.role(COMBINED).combines
    if shape == "combine" and not org.has(COMBINED):
        return _merge(org, parts)
    if shape == "separate" and (org.has(COMBINED) or not all(org.has(p) for p in parts)):
        return _split(kb, org, parts)
    return org


def what_moves(kb: KnowledgeBase, org: OrgSettings, shape: str) -> Restructure:
    moves = owner_moves(Side(kb, org), Side(kb, restructure(kb, org, shape)))
    return Restructure(shape=shape, moves=moves, summary=summarise(shape, moves))


def with_moves(result: Assessment, kb: KnowledgeBase, org: OrgSettings) -> Assessment:
    """The assessment with what its recommendation moves in `org` (`moves`, `moves_summary`)."""
    found = what_moves(kb, org, result.recommendation)
    moves = [TopicMove.model_validate(m.to_json()) for m in found.moves]
    return result.model_copy(update={"moves": moves, "moves_summary": found.summary})


def summarise(shape: str, moves: list[Move]) -> str:
    """ "Combining into a CPTO moves 44 topics: 19 from the CTO, 25 from the CPO"."""
    verb = VERBS.get(shape)
    if verb is None:
        return "Borderline: no structure is recommended, so no topic moves yet."
    if not moves:
        return f"{verb} moves no topic in this organisation."
    side, word = ("from", "from") if shape == "combine" else ("to", "to")
    counts = ", ".join(f"{n} {word} the {role}" for role, n in count_by(moves, side=side))
    return f"{verb} moves {topics(len(moves))}: {counts}."


def _merge(org: OrgSettings, parts: tuple[str, ...]) -> OrgSettings:
    gone = [p for p in parts if org.has(p)]
    covers = [*parts] + [c for p in gone for c in org.roles[p].covers if c not in parts]
    roles = {rid: _without(seat, parts) for rid, seat in org.roles.items() if rid not in parts}
    roles[COMBINED] = Seat(covers=tuple(dict.fromkeys(covers)))
    overrides = tuple(o.model_copy(update={"role": COMBINED}) if o.role in parts else o for o in org.overrides)
    fallback = COMBINED if org.fallback in parts else org.fallback
    return org.model_copy(update={"roles": roles, "overrides": overrides, "fallback": fallback})


def _split(kb: KnowledgeBase, org: OrgSettings, parts: tuple[str, ...]) -> OrgSettings:
    combined = org.roles.get(COMBINED, Seat())
    taken = [c for c in combined.covers if c not in parts]
    roles = {rid: _without(seat, parts) for rid, seat in org.roles.items() if rid != COMBINED}
    for index, part in enumerate(parts):
        roles.setdefault(part, Seat(covers=tuple(taken) if index == 0 else ()))
    owners = {r.id: r.owner for r in kb.responsibilities}
    overrides = tuple(_reassign(o, owners.get(o.responsibility or ""), parts) for o in org.overrides)
    fallback = kb.fallback_role if org.fallback == COMBINED else org.fallback
    return org.model_copy(update={"roles": roles, "overrides": overrides, "fallback": fallback})


def _reassign(override: Override, owner: str | None, parts: tuple[str, ...]) -> Override:
    if override.role != COMBINED:
        return override
    return override.model_copy(update={"role": owner if owner in parts else parts[0]})


def _without(seat: Seat, roles: tuple[str, ...]) -> Seat:
    return seat.model_copy(update={"covers": tuple(c for c in seat.covers if c not in roles)})
