"""Slack events answered exactly once across processes, and still answered when a process dies.

An event is claimed in the database before Slack is told it arrived, with the event itself. The claim
then records progress: `claimed` -> `replying` (the reply is on its way to Slack) -> `answered`. A claim
still `claimed` after `lease` belongs to a process presumed dead: Slack's retry of that event, or any
process looking for `abandoned()` events, takes it over with a new token. Each step is conditional on
the token, so a slow process that lost its claim cannot reply as well.

One window is unavoidable: a process that dies while its reply is on the wire leaves no way to know
whether Slack got it. Such a claim (`replying`) is taken over only after `REPLYING_LEASES` leases, and
its reply sent again: a crash at that instant may repeat one answer, but never loses it.

A live process renews the claims it holds (`renew`, from its recovery thread), so a backlog longer than
the lease does not make its own queued events look abandoned: taking them over from itself would waste
their attempts, and an event out of attempts is never answered after a crash. A claim is renewed for at
most `REPLYING_LEASES` leases, so one that a process forgot (a bug, a hung call) still lapses.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.clock import utcnow
from bot.metrics import count
from bot.store.database import Database
from bot.store.slack_records import ANSWERED, CLAIMED, REPLYING, Lapsed
from bot.store.unit_of_work import unit_of_work

KEEP_CLAIMS_FOR = timedelta(days=1)  # Slack gives up retrying within minutes; a day is ample
DEFAULT_LEASE = timedelta(seconds=30)  # an answer takes well under a second; a claim this old was left
ABANDONED_PER_ROUND = 20
REPLYING_LEASES = 10  # far longer than slack_sdk's retries of a rate-limited or failed post


@dataclass(frozen=True)
class Claim:
    event_id: str
    token: str


class EventLedger:
    def __init__(self, db: Database, *, lease: timedelta = DEFAULT_LEASE, now: Callable[[], datetime] = utcnow):
        self.db = db
        self.lease = lease
        self.now = now
        self._held: dict[Claim, datetime] = {}  # this process's claims still being answered, and when taken
        self._lock = threading.Lock()

    def claim(self, event_id: str, *, team_id: str | None, payload: str) -> Claim | None:
        """The claim when this process should answer the event; None when another one has it or had it."""
        token, now = uuid.uuid4().hex, self.now()
        with unit_of_work(self.db) as store:
            taken = store.events.claim(
                event_id, team_id=team_id, payload=payload, token=token, now=now, lapsed=self._lapsed(now)
            )
        count("events", outcome="claimed" if taken else "duplicate")
        if not taken:
            return None
        claim = Claim(event_id, token)
        with self._lock:
            self._held[claim] = now
        return claim

    def replying(self, claim: Claim) -> bool:
        """True if the claim is still ours, now marked as replying (nobody else will); False: drop the reply."""
        return self._advance(claim, REPLYING)

    def answered(self, claim: Claim) -> None:
        try:
            self._advance(claim, ANSWERED)
        finally:
            self.let_go(claim)

    def release(self, claim: Claim) -> None:
        """Nobody was told anything: the event goes back to be tried again once the lease runs out."""
        try:
            self._advance(claim, CLAIMED)
        finally:
            self.let_go(claim)

    def let_go(self, claim: Claim) -> None:
        """This process is done with the claim (answered, released, lost or nothing to say): no more renewals."""
        with self._lock:
            self._held.pop(claim, None)

    def renew(self) -> int:
        """Restarts the lease of every claim this process still holds; returns how many it kept. A claim
        held `REPLYING_LEASES` leases, or taken over meanwhile, is let go."""
        now = self.now()
        with self._lock:
            for claim in [c for c, taken in self._held.items() if taken < now - self.lease * REPLYING_LEASES]:
                del self._held[claim]
            held = list(self._held)
        if not held:
            return 0
        with unit_of_work(self.db) as store:
            kept = store.events.renew([claim.token for claim in held], now=now)
        with self._lock:
            for claim in held:
                if claim.token not in kept:
                    self._held.pop(claim, None)
        return len(kept)

    def abandoned(self) -> list[str]:
        """Events (as Slack sent them) whose claim ran out without an answer, oldest first; never one this
        process is still answering."""
        with self._lock:
            ours = {claim.event_id for claim in self._held}
        with unit_of_work(self.db) as store:
            return store.events.abandoned(lapsed=self._lapsed(self.now()), limit=ABANDONED_PER_ROUND, excluding=ours)

    def forget_old(self) -> int:
        """Drops claims no retry can still need; called once when the server starts."""
        with unit_of_work(self.db) as store:
            return store.events.forget_before(self.now() - KEEP_CLAIMS_FOR)

    def _lapsed(self, now: datetime) -> Lapsed:
        return Lapsed(claimed_before=now - self.lease, replying_before=now - self.lease * REPLYING_LEASES)

    def _advance(self, claim: Claim, state: str) -> bool:
        with unit_of_work(self.db) as store:
            return store.events.advance(claim.event_id, claim.token, to=state, now=self.now())
