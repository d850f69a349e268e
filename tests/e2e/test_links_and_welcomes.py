"""Link previews of knowledge-base pages, and the welcomes (single-workspace install), through the real server."""

from __future__ import annotations

import pytest

from bot.services.knowledge import KnowledgeService
from bot.services.workspace_links import WorkspaceLinks
from bot.slack import surface_messages as say
from bot.slack.blocks.admin_lists import OPEN_SETTINGS
from tests.e2e.server import SIGNING_SECRET
from tests.e2e.slack_requests import TEAM, fresh_id, home_opened
from tests.e2e.surface_payloads import link_shared
from tests.helpers import save_org

PUBLIC_URL = "https://whoowns.example.com"
SERVER_ENV = {"PUBLIC_URL": PUBLIC_URL}
LINKS = WorkspaceLinks(SIGNING_SECRET)
CTO_HOLDER, OTHER_CTO = "U0CTOHOLDER", "U0OTHERCTO"


@pytest.fixture(scope="module", autouse=True)
def workspaces(knowledge: KnowledgeService) -> None:
    save_org(knowledge, TEAM, {"roles": {"CEO": {}, "CTO": {"holder": CTO_HOLDER}, "CPO": {}}}, by="test")
    save_org(knowledge, "T0OTHER", {"roles": {"CEO": {}, "CTO": {"holder": OTHER_CTO}}}, by="test")


# --- welcomes: these two tests open the App Home first in this module's workspace --------------------------
def test_the_first_person_to_open_the_app_is_welcomed_as_the_installer_once(slack, fake_slack):
    first, second = fresh_id("U"), fresh_id("U")
    slack.event(home_opened(user=first, tab="messages"))
    [welcome] = fake_slack.wait_for("chat.postMessage", channel=first)
    assert welcome["text"] == say.WELCOME_INSTALL
    assert "/whoowns hosting costs" in welcome["text"] and "/whoowns assess" in welcome["text"]
    [button] = welcome["blocks"][-1]["elements"]
    assert button["action_id"] == OPEN_SETTINGS
    slack.event(home_opened(user=first))
    slack.event(home_opened(user=second))
    fake_slack.wait_for("views.publish", user_id=second)
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("chat.postMessage", channel=first)) == 1
    assert fake_slack.calls("chat.postMessage", channel=second) == []


def test_a_persons_first_home_visit_shows_a_welcome_above_the_home_once(slack, fake_slack):
    user = fresh_id("U")
    slack.event(home_opened(user=user))
    [first] = fake_slack.wait_for("views.publish", user_id=user)
    assert f"Welcome, <@{user}>!" in first["view"]["blocks"][0]["text"]["text"]
    assert "Who owns what?" in str(first["view"])  # the usual Home follows
    slack.event(home_opened(user=user))
    [_, again] = fake_slack.wait_for("views.publish", user_id=user, count=2)
    assert "Welcome" not in str(again["view"]) and "Who owns what?" in str(again["view"])


# --- link previews ---------------------------------------------------------------------------------------
def card_for(slack, fake_slack, url: str, channel: str) -> dict:
    event = link_shared([url], channel=channel)
    slack.event(event)
    [unfurl] = fake_slack.wait_for("chat.unfurl", channel=channel)
    assert unfurl["ts"] == event["event"]["message_ts"]
    return unfurl["unfurls"][url]


def test_a_link_signed_for_this_workspace_shows_its_own_view(slack, fake_slack, channel):
    card = str(card_for(slack, fake_slack, f"{PUBLIC_URL}/kb/hosting-costs?team={LINKS.token(TEAM)}", channel))
    assert f"*Hosting costs*: the *CTO* · Chief Technology Officer · {CTO_HOLDER}" in card and "<@" not in card
    assert "infrastructure" in card  # one line of reasoning


@pytest.mark.parametrize("team", [None, "T0OTHER", "forged"], ids=["no token", "another workspace's", "forged"])
def test_any_other_link_shows_the_general_view(slack, fake_slack, channel, team):
    token = {"T0OTHER": LINKS.token("T0OTHER"), "forged": f"{TEAM}.{'0' * 24}", None: None}[team]
    url = f"{PUBLIC_URL}/kb/hosting-costs" + (f"?team={token}" if token else "")
    card = str(card_for(slack, fake_slack, url, channel))
    assert "*Hosting costs*: the *CTO*" in card
    assert "<@" not in card  # no holder: neither this workspace's (unsigned) nor another's


def test_links_that_are_not_entries_get_no_preview(slack, fake_slack, channel):
    urls = ["https://elsewhere.example.com/kb/pricing", f"{PUBLIC_URL}/kb/no-such-topic", f"{PUBLIC_URL}/kb/"]
    slack.event(link_shared(urls, channel=channel))
    slack.event(link_shared([f"{PUBLIC_URL}/kb/pricing"], channel=channel))  # sent last, as a barrier
    [unfurl] = fake_slack.wait_for("chat.unfurl", channel=channel)
    fake_slack.wait_quiet()
    assert list(unfurl["unfurls"]) == [f"{PUBLIC_URL}/kb/pricing"]
    assert len(fake_slack.calls("chat.unfurl", channel=channel)) == 1


def test_a_link_in_the_message_composer_is_unfurled_by_its_unfurl_id(slack, fake_slack, channel):
    event = link_shared([f"{PUBLIC_URL}/kb/pricing"], channel=channel, source="composer")
    slack.event(event)
    [unfurl] = fake_slack.wait_for("chat.unfurl", unfurl_id=event["event"]["unfurl_id"])
    assert unfurl["source"] == "composer" and "ts" not in unfurl.params
    assert "*Pricing*: the *CPO*" in str(unfurl["unfurls"])
