"""People's names for answers: a role holder is shown by name, so an answer in a channel pings nobody.

Names come from Slack's `users.info` and are kept per workspace in the database for `NAME_LIFETIME`, so
every web process shares them and a busy channel costs one lookup a day per holder; a `user_change`
event refreshes a name at once. A lookup that fails leaves the person unnamed (an older name, if any,
is used meanwhile): the answer then names the role alone, still without a mention.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.core.clock import utcnow
from bot.store.database import Database
from bot.store.unit_of_work import unit_of_work

NAME_LIFETIME = timedelta(hours=24)
Lookup = Callable[[str], Mapping[str, Any] | None]  # a user id → `users.info`'s `user`; None when it fails


def display_name(user: Mapping[str, Any]) -> str | None:
    """The name Slack shows for a person: the display name, else the real name, else the handle."""
    profile = user.get("profile") or {}
    for name in (profile.get("display_name"), profile.get("real_name"), user.get("real_name"), user.get("name")):
        if isinstance(name, str) and name.strip():
            return name.strip()
    return None


class PersonNames:
    def __init__(self, db: Database, *, lifetime: timedelta = NAME_LIFETIME, now: Callable[[], datetime] = utcnow):
        self.db = db
        self.lifetime = lifetime
        self.now = now

    def names(self, team_id: str, user_ids: Iterable[str], *, lookup: Lookup | None = None) -> dict[str, str]:
        """The names known for `user_ids`; with `lookup`, missing and old ones are fetched (outside any
        transaction) and kept. Without it, the cache alone answers."""
        wanted = set(user_ids)
        with unit_of_work(self.db) as store:
            cached = store.people.get(team_id, wanted)
        names = {user: name for user, (name, at) in cached.items() if lookup is None or self._fresh(at)}
        if lookup is None:
            return names
        for user in sorted(wanted - names.keys()):
            found = lookup(user)
            name = display_name(found) if found else None
            if name is not None:
                self._put(team_id, user, name)
                names[user] = name
            elif user in cached:
                names[user] = cached[user][0]
        return names

    def remember(self, team_id: str, user: Mapping[str, Any]) -> None:
        """A `user_change` event's user: their name as it is now."""
        name = display_name(user)
        if name and isinstance(user.get("id"), str):
            self._put(team_id, user["id"], name)

    def _put(self, team_id: str, user_id: str, name: str) -> None:
        with unit_of_work(self.db) as store:
            store.people.put(team_id, user_id, name, at=self.now())

    def _fresh(self, fetched_at: datetime) -> bool:
        at = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
        return self.now() - at < self.lifetime
