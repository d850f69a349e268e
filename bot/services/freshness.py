"""The reviews an answer is read against, and the note an answer gets when its topic's review ran out.

Apart from the knowledge service (`bot/services/knowledge.py`) because `whoowns ask` answering from a
snapshot (`bot/services/snapshot.py`) needs them too, without the database layer's imports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.answer import Answer
from bot.core.freshness import Review, is_stale, last_reviewed


@dataclass(frozen=True)
class Freshness:
    reviews: dict[str, Review]  # by topic id
    days: int  # how long a review holds


def with_review(answer: Answer, fresh: Freshness, now: datetime) -> Answer:
    """The answer, saying when its topic was last reviewed if that review has run out."""
    topics = [with_review(a, fresh, now) for a in answer.topics]
    review = fresh.reviews.get(answer.responsibility.id) if answer.responsibility else None
    note = last_reviewed(review, now=now) if review and is_stale(review, days=fresh.days, now=now) else None
    if note is None and not topics:
        return answer
    return answer.model_copy(update={"last_reviewed": note, "topics": topics})
