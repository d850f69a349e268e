"""The App Home tab, published whenever someone opens it, from the sections in `HOME_SECTIONS`.

A section is a function of the deps, the workspace, the person looking and a Web API client (the admin
section asks `users.info` whether that person is an admin), returning blocks, or none to show nothing
to this person. A feature adds its section with one line in `HOME_SECTIONS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block, DividerBlock

from bot.services.overview import workspace_overview
from bot.slack.blocks.home import build_home_view, how_to_ask_blocks, roles_blocks, topics_blocks
from bot.slack.listeners.ack import ack_now
from bot.slack.listeners.admin_home import admin_section
from bot.slack.listeners.home_actions import ask_box_section, first_steps_section
from bot.slack.listeners.welcome import home_welcome_section, install_welcome
from bot.slack.people import names_of
from bot.slack.replies import HomeTab, Reply, deliver
from bot.wiring import Deps

# client: to ask Slack (users.info). Sections are called positionally; one that needs less names the rest `_…`.
HomeSection = Callable[[Deps, str | None, str, WebClient], list[Block]]


def how_to_ask_section(_deps: Deps, _team_id: str | None, _user_id: str, _client: WebClient) -> list[Block]:
    return how_to_ask_blocks()


def workspace_section(deps: Deps, team_id: str | None, _user_id: str, client: WebClient) -> list[Block]:
    overview = workspace_overview(deps.knowledge, team_id)
    names = names_of(deps, team_id, overview.holders, client=client)
    return [*roles_blocks(overview, names), DividerBlock(), *topics_blocks(overview)]


HOME_SECTIONS: list[HomeSection] = [
    home_welcome_section,
    first_steps_section,
    how_to_ask_section,
    ask_box_section,
    workspace_section,
    admin_section,
]


def is_home_tab(event: dict[str, Any]) -> bool:
    return event.get("tab", "home") == "home"


class HomeListeners:
    def __init__(self, deps: Deps, *, welcome_installer: bool):
        self.deps = deps
        self.opened = [self.publish, install_welcome(deps)] if welcome_installer else [self.publish]

    def register(self, app: App) -> None:
        app.event("app_home_opened", matchers=[is_home_tab])(ack=ack_now, lazy=self.opened)
        app.event("app_home_opened")(ack_now)  # any other tab: nothing to publish

    def publish(self, event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        publish_home(self.deps, client=client, team_id=context.team_id, user_id=event["user"])


def publish_home(deps: Deps, *, client: WebClient, team_id: str | None, user_id: str) -> None:
    """Builds and publishes one person's Home tab (when they open it, or after an admin action there)."""

    def produce() -> Reply:
        view = build_home_view(*(section(deps, team_id, user_id, client) for section in HOME_SECTIONS))
        return Reply(text="", blocks=view.to_dict()["blocks"])

    deliver(HomeTab(client=client, team_id=team_id, user_id=user_id), produce)


def register(app: App, deps: Deps) -> None:
    """A single-workspace install has no OAuth step: its first visitor gets the installer's welcome."""
    HomeListeners(deps, welcome_installer=app.oauth_flow is None).register(app)
