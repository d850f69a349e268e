"""However an event's answer ends (sent, refused, nothing to say, an error), the process lets its claim go,
so it renews no lease it no longer needs; an answer sent is done, and one that reached nobody lapses, to be
tried again."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from slack_bolt import BoltContext

from bot.services.events import EventLedger
from bot.slack.listeners.once import CLAIM, AnsweredOnce
from bot.slack.replies import Reply

LEASE = timedelta(seconds=30)


@dataclass
class Channel:
    """A destination that takes every reply, or refuses every one."""

    takes: bool = True
    team_id: str | None = "T1"
    channel: str | None = "C1"
    sent: list[Reply] = field(default_factory=list)

    def send(self, reply: Reply) -> bool:
        self.sent.append(reply)
        return self.takes


def acknowledged(once: AnsweredOnce, event_id: str) -> tuple[dict, BoltContext]:
    body, context = {"event_id": event_id, "event": {"type": "app_mention"}}, BoltContext({"team_id": "T1"})
    once.claim(lambda: None, body, context)
    assert context[CLAIM] is not None
    return body, context


@pytest.mark.parametrize(
    ("takes", "reply"),
    [(True, Reply(text="the CTO")), (False, Reply(text="the CTO")), (True, None)],
    ids=["sent", "refused with its apology", "nothing to say"],
)
def test_the_claim_is_let_go_however_the_answer_ends(service, takes, reply):
    ledger = EventLedger(service.db, lease=LEASE)
    once = AnsweredOnce(ledger)
    body, context = acknowledged(once, "EvEnds")
    assert ledger.renew() == 1  # held while its answer is on the way
    once.deliver(Channel(takes=takes), body, context, lambda: reply)
    assert ledger.renew() == 0


@pytest.mark.parametrize(("takes", "tried_again"), [(True, False), (False, True)], ids=["sent", "refused"])
def test_an_answer_sent_is_done_and_one_slack_refused_with_its_apology_is_tried_again(service, takes, tried_again):
    once = AnsweredOnce(EventLedger(service.db, lease=LEASE))
    body, context = acknowledged(once, "EvOnce")
    once.deliver(Channel(takes=takes), body, context, lambda: Reply(text="the CTO"))
    other_process = EventLedger(service.db, lease=timedelta(0))  # for whom every claim has lapsed at once
    assert (len(other_process.abandoned()) == 1) is tried_again


def test_an_error_while_answering_lets_the_claim_go_and_the_event_is_tried_again(service):
    ledger = EventLedger(service.db, lease=LEASE)
    once = AnsweredOnce(ledger)
    body, context = acknowledged(once, "EvBroken")

    def broken() -> Reply:
        raise RuntimeError("a bug while making the reply")

    with pytest.raises(RuntimeError):
        once.deliver(Channel(), body, context, broken)
    assert ledger.renew() == 0
    assert len(EventLedger(service.db, lease=timedelta(0)).abandoned()) == 1
