"""Answers the events a dead process left behind: a crash costs a delay, never an answer.

Every server process runs one `EventRecovery`: two threads. One renews, three times a lease, the claims
this process holds (`EventLedger.renew`), so that while it lives they never look abandoned, however long
its backlog. The other, each round, asks the ledger for events whose claim ran out without an answer and
replays each through the Bolt app exactly as Slack's retry of the event would arrive (already verified,
so as a Socket Mode request, which skips the signature check). The listener then takes the claim over
atomically, so of several processes replaying one event only one answers it. The two are apart because
replaying a round of events can take longer than a renewal may wait.
"""

from __future__ import annotations

import json
import logging
import threading

from slack_bolt import App, BoltRequest

from bot.core.unavailable import KnowledgeUnavailable
from bot.metrics import count
from bot.services.events import EventLedger

log = logging.getLogger(__name__)


class EventRecovery:
    def __init__(self, app: App, ledger: EventLedger):
        self.app = app
        self.ledger = ledger
        self.every = ledger.lease.total_seconds() / 2
        self._stopped = threading.Event()

    def start(self) -> EventRecovery:
        threading.Thread(target=self._run, name="whoowns-event-recovery", daemon=True).start()
        threading.Thread(target=self._renew, name="whoowns-claim-renewal", daemon=True).start()
        return self

    def stop(self) -> None:
        self._stopped.set()

    def recover(self) -> int:
        """Replays every abandoned event found now; returns how many."""
        try:
            payloads = self.ledger.abandoned()
        except KnowledgeUnavailable as error:
            log.warning("could not look for abandoned events: %s", str(error).splitlines()[0])
            return 0
        for payload in payloads:
            body = json.loads(payload)
            log.info("answering event %s, left unanswered by a process that stopped", body.get("event_id"))
            count("events", outcome="recovered")
            self.app.dispatch(BoltRequest(body=body, mode="socket_mode"))
        return len(payloads)

    def _run(self) -> None:
        while not self._stopped.is_set():
            self.recover()
            self._stopped.wait(self.every)

    def _renew(self) -> None:
        while not self._stopped.wait(self.ledger.lease.total_seconds() / 3):
            try:
                self.ledger.renew()
            except KnowledgeUnavailable as error:
                log.warning("could not renew this process's event claims: %s", str(error).splitlines()[0])
