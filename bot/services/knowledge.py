"""The knowledge service: the stored knowledge base, an answer engine kept in step with it, org settings.

Every process keeps one `Engine` (the precomputed matchers) and rebuilds it only when the database's
knowledge revision moves, so an admin's change reaches the next question in every web process without
a restart, and an unchanged knowledge base costs one small query per question. The sentence encoder
(`Embeddings`) outlives revisions: it is loaded once per process, on the first question that needs it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.core.answer import Answer, Engine
from bot.core.clock import utcnow
from bot.core.freshness import is_stale
from bot.core.knowledge_files import fingerprint, load_knowledge
from bot.core.org import OrgSettings, default_org
from bot.core.problems import InvalidInput
from bot.core.semantic import Embeddings
from bot.metrics import engine_built
from bot.services import unanswered
from bot.services.freshness import Freshness, with_review
from bot.services.snapshot import Snapshot
from bot.services.unanswered import DEFAULT_GAP_RETENTION, GapRetention
from bot.store.database import Database
from bot.store.repository import current_revision
from bot.store.unit_of_work import exclusive_unit_of_work, unit_of_work

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReviewState:
    on: str  # the date, ISO
    by: str | None
    due: bool  # the review ran out
    days: int  # the interval


class KnowledgeService:
    def __init__(
        self,
        db: Database,
        knowledge_dir: Path,
        embeddings: Embeddings | None = None,
        *,
        gap_retention: GapRetention = DEFAULT_GAP_RETENTION,
    ):
        self.db = db
        self.knowledge_dir = knowledge_dir
        self.embeddings = embeddings  # None: the lexical matcher alone (WHOOWNS_SEMANTIC=off)
        self.gap_retention = gap_retention
        self._engine: tuple[int, Engine] | None = None
        self._reviews: tuple[int, Freshness] | None = None
        self._lock = threading.Lock()

    def prepare(self) -> None:
        """Brings the schema up to date and seeds the shipped knowledge into an empty database.

        A database whose knowledge nobody has edited follows the shipped files: when they change (a new
        release), it is seeded again. Once an admin edits anything, the files no longer overwrite it. The
        files are compared by their fingerprint and parsed only when they are to be seeded.
        """
        self.db.migrate()
        shipped = fingerprint(self.knowledge_dir)
        with exclusive_unit_of_work(self.db) as store:
            repo = store.knowledge
            state = repo.state()
            if state is None or (not state.edited and state.seed_digest != shipped):
                log.info("seeding the knowledge base from %s", self.knowledge_dir)
                repo.replace(load_knowledge(self.knowledge_dir), by=None, seed_digest=shipped)

    def engine(self) -> Engine:
        return self._engine_at(current_revision(self.db))

    def _engine_at(self, revision: int) -> Engine:
        """The engine for the knowledge at `revision` (just read), built when the revision moves."""
        cached = self._engine
        if cached is not None and cached[0] == revision:
            return cached[1]
        with self._lock:
            if self._engine is None or self._engine[0] != revision:
                with unit_of_work(self.db) as store:
                    loaded = store.knowledge.revision()  # what is loaded: any write since the caller's read included
                    self._engine = (loaded, Engine(store.knowledge.load(), self.embeddings))
                engine_built(loaded)
            return self._engine[1]

    def snapshot(self) -> tuple[int, Snapshot]:
        """What `whoowns ask` can answer from without this service (`bot/services/snapshot.py`), and the
        knowledge revision it holds."""
        engine = self._engine_at(current_revision(self.db))
        loaded = self._engine[0] if self._engine else 0  # what the engine holds: a write since included
        return loaded, Snapshot(engine.kb, engine.matcher, self._freshness_at(loaded))

    def freshness(self) -> Freshness:
        """Every topic's last review and the interval, read once per knowledge revision ("Still right" and
        every edit move the revision on)."""
        return self._freshness_at(current_revision(self.db))

    def _freshness_at(self, revision: int) -> Freshness:
        cached = self._reviews
        if cached is not None and cached[0] == revision:
            return cached[1]
        with unit_of_work(self.db) as store:
            repo = store.reviews
            fresh = Freshness({r.topic: r for r in repo.all()}, repo.interval())
        self._reviews = (revision, fresh)
        return fresh

    def review_of(self, topic: str, *, now: datetime | None = None) -> ReviewState | None:
        """A topic's last review as its page shows it: when, by whom, and whether another is due."""
        fresh, now = self.freshness(), now or utcnow()
        review = fresh.reviews.get(topic)
        if review is None:
            return None
        due = is_stale(review, days=fresh.days, now=now)
        return ReviewState(review.at.date().isoformat(), review.by, due, fresh.days)

    def org(self, team_id: str | None) -> OrgSettings:
        """The workspace's settings; the default organisation when it has none saved."""
        return self._org(self.engine(), team_id)

    def engine_and_org(self, team_id: str | None) -> tuple[Engine, OrgSettings]:
        """The engine and the workspace's settings checked against it, with one read of the revision."""
        engine = self.engine()
        return engine, self._org(engine, team_id)

    def _org(self, engine: Engine, team_id: str | None) -> OrgSettings:
        """`org`, checked against an engine the caller already has (one revision read per question)."""
        if not team_id:
            return default_org(engine.kb)
        with unit_of_work(self.db) as store:
            stored = store.orgs.get(team_id)
        if stored is None:
            return default_org(engine.kb)
        return self._stored_org(engine, team_id, stored.data)

    @staticmethod
    def _stored_org(engine: Engine, team_id: str, data: dict[str, Any]) -> OrgSettings:
        """Stored settings, still usable when an override no longer matches anything (say, after a manual
        database edit retired its topic): that override is left out and logged, the rest still applies."""
        try:
            return engine.check_org(data)
        except InvalidInput as error:
            broken = {p.loc[1] for p in error.problems if p.loc[:1] == ("overrides",) and len(p.loc) > 1}
            if not broken or len(broken) < len({p.loc[:2] for p in error.problems}):
                raise
            log.warning("team %s: ignoring overrides that no longer apply: %s", team_id, error)
            kept = [o for i, o in enumerate(data.get("overrides") or []) if i not in broken]
            return engine.check_org({**data, "overrides": kept})

    def check_org(self, data: Any) -> OrgSettings:
        return self.engine().check_org(data)

    def ask(
        self,
        question: str,
        *,
        team_id: str | None = None,
        org: OrgSettings | None = None,
        record_unanswered: bool = True,
    ) -> Answer:
        """The answer, for `org` or else the workspace's settings. A question it cannot answer for a workspace
        is kept for that workspace's admins, unless `record_unanswered` is False (an answer built again for a
        button is not the question being asked again)."""
        revision = current_revision(self.db)  # once a question, for the engine and the reviews alike
        engine = self._engine_at(revision)
        answer = engine.answer(question, org or self._org(engine, team_id))
        answer = with_review(answer, self._freshness_at(revision), utcnow())
        if team_id and record_unanswered and not answer.known:
            unanswered.record_unanswered(
                self.db,
                team_id=team_id,
                topic=answer.topic,
                vocabulary=engine.matcher.vocabulary,
                retention=self.gap_retention,
            )
        return answer

    def look_ahead(self, questions: list[str]) -> None:
        """Reads questions about to be asked one by one, so those that need the sentence encoder are
        encoded in one run (a batch through `ask` costs about half the encoder time)."""
        self.engine().prepare(questions)

    def answer_topic(self, responsibility_id: str, *, team_id: str | None = None) -> Answer | None:
        """The answer for a topic picked by id (a "closest topics" button); None if it no longer exists."""
        revision = current_revision(self.db)
        engine = self._engine_at(revision)
        answer = engine.answer_responsibility(responsibility_id, self._org(engine, team_id))
        return with_review(answer, self._freshness_at(revision), utcnow()) if answer else None
