"""Holders that stay current: which named holders need an admin's attention, and who could hold a role.

A holder is flagged when Slack says they are deactivated, or when their profile title no longer mentions
the role they hold: its id as a word ("CTO") or its name ("Chief Technology Officer"), in any case, or
one of the roles the seat covers (a CPTO covering the CTO may be titled "CTO"). An empty title is not
flagged: many workspaces never fill titles in, and a warning for every holder there would bury the real
ones. Someone Slack has not described yet (no profile) is not flagged either.

Suggestions are people whose title mentions a role that has nobody named, or whose holder is flagged:
never a bot, a deactivated user or the present holder; the closest title first (exactly the role, then
the shortest). Pure functions of plain values: the Slack side fetches the profiles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from bot.core.models import Role
from bot.core.org import OrgSettings


@dataclass(frozen=True)
class Profile:
    """What Slack says of a person: the name it shows, their title, and whether they can still sign in."""

    user_id: str
    name: str
    title: str = ""
    deleted: bool = False
    bot: bool = False


class Concern(Enum):
    DEACTIVATED = "deactivated"
    TITLE = "title"  # the title no longer mentions the role


@dataclass(frozen=True)
class FlaggedHolder:
    role: str
    role_name: str
    holder: Profile
    concern: Concern


@dataclass(frozen=True)
class Suggestion:
    role: str
    role_name: str
    person: Profile


def mentions_role(title: str, roles: Iterable[Role]) -> bool:
    """True when `title` names one of `roles` by id or by name, as whole words, in any case."""
    return any(_words(phrase).search(title) for role in roles for phrase in (role.id, role.name))


def concern_for(holder: Profile | None, roles: Sequence[Role]) -> Concern | None:
    """Why a holder of the first of `roles` (the others: roles their seat covers) needs attention, if they do."""
    if holder is None:
        return None
    if holder.deleted:
        return Concern.DEACTIVATED
    if holder.title.strip() and not mentions_role(holder.title, roles):
        return Concern.TITLE
    return None


def flagged_holders(org: OrgSettings, roles: Sequence[Role], profiles: Mapping[str, Profile]) -> list[FlaggedHolder]:
    """The organisation's holders that need attention, in the knowledge base's role order."""
    flagged = []
    for role in roles:
        seat = org.roles.get(role.id)
        holder = profiles.get(seat.holder) if seat and seat.holder else None
        concern = concern_for(holder, _seat_roles(role, seat.covers if seat else (), roles))
        if holder is not None and concern is not None:
            flagged.append(FlaggedHolder(role.id, role.name, holder, concern))
    return flagged


def suggest_holders(
    org: OrgSettings, roles: Sequence[Role], people: Iterable[Profile], *, flagged: Iterable[FlaggedHolder] = ()
) -> list[Suggestion]:
    """At most one person for each of the organisation's roles that has no holder or a flagged one."""
    candidates = [p for p in people if not (p.bot or p.deleted) and p.title.strip()]
    needing = {f.role for f in flagged} | {r for r, seat in org.roles.items() if seat.holder is None}
    suggestions = []
    for role in roles:
        if role.id not in needing:
            continue
        fitting = [p for p in candidates if p.user_id != org.holder(role.id) and mentions_role(p.title, [role])]
        if fitting:
            best = min(fitting, key=lambda p: (not _is_exactly(p.title, role), len(p.title), p.name, p.user_id))
            suggestions.append(Suggestion(role.id, role.name, best))
    return suggestions


def _seat_roles(role: Role, covers: Iterable[str], roles: Sequence[Role]) -> list[Role]:
    return [role, *(r for r in roles if r.id in covers)]


def _is_exactly(title: str, role: Role) -> bool:
    return title.strip().casefold() in (role.id.casefold(), role.name.casefold())


def _words(phrase: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", re.IGNORECASE)
