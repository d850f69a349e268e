"""Interactivity payloads for modals and the Home tab, as Slack sends them: submissions and clicks.

state = view_state(view, {"owner": "COO"})              # each input's initial value unless given
slack.action(view_submission(view, state, user="U0ADMIN"))
slack.action(view_action(view, action_id="admin_edit_topic", selected="pricing", user="U0ADMIN"))
slack.action(block_suggestion(view, action_id="admin_edit_topic", typed="cloud", user="U0ADMIN"))  # -> options
"""

from __future__ import annotations

from typing import Any

from tests.e2e.slack_requests import TEAM, fresh_id, fresh_ts


def view_state(view: dict[str, Any], given: dict[str, Any] | None = None) -> dict[str, Any]:
    """The `state` Slack sends with a submission: each input's initial value, or the value in `given`
    (a string for text and single selects, a list for multi-selects and checkboxes)."""
    given = given or {}
    values = {}
    for block in view["blocks"]:
        if block["type"] != "input":
            continue
        element, block_id = block["element"], block["block_id"]
        values[block_id] = {element["action_id"]: _element_state(element, given.get(block_id, _initial(element)))}
    return {"values": values}


def view_submission(view: dict[str, Any], state: dict[str, Any], *, user: str, team: str = TEAM) -> dict[str, Any]:
    return {**_interaction("view_submission", user=user, team=team), "view": {**view, "state": state}}


def view_action(
    view: dict[str, Any],
    *,
    action_id: str,
    user: str,
    value: str | None = None,
    selected: str | None = None,
    block_id: str | None = None,
    team: str = TEAM,
) -> dict[str, Any]:
    """A `block_actions` payload for a click inside a modal or the Home tab (`view` as Slack holds it)."""
    block = block_id or _block_of(view, action_id)
    action: dict[str, Any] = {"action_id": action_id, "block_id": block, "action_ts": fresh_ts()}
    if selected is not None:
        action.update(type=_element_of(view, action_id)["type"], selected_option={"value": selected})
    else:
        action.update(type="button", value=value if value is not None else _value_of(view, action_id))
    container = {"type": "view", "view_id": view["id"]}
    return {
        **_interaction("block_actions", user=user, team=team),
        "container": container,
        "view": view,
        "actions": [action],
    }


def multi_select_action(
    view: dict[str, Any], *, block_id: str, action_id: str, chosen: list[str], user: str, team: str = TEAM
) -> dict[str, Any]:
    """What a `dispatch_action` multi-select in a modal sends when its choice changes to `chosen`: the
    action, and the view with that choice in its state (every other input as initially given)."""
    state = view_state(view, {block_id: chosen})
    action = {"action_id": action_id, "block_id": block_id, "type": "multi_static_select", "action_ts": fresh_ts()}
    return {
        **_interaction("block_actions", user=user, team=team),
        "container": {"type": "view", "view_id": view["id"]},
        "view": {**view, "state": state},
        "actions": [{**action, "selected_options": [{"value": value} for value in chosen]}],
    }


def block_suggestion(
    view: dict[str, Any], *, action_id: str, typed: str, user: str, block_id: str | None = None, team: str = TEAM
) -> dict[str, Any]:
    """What Slack sends to load an `external_select`'s options as someone types `typed` into it."""
    return {
        **_interaction("block_suggestion", user=user, team=team),
        "container": {"type": "view", "view_id": view["id"]},
        "view": view,
        "action_id": action_id,
        "block_id": block_id or _block_of(view, action_id),
        "value": typed,
    }


def _interaction(kind: str, *, user: str, team: str) -> dict[str, Any]:
    return {
        "type": kind,
        "team": {"id": team, "domain": "test"},
        "user": {"id": user, "username": user.lower(), "team_id": team},
        "api_app_id": "A0WHOOWNS",
        "token": "unused",
        "trigger_id": fresh_id("trigger."),
    }


def elements(view: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(block id, element) for every interactive element: actions blocks' elements and section accessories."""
    return [
        (block.get("block_id", ""), element)
        for block in view["blocks"]
        for element in (block.get("elements", []) if block["type"] == "actions" else [block.get("accessory")])
        if element and "action_id" in element
    ]


def _block_of(view: dict[str, Any], action_id: str) -> str:
    return next(block for block, element in elements(view) if element["action_id"] == action_id)


def _element_of(view: dict[str, Any], action_id: str) -> dict[str, Any]:
    return next(element for _, element in elements(view) if element["action_id"] == action_id)


def _value_of(view: dict[str, Any], action_id: str) -> str:
    return next(element.get("value", "") for _, element in elements(view) if element["action_id"] == action_id)


def _initial(element: dict[str, Any]) -> Any:
    kind = element["type"]
    if kind == "plain_text_input":
        return element.get("initial_value", "")
    if kind == "static_select":
        return (element.get("initial_option") or {}).get("value")
    if kind in ("multi_static_select", "checkboxes"):
        return [o["value"] for o in element.get("initial_options", [])]
    if kind == "users_select":
        return element.get("initial_user")
    return list(element.get("initial_users", []))


def _element_state(element: dict[str, Any], value: Any) -> dict[str, Any]:
    kind = element["type"]
    if kind == "plain_text_input":
        return {"type": kind, "value": value or None}
    if kind == "static_select":
        return {"type": kind, "selected_option": {"value": value} if value else None}
    if kind in ("multi_static_select", "checkboxes"):
        return {"type": kind, "selected_options": [{"value": v} for v in value]}
    if kind == "users_select":
        return {"type": kind, "selected_user": value}
    return {"type": kind, "selected_users": list(value)}
