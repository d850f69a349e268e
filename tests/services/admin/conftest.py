"""An admin service on each real database, the people who act on it, and a way to see all of the state."""

from __future__ import annotations

import pytest

from bot.services.admin import Actor, Admin, ResponsibilityDraft
from bot.services.kb_files import export_data, to_yaml
from bot.services.knowledge import KnowledgeService
from bot.wiring import build_admin

TEAM = "T0ACME"
WORKSPACE_ADMIN = Actor(team_id=TEAM, user_id="U0ADMIN1", workspace_admin=True)
LISTED_ADMIN = Actor(team_id=TEAM, user_id="U0LISTED", workspace_admin=False)
MEMBER = Actor(team_id=TEAM, user_id="U0MEMBER", workspace_admin=False)
ELSEWHERE_ADMIN = Actor(team_id="T0OTHER", user_id="U0ELSE", workspace_admin=True)  # an admin of another workspace


@pytest.fixture
def admin(service: KnowledgeService) -> Admin:
    return build_admin(service)


def everything(service: KnowledgeService) -> str:
    """The whole stored knowledge and the team's settings, as the export file would hold them."""
    return to_yaml(export_data(service, team_id=TEAM, create=True))  # also before its settings are saved


def draft_of(admin: Admin, responsibility_id: str, **changes: object) -> tuple[ResponsibilityDraft, int]:
    draft, version = admin.responsibilities.open(responsibility_id)
    return draft.model_copy(update=changes), version


def new_draft(**changes: object) -> ResponsibilityDraft:
    values = {
        "title": "Office coffee machine",
        "aliases": ("coffee machine", "espresso maker"),
        "owner": "COO",
        "reasoning": "Keeping the office running day to day is operations.",
        "source_title": "CTO vs CPO vs COO: Understanding the Roles (ctoiam.com, July 2023)",
        "source_url": "https://ctoiam.com/2023/07/cto-vs-cpo-vs-coo-understanding-the-roles/",
        "quote": "The COO oversees the day-to-day operations.",
    }
    return ResponsibilityDraft(**{**values, **changes})
