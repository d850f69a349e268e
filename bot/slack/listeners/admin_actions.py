"""Admin buttons and selects: opening the editors, removing an override, undoing a change, handling a gap,
turning the overrides' pages, and the options of the topic pickers (answered from the matcher as typed).

Opening an editor needs no permission (saving it does). Every click that changes something is a write:
it is checked by the admin services from a fresh `users.info`, and its outcome is shown where the click
happened: the editor menu is redrawn, the Home tab republished, an ephemeral list replaced. A refusal is
told only to the person who clicked.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block, MarkdownTextObject, SectionBlock
from slack_sdk.models.views import View

from bot.core.problems import InvalidInput
from bot.core.unavailable import KnowledgeUnavailable
from bot.services.admin import Actor, AdminError, NotAllowed
from bot.slack import admin_messages as say
from bot.slack import limits
from bot.slack.admin_ui import actor_for, menu_view, override_view, role_view, settings_view, topic_view
from bot.slack.blocks.admin_forms import build_notice_modal
from bot.slack.blocks.admin_lists import (
    EDIT_TOPIC,
    GAP_ALIAS,
    GAP_NEW_TOPIC,
    NEW_OVERRIDE,
    NEW_ROLE,
    NEW_TOPIC,
    OPEN_ADMIN,
    OPEN_SETTINGS,
    OVERRIDES_PAGE,
    REMOVE_OVERRIDE,
    UNDO,
    OverrideKey,
    gap_question,
    gaps_blocks,
    history_blocks,
    topic_options,
)
from bot.slack.blocks.mrkdwn import escape, fit, mention, to_dicts
from bot.slack.blocks.reviews import EDIT_DUE, STILL_RIGHT
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.admin_settings_form import suggest_when_opened
from bot.slack.listeners.home import publish_home
from bot.slack.refusals import refusal
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
Body = dict[str, Any]


class AdminActions:
    def __init__(self, deps: Deps):
        self.deps = deps

    def register(self, app: App) -> None:
        # The builders are called as build(body, action); one that needs less names the rest `_…`.
        opening = {
            OPEN_ADMIN: lambda body, _action: menu_view(self.deps, _team(body)),
            OPEN_SETTINGS: lambda body, _action: settings_view(self.deps, _team(body)),
            NEW_TOPIC: lambda _body, _action: topic_view(self.deps),
            EDIT_TOPIC: lambda _body, action: topic_view(self.deps, topic_id=action["selected_option"]["value"]),
            NEW_OVERRIDE: lambda body, _action: override_view(self.deps, _team(body)),
            NEW_ROLE: lambda _body, _action: role_view(self.deps),
            GAP_NEW_TOPIC: lambda _body, action: topic_view(self.deps, gap=action["value"]),
            EDIT_DUE: lambda _body, action: topic_view(self.deps, topic_id=action["value"]),
        }
        for action_id, build in opening.items():
            then = self._suggest_holders if action_id == OPEN_SETTINGS else None
            app.action(action_id)(ack=ack_now, lazy=[self._opener(build, then=then)])
        app.action(REMOVE_OVERRIDE)(ack=ack_now, lazy=[self.remove_override])
        app.action(UNDO)(ack=ack_now, lazy=[self.undo])
        app.action(STILL_RIGHT)(ack=ack_now, lazy=[self.still_right])
        app.action(GAP_ALIAS)(ack=ack_now, lazy=[self.add_alias])
        app.action(OVERRIDES_PAGE)(ack=ack_now, lazy=[self.turn_page])
        for picker in (EDIT_TOPIC, GAP_ALIAS):
            app.options(picker)(self.offer_topics)

    def offer_topics(self, ack: Ack, payload: dict[str, Any]) -> None:
        """A topic picker's options for what the admin typed; nothing is stored, so anyone may search."""
        try:
            options = topic_options(self.deps.knowledge.engine(), payload.get("value") or "")
        except KnowledgeUnavailable as error:
            log.warning("could not search the topics: %s", error)
            options = []
        ack(options=[option.to_dict() for option in options])

    def turn_page(self, body: Body, action: dict[str, Any], client: WebClient) -> None:
        view = body["view"]
        try:
            client.views_update(view_id=view["id"], view=menu_view(self.deps, _team(body), page=int(action["value"])))
        except (*WEB_API_FAILURES, KnowledgeUnavailable) as error:
            log.error("could not turn the overrides' page (team %s): %s", _team(body), error)

    def _opener(
        self, build: Callable[[Body, dict[str, Any]], View], *, then: Callable[[Body, dict, WebClient], None] | None
    ) -> Callable[..., None]:
        """Opens (or pushes) the view `build` makes; `then` gets the view Slack opened, to update it."""

        def open_view(body: Body, action: dict[str, Any], client: WebClient) -> None:
            try:
                view = build(body, action)
                if body.get("view", {}).get("type") == "modal":
                    opened = client.views_push(trigger_id=body["trigger_id"], view=view)
                else:
                    opened = client.views_open(trigger_id=body["trigger_id"], view=view)
            except (*WEB_API_FAILURES, KnowledgeUnavailable, AdminError) as error:
                log.error("could not open an admin editor (team %s): %s", _team(body), error)
                return
            if then is not None and isinstance(opened.get("view"), dict):
                then(body, opened["view"], client)

        return open_view

    def _suggest_holders(self, body: Body, opened: dict, client: WebClient) -> None:
        suggest_when_opened(self.deps, _team(body), opened, client)

    def remove_override(self, body: Body, action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        key = OverrideKey.model_validate_json(action["value"])

        def remove(actor: Actor) -> str:
            self.deps.admin.org.remove_override(actor, key.index, expected_version=key.version)
            return say.OVERRIDE_REMOVED

        self._change(body, client, respond, remove)

    def undo(self, body: Body, action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        change = int(action["value"])

        def undo(actor: Actor) -> str:
            self.deps.admin.history.revert(actor, change)
            return say.UNDONE.format(change=change)

        self._change(body, client, respond, undo)

    def still_right(self, body: Body, action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        topic_id = action["value"]

        def confirm(actor: Actor) -> str:
            saved = self.deps.admin.reviews.still_right(actor, topic_id)
            item = self.deps.knowledge.engine().responsibility(topic_id)
            return say.still_right(escape(item.title if item else topic_id), saved.audit_id)

        self._change(body, client, respond, confirm)

    def add_alias(self, body: Body, action: dict[str, Any], client: WebClient, respond: Respond) -> None:
        topic_id, alias = action["selected_option"]["value"], gap_question(action["block_id"])

        def add(actor: Actor) -> str:
            self.deps.admin.responsibilities.add_alias(actor, topic_id, alias)
            item = self.deps.knowledge.engine().responsibility(topic_id)
            return say.ALIAS_ADDED.format(alias=escape(alias), title=escape(item.title if item else topic_id))

        self._change(body, client, respond, add, relist=self._gaps)

    def _change(
        self,
        body: Body,
        client: WebClient,
        respond: Respond,
        change: Callable[[Actor], str],
        *,
        relist: Callable[[Actor], list[Block]] | None = None,
    ) -> None:
        """Makes the change as the person who clicked, then shows the outcome where they clicked."""
        team, user = _team(body), body["user"]["id"]
        actor = actor_for(client, team, user)
        try:
            notice = change(actor)
        except (AdminError, InvalidInput, KnowledgeUnavailable) as error:
            self._refuse(body, client, respond, refusal(error))
            return
        where = body.get("view", {}).get("type")
        try:
            if where == "modal":
                client.views_update(view_id=body["view"]["id"], view=menu_view(self.deps, team, notice=notice))
            elif where == "home":
                publish_home(self.deps, client=client, team_id=team, user_id=user)
            else:
                blocks = (relist or self._history)(actor)
                respond(text=notice, blocks=to_dicts([*_notice(notice), *blocks]), replace_original=True)
        except (*WEB_API_FAILURES, KnowledgeUnavailable, NotAllowed) as error:  # NotAllowed: no longer an admin
            log.error("could not show an admin change (team %s, user %s): %s", team, user, error)

    def _refuse(self, body: Body, client: WebClient, respond: Respond, text: str) -> None:
        try:
            if body.get("view", {}).get("type") == "modal":
                client.views_update(view_id=body["view"]["id"], view=menu_view(self.deps, _team(body), notice=text))
            elif body.get("view", {}).get("type") == "home":
                client.views_open(trigger_id=body["trigger_id"], view=build_notice_modal(text, title=say.REFUSED_TITLE))
            else:
                respond(text=text, response_type="ephemeral", replace_original=False)
        except (*WEB_API_FAILURES, KnowledgeUnavailable) as error:
            log.error("could not tell %s an admin change was refused: %s", body["user"]["id"], error)

    def _gaps(self, actor: Actor) -> list[Block]:
        return gaps_blocks(self.deps.admin.gaps.list(actor))

    def _history(self, actor: Actor) -> list[Block]:
        return history_blocks(self.deps.admin.history.latest(actor, mention=mention), mention=mention)


def _team(body: Body) -> str:
    return (body.get("team") or {}).get("id") or body["user"].get("team_id") or ""


def _notice(text: str) -> list[Block]:
    return [SectionBlock(text=MarkdownTextObject(text=fit(text, limits.SECTION_TEXT)))]


def register(app: App, deps: Deps) -> None:
    AdminActions(deps).register(app)
