"""Who set an organisation's override on a topic, and when: an override's answer says "set by Ada, 3 Dec".

Read from the audit log: the newest change to the workspace's settings that made the topic's override
what it is now. Settings saved without the log (a file loaded by the command line) have no such change,
and the answer then gives the reason alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

SEARCHED_CHANGES = 200  # an override older than this many settings changes is shown without its author


@dataclass(frozen=True)
class Decision:
    by: str | None  # the audit log's actor: a Slack user id, `cli:<login>`, or None
    at: datetime


def override_decision(db: Database, team_id: str, responsibility_id: str) -> Decision | None:
    with unit_of_work(db) as store:
        for change in store.audit.org_changes(team_id=team_id, limit=SEARCHED_CHANGES):
            after = _override(change.after, responsibility_id)
            if after is None:
                return None  # the newest change removed it: what is set now was not set through the log
            if after != _override(change.before, responsibility_id):
                at = change.created_at
                return Decision(by=change.actor, at=at if at.tzinfo else at.replace(tzinfo=UTC))
    return None


def _override(settings: dict[str, Any] | None, responsibility_id: str) -> dict[str, Any] | None:
    overrides = (settings or {}).get("overrides") or []
    return next((o for o in overrides if o.get("responsibility") == responsibility_id), None)
