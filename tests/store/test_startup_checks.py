"""Start-up checks that cost a query, not an import: the schema's revision and the shipped knowledge's."""

import shutil
import subprocess
import sys

from alembic.script import ScriptDirectory

import bot.services.knowledge
from bot.services.knowledge import KnowledgeService
from bot.store.database import MIGRATIONS, Database, shipped_head
from tests.conftest import KNOWLEDGE_DIR, REPO_ROOT


def test_the_newest_migration_read_from_the_files_is_the_head_alembic_finds():
    assert shipped_head() == ScriptDirectory(str(MIGRATIONS)).get_current_head()


def test_a_database_at_the_newest_revision_is_checked_without_importing_alembic(prepared_sqlite_url):
    check = (
        "import sys; from bot.store.database import Database; db = Database(sys.argv[1]); db.migrate(); "
        "print(db.schema_revisions()[0], 'alembic' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", check, prepared_sqlite_url], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert done.stdout.split() == [shipped_head(), "False"], done.stderr


def test_the_shipped_files_are_parsed_to_seed_and_not_again_while_they_are_unchanged(sqlite_url, monkeypatch, tmp_path):
    parsed = []
    real = bot.services.knowledge.load_knowledge
    monkeypatch.setattr(bot.services.knowledge, "load_knowledge", lambda path: parsed.append(path) or real(path))
    knowledge = shutil.copytree(KNOWLEDGE_DIR, tmp_path / "knowledge")
    service = KnowledgeService(Database(sqlite_url), knowledge)
    service.prepare()
    service.prepare()
    KnowledgeService(Database(sqlite_url), knowledge).prepare()  # another process
    assert parsed == [knowledge]
    assert service.ask("who owns hosting costs?").role == "CTO"

    responsibilities = knowledge / "responsibilities.yaml"
    text = responsibilities.read_text()
    responsibilities.write_text(
        text.replace("title: Hosting costs\n    owner: CTO", "title: Hosting costs\n    owner: CEO")
    )
    service.prepare()  # a new release's files
    assert parsed == [knowledge, knowledge]
    assert service.engine().responsibility("hosting-costs").owner == "CEO"
    service.db.dispose()
