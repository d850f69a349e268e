"""Writes racing on PostgreSQL: two admins saving one version (exactly one wins), saves moving the revision,
an import queued behind a modal save.

A third connection holds the row's lock while both writers start, so both are provably inside their
transactions at once, queued on the same row; when it lets go, one save goes through and the other is
told who got there first. No update is silently lost.
"""

import threading
import time

import pytest
from sqlalchemy import text

from bot.core.unavailable import WriteConflict
from bot.services.admin import Actor, Saved, StaleEdit
from bot.services.kb_files import Imported, export_data, import_file, to_yaml
from bot.services.knowledge import KnowledgeService
from bot.store.database import Database
from bot.store.repository import KnowledgeRepository
from bot.store.tables import AuditRow
from bot.store.unit_of_work import unit_of_work
from bot.wiring import build_admin
from tests.conftest import KNOWLEDGE_DIR
from tests.helpers import save_org
from tests.services.admin.conftest import TEAM, WORKSPACE_ADMIN

ALICE = Actor(team_id=TEAM, user_id="U0ALICE", workspace_admin=True)
BOB = Actor(team_id=TEAM, user_id="U0BOB", workspace_admin=True)
pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_service(postgres_url):
    service = KnowledgeService(Database(postgres_url), KNOWLEDGE_DIR)
    service.prepare()
    yield service
    service.db.dispose()


def race(service, lock_sql, saves):
    """Runs each save in its own thread while `lock_sql` holds the row; returns {user: Saved | StaleEdit}."""
    results = {}

    def run(actor, save):
        try:
            results[actor.user_id] = save(actor)
        except Exception as outcome:
            results[actor.user_id] = outcome

    with service.db.engine.connect() as blocker:
        holding = blocker.begin()
        blocker.execute(text(lock_sql))
        threads = [threading.Thread(target=run, args=(actor, save)) for actor, save in saves]
        for thread in threads:
            thread.start()
        wait_until_waiting(service, len(threads), results)
        holding.rollback()
    for thread in threads:
        thread.join(timeout=30)
    return results


def wait_until_waiting(service, count, results):
    """Until `count` sessions wait on a lock in this database (or a writer finished early: then it fails)."""
    query = text(
        "SELECT state, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    deadline = time.monotonic() + 60
    # Autocommit: PostgreSQL keeps one snapshot of pg_stat_activity for a whole transaction.
    with service.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as watcher:
        while True:
            sessions = watcher.execute(query).all()
            if sum(1 for s in sessions if s.wait_event_type == "Lock") >= count:
                return
            assert not results and time.monotonic() < deadline, (
                f"the writers never queued on the row lock: {results}, {sessions}"
            )
            time.sleep(0.02)


def one_winner(results):
    winners = [user for user, result in results.items() if isinstance(result, Saved)]
    losers = [result for result in results.values() if isinstance(result, StaleEdit)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert losers[0].changed_by == winners[0]
    return winners[0]


def test_two_concurrent_edits_of_one_entry_exactly_one_wins(pg_service):
    admin = build_admin(pg_service)
    draft, version = admin.responsibilities.open("hosting-costs")
    owners = {"U0ALICE": "COO", "U0BOB": "CEO"}
    results = race(
        pg_service,
        "SELECT 1 FROM responsibilities WHERE id = 'hosting-costs' FOR UPDATE",
        [
            (actor, lambda a: admin.responsibilities.update(
                a, "hosting-costs", draft.model_copy(update={"owner": owners[a.user_id]}), expected_version=version
            ))
            for actor in (ALICE, BOB)
        ],
    )  # fmt: skip
    winner = one_winner(results)
    assert pg_service.ask("who owns hosting costs?").role == owners[winner]
    assert [c.actor for c in admin.history.latest(WORKSPACE_ADMIN)] == [winner]


def test_two_concurrent_settings_saves_exactly_one_wins(pg_service):
    admin = build_admin(pg_service)
    save_org(pg_service, TEAM, {"roles": {"CEO": {}, "CTO": {}}}, by=None)
    _, version = admin.org.open(TEAM)
    holders = {"U0ALICE": "U0HOLDER1", "U0BOB": "U0HOLDER2"}
    results = race(
        pg_service,
        f"SELECT 1 FROM orgs WHERE team_id = '{TEAM}' FOR UPDATE",
        [
            (actor, lambda a: admin.org.update(
                a, {"roles": {"CEO": {}, "CTO": {"holder": holders[a.user_id]}}}, expected_version=version
            ))
            for actor in (ALICE, BOB)
        ],
    )  # fmt: skip
    winner = one_winner(results)
    assert pg_service.ask("who owns hosting costs?", team_id=TEAM).holder == holders[winner]


def test_two_first_ever_settings_saves_exactly_one_wins(pg_service):
    admin = build_admin(pg_service)
    barrier = threading.Barrier(2)
    results = {}

    def save(actor):
        barrier.wait()
        try:
            results[actor.user_id] = admin.org.update(actor, {"fallback": "CTO"}, expected_version=0)
        except Exception as outcome:
            results[actor.user_id] = outcome

    threads = [threading.Thread(target=save, args=(actor,)) for actor in (ALICE, BOB)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    one_winner(results)


def test_a_first_save_that_finds_settings_stored_meanwhile_fails_instead_of_overwriting_them(pg_service):
    """The interleaving `test_two_first_ever_settings_saves_exactly_one_wins` can hit, forced: one save
    finds no settings, another stores some and commits, then the first writes."""
    org = pg_service.check_org({"roles": {"CEO": {}, "CTO": {}}, "fallback": "CTO"})
    with pytest.raises(WriteConflict), unit_of_work(pg_service.db) as late:
        assert late.orgs.get(TEAM) is None
        save_org(pg_service, TEAM, {"roles": {"CEO": {}, "CPO": {}}, "fallback": "CPO"}, by="U0BOB")  # meanwhile
        late.orgs.save(TEAM, org, by="U0ALICE", first=True)
    stored = pg_service.org(TEAM)
    assert stored.fallback == "CPO"  # the first save to commit stands


def stored_revision(service):
    with service.db.transaction() as session:
        return KnowledgeRepository(session).revision()


def test_two_concurrent_saves_of_different_entries_each_move_the_revision(pg_service):
    """Both wait on the revision row; each must add its own 1, or one process keeps an outdated matcher."""
    admin = build_admin(pg_service)
    edits = {"U0ALICE": "hosting-costs", "U0BOB": "pricing"}
    opened = {user: admin.responsibilities.open(entry) for user, entry in edits.items()}
    start = stored_revision(pg_service)
    results = race(
        pg_service,
        "SELECT 1 FROM kb_state WHERE id = 1 FOR UPDATE",
        [
            (actor, lambda a: admin.responsibilities.update(
                a, edits[a.user_id], opened[a.user_id][0].model_copy(update={"owner": "COO"}),
                expected_version=opened[a.user_id][1],
            ))
            for actor in (ALICE, BOB)
        ],
    )  # fmt: skip
    assert all(isinstance(result, Saved) for result in results.values()), results
    assert stored_revision(pg_service) == start + 2


def test_an_import_racing_a_modal_save_neither_loses_it_nor_reuses_its_version(pg_service, tmp_path):
    """The save is queued on the entry first, the import behind it: the import must see the save.

    It then replaces it knowingly (its history entry holds the admin's save, so undoing the import brings it
    back), with a newer version, and an editor opened before the import is told instead of saving over it.
    """
    admin = build_admin(pg_service)
    draft, version = admin.responsibilities.open("hosting-costs")
    data = export_data(pg_service, team_id=None)
    entry = next(r for r in data["responsibilities"] if r["id"] == "hosting-costs")
    entry["reasoning"] = "Hosting is infrastructure, which the CTO runs."
    path = tmp_path / "kb.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    results = {}

    def save():
        try:
            results["save"] = admin.responsibilities.update(
                ALICE, "hosting-costs", draft.model_copy(update={"owner": "COO"}), expected_version=version
            )
        except Exception as outcome:
            results["save"] = outcome

    def load():
        try:
            results["import"] = import_file(pg_service, path, team_id=None, by="cli:carol")
        except Exception as outcome:
            results["import"] = outcome

    with pg_service.db.engine.connect() as blocker:
        holding = blocker.begin()
        blocker.execute(text("SELECT 1 FROM responsibilities WHERE id = 'hosting-costs' FOR UPDATE"))
        saving = threading.Thread(target=save)
        saving.start()
        wait_until_waiting(pg_service, 1, results)
        importing = threading.Thread(target=load)
        importing.start()
        wait_until_waiting(pg_service, 2, results)
        holding.rollback()
    for thread in (saving, importing):
        thread.join(timeout=30)
    assert isinstance(results["save"], Saved) and results["save"].version == version + 1, results
    assert isinstance(results["import"], Imported), results
    stale_draft, stale_version = draft, results["save"].version  # opened right after the admin's save
    assert admin.responsibilities.open("hosting-costs")[1] == version + 2
    with pg_service.db.transaction() as session:
        replaced = session.get(AuditRow, results["import"].audit_ids[0]).before
    assert next(r for r in replaced["responsibilities"] if r["id"] == "hosting-costs")["owner"] == "COO"
    with pytest.raises(StaleEdit) as told:
        admin.responsibilities.update(BOB, "hosting-costs", stale_draft, expected_version=stale_version)
    assert told.value.changed_by == "cli:carol"
