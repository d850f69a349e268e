"""Who is a workspace admin, as Slack's `users.info` says: admins and owners, never a record about someone else."""

import pytest

from bot.slack.actors import actor_from_users_info, is_workspace_admin


@pytest.mark.parametrize(
    ("user", "expected"),
    [
        ({"id": "U0A", "is_admin": True}, True),
        ({"id": "U0A", "is_owner": True}, True),
        ({"id": "U0A", "is_primary_owner": True}, True),
        ({"id": "U0A", "is_admin": False, "is_owner": False}, False),
        ({"id": "U0B", "is_admin": True}, False),  # somebody else's record
        ({"id": "U0A", "is_admin": True, "deleted": True}, False),
    ],
)
def test_workspace_admins_and_owners_come_from_users_info(user, expected):
    assert is_workspace_admin("U0A", {"ok": True, "user": user}) is expected
    assert is_workspace_admin("U0A", user) is expected
    assert actor_from_users_info("T0A", "U0A", user).workspace_admin is expected


def test_a_failed_users_info_call_is_not_an_admin():
    assert not is_workspace_admin("U0A", None)
    assert not is_workspace_admin("U0A", {"ok": False, "error": "user_not_found"})
