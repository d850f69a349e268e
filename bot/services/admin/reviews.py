"""Topics due a review, and "Still right": an admin confirms a topic without changing it.

"Still right" is a change like any other: checked (a knowledge-base admin), recorded in the audit log
with the review before and after (so the history shows it and Undo puts the earlier review back), and
it moves the knowledge revision on, so every process sees the topic fresh at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.core.clock import utcnow
from bot.core.freshness import MAX_REVIEW_DAYS, Review, stale
from bot.core.problems import InvalidInput, Problem
from bot.services.admin.actor import Actor
from bot.services.admin.changes import Change, Changes, Check, Saved
from bot.services.admin.errors import NotFound
from bot.services.knowledge import KnowledgeService
from bot.store.audit_repository import AuditEntry
from bot.store.unit_of_work import unit_of_work

ENTITY = "review"
INTERVAL = "review-interval"  # the entity id of the knowledge base's review interval


@dataclass(frozen=True)
class DueTopic:
    """An active topic whose last review has run out."""

    id: str
    title: str
    owner: str
    review: Review


class Reviews:
    def __init__(self, knowledge: KnowledgeService, changes: Changes):
        self.knowledge = knowledge
        self.changes = changes

    def due(self, *, now: datetime | None = None) -> list[DueTopic]:
        """The topics due a review, the longest unreviewed first."""
        kb = self.knowledge.engine().kb
        with unit_of_work(self.knowledge.db) as store:
            repo = store.reviews
            reviews, days = repo.all(), repo.interval()
        items = {r.id: r for r in kb.active}
        return [
            DueTopic(r.topic, items[r.topic].title, items[r.topic].owner, r)
            for r in stale(reviews, days=days, now=now or utcnow())
            if r.topic in items
        ]

    def still_right(self, actor: Actor, topic: str) -> Saved:
        """Records that `actor` reviewed `topic` now and found it right."""
        with self.changes.begin(actor, knowledge=True) as change:
            repo = change.store.reviews
            before = repo.get(topic, lock=True)
            if before is None:
                raise NotFound("That topic is no longer there.")
            after = Review(topic, utcnow(), actor.user_id)
            repo.mark(after)
            audit_id = change.record(AuditEntry("topic.review", ENTITY, topic, _data(before), _data(after)))
        return Saved(entity_id=topic, version=0, audit_id=audit_id)

    def restore(self, change: Change, topic: str, snapshot: dict | None, *, reverts: int, check: Check) -> Saved:
        """Undo: puts the review (or interval) `snapshot` recorded back, if nobody changed it since."""
        repo = change.store.reviews
        if topic == INTERVAL:
            now = {"days": repo.interval()}
            check(now)
            repo.set_interval(int((snapshot or {})["days"]))
            audit_id = change.record(AuditEntry("revert", ENTITY, topic, now, snapshot, reverts=reverts))
            return Saved(entity_id=topic, version=0, audit_id=audit_id)
        current = repo.get(topic, lock=True)
        if current is None or snapshot is None:
            raise NotFound("That topic is no longer there.")
        check(_data(current))
        repo.mark(Review(topic, datetime.fromisoformat(snapshot["reviewed_at"]), snapshot.get("reviewed_by")))
        audit_id = change.record(AuditEntry("revert", ENTITY, topic, _data(current), snapshot, reverts=reverts))
        return Saved(entity_id=topic, version=0, audit_id=audit_id)

    def set_interval(self, actor: Actor, days: int) -> Saved:
        """How many days a review holds, for the whole knowledge base."""
        if not 1 <= days <= MAX_REVIEW_DAYS:
            raise InvalidInput([Problem(("review_days",), f"must be between 1 and {MAX_REVIEW_DAYS} days")])
        with self.changes.begin(actor, knowledge=True) as change:
            repo = change.store.reviews
            before = repo.interval()
            if before == days:
                return Saved(entity_id=INTERVAL, version=0, audit_id=None)
            repo.set_interval(days)
            entry = AuditEntry("kb.review_days", ENTITY, INTERVAL, {"days": before}, {"days": days})
            audit_id = change.record(entry)
        return Saved(entity_id=INTERVAL, version=0, audit_id=audit_id)


def _data(review: Review) -> dict:
    return {"reviewed_at": review.at.isoformat(), "reviewed_by": review.by}
