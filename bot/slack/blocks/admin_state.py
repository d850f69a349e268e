"""Reads what an admin submitted in a modal (`view.state.values`) into the admin services' inputs.

Block ids are field names and every element's action id is `VALUE` (a holder field filled in from a
suggestion has its own, `FILLED` and the user), so each reader looks up the one element of
`values[field]` and takes the part Slack fills for that element type.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.core.models import Role
from bot.services.admin import ResponsibilityDraft, RoleDraft, split_aliases
from bot.slack.blocks.admin_forms import FILLED, TOPIC_FIELDS, VALUE

Values = dict[str, dict[str, dict[str, Any]]]


def text_of(values: Values, block: str) -> str:
    return (_element(values, block).get("value") or "").strip()


def choice_of(values: Values, block: str) -> str:
    option = _element(values, block).get("selected_option") or {}
    return option.get("value", "")


def choices_of(values: Values, block: str) -> list[str]:
    return [o["value"] for o in _element(values, block).get("selected_options") or []]


def user_of(values: Values, block: str) -> str | None:
    return _element(values, block).get("selected_user") or None


def users_of(values: Values, block: str) -> list[str]:
    return list(_element(values, block).get("selected_users") or [])


def filled_of(values: Values) -> dict[str, str]:
    """The holder fields filled in from a suggestion, by role, with whom they show now."""
    return {
        block.removeprefix("holder_"): element["selected_user"]
        for block, elements in values.items()
        if block.startswith("holder_")
        for action_id, element in elements.items()
        if action_id.startswith(FILLED) and element.get("selected_user")
    }


def _element(values: Values, block: str) -> dict[str, Any]:
    elements = values.get(block, {})
    return elements.get(VALUE) or next(iter(elements.values()), {})


def draft_from(values: Values) -> ResponsibilityDraft:
    skip = ("aliases", "owner", "source_url", "consult")
    fields = {name: text_of(values, name) for name in TOPIC_FIELDS if name not in skip}
    return ResponsibilityDraft(
        **fields,
        consult=tuple(line for line in (text_of(values, "consult") or "").splitlines() if line.strip()),
        aliases=split_aliases(text_of(values, "aliases")),
        owner=choice_of(values, "owner"),
        source_url=text_of(values, "source_url") or None,
    )


def retire_ticked(values: Values) -> bool:
    return "retire" in choices_of(values, "retire")


def settings_from(values: Values, roles: Sequence[Role]) -> dict[str, Any]:
    """The settings a submitted settings modal sets: roles in the knowledge base's order, with their seats."""
    chosen = set(choices_of(values, "roles"))
    seats = {}
    for role in roles:
        if role.id in chosen:
            seat = {"holder": user_of(values, f"holder_{role.id}"), "covers": choices_of(values, f"covers_{role.id}")}
            seats[role.id] = {key: value for key, value in seat.items() if value}
    return {
        "roles": seats,
        "fallback": choice_of(values, "fallback"),
        "admins": users_of(values, "admins"),
        "digest": "digest" in choices_of(values, "digest"),
    }


def override_from(values: Values) -> dict[str, Any]:
    return {
        "topic": text_of(values, "topic"),
        "role": choice_of(values, "role"),
        "reason": text_of(values, "reason") or None,
        "consult": choices_of(values, "consult") or None,
    }


def role_from(values: Values) -> RoleDraft:
    return RoleDraft(
        id=text_of(values, "id"),
        name=text_of(values, "name"),
        focus=text_of(values, "focus"),
        covered_by=tuple(choices_of(values, "covered_by")),
        work=text_of(values, "work"),
        posts=split_aliases(text_of(values, "posts")),
    )
