"""What the Slack listeners (and the web pages) need, assembled once per process by `build_deps`.

A feature that needs another service adds a field here and one line in `build_deps`.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.core.answer import Answer
from bot.services.admin import Admin, build_admin
from bot.services.events import EventLedger
from bot.services.feedback import FeedbackService
from bot.services.knowledge import KnowledgeService


@dataclass(frozen=True)
class Deps:
    knowledge: KnowledgeService
    feedback: FeedbackService
    events: EventLedger
    admin: Admin
    public_url: str | None = None

    def entry_url(self, answer: Answer) -> str | None:
        """The answer's page on the bot's own site, when the site has a public address."""
        if self.public_url and answer.responsibility is not None:
            return f"{self.public_url}/kb/{answer.responsibility.id}"
        return None


def build_deps(
    knowledge: KnowledgeService, *, public_url: str | None, knowledge_teams: frozenset[str] | None = None
) -> Deps:
    """`knowledge_teams`: the workspaces whose admins may edit the shared knowledge (None: every one)."""
    return Deps(
        knowledge=knowledge,
        feedback=FeedbackService(knowledge.db),
        events=EventLedger(knowledge.db),
        admin=build_admin(knowledge, knowledge_teams=knowledge_teams),
        public_url=public_url,
    )
