"""Settings shared by every entry point, from the environment, validated once at start-up."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parent.parent


def _default_db_path() -> Path:
    data_home = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return data_home / "whoowns" / "whoowns.db"


class Settings(BaseSettings):
    """Where the knowledge lives. `DATABASE_URL` wins over the embedded SQLite file when set."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", populate_by_name=True)

    database_url: str | None = Field(default=None, alias="DATABASE_URL")
    db_path: Path = Field(default_factory=_default_db_path, alias="WHOOWNS_DB_PATH")
    knowledge_dir: Path = Field(default=REPO_ROOT / "knowledge", alias="WHOOWNS_KNOWLEDGE_DIR")
    log_level: str = Field(default="INFO", alias="LOG_LEVEL")

    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        return f"sqlite:///{self.db_path}"
