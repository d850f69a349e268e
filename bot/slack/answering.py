"""Turns a question, a picked topic or a button's `AnswerKey` into the reply message (no Slack calls)."""

from __future__ import annotations

from bot.core.answer import Answer
from bot.slack import messages
from bot.slack.blocks.answer import AnswerKey, FeedbackNote, answer_text, build_answer_blocks
from bot.slack.deps import Deps
from bot.slack.replies import Reply


def mention(user_id: str) -> str:
    return f"<@{user_id}>"


def answer_question(deps: Deps, question: str, *, team_id: str | None) -> Reply:
    return render(deps, deps.knowledge.ask(question, team_id=team_id, mention=mention), team_id=team_id)


def answer_topic(deps: Deps, responsibility_id: str, *, team_id: str | None) -> Reply:
    answer = deps.knowledge.answer_topic(responsibility_id, team_id=team_id, mention=mention)
    if answer is None:
        return Reply.of(messages.TOPIC_NO_LONGER_EXISTS)
    return render(deps, answer, team_id=team_id, picked=True)


def rebuild(deps: Deps, key: AnswerKey, *, team_id: str | None) -> Answer | None:
    """The answer a button belongs to, built again from its key (None if its topic has gone).

    Asked with the workspace's settings but not as the workspace's question, so rebuilding an answer
    the bot was unsure of does not count as the question being asked again.
    """
    if key.picked and key.responsibility_id:
        return deps.knowledge.answer_topic(key.responsibility_id, team_id=team_id, mention=mention)
    return deps.knowledge.ask(key.question, org=deps.knowledge.org(team_id), mention=mention)


def render(
    deps: Deps, answer: Answer, *, team_id: str | None, picked: bool = False, feedback: FeedbackNote | None = None
) -> Reply:
    entry_url = deps.entry_url(answer, team_id=team_id)
    topic_urls = [deps.entry_url(topic, team_id=team_id) for topic in answer.topics]
    blocks = build_answer_blocks(answer, entry_url=entry_url, topic_urls=topic_urls, picked=picked, feedback=feedback)
    return Reply.of(answer_text(answer), blocks)
