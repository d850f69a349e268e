"""Talking with the bot as a person would, through the real server and the stand-in Slack: greetings,
thanks and help; "not sure" replies; "Ask an admin to add this"; the 👎 form; a picked topic replacing
the "not sure" message; sharing a `/whoowns` answer."""

from __future__ import annotations

import pytest

from bot.services.admin import Actor
from bot.services.knowledge import KnowledgeService
from bot.slack import messages
from bot.wiring import build_admin
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.modal_payloads import view_submission
from tests.e2e.slack_requests import TEAM, SlackSender, block_action, direct_message, fresh_id, fresh_ts, mention
from tests.e2e.waiting import eventually
from tests.helpers import save_org

ADMIN = "U0ADMINSET"  # named as an admin in the settings
OWNER = "U0WSOWNER"  # the workspace's owner, found with users.list


@pytest.fixture(scope="module", autouse=True)
def workspace(knowledge: KnowledgeService, fake_slack: FakeSlack) -> None:
    roles = {"CEO": {}, "CTO": {}, "CPO": {}, "COO": {}}
    save_org(knowledge, TEAM, {"name": "Acme", "roles": roles, "admins": [ADMIN]}, by=None)
    fake_slack.users[OWNER] = {"id": OWNER, "name": "owner", "is_owner": True}
    fake_slack.users["U0BOTUSER"] = {"id": "U0BOTUSER", "name": "somebot", "is_admin": True, "is_bot": True}


def block_ids(message) -> list[str | None]:
    return [block.get("block_id") for block in message.get("blocks") or []]


def actions(message) -> list[dict]:
    return [block for block in message.get("blocks") or [] if block["type"] == "actions"]


def in_block(message, block_id: str) -> list[dict]:
    return next(b for b in message["blocks"] if b.get("block_id") == block_id)["elements"]


def mentioned(slack: SlackSender, fake_slack: FakeSlack, text: str, channel: str):
    question = mention(text, channel=channel)
    slack.event(question)
    [reply] = fake_slack.wait_for("chat.postMessage", channel=channel)
    return question, reply


@pytest.mark.parametrize(
    ("text", "expected"),
    [("hi", messages.GREETING), ("Hello!", messages.GREETING), ("thanks!", messages.YOURE_WELCOME)],
)
def test_greetings_and_thanks_by_mention_get_a_short_reply_without_buttons(slack, fake_slack, channel, text, expected):
    _, reply = mentioned(slack, fake_slack, text, channel)
    assert reply["text"] == expected and actions(reply) == []
    assert "not sure" not in reply["text"]


@pytest.mark.parametrize("text", ["help", ""])
def test_help_and_an_empty_mention_get_the_help_text_not_votes(slack, fake_slack, channel, text):
    _, reply = mentioned(slack, fake_slack, text, channel)
    assert reply["text"] == messages.ASK_HOWTO and "/whoowns assess" in str(reply["blocks"])
    assert actions(reply) == [] and "feedback" not in block_ids(reply)


def test_greetings_thanks_and_help_by_dm_are_answered_like_a_person(slack, fake_slack):
    said = (("hello", messages.GREETING), ("thank you", messages.YOURE_WELCOME), ("help", messages.ASK_HOWTO))
    for text, expected in said:
        dm = fresh_id("D")
        slack.event(direct_message(text, channel=dm))
        [reply] = fake_slack.wait_for("chat.postMessage", channel=dm)
        assert reply["text"] == expected and actions(reply) == []


def test_an_off_topic_question_says_what_the_bot_is_for_and_offers_nothing(slack, fake_slack, channel):
    _, reply = mentioned(slack, fake_slack, "what time is standup?", channel)
    assert "standup" not in str(reply.params) and "not sure" not in reply["text"]
    assert "which executive role owns an area of work" in reply["text"] and actions(reply) == []


def test_a_not_sure_reply_says_its_suggestions_once_and_a_click_replaces_it(slack, fake_slack, channel, knowledge):
    question, unsure = mentioned(slack, fake_slack, "who owns the office plants?", channel)
    assert block_ids(unsure) == [unsure["blocks"][0].get("block_id"), "suggestions", "request"]
    suggestions = in_block(unsure, "suggestions")
    titles = [button["text"]["text"] for button in suggestions]
    said = unsure["blocks"][0]["text"]["text"]
    assert said.endswith("Did you mean one of these?") and not any(title in said for title in titles)
    assert not any(title in unsure["text"] for title in titles)

    posted = {"ts": fresh_ts(), "thread_ts": question["event"]["ts"], "blocks": unsure["blocks"]}
    click = block_action(suggestions[0], channel=channel, message=posted, response_url=fake_slack.response_url())
    assert slack.action(click).status_code == 200
    [replaced] = fake_slack.wait_for("chat.update", channel=channel)
    picked = knowledge.engine().responsibility(suggestions[0]["value"]).title
    assert replaced["ts"] == posted["ts"] and picked in str(replaced["blocks"])
    assert "suggestions" not in block_ids(replaced) and "feedback" in block_ids(replaced)
    fake_slack.wait_quiet()
    assert len(fake_slack.calls("chat.postMessage", channel=channel)) == 1  # no second, public answer


def test_a_click_on_an_ephemeral_not_sure_reply_replaces_it_for_the_asker_alone(slack, fake_slack, channel):
    asked = fake_slack.response_url()
    slack.command("who owns the office plants?", response_url=asked, channel=channel)
    [unsure] = fake_slack.wait_for_response(asked)
    clicked = fake_slack.response_url()
    slack.action(block_action(in_block(unsure, "suggestions")[0], channel=channel, message=None, response_url=clicked))
    [answer] = fake_slack.wait_for_response(clicked)
    assert answer["replace_original"] is True and answer["response_type"] == "ephemeral"
    assert "feedback" in block_ids(answer)


def test_ask_an_admin_records_the_request_tells_each_admin_and_thanks_the_asker_privately(
    slack, fake_slack, channel, knowledge
):
    asker = fresh_id("U")
    question, unsure = mentioned(slack, fake_slack, "who owns the office plants?", channel)
    [request] = in_block(unsure, "request")
    assert request["text"]["text"] == "Ask an admin to add this"
    url = fake_slack.response_url()
    posted = {"ts": fresh_ts(), "thread_ts": question["event"]["ts"], "blocks": unsure["blocks"]}
    slack.action(block_action(request, channel=channel, message=posted, response_url=url, user=asker))

    [thanks] = fake_slack.wait_for_response(url)
    assert thanks["text"] == messages.REQUEST_THANKS and thanks["response_type"] == "ephemeral"
    for admin in (ADMIN, OWNER):  # (the stand-in Slack serves both databases' runs: only this asker's DMs)
        [told] = [c for c in fake_slack.calls("chat.postMessage", channel=admin) if f"<@{asker}>" in c["text"]]
        assert "office plants" in told["text"]
    assert fake_slack.calls("chat.postMessage", channel="U0BOTUSER") == []

    again = fake_slack.response_url()  # a second click thanks again but does not tell the admins twice
    slack.action(block_action(request, channel=channel, message=posted, response_url=again, user=asker))
    fake_slack.wait_for_response(again)
    fake_slack.wait_quiet()
    assert len([c for c in fake_slack.calls("chat.postMessage", channel=ADMIN) if f"<@{asker}>" in c["text"]]) == 1
    gap = next(g for g in _gaps(knowledge) if g.text == "office plants")
    assert asker in gap.askers


def test_a_thumbs_down_opens_a_form_whose_answer_reaches_the_admins_gaps(slack, fake_slack, channel, knowledge):
    voter = fresh_id("U")
    question, answer = mentioned(slack, fake_slack, "who owns hosting costs?", channel)
    down = next(e for e in in_block(answer, "feedback") if e["action_id"] == "feedback_down")
    posted = {"ts": fresh_ts(), "thread_ts": question["event"]["ts"], "blocks": answer["blocks"]}
    click = block_action(down, channel=channel, message=posted, response_url=fake_slack.response_url(), user=voter)
    slack.action(click)
    [opened] = fake_slack.wait_for("views.open", trigger_id=click["trigger_id"])
    form = {**opened["view"], "id": fresh_id("V")}
    assert form["callback_id"] == "downvote_note"
    labels = [b["label"]["text"] for b in form["blocks"] if b["type"] == "input"]
    assert labels == ["Who should own this?", "Anything else?"]

    empty = slack.action(view_submission(form, _form_state("", ""), user=voter))
    assert empty.json()["response_action"] == "errors"
    sent = slack.action(view_submission(form, _form_state("the COO", "Finance pays the cloud bill"), user=voter))
    assert sent.status_code == 200 and not sent.content

    def noted():
        gaps = [g for g in _gaps(knowledge) if g.kind == "disliked" and g.notes]
        return [n for g in gaps for n in g.notes if n.user_id == voter]

    [note] = eventually(noted, what="the 👎 form's note in the gaps")
    assert (note.owner, note.note) == ("the COO", "Finance pays the cloud bill")
    assert fake_slack.calls("chat.update", channel=channel) == []  # the public answer is left alone


def test_a_whoowns_answer_can_be_shared_in_the_channel_without_pinging_anyone(slack, fake_slack, channel):
    sharer = fresh_id("U")
    fake_slack.users[sharer] = {"id": sharer, "name": "grace", "profile": {"display_name": "Grace H"}}
    asked = fake_slack.response_url()
    slack.command("who owns pricing?", response_url=asked, channel=channel, user=sharer)
    [answer] = fake_slack.wait_for_response(asked)
    assert answer["response_type"] == "ephemeral"
    [share] = in_block(answer, "share")
    assert share["text"]["text"] == "Share in channel"

    url = fake_slack.response_url()
    slack.action(block_action(share, channel=channel, message=None, response_url=url, user=sharer))
    shared, removed = fake_slack.wait_for_response(url, count=2)
    assert shared["response_type"] == "in_channel" and shared["text"] == "Pricing: the CPO"
    assert "Shared by Grace H with /whoowns" in str(shared["blocks"]) and f"<@{sharer}>" not in str(shared.params)
    assert actions(shared) == []
    assert removed["delete_original"] is True


def test_a_not_sure_whoowns_reply_has_nothing_to_share(slack, fake_slack, channel):
    asked = fake_slack.response_url()
    slack.command("what time is standup?", response_url=asked, channel=channel)
    [reply] = fake_slack.wait_for_response(asked)
    assert "share" not in block_ids(reply)


def _form_state(owner: str, note: str) -> dict:
    return {
        "values": {
            "owner": {"owner_input": {"type": "plain_text_input", "value": owner}},
            "note": {"note_input": {"type": "plain_text_input", "value": note}},
        }
    }


def _gaps(knowledge: KnowledgeService) -> list:
    """The workspace's gaps, as one of its admins sees them."""
    return build_admin(knowledge).gaps.list(Actor(team_id=TEAM, user_id="U0ADMIN", workspace_admin=True))
