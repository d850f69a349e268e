"""Web page fixtures: the real server (`python -m bot serve`, from the end-to-end fixtures) with the example
organisations saved, and headless Chromium driven by Playwright.

Chromium is Debian's package (`/usr/bin/chromium`, installed by `.ci/run`), never a browser downloaded by
Playwright. Without it the browser tests are skipped locally and fail under CI (`CI=true`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import Browser, sync_playwright

from bot.core.models import Responsibility
from bot.services.knowledge import KnowledgeService
from bot.services.workspace_links import WorkspaceLinks
from bot.store.repository import KnowledgeRepository
from tests.conftest import SHARED
from tests.core.conftest import engine, kb  # noqa: F401 - the shipped knowledge, for the view-model tests
from tests.e2e.conftest import fake_slack, knowledge, server_database_url, slack_server  # noqa: F401
from tests.e2e.server import SIGNING_SECRET, RunningServer
from tests.helpers import save_org

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ORGS = {"T0CPTO": "cpto", "T0OVERRIDE": "override", "T0NOCOO": "no-coo"}  # team id -> shared/eval/orgs/*.yaml
# The `team` value the bot's own links carry for each example workspace (signed with the server's secret).
TEAM = {team: WorkspaceLinks(SIGNING_SECRET).token(team) for team in ORGS}


def example_org(name: str) -> dict:
    return yaml.safe_load((SHARED / "eval" / "orgs" / f"{name}.yaml").read_text())


@dataclass(frozen=True)
class Site:
    url: str
    knowledge: KnowledgeService


@pytest.fixture(scope="module")
def site(slack_server: RunningServer, knowledge: KnowledgeService) -> Site:  # noqa: F811
    """The running server, with the example organisations saved for the teams in `ORGS`."""
    for team, name in ORGS.items():
        save_org(knowledge, team, example_org(name), by=None)
    return Site(slack_server.url, knowledge)


@contextmanager
def admin_written(service: KnowledgeService, item: Responsibility) -> Iterator[Responsibility]:
    """`item` saved as an admin's edit saves it (one transaction), and retired again afterwards."""
    _save(service, item)
    try:
        yield item
    finally:
        _save(service, item.model_copy(update={"retired": True}))


def _save(service: KnowledgeService, item: Responsibility) -> None:
    with service.db.transaction() as session:
        repo = KnowledgeRepository(session)
        repo.save_responsibility(item, by="U0ADMIN01")
        repo.bump()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        problem = f"no {CHROMIUM}: apt-get install chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(problem + " (CI must run the browser tests; .ci/run installs it)")
        pytest.skip(problem)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
