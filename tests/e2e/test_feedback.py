"""👍 / 👎 on answers: stored once per person per answer (a new vote replaces the old), thanked privately."""

from __future__ import annotations

from sqlalchemy import select

from bot.store.tables import FeedbackRow
from tests.e2e.fake_slack import RESPONSE_URL
from tests.e2e.slack_requests import TEAM, block_action, fresh_ts, mention


def buttons(blocks: list[dict]) -> dict[str, dict]:
    feedback = next(b for b in blocks if b.get("block_id") == "feedback")
    return {element["action_id"]: element for element in feedback["elements"]}


def votes(knowledge, channel: str) -> list[tuple[str, int, str | None, str]]:
    with knowledge.db.transaction() as session:
        rows = session.scalars(select(FeedbackRow).where(FeedbackRow.channel_id == channel).order_by(FeedbackRow.id))
        return [(r.user_id, r.vote, r.responsibility_id, r.team_id) for r in rows]


def thanks(fake_slack, url: str) -> str:
    [reply] = fake_slack.wait_for_response(url)
    assert reply["response_type"] == "ephemeral" and reply.get("replace_original") is False
    return reply["text"]


def test_a_vote_in_a_channel_is_stored_once_per_person_and_only_the_voter_is_thanked(
    slack, fake_slack, knowledge, channel
):
    question = mention("who owns hosting costs?", channel=channel)
    slack.event(question)
    [answer] = fake_slack.wait_for("chat.postMessage", channel=channel)
    posted = {"ts": fresh_ts(), "thread_ts": question["event"]["ts"], "blocks": answer["blocks"]}

    def click(action_id: str, user: str) -> str:
        action = buttons(answer["blocks"])[action_id]
        url = fake_slack.response_url()
        payload = block_action(action, channel=channel, message=posted, response_url=url, user=user)
        assert slack.action(payload).status_code == 200
        return url

    assert thanks(fake_slack, click("feedback_up", "U0VOTER1")).endswith("So far: 👍 1 · 👎 0")
    assert votes(knowledge, channel) == [("U0VOTER1", 1, "hosting-costs", TEAM)]

    changed_mind = click("feedback_down", "U0VOTER1")  # still one vote
    assert "👎" in thanks(fake_slack, changed_mind)
    assert thanks(fake_slack, click("feedback_up", "U0VOTER2")).endswith("So far: 👍 1 · 👎 1")
    assert sorted(votes(knowledge, channel)) == [
        ("U0VOTER1", -1, "hosting-costs", TEAM),
        ("U0VOTER2", 1, "hosting-costs", TEAM),
    ]
    assert fake_slack.calls("chat.update", channel=channel) == []  # the public answer does not show who voted


def test_a_vote_on_an_answer_only_the_asker_sees_leaves_it_and_thanks_them_privately(
    slack, fake_slack, knowledge, channel
):
    asked = fake_slack.response_url()
    slack.command("pricing", response_url=asked, channel=channel)
    [answer] = fake_slack.wait_for_response(asked)

    clicked = fake_slack.response_url()
    action = buttons(answer["blocks"])["feedback_down"]
    slack.action(block_action(action, channel=channel, message=None, response_url=clicked))
    assert thanks(fake_slack, clicked).endswith("So far: 👍 0 · 👎 1")
    assert [(user, vote) for user, vote, *_ in votes(knowledge, channel)] == [("U0ASKER1", -1)]
    assert fake_slack.calls("chat.update", channel=channel) == []
    assert len([c for c in fake_slack.calls(RESPONSE_URL) if c.path == clicked.removeprefix(fake_slack.url)]) == 1
