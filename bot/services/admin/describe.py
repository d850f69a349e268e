"""One line a change, for the history list: what changed, from what to what.

Pure functions over an audit entry's before and after, so Slack, the CLI and tests say it the same way.
`mention` writes a Slack user id the entry point's way (`<@U…>` in Slack).
"""

from __future__ import annotations

from typing import Any

from bot.services.admin.actor import Mention

Data = dict[str, Any] | None
MAX_CHARS = 280


def describe(
    *,
    entity_type: str,
    entity_id: str,
    before: Data,
    after: Data,
    reverts: int | None,
    mention: Mention = str,
    defaults: Data = None,
) -> str:
    """`defaults`: the settings a workspace has before it saves any (what a first save changed from)."""
    if entity_type == "responsibility":
        text = _responsibility(entity_id, before, after)
    elif entity_type == "role":
        role = after or before or {}
        text = f"{'added' if after else 'removed'} the role {entity_id} ({role.get('name', '?')})"
    elif entity_type == "org":
        text = _org(before or defaults or {}, after or defaults or {}, mention)
    elif entity_type == "review" and entity_id == "review-interval":
        text = f"review interval {(before or {}).get('days')} → {(after or {}).get('days')} days"
    elif entity_type == "review":
        text = f"said “{entity_id}” is still right" if reverts is None else f"put back the review of “{entity_id}”"
    else:
        text = _knowledge_base(before or {}, after or {})
    if reverts is not None:
        text = f"undid change #{reverts}: {text}"
    return text if len(text) <= MAX_CHARS else text[: MAX_CHARS - 1] + "…"


def _responsibility(entity_id: str, before: Data, after: Data) -> str:
    title = f"“{(after or before or {}).get('title', entity_id)}”"
    if before is None or (before.get("retired") and not (after or {}).get("retired")):
        return f"added {title} ({(after or {}).get('owner')})" if before is None else f"brought back {title}"
    if after is None or (after.get("retired") and not before.get("retired")):
        return f"retired {title}"
    parts = [
        f"{key} {before.get(key)} → {after.get(key)}" for key in ("title", "owner") if before.get(key) != after.get(key)
    ]
    parts += _list_change("aliases", before.get("aliases", []), after.get("aliases", []))
    parts += _list_change("shared with", before.get("shared_with", []), after.get("shared_with", []))
    if before.get("specialist") != after.get("specialist"):
        role = (after.get("specialist") or {}).get("role")
        parts.append(f"the {role} owns it where there is one" if role else "no specialist owner")
    if before.get("reasoning") != after.get("reasoning"):
        parts.append("new reasoning")
    if before.get("citation") != after.get("citation"):
        parts.append("new source or quote")
    return f"edited {title}: " + ("; ".join(parts) or "no visible change")


def _org(before: dict[str, Any], after: dict[str, Any], mention: Mention) -> str:
    parts = []
    old_roles, new_roles = before.get("roles", {}), after.get("roles", {})
    parts += _list_change("roles", list(old_roles), list(new_roles))
    for role in new_roles:
        old, new = old_roles.get(role, {}), new_roles[role]
        if old.get("holder") != new.get("holder"):
            parts.append(f"{role} held by {mention(new['holder']) if new.get('holder') else 'nobody'}")
        if old.get("covers", []) != new.get("covers", []):
            parts.append(f"{role} covers {', '.join(new.get('covers', [])) or 'nothing'}")
    if before.get("fallback") != after.get("fallback"):
        parts.append(f"fallback {before.get('fallback')} → {after.get('fallback')}")
    parts += _list_change("admins", before.get("admins", []), after.get("admins", []), mention)
    parts += _list_change("overrides", _overrides(before), _overrides(after))
    return "settings: " + ("; ".join(parts) or "no visible change")


def _overrides(data: dict[str, Any]) -> list[str]:
    return [f"“{o['topic']}” → {o['role']}" for o in data.get("overrides", [])]


def _knowledge_base(before: dict[str, Any], after: dict[str, Any]) -> str:
    old = {r["id"]: r for r in before.get("responsibilities", [])}
    new = {r["id"]: r for r in after.get("responsibilities", [])}
    changed = sum(1 for rid in new if old.get(rid) != new[rid]) + sum(1 for rid in old if rid not in new)
    return f"imported the knowledge base: {len(new)} entries, {changed} changed"


def _list_change(name: str, old: list[str], new: list[str], mention: Mention = lambda text: text) -> list[str]:
    added = [mention(x) for x in new if x not in old]
    removed = [mention(x) for x in old if x not in new]
    changes = [f"+{', '.join(added)}"] if added else []
    changes += [f"−{', '.join(removed)}"] if removed else []
    return [f"{name} {' '.join(changes)}"] if changes else []
