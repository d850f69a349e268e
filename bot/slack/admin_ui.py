"""What every admin listener shares: who is acting (from `users.info`) and the admin modals, built fresh.

Each modal is built from the database as it is now, so it opens at the current version; the admin
services check permission and version again when it is saved.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from bot.core.clock import utcnow
from bot.core.holders import Suggestion
from bot.services.admin import Actor, ResponsibilityDraft, RoleDraft
from bot.slack.actors import actor_from_users_info
from bot.slack.blocks.admin_forms import (
    FormMetadata,
    build_override_modal,
    build_role_modal,
    build_settings_modal,
    build_topic_modal,
)
from bot.slack.blocks.admin_lists import build_menu_modal
from bot.slack.blocks.reviews import due_blocks
from bot.slack.people import names_of
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
ACK_CHECK_SECONDS = 1.5  # users.info inside an acknowledgement, which Slack allows 3 s in all


def quick_client(client: WebClient) -> WebClient:
    """The same client, asking once, briefly, with no retry: for Web API calls inside an acknowledgement."""
    # type: ignore: slack_sdk annotates `timeout` as int, but only hands it to urllib, which takes a float.
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=ACK_CHECK_SECONDS,  # type: ignore[arg-type]
        retry_handlers=[],
    )


def actor_for(client: WebClient, team_id: str | None, user_id: str, *, in_ack: bool = False) -> Actor:
    """The person as the admin services see them; if Slack cannot say, they count as no workspace admin.

    `in_ack`: asked once, briefly, with no retry, so a rate limit (Retry-After) or a slow Web API cannot
    hold up an acknowledgement; if Slack does not answer in time the save is refused, not left hanging.
    """
    if in_ack:
        client = quick_client(client)
    try:
        info = client.users_info(user=user_id).data
    except WEB_API_FAILURES as error:
        log.warning("users.info failed (team %s, user %s): %s", team_id, user_id, error)
        info = None
    return actor_from_users_info(team_id or "", user_id, info if isinstance(info, dict) else None)


def menu_view(deps: Deps, team_id: str, *, notice: str | None = None, page: int = 0) -> View:
    org, version = deps.admin.org.open(team_id)
    names = names_of(deps, team_id, [seat.holder for seat in org.roles.values() if seat.holder])
    return build_menu_modal(org, version=version, notice=notice, page=page, due=due_review(deps), names=names)


def due_review(deps: Deps) -> list[Block]:
    """The topics due a review, with their buttons, as the menu and the Home tab list them."""
    now = utcnow()
    return due_blocks(deps.admin.reviews.due(now=now), days=deps.knowledge.freshness().days, now=now)


def settings_view(
    deps: Deps,
    team_id: str,
    *,
    notice: str | None = None,
    ticked: list[str] | None = None,
    version: int | None = None,
    filled: dict[str, str] | None = None,
    suggestions: list[Suggestion] | None = None,
) -> View:
    """The settings form; redrawn as roles are ticked, it keeps the `version` it was first opened at.
    Suggested holders: `suggestions`, else those the cached profiles give (no Slack call: a trigger waits)."""
    org, current = deps.admin.org.open(team_id)
    roles = deps.knowledge.engine().kb.roles
    version = current if version is None else version
    suggestions = deps.holders.suggestions(team_id) if suggestions is None else suggestions
    return build_settings_modal(
        org, roles=roles, version=version, notice=notice, ticked=ticked, suggestions=suggestions, filled=filled
    )


def override_view(deps: Deps, team_id: str) -> View:
    org, version = deps.admin.org.open(team_id)
    return build_override_modal(org, roles=deps.knowledge.engine().kb.roles, version=version)


def topic_view(deps: Deps, *, topic_id: str | None = None, gap: str | None = None, notice: str | None = None) -> View:
    """The editor for an entry as it is now, or for a new one (started from an unanswered question)."""
    roles = deps.knowledge.engine().kb.roles
    if topic_id is None:
        draft = ResponsibilityDraft(title=(gap or "")[:1].upper() + (gap or "")[1:120], aliases=(gap,) if gap else ())
        return build_topic_modal(draft, roles=roles, metadata=FormMetadata(gap=gap), notice=notice)
    draft, version = deps.admin.responsibilities.open(topic_id)
    metadata = FormMetadata(topic=topic_id, version=version)
    return build_topic_modal(draft, roles=roles, metadata=metadata, notice=notice)


def role_view(deps: Deps) -> View:
    return build_role_modal(RoleDraft(), roles=deps.knowledge.engine().kb.roles)
