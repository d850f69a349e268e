"""Several workspaces: the install flow stores each workspace's bot token, and each gets its own answers."""

from __future__ import annotations

import re

import pytest
import requests

from bot.config import Settings
from bot.services.knowledge import KnowledgeService
from bot.slack import surface_messages as say
from tests.e2e.fake_slack import default_installation
from tests.e2e.slack_requests import home_opened, mention
from tests.helpers import save_org

CLIENT_ID = "1111.2222"
SERVER_ENV = {
    "SLACK_BOT_TOKEN": None,
    "SLACK_CLIENT_ID": CLIENT_ID,
    "SLACK_CLIENT_SECRET": "client-secret-for-tests",
    "PUBLIC_URL": "https://whoowns.example.com",
}


@pytest.fixture
def installed(slack_server, fake_slack) -> str:
    """Runs the install flow for a new workspace; returns its team id."""
    team = "T0NEW" + fake_slack.response_url().rsplit("/", 1)[1]
    fake_slack.installation = default_installation(team)
    browser = requests.Session()
    page = browser.get(slack_server.url + "/slack/install", timeout=30)
    assert page.status_code == 200
    state = re.search(r"state=([\w-]+)", page.text).group(1)
    assert (
        f"client_id={CLIENT_ID}" in page.text and f"scope={Settings.model_fields['slack_scopes'].default}&" in page.text
    )
    cookie = page.headers["Set-Cookie"].split(";")[0]  # Secure, so a browser would only send it over https
    assert cookie == f"slack-app-oauth-state={state}"
    back = browser.get(
        slack_server.url + "/slack/oauth_redirect",
        params={"code": f"code-{team}", "state": state},
        headers={"Cookie": cookie},
        timeout=30,
    )
    assert back.status_code == 200, back.text
    [exchange] = fake_slack.wait_for("oauth.v2.access", code=f"code-{team}")
    assert exchange["redirect_uri"] == "https://whoowns.example.com/slack/oauth_redirect"
    return team


def test_an_installed_workspace_is_answered_with_its_own_token_and_settings(
    slack, fake_slack, knowledge: KnowledgeService, installed, channel
):
    save_org(knowledge, installed, {"roles": {"CEO": {}, "CTO": {"holder": "U0NEWCTO"}}}, by="test")
    slack.event(mention("who owns security?", channel=channel, team=installed))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert reply.token == f"xoxb-installed-{installed}"
    assert "*CTO* · Chief Technology Officer · U0NEWCTO" in str(reply["blocks"])  # named, not mentioned
    looked_up = [call.token for call in fake_slack.calls("users.info", user="U0NEWCTO")]
    assert f"xoxb-installed-{installed}" in looked_up  # the holder's name, read with that workspace's token


def test_a_redirect_with_a_forged_state_installs_nothing(slack_server, fake_slack):
    back = requests.get(slack_server.url + "/slack/oauth_redirect", params={"code": "forged", "state": "x"}, timeout=30)
    assert back.status_code == 400
    assert fake_slack.calls("oauth.v2.access", code="forged") == []


def test_the_installer_is_welcomed_once_with_the_first_steps(slack, fake_slack, installed):
    fake_slack.wait_for("chat.postMessage", channel="U0INSTALLER")
    fake_slack.wait_quiet()
    welcomes = [c for c in fake_slack.calls("chat.postMessage", channel="U0INSTALLER") if c.token.endswith(installed)]
    assert len(welcomes) == 1 and welcomes[0]["text"] == say.WELCOME_INSTALL
    slack.event(home_opened(user="U0SOMEONE", team=installed))  # with OAuth, opening the app welcomes nobody
    fake_slack.wait_for("views.publish", user_id="U0SOMEONE")
    fake_slack.wait_quiet()
    assert fake_slack.calls("chat.postMessage", channel="U0SOMEONE") == []
