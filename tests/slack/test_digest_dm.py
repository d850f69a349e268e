"""The weekly digest as Slack receives it: a DM to each admin, through a real Web API client and the
stand-in Web API; a second run the same week sends nothing."""

from __future__ import annotations

import json

from slack_bolt import App

from bot.slack.client import configure_web_client
from bot.slack.digest import DigestSender
from tests.e2e.fake_slack import FakeSlack
from tests.helpers import save_org
from tests.services.test_digest import ADMIN, digests_for, set_up


def test_each_admin_gets_the_digest_as_a_dm_once_a_week(service):
    set_up(service)
    fake = FakeSlack().start()
    try:
        app = App(token="xoxb-test", signing_secret="secret", token_verification_enabled=False)
        configure_web_client(app.client, fake.api_url)
        sender = DigestSender(app, digests_for(service))
        assert sender.send_due() == {"T0BUSY": "sent", "T0QUIET": "sent"}
        posted = fake.wait_for("chat.postMessage", channel=ADMIN, count=2)
        busy = next(p for p in posted if "1 unanswered question" in p["text"])
        shown = json.dumps(busy["blocks"], ensure_ascii=False)
        assert busy["text"].startswith("whoowns this week (") and "1 topic due a review" in busy["text"]
        assert "*espresso maker*: asked 1×" in shown and "*Pricing* (CPO): last reviewed" in shown
        assert sender.send_due() == {}
        fake.wait_quiet()
        assert len(fake.calls("chat.postMessage", channel=ADMIN)) == 2
    finally:
        fake.stop()


def test_the_digest_names_holders_that_need_attention_without_pinging_anyone(service):
    save_org(service, "T0HOLDERS", {"roles": {"CEO": {}, "CTO": {"holder": "U0GONE"}}, "admins": [ADMIN]}, by=None)
    fake = FakeSlack().start()
    try:
        fake.add_people(U0GONE={"deleted": True, "profile": {"real_name": "Gone <!here>", "title": "CTO"}})
        app = App(token="xoxb-test", signing_secret="secret", token_verification_enabled=False)
        configure_web_client(app.client, fake.api_url)
        assert DigestSender(app, digests_for(service)).send_due() == {"T0HOLDERS": "sent"}
        [dm] = fake.wait_for("chat.postMessage", channel=ADMIN)
        assert dm["text"].endswith("0 topics due a review, 1 holder to check")
        [section] = [b["text"]["text"] for b in dm["blocks"] if "Holders" in b.get("text", {}).get("text", "")]
        gone = "• Gone &lt;!here&gt;, named for the *CTO*, is deactivated in Slack"
        assert section == f"*Holders that need attention*\n{gone}"
        assert fake.calls("users.info", user="U0GONE")  # looked up with the workspace's client
    finally:
        fake.stop()
