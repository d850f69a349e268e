"""Builds the app's parts from settings, in one place, so every entry point is assembled the same way.

The CLI builds the knowledge service (`build_knowledge_service`) and, for admin commands, the admin
services (`build_admin`); the HTTP server and Socket Mode build everything the listeners and pages need
(`build_deps`). A feature that needs another service adds a field to `Deps` and one line in `build_deps`.
The services behind `Deps` are imported inside the builders, so `ask` does not import what it never uses:
answered from a snapshot (`build_asking`), not even the database layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from bot.config import Settings
from bot.core.encoder import SHIPPED_MODEL_DIR
from bot.core.semantic import Embeddings
from bot.services.snapshot import SnapshotKnowledge, load_snapshot, save_snapshot
from bot.store.snapshot import SnapshotFiles, sqlite_stamp

if TYPE_CHECKING:
    from bot.core.answer import Answer
    from bot.core.assess_rules import AssessmentRules
    from bot.services.admin import Admin
    from bot.services.digest import Digests
    from bot.services.events import EventLedger
    from bot.services.feedback import FeedbackService
    from bot.services.holder_checks import HolderChecks
    from bot.services.knowledge import KnowledgeService
    from bot.services.people import PersonNames
    from bot.services.topic_requests import TopicRequests
    from bot.services.workspace_links import WorkspaceLinks
    from bot.store.database import Timeouts


def build_embeddings(settings: Settings, threads: int = 1) -> Embeddings | None:
    """The semantic matcher's model (loaded on the first question that needs it, running on `threads`
    threads); None when it is off."""
    if not settings.semantic:
        return None
    from bot.core.counter_examples import load_counter_examples

    return Embeddings(
        settings.embedding_model or SHIPPED_MODEL_DIR,
        settings.embedding_cache_dir,
        partial(load_counter_examples, settings.knowledge_dir),
        threads,
    )


def build_knowledge_service(
    settings: Settings | None = None,
    *,
    prepare: bool = True,
    embeddings: Embeddings | None = None,
    timeouts: Timeouts | None = None,
    encoder_threads: int = 1,
) -> KnowledgeService:
    """`embeddings`: one already loaded (a server's master process shares it with its workers);
    `timeouts`: how long the database may keep callers waiting (`SERVING` in the web server's workers;
    `BATCH` by default); `encoder_threads`: for a process answering a batch alone on its machine (a
    server's workers keep one each)."""
    from bot.services.knowledge import KnowledgeService
    from bot.services.unanswered import GapRetention
    from bot.store.database import BATCH, Database

    settings = settings or Settings()
    retention = GapRetention(settings.gaps_per_workspace, timedelta(days=settings.gap_max_age_days))
    service = KnowledgeService(
        Database(settings.resolved_database_url(), timeouts=timeouts or BATCH),
        settings.knowledge_dir,
        embeddings or build_embeddings(settings, encoder_threads),
        gap_retention=retention,
    )
    if prepare:
        service.prepare()
    return service


def build_asking(settings: Settings, *, encoder_threads: int = 1) -> KnowledgeService | SnapshotKnowledge:
    """What `whoowns ask` answers from for no workspace in particular: the snapshot of the knowledge as it
    stands, when an earlier `ask` left one (SQLite); otherwise the knowledge service, which reads the
    database and leaves a snapshot for the next `ask`."""
    url = settings.resolved_database_url()
    files = SnapshotFiles(settings.snapshot_dir)
    stamp = sqlite_stamp(url)
    snapshot = load_snapshot(files, stamp, settings.knowledge_dir) if stamp else None
    if snapshot is not None:
        return SnapshotKnowledge(snapshot, build_embeddings(settings, encoder_threads))
    service = build_knowledge_service(settings, encoder_threads=encoder_threads)
    revision, snapshot = service.snapshot()
    stamp = sqlite_stamp(url)  # read after the knowledge: a write in between makes them differ, and no file
    if stamp is not None and stamp.revision == revision:
        save_snapshot(files, stamp, settings.knowledge_dir, snapshot)
    return service


def build_admin(knowledge: KnowledgeService, *, knowledge_teams: frozenset[str] | None = None) -> Admin:
    """`knowledge_teams`: the workspaces whose admins may edit the shared knowledge (None: every one)."""
    from bot.services.admin import Admin
    from bot.services.admin.changes import Changes
    from bot.services.admin.gaps import Gaps
    from bot.services.admin.history import History
    from bot.services.admin.org_settings import OrgEditor
    from bot.services.admin.permissions import Permissions
    from bot.services.admin.responsibilities import ResponsibilityEditor
    from bot.services.admin.reviews import Reviews
    from bot.services.admin.roles import RoleEditor

    permissions = Permissions(knowledge.db, knowledge_teams=knowledge_teams)
    changes = Changes(knowledge.db, permissions)
    responsibilities = ResponsibilityEditor(knowledge, changes)
    org = OrgEditor(knowledge, changes)
    roles = RoleEditor(changes)
    reviews = Reviews(knowledge, changes)
    return Admin(
        permissions=permissions,
        responsibilities=responsibilities,
        org=org,
        roles=roles,
        history=History(changes, responsibilities, org, roles, reviews),
        gaps=Gaps(knowledge, permissions),
        reviews=reviews,
    )


@dataclass(frozen=True)
class Deps:
    """What the Slack listeners and the web pages need, assembled once per process by `build_deps`."""

    knowledge: KnowledgeService
    feedback: FeedbackService
    events: EventLedger
    admin: Admin
    links: WorkspaceLinks
    requests: TopicRequests
    people: PersonNames
    holders: HolderChecks
    digests: Digests
    assessment_rules: AssessmentRules
    public_url: str | None = None

    def entry_url(self, answer: Answer, *, team_id: str | None) -> str | None:
        """The answer's page on the bot's own site, when the site has a public address.

        The link carries the workspace's signed token, so the page shows the same owner the answer names.
        """
        if not self.public_url or answer.responsibility is None:
            return None
        url = f"{self.public_url}/kb/{answer.responsibility.id}"
        token = self.links.token(team_id) if team_id else None
        return f"{url}?{urlencode({'team': token})}" if token else url


def build_deps(settings: Settings, knowledge: KnowledgeService) -> Deps:
    """Everything the HTTP server and Socket Mode serve, around a knowledge service the entry point built
    (the web server's workers build theirs with shorter database timeouts). The assessment rules are read
    and checked here, once per process, so a broken rules file stops the app at start-up."""
    from bot.core.assess_files import load_rules
    from bot.services.digest import Digests
    from bot.services.events import EventLedger
    from bot.services.feedback import FeedbackService
    from bot.services.holder_checks import HolderChecks
    from bot.services.people import PersonNames
    from bot.services.topic_requests import TopicRequests
    from bot.services.workspace_links import WorkspaceLinks

    admin = build_admin(knowledge, knowledge_teams=settings.knowledge_admin_teams())
    people = PersonNames(knowledge.db)
    holders = HolderChecks(knowledge, people)
    return Deps(
        knowledge=knowledge,
        feedback=FeedbackService(knowledge.db),
        events=EventLedger(knowledge.db, lease=settings.event_lease()),
        admin=admin,
        links=WorkspaceLinks(settings.workspace_link_secret()),
        requests=TopicRequests(knowledge),
        people=people,
        holders=holders,
        digests=Digests(knowledge, admin, holders),
        assessment_rules=load_rules(knowledge.knowledge_dir),
        public_url=settings.public_url,
    )
