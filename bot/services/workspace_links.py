"""Signed workspace tokens for the knowledge-base pages' `?team=` parameter.

A workspace's role map shows who holds each role and the workspace's own overrides with their reasons.
Team ids are not secret (they show in every Slack URL), so `?team=T0ABC` alone must not open that view:
the bot signs the team id with a server secret (HMAC-SHA256) in every link it posts, `T0ABC.<signature>`,
and the pages open a workspace's view only for a token this server made. The default organisation's
pages need no token.
"""

from __future__ import annotations

import hashlib
import hmac
import re

SEPARATOR = "."  # never escaped, in a URL or by an HTML form
TOKEN = re.compile(r"(?P<team>[A-Z][A-Z0-9]{1,39})\.(?P<signature>[0-9a-f]{24})")
_PURPOSE = b"whoowns knowledge-base pages:"


class WorkspaceLinks:
    def __init__(self, secret: str | None):
        self._key = secret.encode() if secret else None

    def token(self, team_id: str) -> str | None:
        """The `team` value for a workspace's pages; None when the server has no secret to sign with."""
        return f"{team_id}{SEPARATOR}{self._signature(team_id)}" if self._key else None

    def team_of(self, token: str) -> str | None:
        """The team id a token was made for by this server, or None for anything else."""
        match = TOKEN.fullmatch(token)
        if not match or not self._key:
            return None
        valid = hmac.compare_digest(match["signature"], self._signature(match["team"]))
        return match["team"] if valid else None

    def _signature(self, team_id: str) -> str:
        assert self._key is not None
        return hmac.new(self._key, _PURPOSE + team_id.encode(), hashlib.sha256).hexdigest()[:24]
