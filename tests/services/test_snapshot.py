"""`whoowns ask` answers from a snapshot while the knowledge is unchanged, exactly as from the database,
and from the database again as soon as anything in the knowledge changes."""

import shutil
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.clock import utcnow
from bot.core.freshness import Review
from bot.core.knowledge_files import load_knowledge
from bot.services.knowledge import KnowledgeService
from bot.services.snapshot import SnapshotKnowledge, snapshot_key
from bot.store.database import Database
from bot.store.snapshot import Stamp
from bot.store.unit_of_work import unit_of_work
from bot.wiring import build_asking
from tests.conftest import KNOWLEDGE_DIR

QUESTIONS = [
    "who owns hosting costs?",  # the lexical matcher is sure
    "who grows the engineering org?",  # needs the semantic matcher
    "who owns pricing and security?",  # two topics
    "who owns the office coffee machine?",  # unsure
    "hostign costs",  # a typo corrected
]


def settings_for(url: str, folder: Path, *, semantic: bool = False) -> Settings:
    return Settings(
        DATABASE_URL=url, WHOOWNS_SNAPSHOT_DIR=folder, WHOOWNS_SEMANTIC=semantic, WHOOWNS_KNOWLEDGE_DIR=KNOWLEDGE_DIR
    )


def answers(knowledge: KnowledgeService | SnapshotKnowledge) -> list[dict]:
    knowledge.look_ahead(QUESTIONS)
    return [knowledge.ask(question, org=knowledge.org(None)).to_json() for question in QUESTIONS]


def write(url: str, change) -> None:
    db = Database(url)
    with unit_of_work(db) as store:
        change(store)
    db.dispose()


@pytest.mark.parametrize("semantic", [False, True])
def test_the_second_ask_answers_from_the_snapshot_the_first_left_exactly_alike(prepared_sqlite_url, tmp_path, semantic):
    settings = settings_for(prepared_sqlite_url, tmp_path / "snapshots", semantic=semantic)
    first = build_asking(settings)
    assert isinstance(first, KnowledgeService)
    expected = answers(first)
    second = build_asking(settings)
    assert isinstance(second, SnapshotKnowledge)
    assert answers(second) == expected
    assert len(list((tmp_path / "snapshots").glob("*.pickle"))) == 1


def test_a_change_to_the_knowledge_is_answered_by_the_next_ask(prepared_sqlite_url, tmp_path):
    settings = settings_for(prepared_sqlite_url, tmp_path / "snapshots")
    build_asking(settings)
    assert isinstance(build_asking(settings), SnapshotKnowledge)
    kb = load_knowledge(KNOWLEDGE_DIR)
    moved = tuple(r.model_copy(update={"owner": "CPO"}) if r.id == "hosting-costs" else r for r in kb.responsibilities)
    write(
        prepared_sqlite_url,
        lambda store: store.knowledge.replace(kb.model_copy(update={"responsibilities": moved}), by="U1"),
    )

    after = build_asking(settings)
    assert isinstance(after, KnowledgeService)  # the stamp moved: read from the database
    assert after.ask("who owns hosting costs?").role == "CPO"
    again = build_asking(settings)
    assert isinstance(again, SnapshotKnowledge)  # and a new snapshot left
    assert again.ask("who owns hosting costs?").role == "CPO"


def test_a_review_running_out_reaches_the_snapshot_with_the_revision_it_moved(prepared_sqlite_url, tmp_path):
    settings = settings_for(prepared_sqlite_url, tmp_path / "snapshots")
    build_asking(settings)

    def old_review(store) -> None:
        store.reviews.mark(Review("hosting-costs", utcnow() - timedelta(days=400), None))
        store.knowledge.bump()  # as every admin change to the knowledge does

    write(prepared_sqlite_url, old_review)
    build_asking(settings)
    snapshot = build_asking(settings)
    assert isinstance(snapshot, SnapshotKnowledge)
    assert snapshot.ask("who owns hosting costs?").last_reviewed.startswith("last reviewed 1 year ago")


def test_a_workspace_organisation_file_is_checked_against_the_snapshot(prepared_sqlite_url, tmp_path):
    settings = settings_for(prepared_sqlite_url, tmp_path / "snapshots")
    build_asking(settings)
    snapshot = build_asking(settings)
    assert isinstance(snapshot, SnapshotKnowledge)
    org = snapshot.check_org({"roles": {"CEO": {}, "CTO": {}}, "fallback": "CEO"})
    assert snapshot.ask("who owns pricing?", org=org).role == "CEO"  # no CPO here: the fallback answers


@pytest.mark.postgres
def test_postgresql_is_always_read_from_the_database(postgres_url, tmp_path):
    settings = settings_for(postgres_url, tmp_path / "snapshots")
    for _ in range(2):
        knowledge = build_asking(settings)
        assert isinstance(knowledge, KnowledgeService)
        assert knowledge.ask("who owns hosting costs?").role == "CTO"
        knowledge.db.dispose()
    assert not (tmp_path / "snapshots").exists()


def test_a_new_release_of_the_code_or_the_shipped_knowledge_names_another_snapshot(tmp_path, monkeypatch):
    code = tmp_path / "core"
    code.mkdir()
    (code / "matcher.py").write_text("A = 1\n")
    (code / "words.txt").write_text("hosting\n")
    monkeypatch.setattr("bot.services.snapshot.CODE", (code,))
    stamp = Stamp("0014", 3, "2026-12-04 10:00:00")
    key = snapshot_key(stamp, KNOWLEDGE_DIR)
    assert snapshot_key(stamp, KNOWLEDGE_DIR) == key
    (code / "words.txt").write_text("hosting\nhostign\n")  # data the code reads counts too
    assert snapshot_key(stamp, KNOWLEDGE_DIR) != key
    key = snapshot_key(stamp, KNOWLEDGE_DIR)
    shipped = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, shipped)
    assert snapshot_key(stamp, shipped) == key
    (shipped / "synonyms.yaml").write_text((shipped / "synonyms.yaml").read_text() + "  - [spend, outlay]\n")
    assert snapshot_key(stamp, shipped) != key
