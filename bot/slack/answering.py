"""Turns a question, a picked topic or a button's `AnswerKey` into the reply message (no Slack calls)."""

from __future__ import annotations

import logging
import time

from slack_sdk import WebClient

from bot.core.answer import Answer
from bot.metrics import count_question
from bot.slack import messages
from bot.slack.blocks.answer import AnswerKey, answer_text, build_answer_blocks
from bot.slack.people import answer_people
from bot.slack.replies import Reply
from bot.wiring import Deps

log = logging.getLogger(__name__)


def ask(deps: Deps, question: str, *, team_id: str | None, surface: str) -> Answer:
    """The answer to a question asked at `surface` (mention, dm, command, shortcut), counted in the metrics
    and logged with its duration (never its text)."""
    started = time.perf_counter()
    answer = deps.knowledge.ask(question, team_id=team_id)
    seconds = time.perf_counter() - started
    count_question(surface, known=answer.known, seconds=seconds)
    log.info("question %s (%s)", "answered" if answer.known else "abstained", surface, extra={"duration": seconds})
    return answer


def answer_question(
    deps: Deps,
    question: str,
    *,
    team_id: str | None,
    surface: str,
    client: WebClient | None = None,
    asker: str | None = None,
) -> Reply:
    answer = ask(deps, question, team_id=team_id, surface=surface)
    return render(deps, answer, team_id=team_id, client=client, asker=asker)


def answer_topic(
    deps: Deps,
    responsibility_id: str,
    *,
    team_id: str | None,
    client: WebClient | None = None,
    asker: str | None = None,
) -> Reply:
    answer = deps.knowledge.answer_topic(responsibility_id, team_id=team_id)
    if answer is None:
        return Reply.of(messages.TOPIC_NO_LONGER_EXISTS)
    return render(deps, answer, team_id=team_id, picked=True, client=client, asker=asker)


def rebuild(deps: Deps, key: AnswerKey, *, team_id: str | None) -> Answer | None:
    """The answer a button belongs to, built again from its key (None if its topic has gone).

    Rebuilding an answer the bot was unsure of does not count as the question being asked again.
    """
    if key.picked and key.responsibility_id:
        return deps.knowledge.answer_topic(key.responsibility_id, team_id=team_id)
    return deps.knowledge.ask(key.question, team_id=team_id, record_unanswered=False)


def render(
    deps: Deps,
    answer: Answer,
    *,
    team_id: str | None,
    picked: bool = False,
    client: WebClient | None = None,
    asker: str | None = None,
) -> Reply:
    """The reply for `answer`, naming its people without a mention (`client`: to look up names not
    cached yet; `asker`: the only person whose "Ask <name>" click sends the question on)."""
    entry_url = deps.entry_url(answer, team_id=team_id)
    topic_urls = [deps.entry_url(topic, team_id=team_id) for topic in answer.topics]
    people = answer_people(deps, answer, team_id=team_id, client=client, asker=asker)
    blocks = build_answer_blocks(answer, entry_url=entry_url, topic_urls=topic_urls, picked=picked, people=people)
    return Reply.of(answer_text(answer, people), blocks)
