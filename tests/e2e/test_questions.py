"""Questions asked by @-mention and direct message reach the real server and are answered in Slack."""

from __future__ import annotations

import re

import pytest

from bot.services.knowledge import KnowledgeService
from bot.services.workspace_links import WorkspaceLinks
from tests.e2e.fake_slack import BOT_ID, FakeSlack
from tests.e2e.server import SIGNING_SECRET
from tests.e2e.slack_requests import (
    TEAM,
    SlackSender,
    block_action,
    direct_message,
    fresh_id,
    fresh_ts,
    home_opened,
    mention,
)
from tests.helpers import save_org

PUBLIC_URL = "https://whoowns.example.com"
WORKSPACE = WorkspaceLinks(SIGNING_SECRET).token(TEAM)  # the `team` value of this workspace's page links
SERVER_ENV = {"PUBLIC_URL": PUBLIC_URL}
CTO_HOLDER = "U0CTOHOLDER"
ADA = "Ada Lovelace"  # the CTO holder's display name, as users.info gives it


@pytest.fixture(scope="module", autouse=True)
def acme(knowledge: KnowledgeService, fake_slack: FakeSlack) -> None:
    fake_slack.users[CTO_HOLDER] = {"id": CTO_HOLDER, "name": "ada", "profile": {"display_name": ADA}}
    roles = {"CEO": {}, "CTO": {"holder": CTO_HOLDER}, "CPO": {}, "COO": {}}
    save_org(knowledge, TEAM, {"name": "Acme", "roles": roles}, by="test")


def text_of(call) -> str:
    """Everything the reader sees in a message: its blocks' texts, buttons included."""
    return str(call["blocks"])


def mentions_in(call) -> list[str]:
    """The mentions a reader sees: in a message's text and its blocks' texts (not in buttons' values)."""

    def texts(node) -> list[str]:
        if isinstance(node, dict):
            return [text for key, value in node.items() if key != "value" for text in texts(value)]
        if isinstance(node, list):
            return [text for value in node for text in texts(value)]
        return [node] if isinstance(node, str) else []

    return [m for text in [call["text"], *texts(call["blocks"])] for m in re.findall(r"<[@!][^>]*>", text)]


def test_a_mention_is_answered_in_its_thread_with_the_role_the_holder_and_the_source(slack, fake_slack, channel):
    question = mention("who owns developer productivity?", channel=channel)
    assert slack.event(question).status_code == 200
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert reply["thread_ts"] == question["event"]["ts"]
    assert f"*CTO* · Chief Technology Officer · {ADA}" in text_of(reply) and mentions_in(reply) == []
    assert "a lot of work to do for technical stability" in text_of(reply)  # the source's quote
    # The Exclaimer article has no public address: the answer links to its knowledge-base entry alone,
    # signed for this workspace so the page shows the same owner as the answer.
    assert f"<{PUBLIC_URL}/kb/developer-productivity?team={WORKSPACE}|" in text_of(reply)
    assert text_of(reply).count("<http") == 1
    assert reply["text"] == f"Developer productivity: the CTO ({ADA})"


def test_an_answer_names_the_roles_to_consult_with_their_holders_and_parts(slack, fake_slack, channel):
    slack.event(mention("who decides headcount?", channel=channel))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert "*COO*" in text_of(reply)
    assert f"Also involved: *CTO* ({ADA}): hires the engineers" in text_of(reply) and mentions_in(reply) == []


def test_a_question_about_two_topics_gets_both_owners_in_one_reply(slack, fake_slack, channel):
    slack.event(mention("who owns pricing and security?", channel=channel))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert "Your question names 2 topics: _Pricing_, _Security_" in text_of(reply)
    assert "*CPO*" in text_of(reply) and f"*CTO* · Chief Technology Officer · {ADA}" in text_of(reply)
    assert f"{PUBLIC_URL}/kb/pricing?team={WORKSPACE}" in text_of(reply)
    assert f"{PUBLIC_URL}/kb/security?team={WORKSPACE}" in text_of(reply)
    assert reply["text"] == f"Pricing: the CPO · Security: the CTO ({ADA})"


def test_an_answer_links_to_its_article_and_its_entry_page(slack, fake_slack, channel):
    slack.event(mention("who decides product pricing?", channel=channel))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert "*CPO*" in text_of(reply)
    assert "<https://yojobs.com/the-cpo-and-cto-roles|" in text_of(reply)
    assert f"<{PUBLIC_URL}/kb/pricing?team={WORKSPACE}|" in text_of(reply)


def test_a_mention_inside_a_thread_is_answered_in_that_thread(slack, fake_slack, channel):
    parent = fresh_ts()
    slack.event(mention("who owns the roadmap?", channel=channel, thread_ts=parent))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert reply["thread_ts"] == parent
    assert "Shared:" in text_of(reply) and "*CPO*" in text_of(reply) and "*CTO*" in text_of(reply)


def test_a_direct_message_is_answered_in_its_own_thread(slack, fake_slack, channel):
    question = direct_message("who is responsible for security?", channel=channel)
    slack.event(question)
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert reply["thread_ts"] == question["event"]["ts"]  # the agent conversation: one thread per question
    assert "*CTO*" in text_of(reply)


@pytest.mark.parametrize(
    "ignored",
    [{"bot_id": BOT_ID}, {"subtype": "message_changed"}, {"subtype": "file_share"}, {"channel_type": "channel"}],
    ids=["bot message", "edit", "file share", "channel message"],
)
def test_the_bot_ignores_bot_messages_edits_and_other_subtypes(slack, fake_slack, channel, ignored):
    assert slack.event(direct_message("who owns hosting costs?", channel=channel, **ignored)).status_code == 200
    slack.event(direct_message("who owns pricing?", channel=channel))  # a real question, sent after
    fake_slack.wait_for("chat.postMessage", channel=channel)
    fake_slack.wait_quiet()
    [only] = fake_slack.calls("chat.postMessage", channel=channel)
    assert "Pricing" in only["text"]


def test_a_retried_event_is_answered_exactly_once(slack, fake_slack, channel):
    question = mention("who owns security?", channel=channel)
    responses = [slack.event(question)] + [slack.event(question, retry_num=n) for n in (1, 2)]
    assert [r.status_code for r in responses] == [200, 200, 200]
    slack.event(mention("who owns pricing?", channel=channel))  # sent last: once it is answered, all were
    fake_slack.wait_for("chat.postMessage", channel=channel, count=2)
    fake_slack.wait_quiet()
    texts = [reply["text"] for reply in fake_slack.calls("chat.postMessage", channel=channel)]
    assert sorted(texts) == ["Pricing: the CPO", f"Security: the CTO ({ADA})"]


@pytest.mark.parametrize("how", ["wrong secret", "stale timestamp", "no signature"])
def test_a_badly_signed_request_gets_401_and_no_answer(slack: SlackSender, fake_slack: FakeSlack, channel, how):
    question = mention("who owns hosting costs?", channel=channel)
    if how == "wrong secret":
        response = slack.event(question, signing_secret="not-the-secret")
    elif how == "stale timestamp":
        response = slack.event(question, timestamp=1_600_000_000)
    else:
        response = slack.http.post(slack.base_url + "/slack/events", json=question, timeout=30)
    assert response.status_code == 401
    slack.event(mention("who owns pricing?", channel=channel))
    fake_slack.wait_for("chat.postMessage", channel=channel)
    fake_slack.wait_quiet()
    assert [c["text"] for c in fake_slack.calls("chat.postMessage", channel=channel)] == ["Pricing: the CPO"]


def test_when_unsure_the_bot_offers_the_closest_topics_and_a_click_answers_one(slack, fake_slack, channel, knowledge):
    question = mention("who owns the office plants?", channel=channel)
    slack.event(question)
    [unsure] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert "not sure" in unsure["text"]
    suggestions = next(b for b in unsure["blocks"] if b.get("block_id") == "suggestions")["elements"]
    assert len(suggestions) == 3
    first = knowledge.engine().responsibility(suggestions[0]["value"]).title
    assert suggestions[0]["text"]["text"] == first

    thread = question["event"]["ts"]
    posted = {"ts": fresh_ts(), "thread_ts": thread, "blocks": unsure["blocks"]}
    click = block_action(suggestions[0], channel=channel, message=posted, response_url=fake_slack.response_url())
    assert slack.action(click).status_code == 200
    [picked] = fake_slack.wait_for("chat.update", channel=channel)  # the answer takes the unsure message's place
    assert picked["ts"] == posted["ts"]
    assert first in text_of(picked) and "not sure" not in text_of(picked)


def test_the_home_tab_shows_how_to_ask_the_roles_their_holders_and_topics_by_role(slack, fake_slack):
    user = fresh_id("U")
    slack.event(home_opened(user=user))
    [published] = fake_slack.wait_for("views.publish", user_id=user)
    view = str(published["view"])
    assert "Who owns what?" in view and "/whoowns hosting costs" in view
    assert "Roles in Acme" in view and f"*CTO* · Chief Technology Officer · {ADA}" in view
    assert f"<@{CTO_HOLDER}>" not in view  # named, not mentioned
    assert "Hosting costs" in view and "Pricing" in view
    assert "Roles this workspace does not have, and who takes their topics here: CFO → COO" in view
    assert "Expense approval and spending policy" in view  # a CFO topic, listed under the COO here


def test_a_question_in_words_no_alias_has_is_answered_by_meaning(slack, fake_slack, channel):
    slack.event(mention("who grows the engineering org?", channel=channel))
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    assert "*CTO*" in text_of(reply) and ADA in text_of(reply)
    assert f"/kb/engineering-team-leadership?team={WORKSPACE}|" in text_of(reply)
