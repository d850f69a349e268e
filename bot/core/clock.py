"""Every time the bot keeps is UTC: now, and a stored time read back as an aware UTC one."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(at: datetime) -> datetime:
    """A stored time as an aware UTC one (SQLite gives back naive datetimes; every time here is UTC)."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)
