"""Who to consult on a topic besides the one accountable role, resolved for one organisation.

The knowledge base gives some roles a hand in a topic (`shared_with`, each with its part in a few words in
`shared_parts`); a workspace's override can replace that list. Each consulted role is resolved like an
owner would be (a consulted CTO in a CPTO organisation is the CPTO) except that an absent role nobody
covers is dropped rather than sent to the fallback, and the accountable role is never consulted on its own
topic. Two roles that land on the same present role are consulted once, with the first one's part.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.models import Responsibility
from bot.core.org import OrgSettings
from bot.core.resolve import resolve_role

DEFAULT_PART = "has a hand in it"
USUAL_OWNER_PART = "usually owns it, so keep them in the loop"  # the owner a specialist takes the topic from


@dataclass(frozen=True)
class Consulted:
    role: str  # the role consulted in this organisation
    holder: str | None
    why: str  # its part, in a few words
    usual: str  # the role the knowledge base (or the override) names; differs from `role` when covered


def consulted_roles(org: OrgSettings, item: Responsibility, accountable: str) -> tuple[Consulted, ...]:
    """The roles to consult on `item` here, in the order the knowledge base lists them; first, where the
    entry's specialist owns it (a CMO's market research), the role that owns it in companies without one
    (the CPO, who still builds on it), unless the organisation decided who owns the topic itself."""
    override = org.override_for(item.id)
    wanted = override.consult if override is not None and override.consult is not None else item.shared_with
    found: dict[str, Consulted] = {}
    specialist = item.specialist
    if override is None and specialist is not None and specialist.role == accountable and org.has(accountable):
        usual = resolve_role(org, item.owner)
        if usual is not None and usual != accountable:
            found[usual] = Consulted(usual, org.holder(usual), USUAL_OWNER_PART, item.owner)
    for usual in wanted:
        role = resolve_role(org, usual)
        if role is None or role == accountable or role in found:
            continue
        found[role] = Consulted(role, org.holder(role), item.shared_parts.get(usual, DEFAULT_PART), usual)
    return tuple(found.values())
