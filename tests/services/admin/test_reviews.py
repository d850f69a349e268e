"""Topics due a review, "Still right" (recorded, undoable), edits as reviews, and the answer's context line."""

from datetime import timedelta

import pytest

from bot.core.clock import utcnow
from bot.core.freshness import Review
from bot.core.problems import InvalidInput
from bot.services.admin import NotAllowed
from bot.services.freshness import with_review
from bot.store.review_repository import ReviewRepository
from tests.services.admin.conftest import MEMBER, WORKSPACE_ADMIN, draft_of

LATER = timedelta(days=200)  # past the default interval of 180 days


def test_topics_are_due_once_their_review_runs_out_and_an_answer_says_so(admin, service):
    assert admin.reviews.due() == []
    due = admin.reviews.due(now=utcnow() + LATER)
    assert {t.id for t in due} >= {"pricing", "hosting-costs"} and len(due) == len(service.engine().kb.active)
    answer = with_review(service.ask("who owns pricing?"), service.freshness(), utcnow() + LATER)
    assert answer.last_reviewed.startswith("last reviewed 6 months ago (")
    assert service.ask("who owns pricing?").last_reviewed is None  # fresh today


def test_still_right_is_a_recorded_review_that_undo_takes_back(admin, service):
    saved = admin.reviews.still_right(WORKSPACE_ADMIN, "pricing")
    later = utcnow() + timedelta(days=179)
    with service.db.transaction() as session:
        ReviewRepository(session).mark(Review("hosting-costs", utcnow() - LATER, None))
    due = {t.id for t in admin.reviews.due(now=later)}
    assert "hosting-costs" in due and "pricing" not in due
    [latest, *_] = admin.history.latest(WORKSPACE_ADMIN)
    assert (latest.id, latest.summary, latest.actor) == (saved.audit_id, "said “pricing” is still right", "U0ADMIN1")
    admin.history.revert(WORKSPACE_ADMIN, saved.audit_id)
    [undone, *_] = admin.history.latest(WORKSPACE_ADMIN)
    assert undone.summary == f"undid change #{saved.audit_id}: put back the review of “pricing”"


def test_an_admin_edit_counts_as_a_review(admin):
    draft, version = draft_of(admin, "pricing", reasoning="Pricing is the CPO's: it is part of the product.")
    admin.responsibilities.update(WORKSPACE_ADMIN, "pricing", draft, expected_version=version)
    (review,) = [t.review for t in admin.reviews.due(now=utcnow() + LATER) if t.id == "pricing"]
    assert review.by == WORKSPACE_ADMIN.user_id and utcnow() - review.at < timedelta(minutes=1)


def test_nobody_but_an_admin_says_still_right_and_the_interval_is_checked(admin, service):
    with pytest.raises(NotAllowed):
        admin.reviews.still_right(MEMBER, "pricing")
    admin.reviews.set_interval(WORKSPACE_ADMIN, 30)
    assert service.freshness().days == 30
    assert {t.id for t in admin.reviews.due(now=utcnow() + timedelta(days=31))} >= {"pricing"}
    with pytest.raises(InvalidInput, match="between 1 and 3650"):
        admin.reviews.set_interval(WORKSPACE_ADMIN, 0)
    assert service.freshness().days == 30
