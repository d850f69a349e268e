"""What moves if the organisation changes: every topic whose owner differs between two resolutions.

One function answers all the "what moves if…" questions: a restructure the assessment recommends, new
settings or an override an admin is about to save, a knowledge-base file about to be imported, two
settings files side by side. Each side is a knowledge base and an organisation resolved against it;
a topic moves when both sides know it (active) and `resolve_owner` names another role. The reasoning of
both resolutions comes along, so a move can always say why.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.core.models import KnowledgeBase
from bot.core.org import OrgSettings
from bot.core.resolve import resolve_owner


@dataclass(frozen=True)
class Side:
    """One resolution: a knowledge base and an organisation checked against it."""

    kb: KnowledgeBase
    org: OrgSettings


@dataclass(frozen=True)
class Move:
    """A topic whose owner differs, with both resolutions' sentences (`resolve_owner`'s steps)."""

    topic: str  # the responsibility id
    title: str
    from_role: str
    to_role: str
    before: tuple[str, ...]
    after: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"id": self.topic, "topic": self.title, "from": self.from_role, "to": self.to_role}


def owner_moves(before: Side, after: Side) -> list[Move]:
    """Every active topic both sides know whose owning role differs, in the knowledge base's order."""
    known = {r.id: r for r in before.kb.active}
    moves = []
    for item in after.kb.active:
        earlier = known.get(item.id)
        if earlier is None:
            continue
        old, new = resolve_owner(before.kb, before.org, earlier), resolve_owner(after.kb, after.org, item)
        if old.role != new.role:
            moves.append(Move(item.id, item.title, old.role, new.role, old.steps, new.steps))
    return moves


def count_by(moves: list[Move], *, side: str) -> list[tuple[str, int]]:
    """How many moves leave (`side="from"`) or reach (`"to"`) each role, most first, then by role."""
    counts = Counter(m.from_role if side == "from" else m.to_role for m in moves)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def topics(n: int) -> str:
    return f"{n} topic" if n == 1 else f"{n} topics"


def moves_sentence(moves: list[Move]) -> str:
    """ "44 topics change hands: 19 from the CTO to the CPTO, 25 from the CPO to the CPTO"."""
    if not moves:
        return "No topic changes hands."
    pairs = Counter((m.from_role, m.to_role) for m in moves)
    parts = [f"{n} from the {a} to the {b}" for (a, b), n in sorted(pairs.items(), key=lambda p: (-p[1], p[0]))]
    return f"{topics(len(moves))} {'changes' if len(moves) == 1 else 'change'} hands: " + ", ".join(parts) + "."


def fingerprint(moves: list[Move]) -> str:
    """A short digest of which topics move where: a confirmation holds for exactly the moves it showed."""
    text = "\n".join(sorted(f"{m.topic} {m.from_role} {m.to_role}" for m in moves))
    return hashlib.sha256(text.encode()).hexdigest()[:16]
