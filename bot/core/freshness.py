"""Answers that stay fresh: when a topic was last reviewed, and whether that is too long ago.

A topic is reviewed when an admin edits it (or imports it changed) or says it is *still right*; the
knowledge base's review interval (180 days unless it says otherwise) is how long a review holds. A topic
never reviewed since it was stored counts from then. Pure: the store supplies the dates, `now` is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

DEFAULT_REVIEW_DAYS = 180
MAX_REVIEW_DAYS = 3650


@dataclass(frozen=True)
class Review:
    """The last review of one topic: when, and by whom (a Slack user id, `cli:<login>`, or None: shipped)."""

    topic: str  # the responsibility id
    at: datetime
    by: str | None


def is_stale(review: Review, *, days: int, now: datetime) -> bool:
    return now - review.at > timedelta(days=days)


def stale(reviews: list[Review], *, days: int, now: datetime) -> list[Review]:
    """The reviews that have run out, the oldest first."""
    return sorted((r for r in reviews if is_stale(r, days=days, now=now)), key=lambda r: (r.at, r.topic))


def age_words(review: Review, *, now: datetime) -> str:
    """ "3 months ago", "1 year ago": how long ago a review was, roughly, as people say it."""
    days = max((now - review.at).days, 0)
    if days >= 365:
        n, unit = days // 365, "year"
    elif days >= 60:
        n, unit = days // 30, "month"
    elif days >= 14:
        n, unit = days // 7, "week"
    else:
        n, unit = days, "day"
    return f"{n} {unit}{'' if n == 1 else 's'} ago"


def last_reviewed(review: Review, *, now: datetime) -> str:
    """The context line's words for a stale topic: "last reviewed 7 months ago (2026-05-01)"."""
    return f"last reviewed {age_words(review, now=now)} ({review.at.date().isoformat()})"
