"""Unanswered questions are bounded per workspace: at most so many, the most asked, none too old."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from bot.core.clock import utcnow
from bot.services.unanswered import GapRetention
from bot.store.tables import UnansweredRow

TEAM = "T0JUNK"
QUESTIONS = [f"who owns the {word} rota?" for word in ("teapot", "bicycle", "aquarium", "piano", "garden", "locker")]


def stored(service, team: str = TEAM) -> dict[str, int]:
    with service.db.transaction() as session:
        rows = session.execute(select(UnansweredRow.text, UnansweredRow.count).where(UnansweredRow.team_id == team))
        return dict(rows.all())


def test_a_workspace_keeps_at_most_its_cap_of_questions_the_most_asked(service):
    service.gap_retention = GapRetention(per_workspace=3, max_age=timedelta(days=30))
    for times, question in zip((5, 4, 1, 3, 1, 2), QUESTIONS, strict=True):
        for _ in range(times):
            service.ask(question, team_id=TEAM)
    service.ask(QUESTIONS[0], team_id="T0OTHER")  # another workspace's questions count apart
    assert stored(service) == {"teapot rota": 5, "bicycle rota": 4, "piano rota": 3}
    assert stored(service, "T0OTHER") == {"teapot rota": 1}


def test_a_new_question_replaces_the_least_asked_and_oldest(service):
    service.gap_retention = GapRetention(per_workspace=2, max_age=timedelta(days=30))
    service.ask(QUESTIONS[0], team_id=TEAM)
    service.ask(QUESTIONS[0], team_id=TEAM)
    service.ask(QUESTIONS[1], team_id=TEAM)
    service.ask(QUESTIONS[2], team_id=TEAM)  # asked once like "bicycle", but more recently
    assert stored(service) == {"teapot rota": 2, "aquarium rota": 1}


def test_questions_not_asked_for_longer_than_the_age_limit_are_dropped(service):
    service.gap_retention = GapRetention(per_workspace=100, max_age=timedelta(days=30))
    service.ask(QUESTIONS[0], team_id=TEAM)
    with service.db.transaction() as session:
        session.execute(update(UnansweredRow).values(last_asked_at=utcnow() - timedelta(days=31)))
    service.ask(QUESTIONS[1], team_id=TEAM)
    assert stored(service) == {"bicycle rota": 1}
