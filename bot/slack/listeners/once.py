"""Events answered exactly once, even across processes and crashes: the claim-then-answer protocol.

Each event is claimed in the database before Slack is told it arrived (`EventLedger`), with the event
itself, and the claim records how far the answer got. So a retry, or the same event reaching another
web process, is answered by one of them only; and an event whose process died before answering is
answered once its lease runs out, by Slack's retry or by `recovery.EventRecovery` in any process.
Mentions (`listeners.events`) and DMs (`listeners.agent`) both go through here.

The event is recorded before it is acknowledged, so a crash right after the ack costs a delay, not the
answer; but the ack waits for the claim at most `ACK_WAIT`, well inside Slack's 3 s, so a database that
hangs cannot cost the ack. A claim still running then is handed to the answer's thread (same process),
which waits for it instead of claiming a second time, since a second claim would find the first one's
and take it for another process.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as NotYet
from typing import Any

from slack_bolt import Ack, BoltContext

from bot.core.unavailable import KnowledgeUnavailable
from bot.services.events import Claim, EventLedger
from bot.slack.replies import Destination, Outcome, Reply, deliver

log = logging.getLogger(__name__)
CLAIM = "whoowns_claim"  # the context key: the Claim, None (another process has it), or absent (not yet)
ACK_WAIT = 1.5  # seconds the ack waits for its claim: Slack's 3 s are for the whole request


class AnsweredOnce:
    def __init__(self, ledger: EventLedger):
        self.ledger = ledger
        self._claims = ThreadPoolExecutor(max_workers=4, thread_name_prefix="event-claims")
        self._unfinished: dict[str, Future[Claim | None]] = {}
        self._lock = threading.Lock()

    def claim(self, ack: Ack, body: dict[str, Any], context: BoltContext) -> None:
        """The listener's ack: records the event first, since once acknowledged Slack will not send it again."""
        claiming = self._claims.submit(self._claim, body, context.team_id)
        try:
            context[CLAIM] = claiming.result(timeout=ACK_WAIT)
        except NotYet:
            with self._lock:
                self._unfinished[body["event_id"]] = claiming
        except KnowledgeUnavailable:
            log.warning("could not record event %s (team %s); trying again later", body["event_id"], context.team_id)
        ack()

    def deliver(
        self,
        where: Destination,
        body: dict[str, Any],
        context: BoltContext,
        produce: Callable[[], Reply | None],
    ) -> bool:
        """Sends what `produce` makes if this process holds (or can still take) the event's claim.

        False when another process has the event, so the caller does nothing more (no status, no title).
        """
        claim: Claim | None = context.get(CLAIM)
        if CLAIM in context and claim is None:
            return False  # another process has it, or answered it
        with self._lock:
            unfinished = self._unfinished.pop(body["event_id"], None)

        def produce_if_ours() -> Reply | None:
            nonlocal claim
            claim = claim or self._claim_now(body, context.team_id, unfinished)
            return produce() if claim else None

        outcome = Outcome.NOTHING  # what an error inside `deliver` leaves: the claim lapses and is tried again
        try:
            outcome = deliver(
                where, produce_if_ours, before_send=lambda: claim is not None and self.ledger.replying(claim)
            )
        finally:
            if claim is not None:
                self._record(claim, outcome)
        return claim is not None

    def _claim_now(
        self, body: dict[str, Any], team_id: str | None, unfinished: Future[Claim | None] | None
    ) -> Claim | None:
        """The ack's claim if it was still running (its result is final), else a claim made now."""
        if unfinished is not None:
            try:
                return unfinished.result()
            except KnowledgeUnavailable:
                log.warning("could not record event %s (team %s); trying again", body["event_id"], team_id)
        return self._claim(body, team_id)

    def _claim(self, body: dict[str, Any], team_id: str | None) -> Claim | None:
        return self.ledger.claim(body["event_id"], team_id=team_id, payload=json.dumps(body))

    def _record(self, claim: Claim, outcome: Outcome) -> None:
        """Answered (or apologised) for good; if nobody was told anything, it goes back to be tried again;
        either way, or with nothing said, this process is done with the claim."""
        try:
            if outcome in (Outcome.SENT, Outcome.APOLOGISED):
                self.ledger.answered(claim)
            elif outcome is Outcome.FAILED:
                self.ledger.release(claim)
            else:
                self.ledger.let_go(claim)
        except KnowledgeUnavailable:
            log.warning("could not record how event %s ended", claim.event_id, exc_info=True)
