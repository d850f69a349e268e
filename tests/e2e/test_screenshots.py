"""Screenshots of what people see, drawn from the app's REAL payloads: the App Home (of a workspace that named
nobody, and of one whose holders need attention), an answer in a channel, an assessment with its "All
factors" modal, the weekly digest DM, and the settings form suggesting a holder.

The real server answers signed requests; the stand-in Slack records what it posts; `blockkit_page` draws
those blocks roughly as Slack would, and headless Chromium (Debian's, as for the web page tests) saves
each to `docs/screenshots/`, linked from the README. Every block of each payload must be drawn.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Error, Page
from slack_bolt import App

from bot.config import REPO_ROOT
from bot.services.digest import Digests
from bot.services.holder_checks import HolderChecks
from bot.services.people import PersonNames
from bot.slack.client import configure_web_client
from bot.slack.digest import DigestSender
from bot.wiring import build_admin
from tests.e2e.blockkit_page import render_page
from tests.e2e.slack_requests import fresh_id, home_opened, mention
from tests.e2e.test_admin_surfaces_e2e import open_settings
from tests.e2e.test_assess_e2e import STARTUP, open_all_factors, open_modal, submission
from tests.helpers import save_org
from tests.web.conftest import browser  # noqa: F401 - headless Chromium, skipped locally without it

SHOTS = REPO_ROOT / "docs" / "screenshots"
ADMIN = "U0SHOTADM"
CTO = "U0SHOTCTO"
CEO = "U0SHOTCEO"  # deactivated
COO = "U0SHOTCOO"  # now titled for something else
OPS = "U0SHOTOPS"  # titled COO: suggested
PEOPLE = {
    ADMIN: "Ada Lovelace",
    CTO: "Grace Hopper",
    CEO: "Charles Babbage",
    COO: "Alan Turing",
    OPS: "Margaret Hamilton",
}


@pytest.fixture(scope="module", autouse=True)
def people(fake_slack):
    admin = {"name": "ada", "real_name": PEOPLE[ADMIN], "is_admin": True}
    fake_slack.add_people(
        **{
            ADMIN: admin,
            CTO: {"name": "grace", "real_name": PEOPLE[CTO]},
            CEO: {"name": "charles", "deleted": True, "profile": {"real_name": PEOPLE[CEO], "title": "CEO"}},
            COO: {"name": "alan", "profile": {"real_name": PEOPLE[COO], "title": "Head of Research"}},
            OPS: {"name": "margaret", "profile": {"real_name": PEOPLE[OPS], "title": "COO"}},
        }
    )


def shoot(browser: Browser, name: str, blocks: list[dict[str, Any]], **page: Any) -> Path:  # noqa: F811
    """Draws `blocks` and saves the screenshot; every block must be on the page."""
    tab = browser.new_page(viewport={"width": 820, "height": 100}, device_scale_factor=1)
    try:
        tab.set_content(render_page(blocks, names=PEOPLE, **page))
        assert tab.locator(".block, .divider").count() == len(blocks)
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        capture(tab, path)
    finally:
        tab.close()
    assert path.stat().st_size > 10_000
    return path


def capture(tab: Page, path: Path, deadline_s: float = 60.0) -> None:
    """A full-page screenshot, tried again until `deadline_s`: on a busy machine Chromium may refuse one
    ("Unable to capture screenshot") while its compositor catches up, and the next attempt succeeds."""
    give_up = time.monotonic() + deadline_s
    while True:
        try:
            tab.screenshot(path=str(path), full_page=True)
            return
        except Error:
            if time.monotonic() > give_up:
                raise
            time.sleep(0.5)


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


def holders_to_check(knowledge, team: str) -> None:
    roles = {"CEO": {"holder": CEO}, "CTO": {"holder": CTO}, "CPO": {}, "COO": {"holder": COO}}
    save_org(knowledge, team, {"roles": roles, "admins": [ADMIN]}, by=None)


def test_the_app_home_of_an_admin_whose_holders_need_attention(
    only_sqlite,
    slack,
    fake_slack,
    browser,  # noqa: F811
    knowledge,
):
    team = fresh_id("T")
    holders_to_check(knowledge, team)
    published = len(fake_slack.calls("views.publish", user_id=ADMIN))
    slack.event(home_opened(user=ADMIN, team=team))
    view = fake_slack.wait_for("views.publish", user_id=ADMIN, count=published + 1)[-1]["view"]
    assert "Holders to check" in str(view["blocks"])
    shoot(browser, "app-home-holders", view["blocks"], surface="home")


def test_the_weekly_digest(only_sqlite, slack, fake_slack, browser, knowledge, channel):  # noqa: F811
    team = fresh_id("T")
    holders_to_check(knowledge, team)
    for question in ("who owns the espresso maker?", "who owns the espresso maker?", "who runs the office plants?"):
        slack.event(mention(question, channel=channel, team=team))
    fake_slack.wait_for("chat.postMessage", channel=channel, count=3)
    app = App(token="xoxb-test", signing_secret="secret", token_verification_enabled=False)
    configure_web_client(app.client, fake_slack.api_url)
    digests = Digests(knowledge, build_admin(knowledge), HolderChecks(knowledge, PersonNames(knowledge.db)))
    assert DigestSender(app, digests).send_due().get(team) == "sent"  # and any other workspace's here
    [digest] = [c for c in fake_slack.calls("chat.postMessage", channel=ADMIN) if "espresso maker" in str(c["blocks"])]
    assert "Holders that need attention" in str(digest["blocks"])
    shoot(browser, "weekly-digest", digest["blocks"])


def test_the_settings_form_suggesting_a_holder(only_sqlite, slack, fake_slack, browser, knowledge):  # noqa: F811
    team = fresh_id("T")
    holders_to_check(knowledge, team)
    updated = len(fake_slack.calls("views.update"))
    open_settings(slack, fake_slack, team, user=ADMIN)
    form = fake_slack.wait_for("views.update", count=updated + 1)[-1]["view"]  # redrawn once the people are listed
    assert "Margaret Hamilton's title is *COO*" in str(form["blocks"])
    shoot(browser, "settings-suggestion", form["blocks"], surface="modal", title=form["title"]["text"], submit="Save")
