"""The domain errors an admin's change can end in, each with the sentence the person is shown.

Validation problems are `bot.core.problems.InvalidInput` (field by field); these are the others. Entry
points translate them and never reword them: `str(error)`, or `StaleEdit.message(mention)` to name the
other editor the entry point's way (`<@U…>` in Slack).
"""

from __future__ import annotations

from typing import Any

from bot.services.admin.actor import Mention, name_actor

ONLY_ADMINS = "Only admins can change this."
ONLY_ADMINS_SEE = "Only admins can see this."
ONLY_KNOWLEDGE_TEAMS = (
    "Only admins can change this: the knowledge base is shared by every workspace this app is installed in, "
    "and this workspace's admins are not among those who may edit it."
)


class AdminError(Exception):
    """Anything an admin's change is refused for, other than invalid input."""


class NotAllowed(AdminError, PermissionError):
    def __init__(self, message: str = ONLY_ADMINS):
        super().__init__(message)


class NotFound(AdminError, LookupError):
    pass


class CannotRevert(AdminError):
    pass


class StaleEdit(AdminError):
    """Somebody saved the entity after this editor opened it; nothing was written.

    `current` is the entity as it is now and `version` its version, so the editor can be shown the
    current state and save again on top of it.
    """

    def __init__(self, *, changed_by: str | None, version: int, current: dict[str, Any] | None):
        self.changed_by = changed_by
        self.version = version
        self.current = current
        super().__init__(self.message())

    def message(self, mention: Mention = str) -> str:
        return f"This was changed by {name_actor(self.changed_by, mention)} since you opened it. Nothing was saved."
