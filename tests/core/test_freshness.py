"""When a topic is due a review, and how its answer says when it was last reviewed: table-driven."""

from datetime import UTC, datetime, timedelta

import pytest

from bot.core.freshness import Review, age_words, is_stale, last_reviewed, stale

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def reviewed(days_ago: float, topic: str = "pricing") -> Review:
    return Review(topic, NOW - timedelta(days=days_ago), "U0ADA")


STALENESS = [
    # (days since the review, the interval in days, due a review)
    (0, 180, False),
    (180, 180, False),  # exactly the interval: still holds
    (180.01, 180, True),
    (400, 180, True),
    (31, 30, True),
    (29, 30, False),
]


@pytest.mark.parametrize(("days_ago", "interval", "due"), STALENESS)
def test_a_review_runs_out_after_the_interval(days_ago, interval, due):
    assert is_stale(reviewed(days_ago), days=interval, now=NOW) is due


AGES = [
    (0, "0 days ago"),
    (1, "1 day ago"),
    (13, "13 days ago"),
    (14, "2 weeks ago"),
    (59, "8 weeks ago"),
    (60, "2 months ago"),
    (213, "7 months ago"),
    (365, "1 year ago"),
    (800, "2 years ago"),
]


@pytest.mark.parametrize(("days_ago", "words"), AGES)
def test_an_age_is_said_as_people_say_it(days_ago, words):
    assert age_words(reviewed(days_ago), now=NOW) == words


def test_the_context_line_names_the_age_and_the_date():
    assert last_reviewed(reviewed(213), now=NOW) == "last reviewed 7 months ago (2026-05-04)"


def test_stale_lists_the_longest_unreviewed_first():
    reviews = [reviewed(200, "a"), reviewed(10, "b"), reviewed(500, "c")]
    assert [r.topic for r in stale(reviews, days=180, now=NOW)] == ["c", "a"]
