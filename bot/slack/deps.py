"""What the Slack listeners (and the web pages) need, assembled once per process by `build_deps`.

A feature that needs another service adds a field here and one line in `build_deps`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlencode

from bot.core.answer import Answer
from bot.services.admin import Admin, build_admin
from bot.services.digest import Digests
from bot.services.events import DEFAULT_LEASE, EventLedger
from bot.services.feedback import FeedbackService
from bot.services.holder_checks import HolderChecks
from bot.services.knowledge import KnowledgeService
from bot.services.people import PersonNames
from bot.services.topic_requests import TopicRequests
from bot.services.workspace_links import WorkspaceLinks


@dataclass(frozen=True)
class Deps:
    knowledge: KnowledgeService
    feedback: FeedbackService
    events: EventLedger
    admin: Admin
    links: WorkspaceLinks
    requests: TopicRequests
    people: PersonNames
    holders: HolderChecks
    digests: Digests
    public_url: str | None = None

    def entry_url(self, answer: Answer, *, team_id: str | None) -> str | None:
        """The answer's page on the bot's own site, when the site has a public address.

        The link carries the workspace's signed token, so the page shows the same owner the answer names.
        """
        if not self.public_url or answer.responsibility is None:
            return None
        url = f"{self.public_url}/kb/{answer.responsibility.id}"
        token = self.links.token(team_id) if team_id else None
        return f"{url}?{urlencode({'team': token})}" if token else url


def build_deps(
    knowledge: KnowledgeService,
    *,
    public_url: str | None,
    links: WorkspaceLinks,
    knowledge_teams: frozenset[str] | None = None,
    event_lease: timedelta = DEFAULT_LEASE,
) -> Deps:
    """`knowledge_teams`: the workspaces whose admins may edit the shared knowledge (None: every one);
    `event_lease`: how long an event's claim stands before another process may answer it."""
    admin = build_admin(knowledge, knowledge_teams=knowledge_teams)
    people = PersonNames(knowledge.db)
    holders = HolderChecks(knowledge, people)
    return Deps(
        knowledge=knowledge,
        feedback=FeedbackService(knowledge.db),
        events=EventLedger(knowledge.db, lease=event_lease),
        admin=admin,
        links=links,
        requests=TopicRequests(knowledge),
        people=people,
        holders=holders,
        digests=Digests(knowledge, admin, holders),
        public_url=public_url,
    )
