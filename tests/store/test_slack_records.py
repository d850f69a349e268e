"""Event claims and feedback votes on both databases: atomic, one per event, one vote per person."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta

from sqlalchemy import func, select

from bot.services.events import REPLYING_LEASES, Claim, EventLedger
from bot.services.feedback import AnswerMessage, FeedbackService, Tally
from bot.store.tables import FeedbackRow
from tests.helpers import Clock

# Longer than any pause a busy machine puts between a claim's reading the clock and its statement running:
# with 0.5 s, under load, a first taker's claim could already look lapsed to a second taker (seen in CI).
LEASE = timedelta(seconds=2)
MESSAGE = AnswerMessage("T1", "C1", "1700000000.000100", "who owns pricing?", "pricing")


def claim(ledger: EventLedger, event_id: str) -> Claim | None:
    return ledger.claim(event_id, team_id="T1", payload=json.dumps({"event_id": event_id}))


def test_an_event_is_claimed_once_even_by_racing_threads(service):
    ledger = EventLedger(service.db)
    with ThreadPoolExecutor(max_workers=8) as pool:
        claims = list(pool.map(lambda _: claim(ledger, "Ev123"), range(8)))
    assert len([c for c in claims if c is not None]) == 1
    assert claim(ledger, "Ev456") is not None


def test_old_claims_are_forgotten_and_recent_ones_kept(service):
    ledger = EventLedger(service.db)
    claim(ledger, "EvRecent")
    assert ledger.forget_old() == 0
    assert claim(ledger, "EvRecent") is None


def test_a_claim_left_unanswered_past_its_lease_is_taken_over_once_and_the_old_holder_cannot_reply(service):
    dead_process, ledger = EventLedger(service.db, lease=LEASE), EventLedger(service.db, lease=LEASE)
    dead = claim(dead_process, "EvLost")
    assert dead is not None and claim(ledger, "EvLost") is None  # within the lease: its holder may be working
    assert ledger.abandoned() == []
    time.sleep(LEASE.total_seconds() * 2)
    assert ledger.abandoned() == [json.dumps({"event_id": "EvLost"})]
    with ThreadPoolExecutor(max_workers=8) as pool:  # Slack's retry and every process's recovery at once
        takers = [c for c in pool.map(lambda _: claim(ledger, "EvLost"), range(8)) if c is not None]
    assert len(takers) == 1
    assert dead_process.replying(dead) is False  # the slow holder lost it: it must not reply as well
    assert ledger.replying(takers[0]) is True
    ledger.answered(takers[0])
    time.sleep(LEASE.total_seconds() * 2)
    assert claim(ledger, "EvLost") is None and ledger.abandoned() == []


def test_a_reply_on_its_way_to_slack_is_taken_over_only_after_ten_leases_and_a_released_claim_after_one(service):
    lease = timedelta(seconds=0.2)
    ledger = EventLedger(service.db, lease=lease)
    sending, failed = claim(ledger, "EvSending"), claim(ledger, "EvFailed")
    assert sending and failed and ledger.replying(sending) and ledger.replying(failed)
    ledger.release(failed)  # neither the reply nor the apology reached Slack
    time.sleep(lease.total_seconds() * 2)
    assert claim(ledger, "EvSending") is None  # its holder may still be waiting on Slack
    assert claim(ledger, "EvFailed") is not None
    time.sleep(lease.total_seconds() * (REPLYING_LEASES + 1))
    assert claim(ledger, "EvSending") is not None  # its holder died with the reply on the wire


def test_a_live_process_keeps_its_backlog_and_lets_a_forgotten_claim_lapse_after_ten_leases(service):
    clock = Clock()  # leases run out without the test waiting for them
    busy, other = EventLedger(service.db, lease=LEASE, now=clock), EventLedger(service.db, lease=LEASE, now=clock)
    queued, sending, done = claim(busy, "EvQueued"), claim(busy, "EvSending"), claim(busy, "EvDone")
    assert queued and sending and done and busy.replying(sending) and busy.replying(done)
    busy.answered(done)
    for _ in range(2 * REPLYING_LEASES - 1):  # half a lease at a time, just under ten leases in all
        clock.now += LEASE / 2
        assert busy.renew() == 2  # the queued and the sending one: the answered one needs no lease
        assert other.abandoned() == [] and claim(other, "EvQueued") is None  # however long the backlog
    clock.now += LEASE * 1.5  # a renewal came late: the queued claim looks lapsed to others, not to its holder
    assert other.abandoned() == [json.dumps({"event_id": "EvQueued"})] and busy.abandoned() == []
    assert busy.renew() == 0  # held ten leases now: let go, in case this process forgot them
    assert claim(other, "EvQueued") is not None
    assert busy.replying(queued) is False  # taken over: the late holder must not reply as well


def test_a_claim_taken_over_meanwhile_is_no_longer_renewed(service):
    clock = Clock()
    stalled, other = EventLedger(service.db, lease=LEASE, now=clock), EventLedger(service.db, lease=LEASE, now=clock)
    assert claim(stalled, "EvStalled") is not None
    clock.now += LEASE * 2  # its renewals stopped (a process frozen for two leases)
    assert claim(other, "EvStalled") is not None
    assert stalled.renew() == 0 and other.renew() == 1


def test_one_vote_per_person_per_answer_and_voting_again_changes_it(service):
    feedback = FeedbackService(service.db)
    assert feedback.vote(MESSAGE, user_id="U1", helpful=True) == Tally(up=1, down=0)
    assert feedback.vote(MESSAGE, user_id="U1", helpful=False) == Tally(up=0, down=1)
    assert feedback.vote(MESSAGE, user_id="U2", helpful=True) == Tally(up=1, down=1)
    other_team = replace(MESSAGE, team_id="T2")  # the same message ts in another workspace is another answer
    assert feedback.vote(other_team, user_id="U1", helpful=True) == Tally(up=1, down=0)
    with service.db.transaction() as session:
        assert session.scalar(select(func.count()).select_from(FeedbackRow)) == 3
