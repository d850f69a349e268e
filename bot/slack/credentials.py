"""Which way the app talks to Slack, decided from the settings before anything starts.

- one workspace: `SLACK_BOT_TOKEN` + `SLACK_SIGNING_SECRET`;
- several workspaces (the install flow): `SLACK_CLIENT_ID` + `SLACK_CLIENT_SECRET` + `SLACK_SIGNING_SECRET`;
- Socket Mode (no public URL): `SLACK_BOT_TOKEN` + `SLACK_APP_TOKEN`.

A missing setting is a `MissingSetting` whose message is the one line `serve` prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from slack_sdk.errors import SlackApiError

from bot.config import Settings
from bot.slack.client import build_web_client

REFUSED_TOKEN_ERRORS = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired"}


class MissingSetting(Exception):
    """A setting the chosen mode needs is not set (or a token was refused); the message says which."""


@dataclass(frozen=True)
class SlackCredentials:
    signing_secret: str | None = None
    bot_token: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    scopes: tuple[str, ...] = ()
    app_token: str | None = None

    @property
    def multi_workspace(self) -> bool:
        return self.client_id is not None


def slack_credentials(settings: Settings, *, socket: bool) -> SlackCredentials:
    if socket:
        _require(settings, "SLACK_APP_TOKEN", "Socket Mode needs the app-level token (xapp-…)")
        _require(settings, "SLACK_BOT_TOKEN", "Socket Mode needs the bot token (xoxb-…)")
        return SlackCredentials(bot_token=settings.slack_bot_token, app_token=settings.slack_app_token)
    if settings.slack_client_id or settings.slack_client_secret:
        why = "installing into several workspaces needs the app's client id, client secret and signing secret"
        for name in ("SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_SIGNING_SECRET"):
            _require(settings, name, why)
        scopes = tuple(s.strip() for s in settings.slack_scopes.split(",") if s.strip())
        return SlackCredentials(
            signing_secret=settings.slack_signing_secret,
            client_id=settings.slack_client_id,
            client_secret=settings.slack_client_secret,
            scopes=scopes,
        )
    if not settings.slack_bot_token and not settings.slack_signing_secret:
        raise MissingSetting(
            "no Slack credentials: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (one workspace), or "
            "SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_SIGNING_SECRET (several), or run with --socket"
        )
    why = "one workspace needs the bot token and the signing secret"
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        _require(settings, name, why)
    return SlackCredentials(signing_secret=settings.slack_signing_secret, bot_token=settings.slack_bot_token)


def check_bot_token(settings: Settings, credentials: SlackCredentials) -> None:
    """Asks Slack (auth.test) whether the bot token works; a refused token is a `MissingSetting`.

    Slack being unreachable is not an error here: the server starts and answers once Slack is back.
    """
    if not credentials.bot_token:
        return
    try:
        build_web_client(settings.slack_api_url, token=credentials.bot_token, retries=False).auth_test()
    except SlackApiError as error:
        if error.response.get("error") in REFUSED_TOKEN_ERRORS:
            raise MissingSetting(f"SLACK_BOT_TOKEN was refused by Slack ({error.response['error']})") from None
    except OSError:
        return


def _require(settings: Settings, name: str, why: str) -> None:
    field = name.lower()
    if not getattr(settings, field):
        raise MissingSetting(f"{name} is not set: {why}")
