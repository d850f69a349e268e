"""Welcomes sent once: the installer's DM, and the greeting on a person's first visit to the App Home.

The installer is known at the end of the OAuth install (`oauth_success`); a single-workspace install has
no OAuth step, so there the first person to open the app (`app_home_opened`, either tab) is welcomed as
its installer. Each welcome is claimed in the database first, so it goes out once across processes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import BoltContext
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.models.blocks import Block

from bot.services.welcomes import Welcomes
from bot.slack import surface_messages as say
from bot.slack.blocks.mrkdwn import to_dicts
from bot.slack.blocks.welcome import home_welcome_blocks, install_welcome_blocks
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)


def welcome_installer(deps: Deps, client: WebClient, *, team_id: str | None, user_id: str) -> None:
    """DMs the installer the first steps, unless this workspace's installer was already welcomed."""
    if not team_id or not Welcomes(deps.knowledge.db).claim_install(team_id):
        return
    try:
        client.chat_postMessage(channel=user_id, text=say.WELCOME_INSTALL, blocks=to_dicts(install_welcome_blocks()))
    except WEB_API_FAILURES as error:
        log.error("could not welcome the installer (team %s, user %s): %s", team_id, user_id, error)


def install_welcome(deps: Deps) -> Callable[..., None]:
    """A lazy `app_home_opened` listener: the single-workspace install's first visitor is its installer."""

    def welcome(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        welcome_installer(deps, client, team_id=context.team_id, user_id=event["user"])

    return welcome


def oauth_callbacks(deps: Deps, client_for: Callable[[str], WebClient]) -> CallbackOptions:
    """The install flow's outcome pages stay Bolt's own; a success also welcomes the installer."""

    def success(args: SuccessArgs) -> BoltResponse:
        installation = args.installation
        if installation.bot_token and installation.user_id:
            client = client_for(installation.bot_token)
            welcome_installer(deps, client, team_id=installation.team_id, user_id=installation.user_id)
        return args.default.success(args)

    def failure(args: FailureArgs) -> BoltResponse:
        return args.default.failure(args)

    return CallbackOptions(success=success, failure=failure)


def home_welcome_section(deps: Deps, team_id: str | None, user_id: str, _client: WebClient) -> list[Block]:
    """A Home section shown once per person: on their first visit, above the usual Home."""
    if not team_id or not Welcomes(deps.knowledge.db).claim_home(team_id, user_id):
        return []
    return home_welcome_blocks(user_id)
