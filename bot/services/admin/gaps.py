"""What the bot is missing, per workspace: questions it could not answer and answers people voted 👎.

Only what is still a gap is listed: a question the bot now answers (an admin added it as an alias, or a
new entry covers it) drops off by itself, and a 👎 drops off once the answer it was about has changed
since (the question now finds another entry, or the entry or the workspace's settings were saved after
the vote). Most asked first.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from bot.core.answer import TopicRef
from bot.core.normalise import topic_of
from bot.services.knowledge import KnowledgeService
from bot.services.unanswered import gap_key
from bot.store.gap_repository import GapRepository
from bot.store.tables import FeedbackRow

GAPS_SHOWN = 10
DOWNVOTES_READ = 500  # the latest 👎 votes looked at; older ones have had their chance to be seen


@dataclass(frozen=True)
class Gap:
    kind: Literal["unanswered", "disliked"]
    text: str  # the question's topic, as it would be added as an alias
    count: int  # times asked (unanswered) or 👎 votes (disliked)
    last_at: datetime
    answered: TopicRef | None = None  # the answer people voted down


class Gaps:
    def __init__(self, knowledge: KnowledgeService):
        self.knowledge = knowledge

    def list(self, team_id: str, *, limit: int = GAPS_SHOWN) -> list[Gap]:
        engine, org = self.knowledge.engine(), self.knowledge.org(team_id)
        with self.knowledge.db.transaction() as session:
            repo = GapRepository(session)
            unanswered = repo.open_unanswered(team_id=team_id, limit=limit * 3)
            disliked: dict[tuple[str, str], list[FeedbackRow]] = defaultdict(list)
            for vote in repo.downvotes(team_id=team_id, limit=DOWNVOTES_READ):
                if vote.responsibility_id:
                    key = gap_key(topic_of(vote.question), engine.matcher.vocabulary)
                    disliked[(key, vote.responsibility_id)].append(vote)
            changed = repo.last_changed(team_id=team_id, responsibility_ids={rid for _, rid in disliked})
        found = [
            Gap("unanswered", row.text, row.count, row.last_asked_at)
            for row in unanswered
            if not engine.answer(row.text, org).known
        ]
        for (_, responsibility_id), votes in disliked.items():
            last = max(vote.created_at for vote in votes)
            answer = engine.answer(votes[0].question, org)
            same = answer.responsibility is not None and answer.responsibility.id == responsibility_id
            if same and changed.get(responsibility_id, last) <= last:
                found.append(Gap("disliked", topic_of(votes[0].question), len(votes), last, answer.responsibility))
        found.sort(key=lambda gap: (-gap.count, -gap.last_at.timestamp()))
        return found[:limit]
