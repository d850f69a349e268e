"""Requests people send the admins from an answer: "Ask an admin to add this" on a question the bot could
not answer, and the small form a 👎 opens ("Who should own this? Anything else?").

Anyone may send one (like a vote, it changes nothing but the admins' gaps list); a person asking again
about the same question replaces their earlier request. The admins to tell are the people the
workspace's settings list as admins; the Slack listener adds the workspace's own admins and owners.
"""

from __future__ import annotations

from bot.core.normalise import topic_of
from bot.services.knowledge import KnowledgeService
from bot.services.unanswered import gap_key
from bot.store.unit_of_work import unit_of_work

ADD = "add"
FEEDBACK = "feedback"


class TopicRequests:
    def __init__(self, knowledge: KnowledgeService):
        self.knowledge = knowledge

    def ask_to_add(self, *, team_id: str, user_id: str, question: str) -> bool:
        """Records that `user_id` would like the admins to add what `question` asks about; True the first
        time they ask (so the admins are told once, however often the button is clicked)."""
        key = self.key(question)
        with unit_of_work(self.knowledge.db) as store:
            repo = store.requests
            first = not repo.exists(team_id=team_id, user_id=user_id, kind=ADD, key=key)
            repo.record(team_id=team_id, user_id=user_id, kind=ADD, key=key, question=question)
        return first

    def answer_feedback(
        self, *, team_id: str, user_id: str, question: str, responsibility_id: str | None, owner: str, note: str
    ) -> None:
        """Records what `user_id` wrote after voting 👎 on the answer to `question` (empty fields: none)."""
        key = f"{self.key(question)}|{responsibility_id or ''}"
        with unit_of_work(self.knowledge.db) as store:
            store.requests.record(
                team_id=team_id,
                user_id=user_id,
                kind=FEEDBACK,
                key=key[:300],
                question=question,
                responsibility_id=responsibility_id,
                owner=owner.strip() or None,
                note=note.strip() or None,
            )

    def admins_named(self, team_id: str) -> tuple[str, ...]:
        """The admins the workspace's settings name (Slack's own admins and owners are not stored here)."""
        return self.knowledge.org(team_id).admins

    def key(self, question: str) -> str:
        """Rephrasings of one question count as one request, as unanswered questions do."""
        topic = topic_of(question)
        return gap_key(topic, self.knowledge.engine().matcher.vocabulary) or " ".join(topic.casefold().split())[:200]
