"""Who may change what, checked on the server inside the transaction of every write.

Admins of a workspace are its Slack admins and owners plus the people its settings list under `admins`.
They change their workspace's settings. The knowledge base is shared by every workspace the app is
installed in, so in a multi-workspace install only the workspaces named in `knowledge_teams` may edit it
(None: every workspace's admins, which is what a single-workspace install wants).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.metrics import count
from bot.services.admin.actor import Actor
from bot.services.admin.errors import ONLY_KNOWLEDGE_TEAMS, NotAllowed
from bot.store.database import Database
from bot.store.tables import OrgRow


class Permissions:
    def __init__(self, db: Database, *, knowledge_teams: frozenset[str] | None = None):
        self.db = db
        self.knowledge_teams = knowledge_teams

    def allows(self, actor: Actor) -> bool:
        """For showing or hiding admin controls; every write checks again with `require`."""
        with self.db.transaction() as session:
            return self._is_admin(session, actor)

    def may_edit_knowledge(self, team_id: str) -> bool:
        return self.knowledge_teams is None or team_id in self.knowledge_teams

    def require(self, session: Session, actor: Actor, *, knowledge: bool) -> None:
        """Raises `NotAllowed` unless `actor` may make this change (`knowledge`: a shared-knowledge one)."""
        if not self._is_admin(session, actor):
            count("admin_writes", outcome="refused")
            raise NotAllowed()
        if knowledge and not self.may_edit_knowledge(actor.team_id):
            count("admin_writes", outcome="refused")
            raise NotAllowed(ONLY_KNOWLEDGE_TEAMS)

    @staticmethod
    def _is_admin(session: Session, actor: Actor) -> bool:
        if actor.workspace_admin:
            return True
        org = session.get(OrgRow, actor.team_id)
        return org is not None and actor.user_id in (org.admins or [])
