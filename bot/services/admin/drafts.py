"""What an admin fills in to add or edit a responsibility, checked by the knowledge base's own models.

The draft is loose on purpose (plain strings, as a form delivers them); `check_draft` validates it by
building the core's `Responsibility` and `Source`, so the limits (title 120, quote 300 characters, a link
that is http(s)…) live in one place, and maps each problem back to the form field it came from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from bot.core.models import MAX_PART_CHARS, Responsibility, Source
from bot.core.problems import Loc, Problem, from_validation_error, raise_if_any

M = TypeVar("M", bound=BaseModel)
PLACEHOLDER_ID = "new-entry"  # stands in for ids while checking; the real ones are found when saving
DRAFTED = frozenset({"title", "aliases", "owner", "reasoning", "citation"})  # the entry's fields a draft sets
CONSULTED = frozenset({"shared_with", "shared_parts"})  # and those it sets when it lists the roles to consult
_RESPONSIBILITY_FIELDS: dict[str, Loc] = {"citation": ("quote",)}  # the model's field -> the form's field
_SOURCE_FIELDS: dict[str, Loc] = {"title": ("source_title",), "url": ("source_url",)}


class ResponsibilityDraft(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str = ""
    aliases: tuple[str, ...] = ()
    owner: str = ""
    reasoning: str = ""
    source_title: str = ""
    source_url: str | None = None
    quote: str = ""
    consult: tuple[str, ...] | None = None  # "COO: agrees the budget", one a role; None: keep the entry's
    specialist: str | None = None  # shown, not edited: the role that owns it instead where there is one

    @classmethod
    def of(cls, item: Responsibility, source: Source) -> ResponsibilityDraft:
        """A draft holding an entry as it is, to open an editor with."""
        return cls(
            title=item.title,
            aliases=item.aliases,
            owner=item.owner,
            reasoning=item.reasoning,
            source_title=source.title,
            source_url=source.url,
            quote=item.citation.quote,
            consult=tuple(
                f"{role}: {item.shared_parts[role]}" if role in item.shared_parts else role for role in item.shared_with
            ),
            specialist=item.specialist.role if item.specialist else None,
        )


def split_aliases(text: str | None) -> tuple[str, ...]:
    """Aliases typed one a line or separated by commas, blanks dropped."""
    return tuple(part.strip() for part in re.split(r"[\n,]", text or "") if part.strip())


def check_draft(draft: ResponsibilityDraft, *, role_ids: Sequence[str]) -> tuple[Responsibility, Source]:
    """The entry and source a draft describes (with placeholder ids), or `InvalidInput` by form field."""
    problems: list[Problem] = []
    source = _build(
        Source, problems, _SOURCE_FIELDS, id=PLACEHOLDER_ID, title=draft.source_title, url=draft.source_url or None
    )
    item = _build(
        Responsibility,
        problems,
        _RESPONSIBILITY_FIELDS,
        id=PLACEHOLDER_ID,
        title=draft.title,
        owner=draft.owner.strip(),
        aliases=tuple(a.strip() for a in draft.aliases),
        reasoning=draft.reasoning,
        citation={"source": PLACEHOLDER_ID, "quote": draft.quote},
    )
    problems = [p for p in problems if p.loc != ("owner",)]
    if draft.owner.strip() not in role_ids:
        problems.append(Problem(("owner",), f"unknown role {draft.owner.strip()!r} (one of {', '.join(role_ids)})"))
    consulted = _consulted(draft, role_ids, problems)
    raise_if_any(problems)
    assert item is not None and source is not None
    if consulted is not None:
        shared_with = tuple(consulted)
        parts = {role: part for role, part in consulted.items() if part}
        item = item.model_copy(update={"shared_with": shared_with, "shared_parts": parts})
    return item, source


def _consulted(draft: ResponsibilityDraft, role_ids: Sequence[str], problems: list[Problem]) -> dict[str, str] | None:
    """The draft's roles to consult, each with its part ("" when none is given), checked line by line."""
    if draft.consult is None:
        return None
    found: dict[str, str] = {}
    for number, line in enumerate(draft.consult, start=1):
        role, _, part = (piece.strip() for piece in line.partition(":"))
        where = f"line {number} ({role or line.strip()!r})"
        if role not in role_ids:
            problems.append(Problem(("consult",), f"{where}: unknown role {role!r} (one of {', '.join(role_ids)})"))
        elif role == draft.owner.strip():
            continue  # the owner is never consulted on its own topic (as when an edit moves it there)
        elif role in found:
            problems.append(Problem(("consult",), f"{where}: {role} is listed twice"))
        elif len(part) > MAX_PART_CHARS:
            problems.append(Problem(("consult",), f"{where}: its part must be at most {MAX_PART_CHARS} characters"))
        else:
            found[role] = part
    return found


def _build(model: type[M], problems: list[Problem], fields: dict[str, Loc], **values: object) -> M | None:
    """`model` built from `values`, or None with its problems added under the form's field names."""
    try:
        return model.model_validate(values)
    except ValidationError as error:
        for problem in from_validation_error(error):
            loc = fields.get(str(problem.loc[0]), problem.loc) if problem.loc else ()
            problems.append(Problem(loc, friendly(loc, problem.message)))
        return None


def friendly(loc: Loc, message: str) -> str:
    """pydantic's wording of the common problems, said the way a form should say them."""
    if loc[:1] == ("source_url",) and "pattern" in message:
        return "must be a link starting with https:// or http://, with no spaces and none of | < >"
    if message == "String should have at least 1 character":
        return "is required"
    return re.sub(r"^String should have at most (\d+) characters?$", r"must be at most \1 characters", message)
