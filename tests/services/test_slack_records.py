"""Event claims and feedback votes on both databases: atomic, one per event, one vote per person."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace

from sqlalchemy import func, select

from bot.services.events import EventLedger
from bot.services.feedback import AnswerMessage, FeedbackService, Tally
from bot.store.tables import FeedbackRow

MESSAGE = AnswerMessage("T1", "C1", "1700000000.000100", "who owns pricing?", "pricing")


def test_an_event_is_claimed_once_even_by_racing_threads(service):
    ledger = EventLedger(service.db)
    with ThreadPoolExecutor(max_workers=8) as pool:
        claims = list(pool.map(lambda _: ledger.claim("Ev123", team_id="T1"), range(8)))
    assert claims.count(True) == 1
    assert ledger.claim("Ev456", team_id="T1") is True


def test_old_claims_are_forgotten_and_recent_ones_kept(service):
    ledger = EventLedger(service.db)
    ledger.claim("EvRecent", team_id=None)
    assert ledger.forget_old() == 0
    assert ledger.claim("EvRecent", team_id=None) is False


def test_one_vote_per_person_per_answer_and_voting_again_changes_it(service):
    feedback = FeedbackService(service.db)
    assert feedback.vote(MESSAGE, user_id="U1", helpful=True) == Tally(up=1, down=0)
    assert feedback.vote(MESSAGE, user_id="U1", helpful=False) == Tally(up=0, down=1)
    assert feedback.vote(MESSAGE, user_id="U2", helpful=True) == Tally(up=1, down=1)
    other_team = replace(MESSAGE, team_id="T2")  # the same message ts in another workspace is another answer
    assert feedback.vote(other_team, user_id="U1", helpful=True) == Tally(up=1, down=0)
    with service.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackRow)) == 3
