"""The weekly digest to each workspace's admins: most asked unanswered questions, new 👎, topics gone stale,
holders that need attention (deactivated, or titled for something else: `bot.core.holders`).

Sent exactly once per workspace per ISO week however many processes run it: each claims the week for the
workspace in the database first (`DigestRepository.claim`, one row a second claim conflicts with), and
only the claimant builds and sends it. A digest with nothing to say is recorded as skipped and not sent;
a workspace whose settings say `digest: false` is not claimed at all. Who receives it: the admins its
settings name and the person who installed the app there (`recipients`, supplied by the Slack side).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.core.clock import as_utc, utcnow
from bot.core.holders import FlaggedHolder
from bot.services.admin import Actor, Admin, DueTopic, Gap
from bot.services.holder_checks import HolderChecks
from bot.services.knowledge import KnowledgeService
from bot.services.people import Lookup
from bot.store.unit_of_work import unit_of_work

log = logging.getLogger(__name__)
WEEK = timedelta(days=7)
SHOWN = 5  # of each kind
DIGEST_ACTOR = "weekly-digest"  # the app reading a workspace's gaps for the digest its admins get


@dataclass(frozen=True)
class Digest:
    team_id: str
    week: str
    unanswered: list[Gap] = field(default_factory=list)  # the most asked, last asked this week
    disliked: list[Gap] = field(default_factory=list)  # answers voted 👎 this week
    stale: list[DueTopic] = field(default_factory=list)  # topics whose review ran out this week
    holders: list[FlaggedHolder] = field(default_factory=list)  # holders that need attention now

    @property
    def empty(self) -> bool:
        return not (self.unanswered or self.disliked or self.stale or self.holders)


Send = Callable[[Digest, list[str]], bool]  # sends a digest to these users; False when it could not
LookupFor = Callable[[str], Lookup | None]  # a workspace's `users.info` (None: the cached profiles alone)


def week_of(now: datetime) -> str:
    year, week, _ = now.isocalendar()
    return f"{year}-W{week:02d}"


class Digests:
    def __init__(self, knowledge: KnowledgeService, admin: Admin, holders: HolderChecks):
        self.knowledge = knowledge
        self.admin = admin
        self.holders = holders

    def build(self, team_id: str, *, now: datetime, lookup: Lookup | None = None) -> Digest:
        since, days = now - WEEK, self.knowledge.freshness().days
        app = Actor(team_id=team_id, user_id=DIGEST_ACTOR, workspace_admin=True)  # it is sent to the admins alone
        gaps = [g for g in self.admin.gaps.list(app, limit=SHOWN * 4) if as_utc(g.last_at) >= since]
        gone_stale = [t for t in self.admin.reviews.due(now=now) if t.review.at + timedelta(days=days) >= since]
        return Digest(
            team_id,
            week_of(now),
            unanswered=[g for g in gaps if g.kind == "unanswered"][:SHOWN],
            disliked=[g for g in gaps if g.kind == "disliked"][:SHOWN],
            stale=gone_stale,
            holders=self.holders.flagged(team_id, lookup=lookup),
        )

    def send_due(
        self,
        send: Send,
        recipients: Callable[[str], list[str]],
        *,
        now: datetime | None = None,
        lookup_for: LookupFor = lambda _team_id: None,
    ) -> dict:
        """Claims and sends this week's digest of every workspace not yet claimed; returns each outcome."""
        now = now or utcnow()
        week, outcomes = week_of(now), {}
        with unit_of_work(self.knowledge.db) as store:
            teams = store.digests.workspaces()
        for team_id in teams:
            if not self.knowledge.org(team_id).digest:
                continue
            with unit_of_work(self.knowledge.db) as store:
                if not store.digests.claim(team_id, week, now=now):
                    continue
            digest = self.build(team_id, now=now, lookup=lookup_for(team_id))
            outcomes[team_id] = self._send(digest, send, recipients)
            with unit_of_work(self.knowledge.db) as store:
                store.digests.finish(team_id, week, outcomes[team_id])
        return outcomes

    def _send(self, digest: Digest, send: Send, recipients: Callable[[str], list[str]]) -> str:
        people = recipients(digest.team_id)
        if digest.empty or not people:
            return "skipped"
        return "sent" if send(digest, people) else "failed"
