"""The weekly digest: what it says, skipped when there is nothing to say or when turned off, and sent
exactly once per workspace per week by two processes racing on PostgreSQL."""

from __future__ import annotations

import multiprocessing
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.core.clock import utcnow
from bot.core.freshness import Review
from bot.services.digest import Digests, week_of
from bot.services.holder_checks import HolderChecks
from bot.services.knowledge import KnowledgeService
from bot.services.people import PersonNames
from bot.store.database import Database
from bot.store.repository import OrgRepository
from bot.store.review_repository import DigestRepository, ReviewRepository
from bot.wiring import build_admin
from tests.conftest import KNOWLEDGE_DIR

ADMIN = "U0ADMIN1"
TEAMS = ("T0BUSY", "T0QUIET", "T0OFF")


def digests_for(service: KnowledgeService) -> Digests:
    return Digests(service, build_admin(service), HolderChecks(service, PersonNames(service.db)))


def set_up(service: KnowledgeService) -> None:
    """T0BUSY has an unanswered question and a topic gone stale; T0QUIET nothing new; T0OFF turned off."""
    for team, digest in (("T0BUSY", True), ("T0QUIET", True), ("T0OFF", False)):
        org = service.check_org({"roles": {"CEO": {}, "CTO": {}}, "admins": [ADMIN], "digest": digest})
        with service.db.transaction() as session:
            OrgRepository(session).save(team, org, by=ADMIN, first=True)
    service.ask("who owns the espresso maker?", team_id="T0BUSY")
    service.ask("who owns the espresso maker?", team_id="T0OFF")
    with service.db.transaction() as session:
        repo = ReviewRepository(session)
        for review in repo.all():  # everything reviewed recently, but one topic 181 days ago
            repo.mark(Review(review.topic, utcnow() - timedelta(days=1), None))
        repo.mark(Review("pricing", utcnow() - timedelta(days=181), "U0OLD"))


def test_the_digest_says_what_happened_this_week(service):
    set_up(service)
    digests = digests_for(service)
    busy = digests.build("T0BUSY", now=utcnow())
    assert [g.text for g in busy.unanswered] == ["espresso maker"]
    assert [t.id for t in busy.stale] == ["pricing"]
    assert digests.build("T0QUIET", now=utcnow()).unanswered == []


def test_one_digest_a_week_skipped_when_empty_and_none_when_off(service):
    set_up(service)
    digests, sent = digests_for(service), []
    outcomes = digests.send_due(lambda d, people: sent.append((d.team_id, people)) or True, lambda _team: [ADMIN])
    assert outcomes == {"T0BUSY": "sent", "T0QUIET": "sent"}  # T0QUIET: pricing went stale for every workspace
    assert sorted(sent) == [("T0BUSY", [ADMIN]), ("T0QUIET", [ADMIN])]
    assert digests.send_due(lambda d, _people: sent.append(d.team_id) or True, lambda _team: [ADMIN]) == {}
    next_week = utcnow() + timedelta(days=7)
    quiet = digests.send_due(lambda _d, _people: True, lambda _team: [ADMIN], now=next_week)
    assert quiet == {"T0BUSY": "skipped", "T0QUIET": "skipped"}  # nothing new that week
    with service.db.transaction() as session:
        assert DigestRepository(session).outcome("T0OFF", week_of(next_week)) is None


def test_a_holder_that_needs_attention_is_in_the_digest_and_alone_is_enough_to_send_it(service):
    set_up(service)
    org = service.check_org({"roles": {"CEO": {}, "CTO": {"holder": "U0ADA"}}, "admins": [ADMIN]})
    with service.db.transaction() as session:
        OrgRepository(session).save("T0QUIET", org, by=ADMIN, first=False)  # set_up saved it once
    slack = {"U0ADA": {"id": "U0ADA", "real_name": "Ada", "profile": {"title": "Head of Sales"}}}
    digests, next_week = digests_for(service), utcnow() + timedelta(days=7)
    quiet = digests.build("T0QUIET", now=next_week, lookup=slack.get)
    assert (quiet.unanswered, quiet.disliked, quiet.stale) == ([], [], [])
    assert [(f.role, f.holder.name, f.holder.title) for f in quiet.holders] == [("CTO", "Ada", "Head of Sales")]
    outcomes = digests.send_due(
        lambda _d, _people: True, lambda _team: [ADMIN], now=next_week, lookup_for=lambda _t: None
    )
    assert outcomes == {"T0BUSY": "skipped", "T0QUIET": "sent"}  # the cached profile answers without a lookup


def _race(url: str, sent_log: str, start, now: datetime) -> None:
    """One process's run: waits for the other, then sends whatever this week's digests it can claim."""
    service = KnowledgeService(Database(url), KNOWLEDGE_DIR)
    digests = digests_for(service)

    def send(digest, people) -> bool:
        with open(sent_log, "a", encoding="utf-8") as log:
            log.write(f"{digest.team_id} {os.getpid()}\n")
        return True

    start.wait(timeout=60)
    digests.send_due(send, lambda _team: [ADMIN], now=now)


@pytest.mark.postgres
def test_two_processes_send_each_workspaces_digest_exactly_once(postgres_url, tmp_path):
    service = KnowledgeService(Database(postgres_url), KNOWLEDGE_DIR)
    set_up(service)
    sent_log = str(tmp_path / "sent.log")
    now = datetime.now(UTC)
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(2)
    processes = [context.Process(target=_race, args=(postgres_url, sent_log, start, now)) for _ in range(2)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=120)
        assert process.exitcode == 0
    lines = Path(sent_log).read_text(encoding="utf-8").splitlines()
    assert sorted(line.split()[0] for line in lines) == ["T0BUSY", "T0QUIET"]
    with service.db.transaction() as session:
        assert DigestRepository(session).outcome("T0BUSY", week_of(now)) == "sent"
