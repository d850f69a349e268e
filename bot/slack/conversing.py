"""One turn of a conversation with the bot (a DM, or a thread of the agent conversation), no Slack calls.

Greetings, thanks and "help" get small talk's reply; an ordinary question gets the usual answer; a
follow-up (`bot.core.followup`) is read against the topic the conversation last got an answer about. A
turn says which topic the conversation is about afterwards and what title suits its thread.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from slack_sdk import WebClient

from bot.core.answer import Answer
from bot.core.followup import FollowUp, Kind, follow_up
from bot.services.overview import workspace_overview
from bot.slack import surface_messages as say
from bot.slack.answering import ask, render
from bot.slack.blocks.conversation import assess_blocks, holder_text, role_topics_blocks, thread_title, why_blocks
from bot.slack.people import names_of
from bot.slack.replies import Reply
from bot.slack.small_talk import small_talk_reply
from bot.wiring import Deps

ViewedTopic = Callable[[], str | None]  # the name of the channel the person is looking at, if known


@dataclass(frozen=True)
class Turn:
    reply: Reply
    topic_id: str | None = None  # what the conversation is about now (None: unchanged)
    title: str | None = None


def take_turn(
    deps: Deps,
    text: str,
    *,
    team_id: str | None,
    previous: str | None,
    viewed_topic: ViewedTopic,
    client: WebClient | None = None,
    asker: str | None = None,
) -> Turn:
    """`previous`: the conversation's topic so far; `viewed_topic` is only called for "who owns this?";
    `client` looks up the names of holders not cached yet, `asker` may click "Ask <name>" (as in a channel)."""
    turns = _Turns(deps, team_id, client, asker)
    chatted = small_talk_reply(deps, text, team_id=team_id)
    if chatted is not None:
        return Turn(chatted)
    asked = follow_up(text)
    if asked is None:
        return turns.answer(text)
    if asked.kind is Kind.TOPIC:
        return turns.answer(asked.text)
    if asked.kind is Kind.THIS:
        topic = viewed_topic()
        return turns.answer(topic) if topic else Turn(Reply.of(say.VIEWED_CHANNEL_UNKNOWN))
    if asked.kind is Kind.ROLE:
        return turns.role_topics(text, asked.text)
    if asked.kind is Kind.ASSESS:
        return Turn(Reply.of(say.ASSESS, assess_blocks()))
    return turns.about_previous(asked, previous)


@dataclass(frozen=True)
class _Turns:
    """The replies that name people, naming them as a channel answer does (cached, else `users.info`)."""

    deps: Deps
    team_id: str | None
    client: WebClient | None
    asker: str | None

    def answer(self, question: str) -> Turn:
        answer = ask(self.deps, question, team_id=self.team_id, surface="dm")
        topic = answer.responsibility.id if answer.known and answer.responsibility else None
        reply = render(self.deps, answer, team_id=self.team_id, client=self.client, asker=self.asker)
        return Turn(reply, topic_id=topic, title=thread_title(answer))

    def role_topics(self, text: str, role_id: str) -> Turn:
        overview = workspace_overview(self.deps.knowledge, self.team_id)
        names = names_of(self.deps, self.team_id, overview.holders, client=self.client)
        return Turn(Reply.of(text, role_topics_blocks(overview, role_id, names)))

    def about_previous(self, asked: FollowUp, previous: str | None) -> Turn:
        answer = self.deps.knowledge.answer_topic(previous, team_id=self.team_id) if previous else None
        if answer is None:
            return Turn(Reply.of(say.NO_TOPIC_YET))
        if asked.kind is Kind.WHY:
            return Turn(Reply.of(_why_text(answer), why_blocks(answer)))
        holders = [answer.holder] if answer.holder else []
        return Turn(Reply.of(holder_text(answer, names_of(self.deps, self.team_id, holders, client=self.client))))


def _why_text(answer: Answer) -> str:
    assert answer.responsibility is not None
    return f"Why the {answer.role} owns {answer.responsibility.title}"
