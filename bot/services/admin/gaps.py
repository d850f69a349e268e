"""What the bot is missing, per workspace: questions it could not answer and answers people voted 👎.

People can ask for a question to be added ("Ask an admin to add this"): those who asked are listed with
the question, which is listed even when it has not been asked often. What people wrote after a 👎 (who
should own it, anything else) is listed with that 👎.

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
from bot.core.normalise import Vocabulary, topic_of
from bot.services.admin.actor import Actor
from bot.services.admin.permissions import Permissions
from bot.services.knowledge import KnowledgeService
from bot.services.topic_requests import ADD
from bot.services.unanswered import gap_key
from bot.store.gap_repository import Downvote
from bot.store.request_repository import TopicRequest
from bot.store.unit_of_work import unit_of_work

GAPS_SHOWN = 10
DOWNVOTES_READ = 500  # the latest 👎 votes looked at; older ones have had their chance to be seen


@dataclass(frozen=True)
class Note:
    """What someone wrote after a 👎: who should own it and anything else (either may be None)."""

    user_id: str
    owner: str | None
    note: str | None


@dataclass(frozen=True)
class Gap:
    kind: Literal["unanswered", "disliked", "requested"]
    text: str  # the question's topic, as it would be added as an alias
    count: int  # times asked (unanswered), 👎 votes (disliked) or people asking for it (requested)
    last_at: datetime
    answered: TopicRef | None = None  # the answer people voted down
    askers: tuple[str, ...] = ()  # who asked an admin to add it
    notes: tuple[Note, ...] = ()  # what people wrote with their 👎


ASKED_AGAIN = "who owns {}?"  # a stored topic checked as people ask it: a bare topic is matched by other rules


class Gaps:
    def __init__(self, knowledge: KnowledgeService, permissions: Permissions):
        self.knowledge = knowledge
        self.permissions = permissions

    def list(self, actor: Actor, *, limit: int = GAPS_SHOWN) -> list[Gap]:
        """The gaps of `actor`'s workspace, most asked first; `NotAllowed` unless `actor` is one of its admins."""
        self.permissions.require_reader(actor)
        team_id = actor.team_id
        engine, org = self.knowledge.engine_and_org(team_id)
        with unit_of_work(self.knowledge.db) as store:
            repo = store.gaps
            unanswered = repo.open_unanswered(team_id=team_id, limit=limit * 3)
            disliked: dict[tuple[str, str], list[Downvote]] = defaultdict(list)
            for vote in repo.downvotes(team_id=team_id, limit=DOWNVOTES_READ):
                if vote.responsibility_id:
                    question = gap_key(topic_of(vote.question), engine.matcher.vocabulary)
                    disliked[(question, vote.responsibility_id)].append(vote)
            changed = repo.last_changed(team_id=team_id, responsibility_ids={rid for _, rid in disliked})
            requests = store.requests.latest(team_id=team_id, limit=DOWNVOTES_READ)
        asked, notes = _grouped(requests, engine.matcher.vocabulary)
        found = [
            Gap("unanswered", row.text, row.count, row.last_asked_at, askers=_askers(asked.pop(row.key, [])))
            for row in unanswered
            if not engine.answer(ASKED_AGAIN.format(row.text), org).known
        ]
        for rows in asked.values():  # asked for, but no longer among the most asked unanswered questions
            if not engine.answer(rows[0].question, org).known:
                text = topic_of(rows[0].question) or rows[0].question
                found.append(Gap("requested", text, len(rows), rows[0].created_at, askers=_askers(rows)))
        for key, votes in disliked.items():
            responsibility_id = key[1]
            last = max(vote.created_at for vote in votes)
            answer = engine.answer(votes[0].question, org)
            same = answer.responsibility is not None and answer.responsibility.id == responsibility_id
            if same and changed.get(responsibility_id, last) <= last:
                written = tuple(Note(n.user_id, n.owner, n.note) for n in notes.get(key, []) if n.owner or n.note)
                text = topic_of(votes[0].question)
                found.append(Gap("disliked", text, len(votes), last, answer.responsibility, notes=written))
        found.sort(key=lambda gap: (not gap.askers, -gap.count, -gap.last_at.timestamp()))
        return found[:limit]


Grouped = dict[str, list[TopicRequest]]


def _grouped(
    requests: list[TopicRequest], vocabulary: Vocabulary
) -> tuple[Grouped, dict[tuple[str, str | None], list[TopicRequest]]]:
    """Requests to add a topic by question, and notes written with a 👎 by question and answer."""
    asked: Grouped = defaultdict(list)
    notes: dict[tuple[str, str | None], list[TopicRequest]] = defaultdict(list)
    for request in requests:
        if request.kind == ADD:
            asked[request.key].append(request)
        else:
            notes[(gap_key(topic_of(request.question), vocabulary), request.responsibility_id)].append(request)
    return asked, notes


def _askers(requests: list[TopicRequest]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(request.user_id for request in requests))
