"""Holders that stay current, for a workspace: the named holders that need an admin's attention (App Home,
`/whoowns admin`, the weekly digest) and the people who could fill a role (the settings form).

Holders are checked against their cached Slack profiles (`PersonNames`, the same cache and lifetime as
the names answers show); the rule itself is `bot.core.holders`. With a `lookup`, old and missing
profiles are fetched first; without one, the cache alone answers, so a surface with a deadline (a modal
opened from a trigger) never waits for Slack.
"""

from __future__ import annotations

from bot.core.holders import FlaggedHolder, Suggestion, flagged_holders, suggest_holders
from bot.services.knowledge import KnowledgeService
from bot.services.people import ListPeople, Lookup, PersonNames


class HolderChecks:
    def __init__(self, knowledge: KnowledgeService, people: PersonNames):
        self.knowledge = knowledge
        self.people = people

    def flagged(self, team_id: str, *, lookup: Lookup | None = None) -> list[FlaggedHolder]:
        org = self.knowledge.org(team_id)
        holders = [seat.holder for seat in org.roles.values() if seat.holder]
        profiles = self.people.profiles(team_id, holders, lookup=lookup)
        return flagged_holders(org, self.knowledge.engine().kb.roles, profiles)

    def suggestions(
        self, team_id: str, *, lookup: Lookup | None = None, list_people: ListPeople | None = None
    ) -> list[Suggestion]:
        """Suggested holders for the workspace's roles that have nobody named or a flagged holder."""
        org, roles = self.knowledge.org(team_id), self.knowledge.engine().kb.roles
        everyone = self.people.everyone(team_id, list_people=list_people)
        return suggest_holders(org, roles, everyone, flagged=self.flagged(team_id, lookup=lookup))
