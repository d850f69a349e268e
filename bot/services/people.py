"""People as Slack describes them: a role holder is shown by name, so an answer in a channel pings nobody,
and their title and whether they are deactivated tell admins which holders need attention.

Profiles come from Slack's `users.info` and are kept per workspace in the database for `NAME_LIFETIME`, so
every web process shares them and a busy channel costs one lookup a day per holder; a `user_change`
event refreshes one at once. A lookup that fails leaves the person unnamed (an older profile, if any,
is used meanwhile): the answer then names the role alone, still without a mention.

A workspace's whole list of people (`users.list`, for holder suggestions) goes into the same cache; when
it was listed is kept too, and the list is fetched again once it is as old as a name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.core.clock import utcnow
from bot.core.holders import Profile
from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

NAME_LIFETIME = timedelta(hours=24)
Lookup = Callable[[str], Mapping[str, Any] | None]  # a user id → `users.info`'s `user`; None when it fails
ListPeople = Callable[[], list[Mapping[str, Any]] | None]  # `users.list`'s members, every page; None when it fails
SLACKBOT = "USLACKBOT"


def display_name(user: Mapping[str, Any]) -> str | None:
    """The name Slack shows for a person: the display name, else the real name, else the handle."""
    profile = user.get("profile") or {}
    for name in (profile.get("display_name"), profile.get("real_name"), user.get("real_name"), user.get("name")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


def to_profile(user: Mapping[str, Any]) -> Profile | None:
    """A Slack `user` object as a profile; None without an id or any name."""
    name, user_id = display_name(user), user.get("id")
    if name is None or not isinstance(user_id, str):
        return None
    title = (user.get("profile") or {}).get("title")
    bot = bool(user.get("is_bot")) or user_id == SLACKBOT
    return Profile(user_id, name, title.strip() if isinstance(title, str) else "", bool(user.get("deleted")), bot)


class PersonNames:
    def __init__(self, db: Database, *, lifetime: timedelta = NAME_LIFETIME, now: Callable[[], datetime] = utcnow):
        self.db = db
        self.lifetime = lifetime
        self.now = now

    def names(self, team_id: str, user_ids: Iterable[str], *, lookup: Lookup | None = None) -> dict[str, str]:
        """The names known for `user_ids` (see `profiles`)."""
        return {user: profile.name for user, profile in self.profiles(team_id, user_ids, lookup=lookup).items()}

    def profiles(self, team_id: str, user_ids: Iterable[str], *, lookup: Lookup | None = None) -> dict[str, Profile]:
        """The profiles known for `user_ids`; with `lookup`, missing and old ones are fetched (outside any
        transaction) and kept. Without it, the cache alone answers."""
        wanted = set(user_ids)
        with unit_of_work(self.db) as store:
            cached = store.people.get(team_id, wanted)
        known = {user: profile for user, (profile, at) in cached.items() if lookup is None or self._fresh(at)}
        if lookup is None:
            return known
        for user in sorted(wanted - known.keys()):
            found = lookup(user)
            profile = to_profile(found) if found else None
            if profile is not None:
                self._put(team_id, [profile])
                known[user] = profile
            elif user in cached:
                known[user] = cached[user][0]
        return known

    def remember(self, team_id: str, user: Mapping[str, Any]) -> None:
        """A `user_change` event's user: their profile as it is now."""
        profile = to_profile(user)
        if profile is not None:
            self._put(team_id, [profile])

    def listed_recently(self, team_id: str) -> bool:
        with unit_of_work(self.db) as store:
            at = store.people.listed_at(team_id)
        return at is not None and self._fresh(at)

    def everyone(self, team_id: str, *, list_people: ListPeople | None = None) -> list[Profile]:
        """The workspace's people as last listed; with `list_people`, listed again first if that has grown
        old (a failed listing keeps the last one). Without a listing yet, nobody."""
        started = self.now()
        if list_people is not None and not self.listed_recently(team_id):
            members = list_people()
            if members is not None:
                profiles = [p for p in map(to_profile, members) if p is not None]
                self._put(team_id, profiles, at=started, listed=True)
        with unit_of_work(self.db) as store:
            listed_at = store.people.listed_at(team_id)
            return store.people.fetched_since(team_id, listed_at) if listed_at is not None else []

    def _put(self, team_id: str, profiles: list[Profile], *, at: datetime | None = None, listed: bool = False) -> None:
        at = at or self.now()
        with unit_of_work(self.db) as store:
            for profile in profiles:
                store.people.put(team_id, profile, at=at)
            if listed:
                store.people.mark_listed(team_id, at=at)

    def _fresh(self, fetched_at: datetime) -> bool:
        at = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
        return self.now() - at < self.lifetime
