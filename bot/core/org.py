"""An organisation's settings: which roles it has, who holds them, who covers whom, local overrides.

One per Slack workspace (the CLI reads one from a file). Checked against the knowledge base's roles and
topics before anything uses them, with problems that name the field: `roles.CPTO.covers[1]: unknown
role 'CXO'`. An override's free-text topic is bound to a responsibility id when the settings are checked,
so a typo in a topic is refused up front instead of silently never matching.
"""

from __future__ import annotations

import copy
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from bot.core.decision import ANSWER_THRESHOLD
from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase, Name, RoleId, Text
from bot.core.problems import InvalidInput, Loc, Problem, from_validation_error, means, raise_if_any

SlackUserId = Annotated[
    str, StringConstraints(pattern=means(r"^[UW][A-Z0-9]{2,20}$", "a Slack user id looks like U0ABC123"))
]
MAX_OVERRIDE_TOPIC = 120  # as long as a topic's title
MAX_OVERRIDE_REASON = 500  # shown with every answer about the topic


class Seat(BaseModel):
    """A role as this organisation has it: who sits in it and which absent roles it stands in for."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    holder: SlackUserId | None = None
    covers: tuple[RoleId, ...] = ()


class Override(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    topic: Annotated[Text, StringConstraints(max_length=MAX_OVERRIDE_TOPIC)]
    role: RoleId
    reason: Annotated[Text, StringConstraints(max_length=MAX_OVERRIDE_REASON)] | None = None
    consult: tuple[RoleId, ...] | None = None  # replaces the knowledge base's roles to consult; () = nobody
    responsibility: str | None = None  # the id the topic was bound to; filled in by `check_org`


class OrgSettings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: Name | None = None
    roles: dict[RoleId, Seat]
    fallback: RoleId | None = None  # None: the knowledge base's fallback role; `check_org` fills it in
    overrides: tuple[Override, ...] = ()
    admins: tuple[SlackUserId, ...] = ()
    digest: bool = True  # the weekly digest DM to the workspace's admins

    def has(self, role_id: str) -> bool:
        return role_id in self.roles

    def holder(self, role_id: str) -> str | None:
        seat = self.roles.get(role_id)
        return seat.holder if seat else None

    def coverer(self, role_id: str) -> str | None:
        """The present role that covers `role_id`, if any (the first one listed wins)."""
        return next((rid for rid, seat in self.roles.items() if role_id in seat.covers), None)

    def override_for(self, responsibility_id: str) -> Override | None:
        return next((o for o in self.overrides if o.responsibility == responsibility_id), None)


def default_org(kb: KnowledgeBase) -> OrgSettings:
    """The organisation of a workspace with no settings saved: the knowledge base's default roles."""
    return OrgSettings(name=None, roles={r: Seat() for r in kb.default_roles}, fallback=kb.fallback_role)


def check_org(data: Any, kb: KnowledgeBase, matcher: Matcher) -> OrgSettings:
    """Validated settings with every override bound to a responsibility, or `InvalidInput` with every problem:
    those of the values' shapes (a malformed user id) and, checked on the rest, those of their meaning (a
    role covering itself), so one round of fixes is enough."""
    try:
        org, problems = OrgSettings.model_validate(data), []
    except ValidationError as error:
        problems = from_validation_error(error)
        valid = _without(data, [p.loc for p in problems])
        if valid is None:
            raise InvalidInput(problems) from None
        org = valid
    if org.fallback is None:
        org = org.model_copy(update={"fallback": kb.fallback_role})
    known = {r.id for r in kb.roles}
    for role_id, seat in org.roles.items():
        if role_id not in known:
            problems.append(Problem(("roles", role_id), f"unknown role {role_id!r}"))
        for index, covered in enumerate(seat.covers):
            if covered not in known:
                problems.append(Problem(("roles", role_id, "covers", index), f"unknown role {covered!r}"))
            elif covered == role_id:
                problems.append(Problem(("roles", role_id, "covers", index), f"the {role_id} can't cover itself"))
    if org.fallback not in org.roles:
        problems.append(Problem(("fallback",), f"{org.fallback!r} is not one of this organisation's roles"))
    bound = []
    first_for: dict[str, int] = {}  # one override per topic: a second could only contradict the first
    for index, override in enumerate(org.overrides):
        if override.role not in org.roles:
            problems.append(
                Problem(("overrides", index, "role"), f"{override.role!r} is not one of this organisation's roles")
            )
        for j, consulted in enumerate(override.consult or ()):
            if consulted not in known:
                problems.append(Problem(("overrides", index, "consult", j), f"unknown role {consulted!r}"))
        if override.responsibility is not None:  # bound when saved: it never moves to another entry
            responsibility = override.responsibility if _is_active(override.responsibility, kb) else None
            if responsibility is None:
                message = f"the topic {override.responsibility!r} it was saved for is retired or gone"
                problems.append(Problem(("overrides", index, "topic"), message))
        else:
            responsibility = bind_topic(override.topic, kb, matcher)
            if responsibility is None:
                problems.append(Problem(("overrides", index, "topic"), _no_topic_message(override.topic, matcher)))
        if responsibility in first_for:
            earlier = org.overrides[first_for[responsibility]]
            message = f"the topic {matcher.title(responsibility)!r} already has an override (→ {earlier.role})"
            problems.append(Problem(("overrides", index, "topic"), message + ": remove that one first"))
        elif responsibility is not None:
            first_for[responsibility] = index
        bound.append(override.model_copy(update={"responsibility": responsibility}))
    raise_if_any(problems)
    return org.model_copy(update={"overrides": tuple(bound)})


def _without(data: Any, locs: list[Loc]) -> OrgSettings | None:
    """The settings left once the values at `locs` are taken out, if that leaves valid settings."""
    pruned = copy.deepcopy(data)
    for loc in sorted(locs, key=lambda loc: [(isinstance(p, str), p) for p in loc], reverse=True):  # last first
        *path, last = (loc[:-1] if loc[-1:] == ("[key]",) else loc) or (None,)  # a bad key: the entry goes
        parent = pruned
        for part in path:
            parent = _child(parent, part)
        if last is not None:
            _remove(parent, last)
    try:
        return OrgSettings.model_validate(pruned)
    except ValidationError:
        return None


def _child(container: object, key: str | int) -> Any:
    """`container[key]` when `container` is a dict or list that holds `key`, else None."""
    if isinstance(container, dict):
        return container.get(key)
    if isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
        return container[key]
    return None


def _remove(container: object, key: str | int) -> None:
    """Deletes `container[key]` when `container` is a dict or list that holds `key`."""
    if isinstance(container, dict):
        container.pop(key, None)
    elif isinstance(container, list) and isinstance(key, int) and 0 <= key < len(container):
        del container[key]


def bind_topic(topic: str, kb: KnowledgeBase, matcher: Matcher) -> str | None:
    """A responsibility id named directly, or the one a question about `topic` confidently matches."""
    if _is_active(topic, kb):
        return topic
    _, matches = matcher.match(topic, limit=1)
    return matches[0].responsibility_id if matches and matches[0].score >= ANSWER_THRESHOLD else None


def _is_active(responsibility_id: str | None, kb: KnowledgeBase) -> bool:
    return any(r.id == responsibility_id and not r.retired for r in kb.responsibilities)


def _no_topic_message(topic: str, matcher: Matcher) -> str:
    closest = ", ".join(repr(matcher.title(rid)) for rid in matcher.closest_titles(topic))
    return f"no topic in the knowledge base matches {topic!r}" + (f" (closest: {closest})" if closest else "")
