"""Settings shared by every entry point, from the environment, validated once at start-up."""

from __future__ import annotations

import os
import sysconfig
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_knowledge_dir() -> Path:
    """The checkout's `knowledge/`; installed from a wheel, the copy under `<prefix>/share/whoowns/knowledge`."""
    checkout = REPO_ROOT / "knowledge"
    if checkout.is_dir():
        return checkout
    return Path(sysconfig.get_path("data")) / "share" / "whoowns" / "knowledge"


def _default_db_path() -> Path:
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "whoowns" / "whoowns.db"


def _cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "whoowns"


def _default_cache_dir() -> Path:
    return _cache_home() / "embeddings"


def _default_snapshot_dir() -> Path:
    return _cache_home() / "snapshots"


def _prefixed(prefix: str) -> AfterValidator:
    """A Slack credential must look like one (`xoxb-…`), so a pasted wrong value fails at start-up."""

    def check(value: str) -> str:
        if not value.startswith(prefix) or len(value) <= len(prefix) or any(c.isspace() for c in value):
            raise ValueError(f"must be a Slack token starting with {prefix}")
        return value

    return AfterValidator(check)


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")) or any(c.isspace() for c in value):
        raise ValueError("must be an http:// or https:// URL")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]


class Settings(BaseSettings):
    """Where the knowledge lives. `DATABASE_URL` wins over the embedded SQLite file when set."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True, env_ignore_empty=True)

    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    db_path: Path = Field(default_factory=_default_db_path, alias="WHOOWNS_DB_PATH")
    knowledge_dir: Path = Field(default_factory=_default_knowledge_dir, alias="WHOOWNS_KNOWLEDGE_DIR")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")
    # The semantic matcher (README "How questions are matched"): off answers from the lexical matcher only.
    semantic: bool = Field(default=True, alias="WHOOWNS_SEMANTIC")
    embedding_model: Path | None = Field(default=None, alias="WHOOWNS_EMBEDDING_MODEL")
    embedding_cache_dir: Path = Field(default_factory=_default_cache_dir)
    # What `whoowns ask` answers from while the knowledge has not changed (bot/services/snapshot.py).
    snapshot_dir: Path = Field(default_factory=_default_snapshot_dir, alias="WHOOWNS_SNAPSHOT_DIR")
    log_format: Literal["text", "json"] = Field(default="text", alias="LOG_FORMAT")
    metrics_token: str | None = Field(default=None, alias="METRICS_TOKEN", min_length=16)

    # The Slack app (see README "Configuration"): single workspace = bot token + signing secret; several
    # workspaces = client id/secret + signing secret; Socket Mode = bot token + app token.
    slack_bot_token: Annotated[str, _prefixed("xoxb-")] | None = Field(default=None, alias="SLACK_BOT_TOKEN")
    slack_signing_secret: str | None = Field(default=None, alias="SLACK_SIGNING_SECRET", min_length=8)
    slack_client_id: str | None = Field(default=None, alias="SLACK_CLIENT_ID")
    slack_client_secret: str | None = Field(default=None, alias="SLACK_CLIENT_SECRET")
    slack_scopes: str = Field(
        default=(
            "app_mentions:read,assistant:write,channels:read,chat:write,commands,files:read,im:history,"
            "links:read,links:write,users:read"
        ),
        alias="SLACK_SCOPES",
    )
    slack_app_token: Annotated[str, _prefixed("xapp-")] | None = Field(default=None, alias="SLACK_APP_TOKEN")
    slack_api_url: Annotated[HttpUrl, AfterValidator(lambda url: url.rstrip("/") + "/")] = Field(
        default="https://slack.com/api/", alias="SLACK_API_URL"
    )
    public_url: Annotated[HttpUrl, AfterValidator(lambda url: url.rstrip("/"))] | None = Field(
        default=None, alias="PUBLIC_URL"
    )
    port: int = Field(default=3000, alias="PORT", ge=1, le=65535)
    kb_admin_teams: str | None = Field(default=None, alias="WHOOWNS_KB_ADMIN_TEAMS")
    link_secret: str | None = Field(default=None, alias="WHOOWNS_LINK_SECRET", min_length=16)
    gaps_per_workspace: int = Field(default=1000, alias="WHOOWNS_GAPS_PER_WORKSPACE", ge=1)
    gap_max_age_days: int = Field(default=180, alias="WHOOWNS_GAP_MAX_AGE_DAYS", ge=1)
    event_lease_seconds: float = Field(default=30, alias="WHOOWNS_EVENT_LEASE_SECONDS", gt=0, le=3600)

    def workspace_link_secret(self) -> str | None:
        """What signs links to a workspace's pages: `WHOOWNS_LINK_SECRET`, else the Slack signing secret."""
        return self.link_secret or self.slack_signing_secret

    def event_lease(self) -> timedelta:
        """How long an event's claim stands before another process may answer the event."""
        return timedelta(seconds=self.event_lease_seconds)

    def knowledge_admin_teams(self) -> frozenset[str] | None:
        """The workspaces whose admins may edit the knowledge base every workspace shares.

        `WHOOWNS_KB_ADMIN_TEAMS` (team ids, comma-separated) when set; otherwise every workspace's admins
        with one workspace (None), and none from Slack when the app is installed in several.
        """
        if self.kb_admin_teams:
            return frozenset(team.strip() for team in self.kb_admin_teams.split(",") if team.strip())
        return frozenset() if self.slack_client_id else None

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.db_path}"
