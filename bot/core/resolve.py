"""Who owns a responsibility in one organisation, and the plain-words story of how we got there.

Order, as product design set it: an override for the responsibility wins; otherwise the entry's specialist
if the organisation has that role (market research: the CMO, where there is one); otherwise the knowledge
base's owner if the organisation has that role; otherwise a present role that covers it; otherwise the
role that usually takes that work in companies without it (the knowledge base's `usual_cover`, the first
one the organisation has or covers); otherwise the organisation's fallback role.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.core.models import KnowledgeBase, Responsibility
from bot.core.org import OrgSettings


class Route(StrEnum):
    OVERRIDE = "override"
    OWNER = "owner"
    SPECIALIST = "specialist"
    COVERED = "covered"
    USUAL_COVER = "usual_cover"
    FALLBACK = "fallback"


@dataclass(frozen=True)
class Owner:
    role: str
    holder: str | None
    route: Route
    steps: tuple[str, ...]  # sentences, in order, that explain the route
    lead: str  # the one sentence a short answer gives: why this role owns it here; it names its own roles


def resolve_owner(kb: KnowledgeBase, org: OrgSettings, item: Responsibility) -> Owner:
    """The owner here; an override's story leads with the organisation's decision, never the article's owner."""
    usual = f"{item.title} is the {item.owner}'s in most companies."
    override = org.override_for(item.id)
    if override is not None:
        decided = f"Here the {override.role} owns {in_sentence(item.title)}"
        lead = f"{decided}: {override.reason}" if override.reason else f"{decided}: your organisation decided so."
        steps = (lead, f"In most companies the {item.owner} owns it.")
        return Owner(override.role, org.holder(override.role), Route.OVERRIDE, steps, lead)
    specialist = item.specialist
    if specialist is not None and org.has(specialist.role):
        steps = (specialist.reasoning, f"In companies without a {specialist.role}, the {item.owner} owns it.")
        return Owner(specialist.role, org.holder(specialist.role), Route.SPECIALIST, steps, first_sentence(steps[0]))
    if org.has(item.owner):
        return Owner(item.owner, org.holder(item.owner), Route.OWNER, (item.reasoning,), first_sentence(item.reasoning))
    coverer = org.coverer(item.owner)
    if coverer is not None:
        step = f"Your organisation has no {item.owner}; the {coverer} covers its topics."
        return Owner(coverer, org.holder(coverer), Route.COVERED, (usual, item.reasoning, step), step)
    usual_cover = _usual_cover(kb, org, item.owner)
    if usual_cover is not None:
        role, step = usual_cover
        return Owner(role, org.holder(role), Route.USUAL_COVER, (usual, item.reasoning, step), step)
    fallback = org.fallback or kb.fallback_role
    step = (
        f"Your organisation has no {item.owner} and no role covers it, so it falls to the {fallback}, "
        "your fallback role."
    )
    return Owner(fallback, org.holder(fallback), Route.FALLBACK, (usual, item.reasoning, step), step)


def first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end < 0 else text[: end + 1]


def in_sentence(title: str) -> str:
    """A title as it reads inside a sentence: "Hosting costs" → "hosting costs", "SEO budget" unchanged."""
    if len(title) > 1 and title[0].isupper() and not title[1].isupper():
        return title[0].lower() + title[1:]
    return title


def _usual_cover(kb: KnowledgeBase, org: OrgSettings, role_id: str) -> tuple[str, str] | None:
    """The present role that usually takes an absent role's work, and the sentence that says so."""
    role = next((r for r in kb.roles if r.id == role_id), None)
    if role is None or role.usual_cover is None:
        return None
    for usual in role.usual_cover.by:
        step = (
            f"Your organisation has no {role_id}; in companies without one, the {usual} usually {role.usual_cover.work}"
        )
        if org.has(usual):
            return usual, f"{step}."
        coverer = org.coverer(usual)
        if coverer is not None:
            return coverer, f"{step}, and here the {coverer} covers the {usual}."
    return None


def role_name(kb: KnowledgeBase, role_id: str) -> str:
    return next((r.name for r in kb.roles if r.id == role_id), role_id)


def resolve_role(org: OrgSettings, role_id: str) -> str | None:
    """The role that does `role_id`'s work in this organisation: itself, the role covering it, or None.

    Unlike an owner, a role with nobody to stand in for it does not go to the fallback: asking the CEO
    about everything an absent role would have been consulted on helps nobody.
    """
    if org.has(role_id):
        return role_id
    return org.coverer(role_id)
