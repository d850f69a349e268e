"""Who a message names, looked up for it: holders' and sharers' names (`users.info`, cached per
workspace) and overrides' authors. A name, unlike a mention, notifies nobody. And the workspace's
people (`users.list`), for the settings form's suggested holders.

`users.info` and `users.list` need the `users:read` scope the app already has for admin checks. A failed lookup is
logged and leaves that person unnamed: the answer then shows the role alone.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from slack_sdk import WebClient

from bot.core.answer import Answer
from bot.services.admin.actor import SLACK_USER
from bot.services.decisions import override_decision
from bot.services.people import ListPeople, Lookup
from bot.slack.blocks.answer import AnswerPeople, holders_named
from bot.slack.replies import WEB_API_FAILURES
from bot.wiring import Deps

log = logging.getLogger(__name__)
PAGE_SIZE = 200  # `users.list`'s page: Slack recommends no more than 200
LISTING_PAGES = 25  # 5,000 people: `users.list` is rate limited (Tier 2), and a listing runs while a form is open


def users_info(client: WebClient, team_id: str) -> Lookup:
    def lookup(user_id: str) -> Mapping[str, Any] | None:
        try:
            user = client.users_info(user=user_id).get("user")
        except WEB_API_FAILURES as error:
            log.warning("could not read a user's name (team %s): %s", team_id, error)
            return None
        return user if isinstance(user, Mapping) else None

    return lookup


def members(client: WebClient, *, max_pages: int) -> Iterator[Mapping[str, Any]]:
    """The workspace's members as `users.list` gives them, `PAGE_SIZE` a page by cursor, up to `max_pages`
    pages (a bigger workspace is read that far); a page that fails raises."""
    cursor = None
    for _ in range(max_pages):
        page = client.users_list(limit=PAGE_SIZE, cursor=cursor)
        yield from (member for member in page.get("members") or [] if isinstance(member, Mapping))
        cursor = (page.get("response_metadata") or {}).get("next_cursor")
        if not cursor:
            return


def users_list(client: WebClient, team_id: str) -> ListPeople:
    """The workspace's people for holder suggestions: up to `LISTING_PAGES` pages; None if a page fails."""

    def list_people() -> list[Mapping[str, Any]] | None:
        try:
            return list(members(client, max_pages=LISTING_PAGES))
        except WEB_API_FAILURES as error:
            log.warning("could not list the workspace's people (team %s): %s", team_id, error)
            return None

    return list_people


def answer_people(
    deps: Deps, answer: Answer, *, team_id: str | None, client: WebClient | None = None, asker: str | None = None
) -> AnswerPeople:
    """Names for everyone `answer` names; without a client, the names already cached."""
    if not team_id:
        return AnswerPeople(asker=asker)
    decisions = {
        topic.responsibility.id: decision
        for topic in (answer, *answer.topics)
        if topic.override is not None and topic.responsibility is not None
        if (decision := override_decision(deps.knowledge.db, team_id, topic.responsibility.id)) is not None
    }
    people = holders_named(answer) | {d.by for d in decisions.values() if d.by and SLACK_USER.match(d.by)}
    lookup = users_info(client, team_id) if client is not None else None
    names = deps.people.names(team_id, people, lookup=lookup)
    return AnswerPeople(names=names, decisions=decisions, asker=asker)


def names_of(
    deps: Deps, team_id: str | None, user_ids: Iterable[str], *, client: WebClient | None = None
) -> dict[str, str]:
    """People's names from the cache, or `users.info` for those not cached yet (with a client)."""
    if not team_id:
        return {}
    return deps.people.names(team_id, user_ids, lookup=users_info(client, team_id) if client else None)


def name_of(deps: Deps, client: WebClient, team_id: str | None, user_id: str) -> str | None:
    """One person's name (a sharer's), from the cache or `users.info`; None when Slack will not say."""
    return names_of(deps, team_id, [user_id], client=client).get(user_id)
