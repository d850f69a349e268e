"""Answers in a channel ping nobody: holders are shown by name, and only the asker's "Ask <name>" click
notifies them. Checked on the payloads the real server sends to the stand-in Slack."""

from __future__ import annotations

import json

import pytest

from bot.services.admin.actor import Actor
from bot.services.knowledge import KnowledgeService
from bot.services.people import PersonNames
from bot.wiring import build_admin
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.slack_requests import (
    TEAM,
    USER,
    block_action,
    event_callback,
    fresh_id,
    fresh_ts,
    home_opened,
    mention,
)
from tests.e2e.waiting import eventually
from tests.helpers import save_org

CTO, COO, ADMIN = "U0ADAHOLDS", "U0BOBHOLDS", "U0ADMINONE"
OVERRIDDEN = "T0OVERRIDE"  # a second workspace, where the COO owns hosting costs


def person(user_id: str, display_name: str, **extra: object) -> dict:
    return {"id": user_id, "name": display_name.lower(), "profile": {"display_name": display_name}, **extra}


@pytest.fixture(scope="module", autouse=True)
def workspaces(knowledge: KnowledgeService, fake_slack: FakeSlack) -> None:
    fake_slack.users.update({CTO: person(CTO, "Ada"), COO: person(COO, "Bob"), ADMIN: person(ADMIN, "Root")})
    fake_slack.users[ADMIN]["is_admin"] = True
    roles = {"CEO": {}, "CTO": {"holder": CTO}, "CPO": {}, "COO": {"holder": COO}}
    save_org(knowledge, TEAM, {"roles": roles}, by="test")
    save_org(knowledge, OVERRIDDEN, {"roles": roles}, by="test")
    build_admin(knowledge).org.add_override(
        Actor(OVERRIDDEN, ADMIN, workspace_admin=True),
        topic="hosting costs",
        role="COO",
        reason="Finance negotiates and pays the cloud provider.",
    )


def shown(call) -> str:
    """What a reader sees of a message's blocks: their texts, not the buttons' values."""

    def visible(node):
        if isinstance(node, dict):
            return {k: visible(v) for k, v in node.items() if k != "value"}
        return [visible(v) for v in node] if isinstance(node, list) else node

    return json.dumps(visible(call["blocks"]), ensure_ascii=False)


def buttons(blocks: list[dict]) -> dict[str, dict]:
    return {e["action_id"]: e for b in blocks if b["type"] == "actions" for e in b["elements"]}


def ask_in_channel(slack, fake_slack, question: str, channel: str, team: str = TEAM) -> tuple[dict, dict]:
    asked = mention(question, channel=channel, team=team)
    slack.event(asked)
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    return asked, reply


def test_a_channel_answer_names_the_holder_and_mentions_nobody(slack, fake_slack, channel):
    _, reply = ask_in_channel(slack, fake_slack, "who owns hosting costs?", channel)
    assert "<@" not in shown(reply) and "<!" not in shown(reply) and "<@" not in reply["text"]
    first_line = reply["blocks"][0]["text"]["text"].split("\n")[0]
    assert first_line == "*CTO* · Chief Technology Officer · Ada"
    assert reply["text"] == "Hosting costs: the CTO (Ada)"  # the one-line summary notifications show
    assert "Nobody is named" not in shown(reply)  # the CPO has no holder: that is the admins' to-do
    assert buttons(reply["blocks"])["ask_holder"]["text"]["text"] == "Ask Ada"


def test_a_name_is_looked_up_once_and_then_read_from_the_cache(slack, fake_slack, channel):
    ask_in_channel(slack, fake_slack, "who owns security?", channel)
    before = len(fake_slack.calls("users.info", user=CTO))
    second = fresh_id("C")
    _, reply = ask_in_channel(slack, fake_slack, "who owns hosting costs?", second)
    assert "· Ada" in shown(reply)
    assert len(fake_slack.calls("users.info", user=CTO)) == before  # cached in the database


def test_a_user_change_renames_the_holder_in_the_next_answer(slack, fake_slack, channel, knowledge):
    team, holder = "T0RENAMES", fresh_id("U")
    save_org(knowledge, team, {"roles": {"CEO": {}, "CTO": {"holder": holder}, "CPO": {}, "COO": {}}}, by="test")
    fake_slack.users[holder] = person(holder, "Grace")
    ask_in_channel(slack, fake_slack, "who owns security?", channel, team=team)  # her name is cached now
    renamed = {**person(holder, "Grace H."), "team_id": team}
    assert slack.event(event_callback({"type": "user_change", "user": renamed}, team=team)).status_code == 200
    cache = PersonNames(knowledge.db)
    eventually(lambda: cache.names(team, [holder]) == {holder: "Grace H."}, what="the new name stored")
    _, reply = ask_in_channel(slack, fake_slack, "who owns security?", fresh_id("C"), team=team)
    assert "*CTO* · Chief Technology Officer · Grace H." in shown(reply)
    assert len(fake_slack.calls("users.info", user=holder)) == 1  # the event said it: no lookup needed


def test_when_slack_cannot_say_the_name_the_answer_names_the_role_alone(slack, fake_slack, channel, knowledge):
    stranger = fresh_id("U")
    save_org(knowledge, "T0NONAME", {"roles": {"CEO": {}, "CTO": {"holder": stranger}, "CPO": {}, "COO": {}}}, by="t")
    fake_slack.fail_next("users.info", status=200, error="user_not_found")
    _, reply = ask_in_channel(slack, fake_slack, "who owns hosting costs?", channel, team="T0NONAME")
    assert reply["blocks"][0]["text"]["text"].startswith("*CTO* · Chief Technology Officer\n")
    assert "<@" not in shown(reply)
    assert buttons(reply["blocks"])["ask_holder"]["text"]["text"] == "Ask the CTO"
    assert reply["text"] == "Hosting costs: the CTO"


def test_the_asker_clicking_ask_sends_the_holder_a_dm_with_the_thread_and_is_told_privately(slack, fake_slack, channel):
    dms = len(fake_slack.calls("chat.postMessage", channel=CTO))  # the stand-in is shared by both databases' runs
    asked, reply = ask_in_channel(slack, fake_slack, "who owns hosting costs?", channel)
    assert len(fake_slack.calls("chat.postMessage", channel=CTO)) == dms  # nobody was notified by the answer
    message = {"ts": fresh_ts(), "thread_ts": asked["event"]["ts"], "blocks": reply["blocks"]}
    url = fake_slack.response_url()
    click = block_action(buttons(reply["blocks"])["ask_holder"], channel=channel, message=message, response_url=url)
    assert slack.action(click).status_code == 200
    dm = fake_slack.wait_for("chat.postMessage", channel=CTO, count=dms + 1)[-1]
    assert f"<@{USER}> asked who owns *Hosting costs*" in shown(dm) and "> who owns hosting costs?" in shown(dm)
    permalink = f"https://test.slack.com/archives/{channel}/p{message['ts'].replace('.', '')}"
    assert f"<{permalink}|the thread>" in shown(dm)
    [told] = fake_slack.wait_for_response(url)
    assert told["response_type"] == "ephemeral" and told["replace_original"] is False
    assert told["text"] == ":incoming_envelope: I sent your question to Ada, with a link to this thread."


def test_someone_else_clicking_ask_is_told_only_the_asker_can_and_nobody_is_notified(slack, fake_slack, channel):
    asked, reply = ask_in_channel(slack, fake_slack, "who owns security?", channel)
    message = {"ts": fresh_ts(), "thread_ts": asked["event"]["ts"], "blocks": reply["blocks"]}
    url = fake_slack.response_url()
    button = buttons(reply["blocks"])["ask_holder"]
    dms = len(fake_slack.calls("chat.postMessage", channel=CTO))
    slack.action(block_action(button, channel=channel, message=message, response_url=url, user="U0SOMEONE"))
    [told] = fake_slack.wait_for_response(url)
    assert told["response_type"] == "ephemeral" and told["text"].startswith("Only the person who asked")
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("chat.postMessage", channel=CTO)) == dms


def test_an_override_leads_with_the_organisations_reason_and_who_set_it(slack, fake_slack, channel):
    _, reply = ask_in_channel(slack, fake_slack, "who owns hosting costs?", channel, team=OVERRIDDEN)
    blocks = reply["blocks"]
    assert blocks[0]["text"]["text"] == "*COO* · Chief Operating Officer · Bob"
    lead = blocks[1]["text"]["text"]
    reason = "Here the COO owns hosting costs: Finance negotiates and pays the cloud provider."
    assert lead.startswith(f"{reason} — set by Root, ")
    assert "<!date^" in lead and "CTO" not in lead
    assert blocks[2]["text"]["text"].startswith(":book: In most companies: the *CTO* owns it")
    assert "I could be discussing" not in shown(reply)  # the article's quote argues for the CTO: left out
    assert reply["text"] == "Hosting costs: the COO (Bob)"


def test_an_admin_sees_the_roles_nobody_is_named_for_in_the_home_tab_and_others_do_not(slack, fake_slack):
    slack.event(home_opened(user=ADMIN))
    [published] = fake_slack.wait_for("views.publish", user_id=ADMIN)
    todo = [b for b in published["view"]["blocks"] if "*To do*" in json.dumps(b)]
    assert len(todo) == 1 and "*CEO* (Chief Executive Officer), *CPO* (Chief Product Officer)" in json.dumps(todo)
    assert todo[0]["accessory"]["action_id"] == "admin_open_settings"
    member = fresh_id("U")
    slack.event(home_opened(user=member))
    [theirs] = fake_slack.wait_for("views.publish", user_id=member)
    assert "To do" not in json.dumps(theirs["view"])


def test_an_admin_opening_the_editor_sees_the_same_to_do_on_top(slack, fake_slack):
    opened = len(fake_slack.calls("views.open"))
    slack.command("admin", user=ADMIN, response_url=fake_slack.response_url())
    view = fake_slack.wait_for("views.open", count=opened + 1)[-1]["view"]
    todo = view["blocks"][0]["text"]["text"]
    assert todo.startswith(":memo: *To do*: nobody is named yet for *CEO* (Chief Executive Officer), *CPO*")


def test_asking_from_a_private_answer_sends_the_question_without_a_thread(slack, fake_slack):
    url = fake_slack.response_url()
    slack.command("who owns security?", response_url=url)
    [answer] = fake_slack.wait_for_response(url)
    assert answer["response_type"] == "ephemeral"
    dms = len(fake_slack.calls("chat.postMessage", channel=CTO))
    told_url = fake_slack.response_url()
    button = buttons(answer["blocks"])["ask_holder"]
    slack.action(block_action(button, channel="C0GENERAL", message=None, response_url=told_url))
    dm = fake_slack.wait_for("chat.postMessage", channel=CTO, count=dms + 1)[-1]
    assert "They asked privately, so there is no thread" in shown(dm) and "> who owns security?" in shown(dm)
    [told] = fake_slack.wait_for_response(told_url)
    assert told["text"] == ":incoming_envelope: I sent your question to Ada."
