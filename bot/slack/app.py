"""Builds the Bolt app: credentials, Web API client, install flow stores, and every listener.

Multi-workspace installs are kept by slack_sdk's installation and OAuth state stores in the app's own
database (`bot/store/slack_installs.py`; their tables come with the app's migrations).
"""

from __future__ import annotations

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings

from bot.config import Settings
from bot.slack.client import build_web_client, configure_web_client
from bot.slack.credentials import SlackCredentials
from bot.slack.listeners import register_all
from bot.slack.listeners.welcome import oauth_callbacks
from bot.store.slack_installs import installation_store, oauth_state_store
from bot.wiring import Deps

INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
OAUTH_STATE_SECONDS = 600


def build_bolt_app(*, settings: Settings, deps: Deps, credentials: SlackCredentials) -> App:
    """`process_before_response=True` runs each listener's `ack` in the request's own thread, so an ack
    never waits behind slow answers in Bolt's worker pool; the answers themselves run there, lazily.

    With one workspace Bolt is given the token and makes its client, which is then pointed at Slack's
    address with our timeout and retries: Bolt also reads `SLACK_BOT_TOKEN` itself, and given a client
    of ours besides, it would warn at every start that the token goes unused.
    """
    if credentials.multi_workspace:
        app = App(
            name="whoowns",
            client=build_web_client(settings.slack_api_url),
            process_before_response=True,
            signing_secret=credentials.signing_secret,
            oauth_settings=_oauth_settings(settings, deps, credentials),
            installation_store_bot_only=True,
        )
    else:
        app = App(
            name="whoowns",
            token=credentials.bot_token,
            process_before_response=True,
            signing_secret=credentials.signing_secret or "",
            token_verification_enabled=False,  # checked once at start-up by `serve`, not in every worker
        )
        configure_web_client(app.client, settings.slack_api_url)
    register_all(app, deps)
    return app


def _oauth_settings(settings: Settings, deps: Deps, credentials: SlackCredentials) -> OAuthSettings:
    assert credentials.client_id and credentials.client_secret
    db = deps.knowledge.db
    return OAuthSettings(
        client_id=credentials.client_id,
        client_secret=credentials.client_secret,
        scopes=list(credentials.scopes),
        redirect_uri=f"{settings.public_url}{REDIRECT_PATH}" if settings.public_url else None,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=installation_store(db, client_id=credentials.client_id),
        installation_store_bot_only=True,
        state_store=oauth_state_store(db, expiration_seconds=OAUTH_STATE_SECONDS),
        callback_options=oauth_callbacks(deps, lambda token: build_web_client(settings.slack_api_url, token=token)),
    )
