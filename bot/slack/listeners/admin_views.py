"""Saving the admin modals: settings, a topic (new, edited or retired), an override, a new role.

Each submission is saved inside the acknowledgement, so its outcome can be shown in the modal itself:
problems under their fields (`response_action: errors`, nothing saved), a newer save by someone else as
the current version to edit again, a refusal (not an admin) or the confirmation in place of the form.
Permission is checked by the admin services on every save, from a fresh `users.info`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.views import View

from bot.core.moves import fingerprint
from bot.core.org import Override
from bot.core.problems import InvalidInput, Loc
from bot.core.unavailable import KnowledgeUnavailable
from bot.services.admin import AdminError, Saved, StaleEdit
from bot.services.admin.org_settings import Preview
from bot.slack import admin_messages as say
from bot.slack.admin_ui import actor_for, menu_view, settings_view, topic_view
from bot.slack.blocks.admin_forms import (
    OVERRIDE_VIEW,
    ROLE_FIELDS,
    ROLE_VIEW,
    SETTINGS_VIEW,
    TOPIC_FIELDS,
    TOPIC_VIEW,
    Confirm,
    FormMetadata,
    build_notice_modal,
    build_override_modal,
    build_settings_modal,
    errors_by_block,
    settings_block,
)
from bot.slack.blocks.admin_state import draft_from, override_from, retire_ticked, role_from, settings_from
from bot.slack.blocks.mrkdwn import escape, mention
from bot.slack.refusals import refusal
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
OVERRIDE_FIELDS = ("topic", "role", "reason", "consult")


def topic_block(loc: Loc) -> str | None:
    return "quote" if loc[0] == "citation" else (str(loc[0]) if loc[0] in TOPIC_FIELDS else None)


def override_block(loc: Loc) -> str | None:
    return str(loc[0]) if loc[0] in OVERRIDE_FIELDS else None


def role_block(loc: Loc) -> str | None:
    return str(loc[0]) if loc[0] in ROLE_FIELDS else None


def submit(
    ack: Ack,
    save: Callable[[], Saved],
    *,
    block_of: Callable[[Loc], str | None],
    first_block: str,
    when_stale: Callable[[StaleEdit], View],
    confirm_first: Callable[[], View | None] | None = None,
) -> None:
    """Runs `save` and answers the submission with what happened (see the module's docstring).

    `confirm_first`: the form again, with the owners its save would move, when the admin has not yet
    seen (and so confirmed) exactly those moves; None when it may be saved.
    """
    try:
        asking = confirm_first() if confirm_first else None
        if asking is not None:
            ack(response_action="update", view=asking)
            return
        saved = save()
    except InvalidInput as error:
        ack(
            response_action="errors", errors=errors_by_block(error.problems, block_of=block_of, first_block=first_block)
        )
        return
    except StaleEdit as error:
        ack(response_action="update", view=when_stale(error))
        return
    except AdminError as error:
        ack(response_action="update", view=build_notice_modal(escape(str(error)), title=say.REFUSED_TITLE))
        return
    except KnowledgeUnavailable as error:
        log.warning("knowledge base unreachable while saving an admin change", exc_info=True)
        ack(response_action="update", view=build_notice_modal(refusal(error), title=say.REFUSED_TITLE))
        return
    done = say.saved(saved.audit_id) if saved.audit_id else say.NOTHING_CHANGED
    ack(response_action="update", view=build_notice_modal(done))


class AdminViews:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        app.view(SETTINGS_VIEW)(ack=self.save_settings, lazy=[self.refresh_menu])
        app.view(TOPIC_VIEW)(ack=self.save_topic, lazy=[self.refresh_menu])
        app.view(OVERRIDE_VIEW)(ack=self.save_override, lazy=[self.refresh_menu])
        app.view(ROLE_VIEW)(ack=self.save_role, lazy=[self.refresh_menu])

    def save_settings(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        team, meta, values = context.team_id or "", _metadata(view), view["state"]["values"]
        actor = actor_for(client, team, body["user"]["id"], in_ack=True)
        roles = self.deps.knowledge.engine().kb.roles
        settings, editor = settings_from(values, roles), self.deps.admin.org

        def confirm_first() -> View | None:
            preview = editor.preview(actor, editor.settings_edit(settings))
            confirm = unconfirmed(preview, meta)
            if confirm is None:
                return None
            return build_settings_modal(preview.org, roles=roles, version=meta.version or 0, confirm=confirm)

        submit(
            ack,
            lambda: editor.update(actor, settings, expected_version=meta.version or 0),
            block_of=settings_block,
            first_block="roles",
            when_stale=lambda error: settings_view(self.deps, team, notice=say.stale(error.message(mention))),
            confirm_first=confirm_first,
        )

    def save_topic(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        meta, values = _metadata(view), view["state"]["values"]
        actor = actor_for(client, context.team_id, body["user"]["id"], in_ack=True)
        topics = self.deps.admin.responsibilities

        def save() -> Saved:
            if meta.topic is None:
                return topics.create(actor, draft_from(values), gap=meta.gap)
            if retire_ticked(values):
                return topics.retire(actor, meta.topic, expected_version=meta.version or 0)
            return topics.update(actor, meta.topic, draft_from(values), expected_version=meta.version or 0)

        submit(
            ack,
            save,
            block_of=topic_block,
            first_block="title",
            when_stale=lambda error: topic_view(
                self.deps, topic_id=meta.topic, notice=say.stale(error.message(mention))
            ),
        )

    def save_override(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        override, meta = override_from(view["state"]["values"]), _metadata(view)
        actor = actor_for(client, context.team_id, body["user"]["id"], in_ack=True)
        editor, roles = self.deps.admin.org, self.deps.knowledge.engine().kb.roles

        def confirm_first() -> View | None:
            preview = editor.preview(actor, editor.override_edit(**override))
            confirm = unconfirmed(preview, meta)
            if confirm is None:
                return None
            draft = Override.model_validate(override)
            version = meta.version or 0
            return build_override_modal(preview.org, roles=roles, version=version, draft=draft, confirm=confirm)

        save = lambda: editor.add_override(actor, **override)  # noqa: E731
        submit(
            ack, save, block_of=override_block, first_block="topic", when_stale=_refused, confirm_first=confirm_first
        )

    def save_role(
        self, ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
    ) -> None:
        role = role_from(view["state"]["values"])
        actor = actor_for(client, context.team_id, body["user"]["id"], in_ack=True)
        save = lambda: self.deps.admin.roles.add(actor, role)  # noqa: E731
        submit(ack, save, block_of=role_block, first_block="id", when_stale=_refused)

    def refresh_menu(self, view: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        """After a save in a modal opened from the editor menu, the menu underneath shows the new state."""
        root = view.get("root_view_id")
        if not root or root == view.get("id"):
            return
        try:
            client.views_update(view_id=root, view=menu_view(self.deps, context.team_id or ""))
        except (*WEB_API_FAILURES, KnowledgeUnavailable) as error:
            log.warning("could not refresh the admin menu (team %s): %s", context.team_id, error)


def unconfirmed(preview: Preview, meta: FormMetadata) -> Confirm | None:
    """The owner moves to show before saving, unless the form already showed exactly these."""
    shown = fingerprint(preview.moves)
    return Confirm(preview.moves, shown) if preview.moves and shown != meta.confirmed else None


def _refused(error: StaleEdit) -> View:
    """A save that has no form to reopen at the newer version: the newer change is named instead."""
    return build_notice_modal(error.message(mention), title=say.REFUSED_TITLE)


def _metadata(view: dict[str, Any]) -> FormMetadata:
    return FormMetadata.model_validate_json(view.get("private_metadata") or "{}")


def register(app: App, deps: Deps) -> None:
    AdminViews(deps).register(app)
