"""Builds a `KnowledgeBase` from plain data and checks what one field alone cannot: references.

An owner must be a known role, a citation a known source, ids unique, and a title or alias belongs to
one active entry only (the matcher could not tell two apart). The same checks serve a file, an import
and an admin's form, so all three refuse the same things. Problems carry the field path
(`responsibilities[3].owner`), which the YAML loader turns into a file and line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import ValidationError

from bot.core.models import KnowledgeBase, Responsibility, Role
from bot.core.normalise import words
from bot.core.problems import InvalidInput, Problem, from_validation_error, raise_if_any

# Ids the web pages use for their own routes (/kb/sources): an entry with one of them would be unreachable.
RESERVED_IDS = frozenset({"sources", "search"})


def build_knowledge_base(data: dict[str, Any]) -> KnowledgeBase:
    try:
        kb = KnowledgeBase.model_validate(data)
    except ValidationError as error:
        raise InvalidInput(from_validation_error(error)) from None
    raise_if_any(check_knowledge(kb))
    return kb


def check_knowledge(kb: KnowledgeBase) -> list[Problem]:
    problems = _duplicates("roles", [r.id for r in kb.roles])
    problems += _duplicates("sources", [s.id for s in kb.sources])
    problems += _duplicates("responsibilities", [r.id for r in kb.responsibilities])
    role_ids = {r.id for r in kb.roles}
    source_ids = {s.id for s in kb.sources}
    for index, role in enumerate(kb.roles):
        for j, combined in enumerate(role.combines):
            if combined not in role_ids:
                problems.append(Problem(("roles", index, "combines", j), f"unknown role {combined!r}"))
        for j, cover in enumerate(role.usual_cover.by if role.usual_cover else ()):
            if cover not in role_ids or cover == role.id:
                message = "a role cannot cover itself" if cover == role.id else f"unknown role {cover!r}"
                problems.append(Problem(("roles", index, "usual_cover", "by", j), message))
        for j, citation in enumerate(role.usual_cover.citations if role.usual_cover else ()):
            if citation.source not in source_ids:
                loc = ("roles", index, "usual_cover", "citations", j, "source")
                problems.append(Problem(loc, f"unknown source {citation.source!r}"))
        if role.fallback and not role.default:
            problems.append(Problem(("roles", index, "fallback"), "the fallback role must also be a default role"))
    fallbacks = [r.id for r in kb.roles if r.fallback]
    if len(fallbacks) != 1:
        found = ", ".join(fallbacks) or "none"
        problems.append(Problem(("roles",), f"exactly one role must be the fallback (found: {found})"))
    for index, item in enumerate(kb.responsibilities):
        if item.id in RESERVED_IDS:
            problems.append(Problem(("responsibilities", index, "id"), f"{item.id!r} is reserved for the web pages"))
        if item.owner not in role_ids:
            problems.append(Problem(("responsibilities", index, "owner"), f"unknown role {item.owner!r}"))
        for j, other in enumerate(item.shared_with):
            if other not in role_ids:
                problems.append(Problem(("responsibilities", index, "shared_with", j), f"unknown role {other!r}"))
        if item.citation.source not in source_ids:
            problems.append(
                Problem(("responsibilities", index, "citation", "source"), f"unknown source {item.citation.source!r}")
            )
        if item.specialist is not None:
            if item.specialist.role not in role_ids:
                at = ("responsibilities", index, "specialist", "role")
                problems.append(Problem(at, f"unknown role {item.specialist.role!r}"))
            if item.specialist.citation.source not in source_ids:
                cited = ("responsibilities", index, "specialist", "citation", "source")
                problems.append(Problem(cited, f"unknown source {item.specialist.citation.source!r}"))
    return problems + name_clashes(kb) + post_clashes(kb.roles)


def post_clashes(roles: Sequence[Role]) -> list[Problem]:
    """Each post (`Role.posts`) that another role already names, as a post or as its own id or name: a
    duty that names it would be two roles' work; and each that is only common words ("the", "a"), which
    would name the role in every sentence."""
    named = {name.casefold(): role.id for role in roles for name in (role.id, *role.names)}
    problems = []
    for index, role in enumerate(roles):
        for j, post in enumerate(role.posts):
            other = named.setdefault(post.casefold(), role.id)
            if other != role.id:
                problems.append(Problem(("roles", index, "posts", j), f"“{post}” already names the {other}"))
            elif not words(post.casefold()):
                problems.append(Problem(("roles", index, "posts", j), f"“{post}” is only common words, no job title"))
    return problems


def name_clashes(kb: KnowledgeBase) -> list[Problem]:
    """Each title or alias of an active entry that an earlier active entry already has."""
    used: dict[str, Responsibility] = {}
    problems = []
    for index, item in enumerate(kb.responsibilities):
        if item.retired:
            continue
        names = [(("title",), item.title), *((("aliases", j), alias) for j, alias in enumerate(item.aliases))]
        for loc, name in names:
            other = used.get(name.casefold())
            if other is not None and other.id != item.id:
                message = f"“{name}” already belongs to “{other.title}”"
                problems.append(Problem(("responsibilities", index, *loc), message))
        for _, name in names:
            used.setdefault(name.casefold(), item)
    return problems


def _duplicates(section: str, ids: list[str]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for index, item in enumerate(ids):
        if item in seen:
            problems.append(Problem((section, index, "id"), f"id {item!r} is used twice"))
        seen.add(item)
    return problems
