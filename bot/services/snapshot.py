"""`whoowns ask` from a snapshot: the knowledge at one revision kept as a file, so that a question asked from
the command line costs no SQLAlchemy import, no schema check and no matcher build while nothing changed.

A process that read the knowledge from the database leaves its knowledge base, lexical matcher and
reviews in a file (`save_snapshot`). Its key is made of the database's stamp (`bot/store/snapshot.py`),
the shipped knowledge's fingerprint and the answering code's bytes. The next `ask` reads the stamp (a few
milliseconds with sqlite3) and answers from the file with that key (`load_snapshot`). A write to the
knowledge moves the stamp, and a new release changes the fingerprint or the code: then the database is
read as before, and a new file left. The files are the user's own cache, like the entry vectors.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.core.answer import Answer, Engine
from bot.core.clock import utcnow
from bot.core.knowledge_files import fingerprint
from bot.core.matcher import Matcher
from bot.core.models import KnowledgeBase
from bot.core.org import OrgSettings, default_org
from bot.core.semantic import Embeddings
from bot.services.freshness import Freshness, with_review
from bot.store.snapshot import SnapshotFiles, Stamp

HERE = Path(__file__).resolve().parent
# What a snapshot's classes and their state come from (code and data, such as the English word list).
CODE = (HERE.parent / "core", HERE / "snapshot.py", HERE / "freshness.py")


@dataclass(frozen=True)
class Snapshot:
    kb: KnowledgeBase
    matcher: Matcher  # built from `kb`: a tenth of a second saved
    freshness: Freshness


def snapshot_key(stamp: Stamp, knowledge_dir: Path) -> str:
    digest = hashlib.sha256(f"{stamp.key()}\0{fingerprint(knowledge_dir)}\0".encode())
    for path in CODE:
        for file in sorted(path.iterdir()) if path.is_dir() else [path]:
            if file.is_file():
                digest.update(file.read_bytes())
    return digest.hexdigest()[:32]


def load_snapshot(files: SnapshotFiles, stamp: Stamp, knowledge_dir: Path) -> Snapshot | None:
    found = files.read(snapshot_key(stamp, knowledge_dir))
    return found if isinstance(found, Snapshot) else None


def save_snapshot(files: SnapshotFiles, stamp: Stamp, knowledge_dir: Path, snapshot: Snapshot) -> None:
    files.write(snapshot_key(stamp, knowledge_dir), snapshot)


class SnapshotKnowledge:
    """Answers as `KnowledgeService` answers for no workspace in particular (the command line's default),
    from a snapshot; the semantic matcher, when on, loads the model on the first question that needs it."""

    def __init__(self, snapshot: Snapshot, embeddings: Embeddings | None):
        self._engine = Engine(snapshot.kb, embeddings, matcher=snapshot.matcher)
        self._freshness = snapshot.freshness

    def engine(self) -> Engine:
        return self._engine

    def org(self, _team_id: None) -> OrgSettings:
        """The default organisation: a workspace's settings are asked of the knowledge service."""
        return default_org(self._engine.kb)

    def check_org(self, data: Any) -> OrgSettings:
        return self._engine.check_org(data)

    def look_ahead(self, questions: list[str]) -> None:
        self._engine.prepare(questions)

    def ask(self, question: str, *, org: OrgSettings | None = None) -> Answer:
        answer = self._engine.answer(question, org or self.org(None))
        return with_review(answer, self._freshness, utcnow())
