"""Adding a custom role (a "Chief Data Officer") to the knowledge base, as an admin does from Slack.

A role added here is one more entry of `knowledge/roles.yaml`: once it exists, a workspace ticks it in
its settings and topics move to it by changing their owner. Checked whole before anything is written, in
one transaction with its audit entry; undoing the addition removes the role again while nothing uses it.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.core.models import Role
from bot.core.problems import InvalidInput, Problem, from_validation_error, raise_if_any, within
from bot.core.validation import post_clashes
from bot.services.admin.actor import Actor
from bot.services.admin.changes import Change, Changes, Saved, Snapshot
from bot.services.admin.errors import CannotRevert
from bot.store.audit_repository import AuditEntry
from bot.store.repository import RoleUses

ENTITY = "role"
USUAL_WORK = "takes on that work"  # "…, the CTO usually takes on that work" when the admin says no more


class RoleDraft(BaseModel):
    """A new role as the form delivers it: plain strings, checked by building the core's `Role`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = ""
    name: str = ""
    focus: str = ""
    covered_by: tuple[str, ...] = ()  # who usually takes its work where a company lacks it, in order
    work: str = ""  # completes "in companies without one, the CTO usually …"
    posts: tuple[str, ...] = ()  # job titles under it ("data engineer"): a duty naming one is its work


class RoleEditor:
    def __init__(self, changes: Changes):
        self.changes = changes

    def add(self, actor: Actor, draft: RoleDraft) -> Saved:
        with self.changes.begin(actor, knowledge=True) as change:
            repo = change.store.knowledge
            role = check_role(draft, known=repo.load().roles)
            repo.add_role(role)
            audit_id = change.record(AuditEntry("role.add", ENTITY, role.id, None, role.model_dump(mode="json")))
            return Saved(entity_id=role.id, version=1, audit_id=audit_id)

    def restore(self, change: Change, role_id: str, snapshot: Snapshot, *, reverts: int) -> Saved:
        """Undoes a role's addition (`snapshot` None): refused while a topic or a workspace still uses it."""
        if snapshot is not None:
            raise CannotRevert(f"Change #{reverts} cannot be undone here.")
        repo = change.store.knowledge
        if not repo.has_role(role_id):
            raise CannotRevert(f"Change #{reverts} is already undone.")
        users = _users_of(repo.role_uses(role_id))
        if users:
            raise CannotRevert(f"The role {role_id} cannot be removed while {users} use it. Move them first.")
        before = next(r for r in repo.load().roles if r.id == role_id).model_dump(mode="json")
        repo.remove_role(role_id)
        audit_id = change.record(AuditEntry("revert", ENTITY, role_id, before, None, reverts=reverts))
        return Saved(entity_id=role_id, version=0, audit_id=audit_id)


def check_role(draft: RoleDraft, *, known: Sequence[Role]) -> Role:
    """The role a draft describes, or `InvalidInput` naming the form's fields. `known`: the roles there are."""
    problems: list[Problem] = []
    cover = {"by": draft.covered_by, "work": draft.work or USUAL_WORK} if draft.covered_by else None
    try:
        role = Role.model_validate(
            {
                "id": draft.id.strip().upper(),
                "name": draft.name,
                "focus": draft.focus,
                "usual_cover": cover,
                "posts": draft.posts,
            }
        )
    except ValidationError as error:
        problems = [_on_form(p) for p in from_validation_error(error)]
        raise InvalidInput(problems) from None
    ids = [other.id for other in known]
    if role.id in ids:
        problems.append(Problem(("id",), f"there is already a role {role.id}"))
    for index, other in enumerate(draft.covered_by):
        if other not in ids:
            problems.append(Problem(("covered_by", index), f"unknown role {other!r}"))
    problems += within(post_clashes([*known, role]), ("roles", len(known)))
    raise_if_any(problems)
    return role


def _on_form(problem: Problem) -> Problem:
    """A model problem moved to the form field it came from (`usual_cover.work` -> `work`)."""
    if problem.loc[:1] == ("usual_cover",):
        field = "covered_by" if problem.loc[1:2] == ("by",) else "work"
        return Problem((field, *problem.loc[2:]), problem.message)
    if problem.loc == ("id",):
        return Problem(("id",), "2 to 10 capital letters or digits, starting with a letter (e.g. CDO)")
    return problem


def _users_of(uses: RoleUses) -> str:
    users = [f"{uses.topics} topic(s)"] if uses.topics else []
    users += [f"{uses.workspaces} workspace(s)' settings"] if uses.workspaces else []
    return " and ".join(users)
