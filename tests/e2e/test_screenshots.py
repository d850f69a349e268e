"""Screenshots of what people see, drawn from the app's REAL payloads: the App Home, an answer in a channel,
and an assessment with its "All factors" modal.

The real server answers signed requests; the stand-in Slack records what it posts; `blockkit_page` draws
those blocks roughly as Slack would, and headless Chromium (Debian's, as for the web page tests) saves
each to `docs/screenshots/`, linked from the README. Every block of each payload must be drawn.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser

from bot.config import REPO_ROOT
from tests.e2e.blockkit_page import render_page
from tests.e2e.slack_requests import fresh_id, home_opened, mention
from tests.e2e.test_assess_e2e import STARTUP, open_all_factors, open_modal, submission
from tests.helpers import save_org
from tests.web.conftest import browser  # noqa: F401 - headless Chromium, skipped locally without it

SHOTS = REPO_ROOT / "docs" / "screenshots"
ADMIN = "U0SHOTADM"
CTO = "U0SHOTCTO"
PEOPLE = {ADMIN: "Ada Lovelace", CTO: "Grace Hopper"}


@pytest.fixture(scope="module", autouse=True)
def people(fake_slack):
    admin = {"name": "ada", "real_name": PEOPLE[ADMIN], "is_admin": True}
    fake_slack.add_people(**{ADMIN: admin, CTO: {"name": "grace", "real_name": PEOPLE[CTO]}})


def shoot(browser: Browser, name: str, blocks: list[dict[str, Any]], **page: Any) -> Path:  # noqa: F811
    """Draws `blocks` and saves the screenshot; every block must be on the page."""
    tab = browser.new_page(viewport={"width": 820, "height": 100}, device_scale_factor=1)
    try:
        tab.set_content(render_page(blocks, names=PEOPLE, **page))
        assert tab.locator(".block, .divider").count() == len(blocks)
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        tab.screenshot(path=str(path), full_page=True)
    finally:
        tab.close()
    assert path.stat().st_size > 10_000
    return path


@pytest.fixture(scope="module")
def only_sqlite(server_database_url):
    if not server_database_url.startswith("sqlite"):
        pytest.skip("one set of screenshots is enough: the payloads do not depend on the database")


def test_the_app_home_of_an_admin_whose_workspace_named_nobody(only_sqlite, slack, fake_slack, browser):  # noqa: F811
    team = fresh_id("T")
    slack.event(home_opened(user=ADMIN, team=team))
    view = fake_slack.wait_for("views.publish", user_id=ADMIN)[-1]["view"]
    shoot(browser, "app-home", view["blocks"], surface="home")


def test_an_answer_in_a_channel(only_sqlite, slack, fake_slack, browser, knowledge):  # noqa: F811
    team, channel = fresh_id("T"), fresh_id("C")
    save_org(knowledge, team, {"roles": {"CEO": {}, "CTO": {"holder": CTO}, "CPO": {}, "COO": {}}}, by=None)
    slack.event(mention("who owns hosting costs?", channel=channel, team=team))
    [answer] = fake_slack.wait_for("chat.postMessage", channel=channel)
    shoot(browser, "answer", answer["blocks"])


def test_an_assessment_and_all_its_factors(only_sqlite, slack, fake_slack, browser, channel):  # noqa: F811
    view = open_modal(slack, fake_slack, channel)
    title = view["title"]["text"]
    shoot(browser, "assessment-questions", view["blocks"], surface="modal", title=title, submit="Assess")
    slack.action(submission(view, STARTUP))
    [result] = fake_slack.wait_for("chat.postEphemeral", channel=channel)
    assert len(result["blocks"]) <= 8
    shoot(browser, "assessment", result["blocks"])
    factors = open_all_factors(slack, fake_slack, channel, result["blocks"])
    shoot(browser, "assessment-all-factors", factors["blocks"], surface="modal", title=factors["title"]["text"])
