"""The repositories over one transaction: how services read and write without ever holding a session.

`unit_of_work(db)` opens a transaction (`Database.transaction`: committed when the block ends, rolled back
whole if it raises, a database failure raised as `KnowledgeUnavailable`) and yields a `Repositories`;
each repository is imported and made the first time it is used (a question needs three of the
thirteen, and `ask` starts faster without importing the rest). The locks a change takes (`lock_knowledge`, a version
claim) are here too, so a service says what it holds without knowing how it is held.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from bot.store import locking
from bot.store.database import Database
from bot.store.tables import OrgRow, ResponsibilityRow

if TYPE_CHECKING:
    from bot.store.audit_repository import AuditRepository
    from bot.store.conversation_records import ConversationRepository, WelcomeRepository
    from bot.store.edit_repository import EditRepository
    from bot.store.gap_repository import GapRepository
    from bot.store.person_names import PersonNameRepository
    from bot.store.repository import KnowledgeRepository, OrgRepository
    from bot.store.request_repository import RequestRepository
    from bot.store.review_repository import DigestRepository, ReviewRepository
    from bot.store.slack_records import FeedbackRepository, ProcessedEventRepository


class Repositories:
    def __init__(self, session: Session):
        self._session = session

    @cached_property
    def knowledge(self) -> KnowledgeRepository:
        from bot.store.repository import KnowledgeRepository

        return KnowledgeRepository(self._session)

    @cached_property
    def orgs(self) -> OrgRepository:
        from bot.store.repository import OrgRepository

        return OrgRepository(self._session)

    @cached_property
    def audit(self) -> AuditRepository:
        from bot.store.audit_repository import AuditRepository

        return AuditRepository(self._session)

    @cached_property
    def edits(self) -> EditRepository:
        from bot.store.edit_repository import EditRepository

        return EditRepository(self._session)

    @cached_property
    def gaps(self) -> GapRepository:
        from bot.store.gap_repository import GapRepository

        return GapRepository(self._session)

    @cached_property
    def requests(self) -> RequestRepository:
        from bot.store.request_repository import RequestRepository

        return RequestRepository(self._session)

    @cached_property
    def reviews(self) -> ReviewRepository:
        from bot.store.review_repository import ReviewRepository

        return ReviewRepository(self._session)

    @cached_property
    def digests(self) -> DigestRepository:
        from bot.store.review_repository import DigestRepository

        return DigestRepository(self._session)

    @cached_property
    def feedback(self) -> FeedbackRepository:
        from bot.store.slack_records import FeedbackRepository

        return FeedbackRepository(self._session)

    @cached_property
    def events(self) -> ProcessedEventRepository:
        from bot.store.slack_records import ProcessedEventRepository

        return ProcessedEventRepository(self._session)

    @cached_property
    def conversations(self) -> ConversationRepository:
        from bot.store.conversation_records import ConversationRepository

        return ConversationRepository(self._session)

    @cached_property
    def welcomes(self) -> WelcomeRepository:
        from bot.store.conversation_records import WelcomeRepository

        return WelcomeRepository(self._session)

    @cached_property
    def people(self) -> PersonNameRepository:
        from bot.store.person_names import PersonNameRepository

        return PersonNameRepository(self._session)

    def lock_knowledge(self) -> None:
        """Holds the whole knowledge base for this transaction (see `locking.lock_knowledge`)."""
        locking.lock_knowledge(self._session)

    def claim_org(self, team_id: str, expected_version: int | None) -> bool:
        """Holds a workspace's settings if still at `expected_version` (any, when None); see `locking`."""
        return locking.claim_version(self._session, OrgRow, team_id, expected_version)

    def claim_responsibility(self, responsibility_id: str, expected_version: int | None) -> bool:
        """Holds one knowledge-base entry if still at `expected_version` (any, when None); see `locking`."""
        return locking.claim_version(self._session, ResponsibilityRow, responsibility_id, expected_version)


@contextmanager
def unit_of_work(db: Database, *, lock_wait: float | None = None) -> Iterator[Repositories]:
    """One transaction's repositories; `lock_wait` as in `Database.transaction`."""
    with db.transaction(lock_wait=lock_wait) as session:
        yield Repositories(session)


@contextmanager
def exclusive_unit_of_work(db: Database) -> Iterator[Repositories]:
    """A transaction no other process runs at the same time (`Database.exclusive`: start-up seeding)."""
    with db.exclusive() as session:
        yield Repositories(session)
